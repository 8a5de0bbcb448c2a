// The Redox build system's prefix, taken by a clifwrap toolchain directory, so that `make
// r.<recipe>` and `make all` (PODMAN_BUILD=0) use it unchanged. mk/prefix.mk points
// REDOXER_TOOLCHAIN, RUSTUP_TOOLCHAIN and PATH at prefix/<T>/sysroot, and every recipe target
// depends on `prefix`, i.e. on prefix/<T>/sysroot, which make rebuilds when it is older than
// prefix/<T>/{gcc,rust,clang}-install, each made from a downloaded <name>.tar.gz (PREFIX_BINARY=1,
// the default). So the directory goes to prefix/<T>/sysroot, and those six are made where missing,
// empty, older than the directory: make finds the prefix up to date and neither downloads gcc nor
// cooks relibc over it. Measured on redox-os/redox 81bc5bf: `make -n prefix` has nothing to do.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "crt/redox/sysroot_layout.hpp"

namespace clifwrap {

// Where the toolchain directory goes in the Redox checkout REDOX for the Rust target T; an error
// when REDOX is not a checkout of redox-os/redox (no mk/prefix.mk).
Result<std::string> build_system_sysroot(const std::string& redox, const std::string& target);

// Makes the missing prerequisites of prefix/<T>/sysroot as empty stand-ins older than it, and the
// sysroot newer than all of them. Returns what it made.
Result<std::vector<SysrootEntry>> settle_build_system_prefix(const std::string& sysroot);

}  // namespace clifwrap
