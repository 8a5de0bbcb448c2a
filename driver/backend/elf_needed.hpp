// The DT_NEEDED entries of an ELF shared object, read with <elf.h> alone. This runs on the
// wrapper's path for every compile with a self-built backend dylib, where loading LLVM's Object
// library would cost more than the whole check.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

Result<std::vector<std::string>> read_elf_needed(const std::string& path);

}  // namespace clifwrap
