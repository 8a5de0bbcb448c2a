#include "targets/target_specs.hpp"

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/process.hpp"
#include "common/temporaries.hpp"

namespace clifwrap {
namespace {

std::string spec_stem(const std::string& target) {
  std::string name = file_name(target);
  return is_spec_path(target) ? name.substr(0, name.size() - 5) : name;
}

// The original spec text: the user's file, or the builtin printed by rustc.
Result<std::string> original_spec(const RustcFacts& rustc, const std::string& target) {
  if (is_spec_path(target)) {
    auto text = read_file(target);
    if (!text) return fail("cannot read target spec: " + text.error().message, target, "check the --target path");
    return text;
  }
  Command print{{rustc.rustc, "-Zunstable-options", "--print", "target-spec-json", "--target", target}, {}};
  if (!rustc.is_nightly) print.env.push_back({"RUSTC_BOOTSTRAP", "1"});
  auto json = capture_output(print);
  if (!json)
    return fail("cannot print the builtin target spec (" + json.error().message + ")", target,
                "check the target name with `rustc --print target-list`");
  return json;
}

// Where a target's cache entry lives. A user spec is keyed by its content, so reading it is part
// of the key; `user_spec` returns that text so it is read once.
struct CacheEntry {
  std::string derived_path;
  std::string unchanged_marker;  // holds the original spec: rustc's own, for a builtin triple
  std::optional<std::string> user_spec;
};

Result<CacheEntry> cache_entry(const RustcFacts& rustc, const std::string& target, const std::string& cache_dir) {
  CacheEntry entry;
  std::string identity = rustc.release + "\n" + rustc.commit_hash + "\n" + rustc.host + "\n" +
                         std::to_string(kSpecRulesVersion) + "\n";
  if (is_spec_path(target)) {
    auto text = original_spec(rustc, target);
    if (!text) return tl::unexpected(text.error());
    entry.user_spec = *text;
    identity += "json:" + *text;
  } else {
    identity += "builtin:" + target;
  }
  std::string dir = cache_dir + "/specs/" + hash_hex(identity);
  entry.derived_path = dir + "/" + spec_stem(target) + ".json";
  entry.unchanged_marker = dir + "/unchanged.json";
  return entry;
}

Result<TargetDerivation> derive_into(const RustcFacts& rustc, const std::string& target, const CacheEntry& entry) {
  TargetDerivation result;
  auto text = entry.user_spec ? Result<std::string>(*entry.user_spec) : original_spec(rustc, target);
  if (!text) return tl::unexpected(text.error());
  result.original = *text;
  auto derived = derive_spec(result.original, target);
  if (!derived) return tl::unexpected(derived.error());
  result.derived = std::move(*derived);

  // Only a valid derivation reaches the cache: bad input leaves nothing behind.
  if (auto made = make_directories(parent_directory(entry.derived_path)); !made) return tl::unexpected(made.error());
  sweep_abandoned_temporaries(parent_directory(entry.derived_path));  // what a killed writer left
  bool unchanged = result.derived.changes.empty();
  auto written = unchanged ? write_file_atomically(entry.unchanged_marker, result.original)
                           : write_file_atomically(entry.derived_path, result.derived.json);
  if (!written) return tl::unexpected(written.error());
  if (!unchanged) result.derived_path = entry.derived_path;
  return result;
}

}  // namespace

bool is_spec_path(const std::string& target) {
  return target.size() > 5 && target.compare(target.size() - 5, 5, ".json") == 0;
}

Result<TargetDerivation> derive_target(const RustcFacts& rustc, const std::string& target, const std::string& cache_dir) {
  auto entry = cache_entry(rustc, target, cache_dir);
  if (!entry) return tl::unexpected(entry.error());
  return derive_into(rustc, target, *entry);
}

Result<ResolvedTarget> resolve_target(const RustcFacts& rustc, const std::string& target, const std::string& cache_dir) {
  auto entry = cache_entry(rustc, target, cache_dir);
  if (!entry) return tl::unexpected(entry.error());
  if (is_regular_file(entry->derived_path)) return ResolvedTarget{target, entry->derived_path, entry->derived_path};
  if (is_regular_file(entry->unchanged_marker)) return ResolvedTarget{target, std::nullopt, entry->unchanged_marker};
  auto derivation = derive_into(rustc, target, *entry);
  if (!derivation) return tl::unexpected(derivation.error());
  return ResolvedTarget{target, derivation->derived_path, derivation->derived_path.value_or(entry->unchanged_marker)};
}

std::string derived_std_marker(const std::string& sysroot, const std::string& target) {
  return sysroot + "/lib/rustlib/" + spec_stem(target) + "/clifwrap-derived-std";
}

}  // namespace clifwrap
