// The `_Unwind_*` functions std references even under panic=abort, as stubs: the ones that would
// unwind trap, the queries answer 0. Redox's toolchain has libgcc_eh; a sysroot for Cranelift
// builds gets these instead (the seed compiled them from C by hand). They are pure assembly, so they
// are assembled the way cg_clif assembles global_asm!: rustc's LLVM backend on a #![no_core] crate,
// which needs no core or std for the target and no C compiler.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clifwrap {

// The #![no_core] crate's source for the target's architecture; nullopt for one without a table row.
std::optional<std::string> unwind_stubs_source(std::string_view target_triple);

}  // namespace clifwrap
