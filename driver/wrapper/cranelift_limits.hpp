// What rustc_codegen_cranelift cannot do, as tables, from its 1.96 source (src/config.rs,
// src/lib.rs, src/abi/mod.rs, src/intrinsics/mod.rs, src/global_asm.rs, src/base.rs):
//  - codegen flags it rejects or cannot honour, dropped from Cranelift units with a warning;
//  - the fatal "not yet supported" messages after which a crate is rerun with LLVM.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clifwrap {

struct CodegenVerdict {
  bool drop = false;
  std::string replacement;  // non-empty: keep the flag with this value instead (llvm-args)
  std::string reason;
};

// For `-C key=value`: keep, drop, or keep with a reduced value.
CodegenVerdict judge_codegen_flag(std::string_view key, std::string_view value);

struct CraneliftFailure {
  std::string reason;  // short, after "crate `x` ": "defines C-variadic functions"
  std::string quote;   // cg_clif's own words, from the matched line of stderr
};

// When `stderr_text` (human or JSON diagnostics) holds one of cg_clif's unsupported-feature errors.
std::optional<CraneliftFailure> cranelift_fatal_failure(std::string_view stderr_text);

}  // namespace clifwrap
