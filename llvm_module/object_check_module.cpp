// clifwrap-llvm.so, object part: checks that an ELF object's structure is sound before lld sees it.
// lld treats a malformed object as a fatal error, and after one it cannot link again in that
// process (its state is spoiled, and its thread-local allocators hold half-built sections). The
// check reads what lld's object parser reads first — the section table, each section's bytes and
// name, symbol tables and their strings, relocation sections and the symbols they name — through
// LLVM's bounds-checked ELF reader, so a corrupt object is an ordinary error naming its reason.
#include <string>

#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELF.h>
#include <llvm/Object/ELFTypes.h>
#include <llvm/Support/Error.h>

#include "llvm_module/abi.h"
#include "llvm_module/object_check_module.hpp"

namespace {

template <class ELFT>
std::string check_relocations(const llvm::object::ELFFile<ELFT>& file, const typename ELFT::Shdr& section) {
  auto symbol_table = file.getSection(section.sh_link);
  if (!symbol_table) return llvm::toString(symbol_table.takeError());
  auto symbols = file.symbols(*symbol_table);
  if (!symbols) return llvm::toString(symbols.takeError());
  if (auto target = file.getSection(section.sh_info); !target) return llvm::toString(target.takeError());
  auto check = [&](uint32_t index) -> std::string {
    if (index < symbols->size()) return {};
    return "a relocation names symbol " + std::to_string(index) + " of " + std::to_string(symbols->size());
  };
  if (section.sh_type == llvm::ELF::SHT_RELA) {
    auto relocations = file.relas(section);
    if (!relocations) return llvm::toString(relocations.takeError());
    for (const auto& relocation : *relocations)
      if (auto problem = check(relocation.getSymbol(false)); !problem.empty()) return problem;
  } else {
    auto relocations = file.rels(section);
    if (!relocations) return llvm::toString(relocations.takeError());
    for (const auto& relocation : *relocations)
      if (auto problem = check(relocation.getSymbol(false)); !problem.empty()) return problem;
  }
  return {};
}

template <class ELFT>
std::string check_symbols(const llvm::object::ELFFile<ELFT>& file, const typename ELFT::Shdr& section) {
  auto symbols = file.symbols(&section);
  if (!symbols) return llvm::toString(symbols.takeError());
  auto strings = file.getStringTableForSymtab(section);
  if (!strings) return llvm::toString(strings.takeError());
  for (const auto& symbol : *symbols)
    if (auto name = symbol.getName(*strings); !name) return llvm::toString(name.takeError());
  return {};
}

// An empty string when the object is sound, else what is wrong with it.
template <class ELFT>
std::string check_elf(llvm::StringRef bytes) {
  auto file = llvm::object::ELFFile<ELFT>::create(bytes);
  if (!file) return llvm::toString(file.takeError());
  auto sections = file->sections();
  if (!sections) return llvm::toString(sections.takeError());
  for (const auto& section : *sections) {
    if (auto name = file->getSectionName(section); !name) return llvm::toString(name.takeError());
    if (section.sh_type != llvm::ELF::SHT_NOBITS)
      if (auto contents = file->getSectionContents(section); !contents) return llvm::toString(contents.takeError());
    std::string problem;
    if (section.sh_type == llvm::ELF::SHT_SYMTAB) problem = check_symbols(*file, section);
    if (section.sh_type == llvm::ELF::SHT_RELA || section.sh_type == llvm::ELF::SHT_REL)
      problem = check_relocations(*file, section);
    if (!problem.empty()) return problem;
  }
  return {};
}

}  // namespace

std::string clifwrap_module::elf_object_problem(llvm::StringRef bytes) {
  if (!bytes.starts_with(llvm::ELF::ElfMagic)) return {};
  if (bytes.size() < llvm::ELF::EI_NIDENT) return "the ELF header is cut short";
  bool is64 = bytes[llvm::ELF::EI_CLASS] == llvm::ELF::ELFCLASS64;
  bool little = bytes[llvm::ELF::EI_DATA] != llvm::ELF::ELFDATA2MSB;
  if (is64) return little ? check_elf<llvm::object::ELF64LE>(bytes) : check_elf<llvm::object::ELF64BE>(bytes);
  return little ? check_elf<llvm::object::ELF32LE>(bytes) : check_elf<llvm::object::ELF32BE>(bytes);
}

extern "C" __attribute__((visibility("default"))) int clifwrap_object_check(const char* data, size_t size,
                                                                              clifwrap_text_sink sink, void* context) {
  std::string problem = clifwrap_module::elf_object_problem(llvm::StringRef(data, size));
  if (problem.empty()) return 0;
  problem += "\n";
  sink(context, 2, problem.data(), problem.size());
  return 1;
}
