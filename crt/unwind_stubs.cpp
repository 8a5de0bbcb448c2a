#include "crt/unwind_stubs.hpp"

#include <array>

namespace clifwrap {
namespace {

// Functions that would unwind: never reached under panic=abort, so they trap if they are.
constexpr std::array kTrapping = {"_Unwind_Resume", "_Unwind_RaiseException", "_Unwind_Resume_or_Rethrow"};
// Queries and setters: harmless answers.
constexpr std::array kReturningZero = {
    "_Unwind_Backtrace",    "_Unwind_DeleteException", "_Unwind_FindEnclosingFunction", "_Unwind_GetCFA",
    "_Unwind_GetDataRelBase", "_Unwind_GetGR",          "_Unwind_GetIP",                 "_Unwind_GetIPInfo",
    "_Unwind_GetLanguageSpecificData", "_Unwind_GetRegionStart", "_Unwind_GetTextRelBase", "_Unwind_SetGR",
    "_Unwind_SetIP",
};

struct ArchStubs {
  std::string_view arch;
  std::string_view trap;         // instruction sequence
  std::string_view return_zero;  // instruction sequence, `;`-free lines
};

constexpr std::array kArches = {
    ArchStubs{"aarch64", "brk #1", "mov x0, #0\n  ret"},
    ArchStubs{"i586", "ud2", "xor eax, eax\n  ret"},
    ArchStubs{"i686", "ud2", "xor eax, eax\n  ret"},
    ArchStubs{"riscv64gc", "unimp", "li a0, 0\n  ret"},
    ArchStubs{"x86_64", "ud2", "xor eax, eax\n  ret"},
};

void add_function(std::string& text, std::string_view name, std::string_view body) {
  std::string n(name);
  text += ".globl " + n + "\n.type " + n + ", @function\n" + n + ":\n  " + std::string(body) + "\n";
}

}  // namespace

std::optional<std::string> unwind_stubs_source(std::string_view target_triple) {
  std::string_view arch = target_triple.substr(0, target_triple.find('-'));
  for (const auto& row : kArches) {
    if (row.arch != arch) continue;
    std::string assembly = ".text\n";
    for (auto name : kTrapping) add_function(assembly, name, row.trap);
    for (auto name : kReturningZero) add_function(assembly, name, row.return_zero);
    return "#![feature(decl_macro, no_core, rustc_attrs)]\n"
           "#![allow(internal_features)]\n"
           "#![no_core]\n"
           "#[rustc_builtin_macro]\n"
           "macro global_asm() { /* compiler built-in */ }\n"
           "global_asm!(r###\"\n" + assembly + "\"###);\n";
  }
  return std::nullopt;
}

}  // namespace clifwrap
