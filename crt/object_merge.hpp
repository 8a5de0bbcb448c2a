// `--emit obj=PATH` when a compile produces several objects (cg_clif: every unit with assembly
// adds an `.asm.o`; LLVM: several codegen units). rustc then ignores PATH ("ignoring emit path
// because multiple .o files were produced") and, when it also links, deletes the objects. clifwrap
// rewrites the call so the objects survive and puts one relocatable object at PATH:
//  - the compile also writes a staticlib or rlib: `obj=PATH` is dropped, and the compile's own
//    members (`<stem>.<cgu>.rcgu[.asm].o`) are taken from that archive;
//  - it links nothing: rustc writes into a private directory (`obj=<dir>/<name>`,
//    `-Z temps-dir=<dir>`), where the objects stay.
// One object is moved into place; several are partial-linked, units in order, each `.asm.o` right
// after its unit. The private directory is removed whatever happens.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace clifwrap {

struct ObjectMerge {
  std::string destination;             // the user's PATH
  std::string stem;                    // <crate name><extra filename>: the objects' name prefix
  std::optional<std::string> archive;  // read the objects from this staticlib/rlib
  std::string private_dir;             // else from here (rustc wrote into it)
};

// Returns what was done, for the log ("merged 4 objects into crt0.o").
Result<std::string> merge_objects(const ObjectMerge& merge);

// The members of `archive` that `wanted` picks, in link order, as one object at `destination`:
// one member is moved there, several are partial-linked. Returns how many; with none it writes
// nothing. (`clifwrap sysroot` makes crt0.o from libcrt0.a this way too.)
Result<size_t> merge_archive_members(const std::string& archive, const std::function<bool(std::string_view)>& wanted,
                                     const std::string& destination);

}  // namespace clifwrap
