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
#include "common/rustc_facts.hpp"
#include "targets/spec_derivation.hpp"

namespace clifwrap {

struct ResolvedTarget {
  std::string target;                       // as the user gave it
  std::optional<std::string> derived_path;  // the spec file to pass instead; null: unchanged
  // A file holding the spec rustc compiles for (the derived one, or a copy of the unchanged
  // original): what wrapper mode reads the target's OS and float ABI from.
  std::string spec_file;
};

struct TargetDerivation {
  std::string original;                     // the spec as rustc or the user's file has it
  DerivedSpec derived;                      // the changes and the derived text
  std::optional<std::string> derived_path;  // where the cache holds it; null: unchanged
};

// A `--target` value names a JSON spec when it ends in .json (as rustc decides).
bool is_spec_path(const std::string& target);

// Reads and derives the spec, and stores the result in the cache (what a cache miss does). The
// `target` and `doctor` commands call it to show the changes.
Result<TargetDerivation> derive_target(const RustcFacts& rustc, const std::string& target, const std::string& cache_dir);

// The derived spec for `target` from the cache, deriving it on a miss (wrapper mode).
Result<ResolvedTarget> resolve_target(const RustcFacts& rustc, const std::string& target, const std::string& cache_dir);

// The file that says the std in `sysroot` for `target` (a triple, or a spec's path; rustc looks
// under lib/rustlib/<its name>) was built by clifwrap for the spec it derives (`clifwrap
// redox-toolchain` writes it): crates without -Zbuild-std may then compile for the derived spec,
// whose core and std are right there (aarch64-unknown-redox's caps the atomic width at 64).
std::string derived_std_marker(const std::string& sysroot, const std::string& target);

}  // namespace clifwrap
