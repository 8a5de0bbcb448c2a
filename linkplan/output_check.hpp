// After an executable is linked: the two symptoms of a link that silently went wrong in the seed,
// an entry point of 0 (no crt0.o: nothing defined _start) and no .text (no linker script, or
// everything was garbage-collected), each as a warning naming the likely cause.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linkplan/link_plan.hpp"

namespace clifwrap {

struct ElfSummary {
  unsigned long long entry = 0;
  bool has_text = false;
};

// Empty when `path` is not a readable little-endian ELF file.
std::optional<ElfSummary> read_elf_summary(const std::string& path);

std::vector<std::string> output_warnings(const ElfSummary& elf, const LinkPlan& plan);

}  // namespace clifwrap
