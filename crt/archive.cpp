#include "crt/archive.hpp"

#include <cstring>

#include "common/file_reader.hpp"
#include "common/files.hpp"
#include "common/strings.hpp"
#include "common/temporaries.hpp"
#include "llvm_module/loader.hpp"

namespace clifwrap {
namespace {

void add_member(void* context, const char* name, size_t name_size, const char* data, size_t data_size) {
  static_cast<std::vector<ArchiveMember>*>(context)->push_back({std::string(name, name_size), std::string(data, data_size)});
}

}  // namespace

bool is_archive(const std::string& path) {
  char magic[8];
  return FileReader(path).read(magic, sizeof magic, 0) && std::memcmp(magic, "!<arch>\n", 8) == 0;
}

Result<std::vector<ArchiveMember>> read_archive(const std::string& path) {
  auto module = llvm_module();
  if (!module) return tl::unexpected(module.error());
  std::vector<ArchiveMember> members;
  TextOutput text;
  if ((*module)->archive_read(path.c_str(), add_member, &members, collect_text, &text) != 0)
    return fail("cannot read the archive: " + first_line(text.err), path);
  return members;
}

Result<void> write_archive(const std::string& path, const std::vector<ArchiveMember>& members) {
  auto module = llvm_module();
  if (!module) return tl::unexpected(module.error());
  std::vector<const char*> names, data;
  std::vector<size_t> sizes;
  for (const auto& member : members) {
    names.push_back(member.name.c_str());
    data.push_back(member.data.data());
    sizes.push_back(member.data.size());
  }
  TemporaryFile temporary(path);
  TextOutput text;
  if ((*module)->archive_write(temporary.path().c_str(), members.size(), names.data(), data.data(), sizes.data(),
                               collect_text, &text) != 0)
    return fail("cannot write the archive: " + first_line(text.err), path);
  return temporary.commit(TemporaryFile::Commit::Replace);
}

}  // namespace clifwrap
