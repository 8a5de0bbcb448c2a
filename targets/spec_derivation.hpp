// Builtin or user target spec -> the spec Cranelift can compile for. Only the changes cg_clif
// needs are made, each with its reason; everything else is kept as it was. A target that needs no
// change is reported as unchanged, so it keeps its triple and its prebuilt std.
//
// The changes (rustc_codegen_cranelift 1.96 source):
//  - max-atomic-width above 64 -> 64: 128-bit atomics are fatal (src/intrinsics/mod.rs);
//  - llvm-target with OS `none` and no environment gains `-elf`: cg_clif takes the object format
//    from the triple, and "unknown" makes it panic;
//  - x86_64 without a cpu, or with "generic" -> "x86-64": cg_clif enables the spec's cpu as a
//    Cranelift preset on x86_64 only (src/lib.rs build_isa), and "generic" is none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

// Bumped whenever the rules change, so cached derived specs are made again.
inline constexpr int kSpecRulesVersion = 1;

struct SpecChange {
  std::string field;
  std::string before;  // "(absent)" when the field was missing
  std::string after;
  std::string reason;
};

struct DerivedSpec {
  std::vector<SpecChange> changes;  // empty: the target needs no change
  std::string json;                 // the derived spec (only when changes is non-empty)
};

// `source` names the spec in errors (a triple or a file path).
Result<DerivedSpec> derive_spec(std::string_view spec_json, const std::string& source);

// What wrapper mode needs to know of the spec rustc compiles for, besides what derivation changes.
struct SpecTraits {
  bool without_os = false;  // no "os", or "none" (rustc's default): compiler_builtins' mem functions
  // An x86 or AArch64 soft-float ABI, `+soft-float` or `-fp-armv8` among the features: the
  // FP/SIMD check of its kernel links.
  bool soft_float = false;
};
Result<SpecTraits> spec_traits(std::string_view spec_json, const std::string& source);

}  // namespace clifwrap
