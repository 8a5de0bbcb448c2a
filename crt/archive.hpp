// Static archives (ar): read all members, write a new archive with a symbol table. The work is
// done by LLVM's archive code in clifwrap-llvm.so; this is the plain-data side.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct ArchiveMember {
  std::string name;
  std::string data;
};

// Whether the file starts with the archive magic "!<arch>\n".
bool is_archive(const std::string& path);

Result<std::vector<ArchiveMember>> read_archive(const std::string& path);

// Writes to a temporary name beside `path` and renames it into place.
Result<void> write_archive(const std::string& path, const std::vector<ArchiveMember>& members);

}  // namespace clifwrap
