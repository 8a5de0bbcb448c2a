// Whether a crate is likely to fall back to LLVM, known before its Cranelift attempt starts, so
// that its metadata is kept from cargo until the attempt has succeeded (driver/stderr_gate.hpp).
// Two sources, both cheap:
//  - clifwrap's memory: a unit that fell back once (or was caught falling back after its metadata
//    had gone out) is recorded in the cache under its output stem;
//  - its sources: the crate root's directory tree is searched for the constructs cg_clif refuses
//    that show in the text: C-variadic definitions (`args: ...`), `sym` operands, `become`,
//    interrupt ABIs. A hit costs pipelining for that crate only; a miss is caught after the
//    attempt, and the build stops with an error that says to run it again.
#pragma once

#include <optional>
#include <string>

namespace clifwrap {

// The reason a unit fell back before, if it did.
std::optional<std::string> remembered_fallback(const std::string& cache_dir, const std::string& stem);
void remember_fallback(const std::string& cache_dir, const std::string& stem, const std::string& reason);

// What in the sources under the crate root's directory suggests a fallback (file:line and the
// construct), if anything.
std::optional<std::string> source_suggests_fallback(const std::string& crate_root);

}  // namespace clifwrap
