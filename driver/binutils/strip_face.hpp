// The strip face: `<gnu-target>-strip` in a toolchain directory. LLVM's llvm-strip does the work
// (it takes GNU strip's options), but not GNU strip's `-v`/`--verbose`, which the Redox cookbook's
// strip step passes for every staged file (`find … -exec <gnu-target>-strip -v {} ';'`): with a
// bare symlink to llvm-strip that step failed on every file and, find swallowing the status,
// left every program unstripped. So clifwrap runs as that name, drops the verbose flag (it only
// makes GNU strip name each file it copies) and runs llvm-strip in its place.
#pragma once

#include <string>
#include <vector>

namespace clifwrap {

// Whether clifwrap runs under a strip's name (x86_64-unknown-redox-strip).
bool is_strip_name(std::string_view program_name);

// Runs llvm-strip for `args` (replacing this process); returns only on failure, with the exit code.
int run_strip_face(const std::vector<std::string>& args);

}  // namespace clifwrap
