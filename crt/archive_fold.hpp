// Staticlibs from cg_clif hold a unit's assembly as its own member, `X.rcgu.asm.o` beside
// `X.rcgu.o`. A linker pulls a member in only for a symbol it needs, and `.init`/`.fini` fragments
// (relibc's crti/crtn) define none: folded into the unit's member, the assembly comes with it.
#pragma once

#include <string>

#include "common/error.hpp"

namespace clifwrap {

// Cheap test first, so archives without assembly members cost no LLVM: the bytes are searched
// for the member suffix. Returns how many pairs were folded (0: the archive was not touched).
Result<size_t> fold_asm_members(const std::string& archive_path);

}  // namespace clifwrap
