// `clifwrap doctor`: one line per check, ok or FAIL with a hint, so a user sees every problem of
// their setup in one run. This checks: rustc, -Z flags, config, backend, cache, log, wrapper.
#pragma once

#include <string>

#include "driver/config.hpp"

namespace clifwrap {

// Prints the report to stdout; returns the exit status (0 when every check passed).
int run_doctor(const std::string& rustc, const EnvLookup& env);

}  // namespace clifwrap
