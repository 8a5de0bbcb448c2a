// `clifwrap doctor`: one line per check, ok or FAIL with a hint, so a user sees every problem of
// their setup in one run: config, cache, rustc, -Z flags, backend, wrapper, log, and with --target
// the spec changes for that target.
#pragma once

#include <optional>
#include <string>

#include "common/error.hpp"
#include "driver/config/config.hpp"

namespace clifwrap {

// Prints the report to stdout; returns the exit status (0 when every check passed).
int run_doctor(const std::string& rustc, const std::optional<std::string>& target, const EnvLookup& env);

// `clifwrap target <triple|spec.json>`: the derived spec on stdout, the changes on stderr.
Result<void> run_target_command(const std::string& rustc, const std::string& target, const EnvLookup& env);

}  // namespace clifwrap
