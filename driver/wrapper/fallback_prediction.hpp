// Whether a crate is likely to fall back to LLVM, known before its Cranelift attempt starts, so
// that its metadata is kept from cargo until the attempt has succeeded (driver/wrapper/stderr_gate.hpp).
// Its sources tell (clifwrap's memory of units that fell back is driver/wrapper/fallback_memory.hpp): the
// crate root's directory tree is searched for the constructs cg_clif refuses that show in the text:
// C-variadic definitions (`args: ...`), `sym` operands, `become`, interrupt ABIs. A hit costs
// pipelining for that crate only; a miss is caught after the attempt, and the build stops with an
// error that says to run it again.
#pragma once

#include <optional>
#include <string>

namespace clifwrap {

// What the search looks for, and where.
struct PredictionScope {
  // The target's architecture (x86_64, aarch64, x86, riscv64): `arch/<another>` directories, the
  // way kernels keep code for other architectures behind cfgs, are not searched.
  std::string target_arch;
  // What the backend refuses (driver/backend/backend_abilities.hpp): cg_clif as shipped refuses both.
  bool refuses_sym = true;
  bool refuses_variadic = true;
};

// What in the sources under the crate root's directory suggests a fallback (file:line and the
// construct), if anything.
std::optional<std::string> source_suggests_fallback(const std::string& crate_root, const PredictionScope& scope = {});

// The architecture a target triple (or a JSON spec named after one) builds for, as the search
// names directories: x86_64, aarch64, x86 (i586, i686), riscv64 (riscv64gc).
std::string target_arch_of(std::string_view triple);

}  // namespace clifwrap
