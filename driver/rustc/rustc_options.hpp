// rustc's command-line options as a table of descriptors (rustc 1.96, `rustc --help -v`): each
// spelling, whether it takes a value, and what it means. The parser looks an option up here and
// handles it in one switch; a test keeps the table sorted and unique.
#pragma once

#include <span>
#include <string_view>

namespace clifwrap {

enum class RustcOption {
  Allow, CapLints, Cfg, CheckCfg, Codegen, Color, CrateName, CrateType, Deny, DiagnosticWidth,
  Edition, Emit, EnvSet, ErrorFormat, Explain, Extern, Forbid, ForceWarn, Help, Json, Library,
  LibraryPath, OptLevel3, DebugInfo2, Output, OutDir, Print, RemapPathPrefix, RemapPathScope,
  Sysroot, Target, Test, Unstable, Verbose, Version, Warn,
};

struct RustcOptionSpec {
  std::string_view spelling;  // "--crate-name" or "-C"
  bool takes_value;           // long: "--x v" or "--x=v"; short: "-X v" or "-Xv"
  RustcOption option;
};

// Sorted by spelling.
std::span<const RustcOptionSpec> rustc_option_table();

// The descriptor for an exact spelling, or nullptr.
const RustcOptionSpec* find_rustc_option(std::string_view spelling);

}  // namespace clifwrap
