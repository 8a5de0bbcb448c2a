// Inside clifwrap-llvm.so: the ELF object check, for the module's own callers (the archive writer)
// and for clifwrap_object_check at the C boundary.
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace clifwrap_module {

// What is wrong with an ELF object, or "" when it is sound or not ELF at all (bitcode, rmeta: the
// reader that gets it decides).
std::string elf_object_problem(llvm::StringRef bytes);

}  // namespace clifwrap_module
