// C's complex multiplication helpers (__mulsc3, __muldc3, __multc3), which code multiplying
// `_Complex` values calls and gcc's libgcc defines: relibc's libc.so needs them. Where Debian has
// LLVM's compiler-rt builtins for the architecture (x86_64, i386) libgcc.a is those; elsewhere
// (aarch64, riscv64) clifwrap compiles these with clang-22 for the target instead of leaving
// libgcc.a empty, and every program linked against relibc's libc.so would stop on them.
#pragma once

#include <string>

#include "common/error.hpp"

namespace clifwrap {

// The helpers as an object for `gnu_target` (aarch64-unknown-redox), compiled in `scratch`.
Result<std::string> compile_complex_multiply(const std::string& gnu_target, const std::string& scratch);

}  // namespace clifwrap
