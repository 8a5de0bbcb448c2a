// The rustc face: clifwrap as a toolchain directory's `bin/rustc` (`clifwrap redox-toolchain` lays
// it out so), the real rustc beside it as `bin/rustc-real`. Every rustc call is then rewritten
// without RUSTC_WRAPPER, so a build system that sets RUSTC_WRAPPER=sccache (the Redox build's
// SCCACHE_BUILD) wraps clifwrap instead of replacing it. The real rustc stays in bin/, so its
// sysroot is still the directory.
#pragma once

#include <string>

#include "common/error.hpp"

namespace clifwrap {

inline constexpr std::string_view kRealRustcName = "rustc-real";

// The real rustc behind the face clifwrap runs as: `invoked_as` is argv[0] as given (a path, or the
// name found on PATH).
Result<std::string> rustc_behind_face(const std::string& invoked_as);

// For wrapper mode: the rustc to run when `rustc` is itself clifwrap's face (RUSTC_WRAPPER=clifwrap
// with the directory's bin/rustc): the real one beside it, so a call is rewritten once; any other
// rustc as it is.
std::string unwrapped_rustc(const std::string& rustc);

}  // namespace clifwrap
