#include "linkplan/gcc_options.hpp"

#include <algorithm>
#include <array>

namespace clifwrap {
namespace {

using A = GccAction;
using R = GccArity;

// Keep sorted by spelling (ASCII): the unit tests check it. The `--` spellings are gcc's own
// aliases (its driver's option_map turns `--static` into `-static`): the cookbook's LDFLAGS say
// `--static`.
constexpr std::array kTable = {
    GccOptionSpec{"--shared", R::Flag, A::Shared},
    GccOptionSpec{"--static", R::Flag, A::Static},
    GccOptionSpec{"-B", R::JoinedOrSeparate, A::Drop, "gcc's search path for its own tools; clifwrap-link is the linker"},
    GccOptionSpec{"-D", R::JoinedOrSeparate, A::CompileOnly},
    GccOptionSpec{"-I", R::JoinedOrSeparate, A::CompileOnly},
    GccOptionSpec{"-L", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-O", R::Joined, A::CompileOnly},
    GccOptionSpec{"-T", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-U", R::JoinedOrSeparate, A::CompileOnly},
    GccOptionSpec{"-W", R::Joined, A::CompileOnly},
    GccOptionSpec{"-Wl,", R::Joined, A::LinkerArgs},
    GccOptionSpec{"-Xlinker", R::Separate, A::LinkerArg},
    GccOptionSpec{"-ansi", R::Flag, A::CompileOnly},
    GccOptionSpec{"-e", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-fPIC", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fPIE", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fdata-sections", R::Flag, A::CompileOnly},
    GccOptionSpec{"-ffunction-sections", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fno-common", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fno-omit-frame-pointer", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fno-strict-aliasing", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fomit-frame-pointer", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fpic", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fpie", R::Flag, A::CompileOnly},
    GccOptionSpec{"-fstack-protector", R::Joined, A::CompileOnly},
    GccOptionSpec{"-fuse-ld=", R::Joined, A::Drop, "picks gcc's external linker; clifwrap-link links with lld itself"},
    GccOptionSpec{"-fvisibility=", R::Joined, A::CompileOnly},
    GccOptionSpec{"-g", R::Joined, A::CompileOnly},
    GccOptionSpec{"-l", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-m32", R::Flag, A::Emulation, "elf_i386"},
    GccOptionSpec{"-m64", R::Flag, A::Emulation, "elf_x86_64"},
    GccOptionSpec{"-no-pie", R::Flag, A::NoPie},
    GccOptionSpec{"-nodefaultlibs", R::Flag, A::NoDefaultLibs},
    GccOptionSpec{"-nostartfiles", R::Flag, A::NoStartFiles},
    GccOptionSpec{"-nostdlib", R::Flag, A::NoStdLib},
    GccOptionSpec{"-o", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-pedantic", R::Joined, A::CompileOnly},
    GccOptionSpec{"-pie", R::Flag, A::Pie},
    GccOptionSpec{"-pipe", R::Flag, A::CompileOnly},
    GccOptionSpec{"-rdynamic", R::Flag, A::ExportDynamic},
    GccOptionSpec{"-s", R::Flag, A::ToLinker},
    GccOptionSpec{"-shared", R::Flag, A::Shared},
    GccOptionSpec{"-static", R::Flag, A::Static},
    GccOptionSpec{"-static-pie", R::Flag, A::StaticPie},
    GccOptionSpec{"-std=", R::Joined, A::CompileOnly},
    GccOptionSpec{"-u", R::JoinedOrSeparate, A::ToLinker},
    GccOptionSpec{"-z", R::JoinedOrSeparate, A::ToLinker},
};

}  // namespace

std::span<const GccOptionSpec> gcc_option_table() { return kTable; }

const GccOptionSpec* find_gcc_option(std::string_view argument) {
  const GccOptionSpec* best = nullptr;
  for (const auto& spec : kTable) {
    if (spec.spelling == argument) return &spec;
    bool prefix_form = spec.arity == R::Joined || spec.arity == R::JoinedOrSeparate;
    if (prefix_form && argument.starts_with(spec.spelling) &&
        (best == nullptr || spec.spelling.size() > best->spelling.size()))
      best = &spec;
  }
  return best;
}

}  // namespace clifwrap
