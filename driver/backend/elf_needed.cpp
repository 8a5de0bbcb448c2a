#include "driver/backend/elf_needed.hpp"

#include <elf.h>

#include <cerrno>
#include <cstring>

#include "common/file_reader.hpp"

namespace clifwrap {
namespace {

// Maps a virtual address to a file offset through the PT_LOAD segments.
bool file_offset(const std::vector<Elf64_Phdr>& segments, uint64_t address, uint64_t& offset) {
  for (const auto& segment : segments) {
    if (segment.p_type == PT_LOAD && address >= segment.p_vaddr &&
        address < segment.p_vaddr + segment.p_filesz) {
      offset = address - segment.p_vaddr + segment.p_offset;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<std::string>> read_elf_needed(const std::string& path) {
  // Only the headers and strings it needs: a backend dylib is tens of megabytes.
  FileReader file(path);
  if (!file.is_open())
    return fail(std::string("cannot open: ") + std::strerror(errno), path,
                "CLIFWRAP_BACKEND must name an existing librustc_codegen_cranelift.so");
  auto not_shared_object = [&](const std::string& why) {
    return fail("not a 64-bit little-endian ELF shared object (" + why + ")", path,
                "a Cranelift backend is librustc_codegen_cranelift.so from cg_clif's dist/lib");
  };

  Elf64_Ehdr header;
  if (!file.read_at(0, header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
    return not_shared_object("no ELF header");
  if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB)
    return not_shared_object("wrong ELF class or byte order");

  std::vector<Elf64_Phdr> segments(header.e_phnum);
  for (size_t i = 0; i < segments.size(); ++i)
    if (!file.read_at(header.e_phoff + i * sizeof(Elf64_Phdr), segments[i]))
      return not_shared_object("truncated program headers");

  const Elf64_Phdr* dynamic = nullptr;
  for (const auto& segment : segments)
    if (segment.p_type == PT_DYNAMIC) dynamic = &segment;
  if (!dynamic) return not_shared_object("no dynamic section");

  std::vector<uint64_t> needed_offsets;
  uint64_t string_table_address = 0;
  for (uint64_t at = dynamic->p_offset; at + sizeof(Elf64_Dyn) <= dynamic->p_offset + dynamic->p_filesz;
       at += sizeof(Elf64_Dyn)) {
    Elf64_Dyn entry;
    if (!file.read_at(at, entry)) return not_shared_object("truncated dynamic section");
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag == DT_NEEDED) needed_offsets.push_back(entry.d_un.d_val);
    if (entry.d_tag == DT_STRTAB) string_table_address = entry.d_un.d_ptr;
  }

  uint64_t string_table = 0;
  if (!file_offset(segments, string_table_address, string_table))
    return not_shared_object("dynamic string table outside the file");
  std::vector<std::string> needed;
  for (uint64_t offset : needed_offsets) {
    std::string name;
    if (!file.read_string(string_table + offset, name)) return not_shared_object("bad DT_NEEDED string");
    needed.push_back(std::move(name));
  }
  return needed;
}

}  // namespace clifwrap
