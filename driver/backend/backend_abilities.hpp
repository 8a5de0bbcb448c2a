// What a Cranelift backend refuses, asked of the backend itself: cg_clif as shipped (the in-tree
// backend, rustup's preview component) refuses `sym` operands and C-variadic definitions; the
// toolchain of scripts/toolchain.sh compiles `sym`, and a patched or newer cg_clif may compile
// more. The fallback prediction searches sources only for what the backend refuses, so a crate the
// backend compiles keeps cargo's pipelining. Asked once per backend (its identity: the dylib's
// path, size and time), by compiling one small crate per construct; the answers are cached.
#pragma once

#include <string>

#include "common/rustc_facts.hpp"
#include "driver/backend/backend.hpp"

namespace clifwrap {

struct BackendAbilities {
  bool sym_operands = false;          // `sym` in global_asm!, naked functions and asm!
  bool variadic_definitions = false;  // `unsafe extern "C" fn f(n: i32, args: ...)`
};

// LLVM (standing in, or falling back) is answered without asking: it stands in for cg_clif as
// shipped, so the stand-in tiers predict what a shipped cg_clif would refuse.
// `identity`: backend_identity's, which the caller has for other records too.
BackendAbilities backend_abilities(const Backend& backend, const RustcFacts& facts, const std::string& identity,
                                   const std::string& cache_dir);

}  // namespace clifwrap
