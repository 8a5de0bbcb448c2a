// The FP/SIMD check of a soft-float kernel link: wrapper mode tells clifwrap-link that the target's
// spec says soft-float; the link then runs with lld's map, and the output is scanned
// (clifwrap-llvm.so, llvm_module/fp_register_module.cpp) for FP/SIMD registers in code Cranelift
// compiled. A finding fails the link: such a kernel corrupts user registers on an interrupt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct FpFinding {
  std::string function;     // demangled
  std::string input;        // the link's input it came from: archive(member) or object
  std::string instruction;  // its first FP/SIMD instruction
};

// The crate whose compile made an input of the link, from rustc's object names
// (`<crate>-<hash>.<cgu>.rcgu.o`, alone or as an archive member), or "" for another object. This
// is the crate to compile with LLVM, whatever crate a generic function came from.
std::string crate_of(std::string_view input);

Result<std::vector<FpFinding>> find_fp_registers(const std::string& elf_path, const std::string& map_path);

// The link's error: the functions, by crate, and what to do.
Error fp_register_error(const std::vector<FpFinding>& findings, const std::string& output);

}  // namespace clifwrap
