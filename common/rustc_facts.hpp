// What clifwrap needs to know about a rustc, as plain data: driver/ queries and caches it,
// targets/ uses it to print and key target specs.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace clifwrap {

struct RustcFacts {
  std::string rustc;        // as given
  std::string release;      // 1.96.0, 1.97.0-nightly
  std::string commit_hash;
  std::string host;         // x86_64-unknown-linux-gnu
  std::string sysroot;
  bool is_nightly = false;  // accepts -Z flags without RUSTC_BOOTSTRAP
};

// The value of a `key: value` line, as in `rustc -vV` output; empty when absent.
std::string version_field(std::string_view text, std::string_view key);

// Parses `rustc -vV` output (pure).
Result<RustcFacts> parse_version_verbose(std::string_view text);

}  // namespace clifwrap
