#include "targets/target_specs.hpp"

#include <cstdio>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/process.hpp"

namespace clifwrap {
namespace {

std::string spec_stem(const std::string& target) {
  std::string name = file_name(target);
  return is_spec_path(target) ? name.substr(0, name.size() - 5) : name;
}

}  // namespace

bool is_spec_path(const std::string& target) {
  return target.size() > 5 && target.compare(target.size() - 5, 5, ".json") == 0;
}

Result<std::string> original_spec(const SpecRustc& rustc, const std::string& target) {
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

Result<ResolvedTarget> resolve_target(const SpecRustc& rustc, const std::string& target, const std::string& cache_dir) {
  std::string identity = rustc.release + "\n" + rustc.commit_hash + "\n" + rustc.host + "\n" +
                         std::to_string(kSpecRulesVersion) + "\n";
  std::optional<std::string> user_spec;
  if (is_spec_path(target)) {
    auto text = original_spec(rustc, target);
    if (!text) return tl::unexpected(text.error());
    user_spec = *text;
    identity += "json:" + *user_spec;
  } else {
    identity += "builtin:" + target;
  }
  std::string entry = cache_dir + "/specs/" + hash_hex(identity);
  std::string derived_path = entry + "/" + spec_stem(target) + ".json";
  std::string unchanged_marker = entry + "/unchanged";

  if (is_regular_file(derived_path)) return ResolvedTarget{target, derived_path};
  if (is_regular_file(unchanged_marker)) return ResolvedTarget{target, std::nullopt};

  auto text = user_spec ? Result<std::string>(*user_spec) : original_spec(rustc, target);
  if (!text) return tl::unexpected(text.error());
  auto derived = derive_spec(*text, target);
  if (!derived) return tl::unexpected(derived.error());

  if (auto made = make_directories(entry); !made) return tl::unexpected(made.error());
  if (derived->changes.empty()) {
    if (auto written = write_file_atomically(unchanged_marker, ""); !written) return tl::unexpected(written.error());
    return ResolvedTarget{target, std::nullopt};
  }
  if (auto written = write_file_atomically(derived_path, derived->json); !written) return tl::unexpected(written.error());
  return ResolvedTarget{target, derived_path};
}

}  // namespace clifwrap
