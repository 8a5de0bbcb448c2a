#include "linkplan/output_check.hpp"

#include <elf.h>

#include <cstring>

#include "common/file_reader.hpp"

namespace clifwrap {
namespace {

// Header and section headers of one ELF class (Elf64_* or Elf32_*).
template <class Ehdr, class Shdr>
std::optional<ElfSummary> summarize(const FileReader& file) {
  Ehdr header;
  if (!file.read(&header, sizeof header, 0) || header.e_shentsize != sizeof(Shdr)) return std::nullopt;
  ElfSummary summary;
  summary.entry = header.e_entry;
  if (header.e_shnum == 0 || header.e_shstrndx >= header.e_shnum) return summary;
  Shdr names;
  if (!file.read(&names, sizeof names, header.e_shoff + header.e_shstrndx * sizeof(Shdr))) return std::nullopt;
  for (unsigned i = 0; i < header.e_shnum && !summary.has_text; ++i) {
    Shdr section;
    char name[8] = {};
    if (!file.read(&section, sizeof section, header.e_shoff + i * sizeof(Shdr))) return std::nullopt;
    if (!file.read(name, sizeof name - 1, names.sh_offset + section.sh_name)) continue;
    summary.has_text = std::strncmp(name, ".text", 5) == 0 && (name[5] == '\0' || name[5] == '.') && section.sh_size > 0;
  }
  return summary;
}

}  // namespace

std::optional<ElfSummary> read_elf_summary(const std::string& path) {
  FileReader file(path);
  unsigned char ident[EI_NIDENT];
  if (!file.read(ident, sizeof ident, 0) || std::memcmp(ident, ELFMAG, SELFMAG) != 0) return std::nullopt;
  if (ident[EI_DATA] != ELFDATA2LSB) return std::nullopt;  // every target clifwrap links is little-endian
  if (ident[EI_CLASS] == ELFCLASS64) return summarize<Elf64_Ehdr, Elf64_Shdr>(file);
  if (ident[EI_CLASS] == ELFCLASS32) return summarize<Elf32_Ehdr, Elf32_Shdr>(file);
  return std::nullopt;
}

std::vector<std::string> output_warnings(const ElfSummary& elf, const LinkPlan& plan) {
  std::vector<std::string> warnings;
  if (!is_executable(plan.kind)) return warnings;
  if (elf.entry == 0)
    warnings.push_back(plan.output +
                       ": the entry point is 0: nothing defined the entry symbol (_start); a program for an OS "
                       "needs its start file (crt0.o: use the redox or gnu profile), a kernel its linker script (-T)");
  if (!elf.has_text)
    warnings.push_back(plan.output +
                       ": there is no .text section: without a linker script (-T) the code may have been placed "
                       "elsewhere or all of it discarded by --gc-sections");
  return warnings;
}

}  // namespace clifwrap
