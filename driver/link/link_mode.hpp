// Linker mode: `clifwrap-link [args...]`, what rustc runs as its linker under wrapper mode, and the
// cookbook's `<target>-gcc` when clifwrap is linked under that name. The command line becomes a
// LinkPlan (linkplan/), the sysroot profile adds the start files, lld links in-process into a
// temporary file that is renamed into place. A plan with options the planner does not know is
// handed to the original linker, never linked differently.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "driver/config/config.hpp"

namespace clifwrap {

// True for the names that select linker mode: clifwrap-link, or one ending in -gcc, -cc or -ld.
bool is_linker_name(std::string_view program_name);

// `invoked_as`: argv[0] as given (a path when make or the cookbook runs the linker by its path).
int run_linker_mode(const std::string& invoked_as, const std::vector<std::string>& args, const EnvLookup& env);

}  // namespace clifwrap
