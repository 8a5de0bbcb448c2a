#include "linkplan/ld_options.hpp"

#include <algorithm>
#include <array>

namespace clifwrap {
namespace {

using A = LdAction;
using R = LdArity;

// Keep sorted by name (ASCII): the unit tests check it.
constexpr std::array kTable = {
    LdOptionSpec{"(", R::Flag, A::StartGroup},
    LdOptionSpec{")", R::Flag, A::EndGroup},
    LdOptionSpec{"Bdynamic", R::Flag, A::Bdynamic},
    LdOptionSpec{"Bshareable", R::Flag, A::Shared},
    LdOptionSpec{"Bstatic", R::Flag, A::Bstatic},
    LdOptionSpec{"Bsymbolic", R::Flag, A::Pass},
    LdOptionSpec{"Bsymbolic-functions", R::Flag, A::Pass},
    LdOptionSpec{"E", R::Flag, A::Pass},
    LdOptionSpec{"L", R::Value, A::LibraryPath},
    LdOptionSpec{"Map", R::Value, A::Pass},
    LdOptionSpec{"O", R::Value, A::Pass},
    LdOptionSpec{"S", R::Flag, A::Pass},
    LdOptionSpec{"T", R::Value, A::Pass},
    LdOptionSpec{"X", R::Flag, A::Pass},
    LdOptionSpec{"allow-multiple-definition", R::Flag, A::Pass},
    LdOptionSpec{"allow-shlib-undefined", R::Flag, A::Pass},
    LdOptionSpec{"as-needed", R::Flag, A::AsNeeded},
    LdOptionSpec{"build-id", R::OptionalValue, A::Pass},
    LdOptionSpec{"call_shared", R::Flag, A::Bdynamic},
    LdOptionSpec{"color-diagnostics", R::OptionalValue, A::Pass},
    LdOptionSpec{"compress-debug-sections", R::Value, A::Pass},
    LdOptionSpec{"defsym", R::Value, A::Pass},
    LdOptionSpec{"demangle", R::Flag, A::Pass},
    LdOptionSpec{"disable-new-dtags", R::Flag, A::Pass},
    LdOptionSpec{"discard-all", R::Flag, A::Pass},
    LdOptionSpec{"discard-locals", R::Flag, A::Pass},
    LdOptionSpec{"dn", R::Flag, A::Bstatic},
    LdOptionSpec{"dy", R::Flag, A::Bdynamic},
    LdOptionSpec{"dynamic-linker", R::Value, A::DynamicLinker},
    LdOptionSpec{"dynamic-list", R::Value, A::Pass},
    LdOptionSpec{"e", R::Value, A::Pass},
    LdOptionSpec{"eh-frame-hdr", R::Flag, A::Pass},
    LdOptionSpec{"emit-relocs", R::Flag, A::Pass},
    LdOptionSpec{"enable-new-dtags", R::Flag, A::Pass},
    LdOptionSpec{"end-group", R::Flag, A::EndGroup},
    LdOptionSpec{"entry", R::Value, A::Pass},
    LdOptionSpec{"error-unresolved-symbols", R::Flag, A::Pass},
    LdOptionSpec{"exclude-libs", R::Value, A::Pass},
    LdOptionSpec{"export-dynamic", R::Flag, A::Pass},
    LdOptionSpec{"export-dynamic-symbol", R::Value, A::Pass},
    LdOptionSpec{"fatal-warnings", R::Flag, A::Pass},
    LdOptionSpec{"fini", R::Value, A::Pass},
    LdOptionSpec{"fix-cortex-a53-843419", R::Flag, A::Pass},  // rustc's aarch64 targets pass it
    LdOptionSpec{"fix-cortex-a8", R::Flag, A::Pass},
    LdOptionSpec{"gc-sections", R::Flag, A::Pass},
    LdOptionSpec{"gdb-index", R::Flag, A::Pass},
    LdOptionSpec{"h", R::Value, A::Pass},
    LdOptionSpec{"hash-style", R::Value, A::Pass},
    LdOptionSpec{"icf", R::Value, A::Pass},
    LdOptionSpec{"image-base", R::Value, A::Pass},
    LdOptionSpec{"init", R::Value, A::Pass},
    LdOptionSpec{"l", R::Value, A::Library},
    LdOptionSpec{"library", R::Value, A::Library},
    LdOptionSpec{"library-path", R::Value, A::LibraryPath},
    LdOptionSpec{"m", R::Value, A::Emulation},
    LdOptionSpec{"no-as-needed", R::Flag, A::NoAsNeeded},
    LdOptionSpec{"no-dynamic-linker", R::Flag, A::NoDynamicLinker},
    LdOptionSpec{"no-fatal-warnings", R::Flag, A::Pass},
    LdOptionSpec{"no-gc-sections", R::Flag, A::Pass},
    LdOptionSpec{"no-pic-executable", R::Flag, A::NoPie},
    LdOptionSpec{"no-pie", R::Flag, A::NoPie},
    LdOptionSpec{"no-relax", R::Flag, A::Pass},
    LdOptionSpec{"no-rosegment", R::Flag, A::Pass},
    LdOptionSpec{"no-undefined", R::Flag, A::Pass},
    LdOptionSpec{"no-undefined-version", R::Flag, A::Pass},
    LdOptionSpec{"no-whole-archive", R::Flag, A::NoWholeArchive},
    LdOptionSpec{"non_shared", R::Flag, A::Bstatic},
    LdOptionSpec{"nostdlib", R::Flag, A::Pass},
    LdOptionSpec{"o", R::Value, A::Output},
    LdOptionSpec{"output", R::Value, A::Output},
    LdOptionSpec{"pack-dyn-relocs", R::Value, A::Pass},
    LdOptionSpec{"pic-executable", R::Flag, A::Pie},
    LdOptionSpec{"pie", R::Flag, A::Pie},
    LdOptionSpec{"plugin", R::Value, A::Drop, "gcc's LTO plugin; lld does its own LTO"},
    LdOptionSpec{"plugin-opt", R::Value, A::Drop, "an option for gcc's LTO plugin"},
    LdOptionSpec{"pop-state", R::Flag, A::PopState},
    LdOptionSpec{"print-gc-sections", R::Flag, A::Pass},
    LdOptionSpec{"push-state", R::Flag, A::PushState},
    LdOptionSpec{"r", R::Flag, A::Relocatable},
    LdOptionSpec{"relocatable", R::Flag, A::Relocatable},
    LdOptionSpec{"rpath", R::Value, A::Pass},
    LdOptionSpec{"rpath-link", R::Value, A::Pass},
    LdOptionSpec{"s", R::Flag, A::Pass},
    LdOptionSpec{"script", R::Value, A::Pass},
    LdOptionSpec{"shared", R::Flag, A::Shared},
    LdOptionSpec{"soname", R::Value, A::Pass},
    LdOptionSpec{"start-group", R::Flag, A::StartGroup},
    LdOptionSpec{"static", R::Flag, A::Bstatic},
    LdOptionSpec{"strip-all", R::Flag, A::Pass},
    LdOptionSpec{"strip-debug", R::Flag, A::Pass},
    LdOptionSpec{"sysroot", R::Value, A::Pass},
    LdOptionSpec{"threads", R::Value, A::Pass},
    LdOptionSpec{"trace-symbol", R::Value, A::Pass},
    LdOptionSpec{"u", R::Value, A::Pass},
    LdOptionSpec{"undefined", R::Value, A::Pass},
    LdOptionSpec{"undefined-version", R::Flag, A::Pass},
    LdOptionSpec{"version-script", R::Value, A::Pass},
    LdOptionSpec{"warn-common", R::Flag, A::Pass},
    LdOptionSpec{"warn-unresolved-symbols", R::Flag, A::Pass},
    LdOptionSpec{"whole-archive", R::Flag, A::WholeArchive},
    LdOptionSpec{"wrap", R::Value, A::Pass},
    LdOptionSpec{"y", R::Value, A::Pass},
    LdOptionSpec{"z", R::Value, A::Pass},
};

}  // namespace

std::span<const LdOptionSpec> ld_option_table() { return kTable; }

const LdOptionSpec* find_ld_option(std::string_view name) {
  auto it = std::lower_bound(kTable.begin(), kTable.end(), name,
                             [](const LdOptionSpec& spec, std::string_view key) { return spec.name < key; });
  return it != kTable.end() && it->name == name ? &*it : nullptr;
}

}  // namespace clifwrap
