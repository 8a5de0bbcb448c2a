#include "driver/rustc/rustc_options.hpp"

#include <algorithm>
#include <array>

namespace clifwrap {
namespace {

using O = RustcOption;

// Keep sorted by spelling (ASCII): the unit tests check it.
constexpr std::array kTable = {
    RustcOptionSpec{"--allow", true, O::Allow},
    RustcOptionSpec{"--cap-lints", true, O::CapLints},
    RustcOptionSpec{"--cfg", true, O::Cfg},
    RustcOptionSpec{"--check-cfg", true, O::CheckCfg},
    RustcOptionSpec{"--codegen", true, O::Codegen},
    RustcOptionSpec{"--color", true, O::Color},
    RustcOptionSpec{"--crate-name", true, O::CrateName},
    RustcOptionSpec{"--crate-type", true, O::CrateType},
    RustcOptionSpec{"--deny", true, O::Deny},
    RustcOptionSpec{"--diagnostic-width", true, O::DiagnosticWidth},
    RustcOptionSpec{"--edition", true, O::Edition},
    RustcOptionSpec{"--emit", true, O::Emit},
    RustcOptionSpec{"--env-set", true, O::EnvSet},
    RustcOptionSpec{"--error-format", true, O::ErrorFormat},
    RustcOptionSpec{"--explain", true, O::Explain},
    RustcOptionSpec{"--extern", true, O::Extern},
    RustcOptionSpec{"--forbid", true, O::Forbid},
    RustcOptionSpec{"--force-warn", true, O::ForceWarn},
    RustcOptionSpec{"--help", false, O::Help},
    RustcOptionSpec{"--json", true, O::Json},
    RustcOptionSpec{"--out-dir", true, O::OutDir},
    RustcOptionSpec{"--print", true, O::Print},
    RustcOptionSpec{"--remap-path-prefix", true, O::RemapPathPrefix},
    RustcOptionSpec{"--remap-path-scope", true, O::RemapPathScope},
    RustcOptionSpec{"--sysroot", true, O::Sysroot},
    RustcOptionSpec{"--target", true, O::Target},
    RustcOptionSpec{"--test", false, O::Test},
    RustcOptionSpec{"--verbose", false, O::Verbose},
    RustcOptionSpec{"--version", false, O::Version},
    RustcOptionSpec{"--warn", true, O::Warn},
    RustcOptionSpec{"-A", true, O::Allow},
    RustcOptionSpec{"-C", true, O::Codegen},
    RustcOptionSpec{"-D", true, O::Deny},
    RustcOptionSpec{"-F", true, O::Forbid},
    RustcOptionSpec{"-L", true, O::LibraryPath},
    RustcOptionSpec{"-O", false, O::OptLevel3},
    RustcOptionSpec{"-V", false, O::Version},
    RustcOptionSpec{"-W", true, O::Warn},
    RustcOptionSpec{"-Z", true, O::Unstable},
    RustcOptionSpec{"-g", false, O::DebugInfo2},
    RustcOptionSpec{"-h", false, O::Help},
    RustcOptionSpec{"-l", true, O::Library},
    RustcOptionSpec{"-o", true, O::Output},
    RustcOptionSpec{"-v", false, O::Verbose},
};

}  // namespace

std::span<const RustcOptionSpec> rustc_option_table() { return kTable; }

const RustcOptionSpec* find_rustc_option(std::string_view spelling) {
  auto it = std::lower_bound(kTable.begin(), kTable.end(), spelling,
                             [](const RustcOptionSpec& spec, std::string_view s) { return spec.spelling < s; });
  return it != kTable.end() && it->spelling == spelling ? &*it : nullptr;
}

}  // namespace clifwrap
