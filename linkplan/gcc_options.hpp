// The gcc driver's link-time options as a table of descriptors: what rustc's gnu-cc targets (and
// the Redox cookbook's `<target>-gcc`) pass, each with its arity and what clifwrap-link does with
// it in gcc's place. Options for ld itself (-Wl, -Xlinker, -L, -l, -o, -e, -T, -u, -z) become GNU ld
// arguments; the kind and start-file switches become driver facts; gcc-only switches are dropped
// with a reason. Compile options (-c, -S, -f...) are not here: unknown, so never silently ignored.
#pragma once

#include <span>
#include <string_view>

namespace clifwrap {

enum class GccAction {
  LinkerArgs,    // -Wl,a,b: each comma-separated part is one ld argument
  LinkerArg,     // -Xlinker a: one ld argument
  ToLinker,      // gcc hands the option and its value to ld unchanged (-e, -T, -u, -z, -s, -L, -l, -o)
  ExportDynamic, // -rdynamic: ld's --export-dynamic
  Emulation,     // -m64 / -m32: ld's -m <emulation> (`value`)
  Pie, NoPie, Static, StaticPie, Shared,
  NoStartFiles, NoDefaultLibs, NoStdLib,
  Drop,          // gcc-only, nothing to do in gcc's place; `value` says why
  // A compile option a Makefile's link line carries ($(CC) $(CFLAGS) -o prog main.o): gcc ignores
  // it there, so does the plan; the C compiler face gives it to the compiles.
  CompileOnly,
};

enum class GccArity {
  Flag,              // exactly the spelling
  Joined,            // the spelling is a prefix of the argument (-Wl,..., -fuse-ld=...)
  JoinedOrSeparate,  // -Lx or -L x
  Separate,          // -Xlinker x
};

struct GccOptionSpec {
  std::string_view spelling;
  GccArity arity;
  GccAction action;
  std::string_view value = {};  // emulation for Emulation, reason for Drop
};

// Sorted by spelling (ASCII).
std::span<const GccOptionSpec> gcc_option_table();

// The descriptor for an argument: an exact spelling, else the longest Joined/JoinedOrSeparate
// spelling the argument starts with; nullptr when none fits.
const GccOptionSpec* find_gcc_option(std::string_view argument);

}  // namespace clifwrap
