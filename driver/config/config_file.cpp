// Reads clifwrap.toml with toml++. Every key is checked: an unknown key or a bad value is an error
// naming the file, the line and the key, because a silently ignored setting costs a user hours.
// toml++ is compiled in, header-only and without exceptions: parse errors come back as values.
#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 1  // no libtomlplusplus.so to load on the hot path
#include <toml++/toml.h>

#include "driver/config/config.hpp"

namespace clifwrap {
namespace {

std::string where(const std::string& path, const toml::source_region& source) {
  return path + ":" + std::to_string(source.begin.line);
}

Error bad_key(const std::string& path, const toml::node& node, const std::string& key, std::string message) {
  return Error{std::move(message), where(path, node.source()),
               "key `" + key + "`; see `clifwrap --help` for the keys clifwrap.toml takes", 2};
}

Result<void> apply_setting(Settings& settings, const std::string& path, const std::string& key,
                           const toml::node& node) {
  for (const auto& spec : setting_table()) {
    if (spec.key != key) continue;
    auto value = node.value<std::string>();
    if (!value) return tl::unexpected(bad_key(path, node, key, "`" + key + "` must be a string"));
    if (auto valid = validate_setting(spec, *value, where(path, node.source())); !valid)
      return valid;
    settings.*spec.member = resolve_config_path(spec, *value, path);
    settings.origin[key] = where(path, node.source());
    return {};
  }
  return tl::unexpected(bad_key(path, node, key, "unknown key `" + key + "`"));
}

Result<void> apply_crate_table(Settings& settings, const std::string& path, const std::string& crate,
                               const toml::node& node) {
  const toml::table* table = node.as_table();
  if (!table) return tl::unexpected(bad_key(path, node, "crate." + crate, "`crate." + crate + "` must be a table"));
  CrateOverride& override_for = settings.crates[normalize_crate_name(crate)];
  for (const auto& [key, value] : *table) {
    std::string full = "crate." + crate + "." + std::string(key.str());
    if (key.str() != "backend")
      return tl::unexpected(bad_key(path, value, full, "unknown key `" + full + "` (a crate takes only `backend`)"));
    auto backend = value.value<std::string>();
    if (!backend || (*backend != "llvm" && *backend != "cranelift"))
      return tl::unexpected(Error{"`" + full + "` must be \"llvm\" or \"cranelift\"", where(path, value.source()),
                                  "write backend = \"llvm\" to skip the Cranelift attempt for this crate", 2});
    override_for.backend = *backend;
  }
  return {};
}

}  // namespace

Result<void> apply_config_text(Settings& settings, const std::string& text, const std::string& path) {
  toml::parse_result parsed = toml::parse(text, path);
  if (!parsed) {
    const auto& error = parsed.error();
    return tl::unexpected(Error{"malformed TOML: " + std::string(error.description()),
                                where(path, error.source()), "fix the file or point CLIFWRAP_CONFIG elsewhere", 2});
  }
  for (const auto& [key, node] : parsed.table()) {
    std::string name(key.str());
    if (name == "link" || name == "crate") {
      const toml::table* table = node.as_table();
      if (!table) return tl::unexpected(bad_key(path, node, name, "`" + name + "` must be a table"));
      for (const auto& [inner_key, inner] : *table) {
        auto applied = name == "link" ? apply_setting(settings, path, "link." + std::string(inner_key.str()), inner)
                                      : apply_crate_table(settings, path, std::string(inner_key.str()), inner);
        if (!applied) return applied;
      }
      continue;
    }
    if (auto applied = apply_setting(settings, path, name, node); !applied) return applied;
  }
  return {};
}

}  // namespace clifwrap
