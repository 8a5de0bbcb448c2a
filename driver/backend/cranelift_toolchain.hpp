// The Cranelift toolchain that scripts/toolchain.sh builds into clifwrap's cache (rustc 1.96.0
// with the cranelift backend): where it is, and how a user points cargo at it. The script decides
// whether it is up to date; clifwrap only trusts a completed install (its stamp is written last).
#pragma once

#include <optional>
#include <string>

#include "common/error.hpp"
#include "common/rustc_facts.hpp"

namespace clifwrap {

struct CachedToolchain {
  std::string root;   // <cache>/toolchains/1.96.0-cranelift
  std::string rustc;  // <root>/bin/rustc
};

std::optional<CachedToolchain> find_cached_toolchain(const std::string& cache_dir);

// How to build with it: the RUSTC variable, or a rustup toolchain link.
std::string toolchain_usage(const CachedToolchain& toolchain);

// `error` (no Cranelift backend in `facts`' sysroot) with a hint that names this rustc's
// librustc_driver and the cached toolchain's, which cannot load each other's backends, and says
// how to switch; unchanged when no toolchain is cached.
Error with_toolchain_hint(Error error, const RustcFacts& facts, const std::string& cache_dir);

}  // namespace clifwrap
