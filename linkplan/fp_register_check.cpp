#include "linkplan/fp_register_check.hpp"

#include <map>
#include <set>

#include "common/strings.hpp"
#include "llvm_module/loader.hpp"

namespace clifwrap {

std::string crate_of(std::string_view input) {
  if (input.ends_with(")") && input.find('(') != std::string_view::npos)
    input = input.substr(input.rfind('(') + 1, input.size() - input.rfind('(') - 2);
  input = input.substr(input.rfind('/') == std::string_view::npos ? 0 : input.rfind('/') + 1);
  size_t dash = input.find('-');
  if (!input.ends_with(".rcgu.o") || dash == std::string_view::npos || dash == 0) return {};
  return std::string(input.substr(0, dash));
}

Result<std::vector<FpFinding>> find_fp_registers(const std::string& elf_path, const std::string& map_path) {
  auto module = llvm_module();
  if (!module) return tl::unexpected(module.error());
  TextOutput text;
  if ((*module)->fp_scan(elf_path.c_str(), map_path.c_str(), collect_text, &text) != 0)
    return fail("cannot scan the output for FP/SIMD registers: " + std::string(without_trailing_newlines(text.err)),
                elf_path, "the link succeeded; check the file");
  std::vector<FpFinding> findings;
  for (const auto& line : split(text.out, '\n')) {
    size_t first = line.find('\t'), second = line.find('\t', first + 1);
    if (second != std::string::npos)
      findings.push_back({line.substr(0, first), line.substr(first + 1, second - first - 1), line.substr(second + 1)});
  }
  return findings;
}

Error fp_register_error(const std::vector<FpFinding>& findings, const std::string& output) {
  std::map<std::string, std::vector<const FpFinding*>> by_crate;
  for (const auto& finding : findings) by_crate[crate_of(finding.input)].push_back(&finding);
  std::string message = "FP/SIMD registers in soft-float kernel code compiled by Cranelift, in " +
                        std::to_string(findings.size()) + " function" + (findings.size() == 1 ? "" : "s") + ":";
  constexpr size_t kShown = 5;  // per crate: enough to find the code, not a page of them
  for (const auto& [crate, list] : by_crate) {
    message += "\n  crate " + (crate.empty() ? std::string("(not Rust)") : crate) + ":";
    for (size_t i = 0; i < list.size() && i < kShown; ++i)
      message += "\n    " + list[i]->function + ": `" + list[i]->instruction + "`";
    if (list.size() > kShown) message += "\n    … and " + std::to_string(list.size() - kShown) + " more";
  }
  return Error{message, output,
               "a kernel that saves FP state only at context switches corrupts user registers on an interrupt: "
               "compile these crates with LLVM ([crate.<name>] backend = \"llvm\" in clifwrap.toml), or keep "
               "floating point out of them",
               1};
}

}  // namespace clifwrap
