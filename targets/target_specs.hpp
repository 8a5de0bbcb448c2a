// The spec a `--target` becomes under clifwrap, cached. The cache key is the rustc (release, commit,
// host), the target (a builtin triple, or the content of a user's JSON spec) and kSpecRulesVersion;
// an entry is a directory holding either `<target>.json` (the derived spec, named so that rustc
// still calls the target by its own name) or `unchanged`. Entries are written to a temporary name
// and renamed, so any number of parallel rustc calls share them and a build asks rustc for a
// builtin spec once per target.
#pragma once

#include <optional>
#include <string>

#include "common/error.hpp"
#include "targets/spec_derivation.hpp"

namespace clifwrap {

struct SpecRustc {
  std::string rustc;
  std::string release;
  std::string commit_hash;
  std::string host;
  bool is_nightly = false;
};

struct ResolvedTarget {
  std::string target;                       // as the user gave it
  std::optional<std::string> derived_path;  // the spec file to pass instead; null: unchanged
};

// A `--target` value names a JSON spec when it ends in .json (as rustc decides).
bool is_spec_path(const std::string& target);

// The original spec text: the user's file, or the builtin printed by rustc.
Result<std::string> original_spec(const SpecRustc& rustc, const std::string& target);

// The derived spec for `target` from the cache, deriving it on a miss.
Result<ResolvedTarget> resolve_target(const SpecRustc& rustc, const std::string& target, const std::string& cache_dir);

}  // namespace clifwrap
