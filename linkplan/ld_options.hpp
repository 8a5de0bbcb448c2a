// GNU ld's command-line options as a table of descriptors: the options rustc, gcc and build systems
// hand a linker, each with its arity and what the planner does with it. lld takes GNU ld's
// spellings, so most are passed on as given; the positional switches become input state, the kind
// switches become the plan's kind. An option not in the table is unknown: the planner never guesses.
#pragma once

#include <span>
#include <string_view>

namespace clifwrap {

enum class LdAction {
  Output, LibraryPath, Library,
  AsNeeded, NoAsNeeded, WholeArchive, NoWholeArchive, Bstatic, Bdynamic, StartGroup, EndGroup,
  PushState, PopState,
  Pie, NoPie, Shared, Relocatable, NoDynamicLinker, DynamicLinker, Emulation,
  Pass,  // lld takes it as given
  Drop,  // ignored on purpose; `why` says why
};

enum class LdArity {
  Flag,           // --gc-sections
  Value,          // --soname=x, --soname x, -soname x; one letter: -o x, -ox
  OptionalValue,  // --build-id, --build-id=sha1 (never the next argument)
};

struct LdOptionSpec {
  std::string_view name;  // without leading dashes
  LdArity arity;
  LdAction action;
  std::string_view why = {};  // for Drop
};

// Sorted by name (ASCII).
std::span<const LdOptionSpec> ld_option_table();

// The descriptor for an exact name (no dashes), or nullptr.
const LdOptionSpec* find_ld_option(std::string_view name);

}  // namespace clifwrap
