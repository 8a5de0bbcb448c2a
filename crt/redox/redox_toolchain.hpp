// `clifwrap redox-toolchain`: a toolchain directory shaped like the Redox build system's prefix
// (prefix/<T>/sysroot, which REDOXER_TOOLCHAIN names), so that `repo cook` builds a recipe
// unchanged with Cranelift. The cookbook passes no -Zbuild-std, puts the toolchain's bin/ first on
// PATH and sets the linker to <gnu-target>-gcc; so the directory holds:
//   bin/, lib/                      rustc with the Cranelift backend (hard links to its sysroot)
//   lib/rustlib/<T>/lib/            std for T, compiled by Cranelift through clifwrap
//   bin/<gnu-target>-gcc, -cc       clifwrap's C compiler and linker faces (finds <gnu-target>/ as
//                                   its sysroot); -ld the linker face, -strip the strip face
//   bin/<gnu-target>-ar, -nm, …     LLVM's binutils
//   bin/cargo                       the cargo it was built with, when the toolchain has none
//   <gnu-target>/{lib,include}      relibc's files, as `clifwrap sysroot` lays them out
// Built in a temporary directory beside the output and renamed into place.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "crt/redox/sysroot_layout.hpp"

namespace clifwrap {

struct RedoxToolchainRequest {
  std::string target;  // the Rust triple: x86_64-unknown-redox
  std::string relibc;  // relibc's source or build directory
  std::string out;
  std::string rustc;   // a rustc with the Cranelift backend
};

// What the cross gcc is called for a Rust triple: riscv64gc-unknown-redox -> riscv64-unknown-redox.
std::string gnu_target_of(const std::string& target);

Result<std::vector<SysrootEntry>> lay_out_redox_toolchain(const RedoxToolchainRequest& request);

}  // namespace clifwrap
