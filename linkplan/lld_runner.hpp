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

// OneShot: the process ends after this link (linker mode), so lld's memory is not torn down;
// Reusable: lld can link again in this process.
enum class LldRun { OneShot, Reusable };

// An Error only when lld could not be loaded; a failed link is an outcome with a non-zero code.
Result<LldOutcome> run_lld(const std::vector<std::string>& argv, LldRun run);

// Where the module is looked for, in order.
std::vector<std::string> lld_module_candidates();

}  // namespace clifwrap
