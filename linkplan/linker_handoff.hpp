// What the rustc-wrapper face hands the linker face: rustc runs clifwrap-link as its linker and
// passes its environment on, so the wrapper says through these variables what the link cannot see
// in its own command line. Both faces include this; neither includes the other.
#pragma once

#include <string>
#include <string_view>

namespace clifwrap {

// The linker face's own name; a symlink to clifwrap beside the executable.
inline constexpr std::string_view kLinkerName = "clifwrap-link";

inline constexpr std::string_view kLinkTargetVariable = "CLIFWRAP_LINK_TARGET";      // the target triple
inline constexpr std::string_view kOriginalLinkerVariable = "CLIFWRAP_LINK_ORIGINAL";  // -C linker before
inline constexpr std::string_view kSoftFloatVariable = "CLIFWRAP_LINK_SOFT_FLOAT";     // 1: the FP/SIMD check

// Where the wrapper finds clifwrap-link: beside this executable.
std::string embedded_linker_path();

}  // namespace clifwrap
