#include <doctest/doctest.h>

#include "common/files.hpp"
#include "linkplan/output_check.hpp"

namespace clifwrap {

TEST_CASE("output check: real ELF files are read, other files are not") {
  auto self = read_elf_summary(executable_path());  // this test program: a linked executable
  REQUIRE(self.has_value());
  CHECK(self->entry != 0);
  CHECK(self->has_text);
  CHECK(!read_elf_summary(std::string(CLIFWRAP_TEST_DATA) + "/link-1.96/capture.sh").has_value());
  CHECK(!read_elf_summary("/no/such/file").has_value());
}

TEST_CASE("output check: entry 0 and no .text warn for executables only") {
  LinkPlan plan;
  plan.output = "kernel";
  plan.kind = LinkKind::Static;
  auto warnings = output_warnings(ElfSummary{0, false}, plan);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("kernel: the entry point is 0") == 0);
  CHECK(warnings[1].find("no .text section") != std::string::npos);
  CHECK(output_warnings(ElfSummary{0x401000, true}, plan).empty());
  plan.kind = LinkKind::Shared;
  CHECK(output_warnings(ElfSummary{0, false}, plan).empty());
  plan.kind = LinkKind::Relocatable;
  CHECK(output_warnings(ElfSummary{0, false}, plan).empty());
}

}  // namespace clifwrap
