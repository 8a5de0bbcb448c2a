// What clifwrap needs to know about a rustc: release, commit, host, sysroot. Asking costs two rustc
// processes (~40 ms), so the answer is cached per rustc binary (path, size, mtime, and for rustup
// proxies the toolchain selection) and a build asks once.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "driver/config.hpp"
#include "targets/target_specs.hpp"

namespace clifwrap {

struct RustcFacts {
  std::string rustc;        // as given
  std::string release;      // 1.96.0, 1.97.0-nightly
  std::string commit_hash;
  std::string host;         // x86_64-unknown-linux-gnu
  std::string sysroot;
  bool is_nightly = false;  // accepts -Z flags without RUSTC_BOOTSTRAP
};

// Parses `rustc -vV` output (pure).
Result<RustcFacts> parse_version_verbose(std::string_view text);

// The subset targets/ needs (targets/ does not include driver/).
SpecRustc spec_rustc(const RustcFacts& facts);

Result<RustcFacts> rustc_facts(const std::string& rustc, const std::string& cache_dir, const EnvLookup& env);

}  // namespace clifwrap
