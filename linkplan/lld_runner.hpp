// Runs lld in this process through clifwrap-lld.so, loaded on first use from beside the clifwrap
// executable (or <prefix>/lib/clifwrap/ when installed).
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct LldOutcome {
  int exit_code = 0;
  std::string output;  // what lld printed on stdout
  std::string errors;  // what lld printed on stderr: warnings and errors, already prefixed "ld.lld:"
  bool can_run_again = true;
};

// An Error only when lld could not be loaded; a failed link is an outcome with a non-zero code.
Result<LldOutcome> run_lld(const std::vector<std::string>& argv);

// Where the module is looked for, in order.
std::vector<std::string> lld_module_candidates();

}  // namespace clifwrap
