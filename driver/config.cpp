#include "driver/config.hpp"

#include <cstdlib>

#include "common/files.hpp"

namespace clifwrap {
namespace {

constexpr std::string_view kFallbackValues[] = {"llvm", "off"};
constexpr std::string_view kHostValues[] = {"passthrough", "backend"};
constexpr std::string_view kLinkModes[] = {"embedded", "system"};
constexpr std::string_view kProfiles[] = {"redox", "gnu", "none"};

const SettingSpec kSettings[] = {
    {"backend", "CLIFWRAP_BACKEND", &Settings::backend, {},
     "cranelift, llvm (stands in for Cranelift), or a path to librustc_codegen_cranelift.so"},
    {"fallback", "CLIFWRAP_FALLBACK", &Settings::fallback, kFallbackValues,
     "rerun a crate with LLVM when Cranelift cannot compile it"},
    {"host", "CLIFWRAP_HOST", &Settings::host, kHostValues,
     "build scripts and proc-macros: run rustc untouched, or with the backend"},
    {"link.mode", "CLIFWRAP_LINK", &Settings::link_mode, kLinkModes,
     "embedded: link through clifwrap-link; system: leave rustc's linker alone"},
    {"link.sysroot", "CLIFWRAP_SYSROOT", &Settings::link_sysroot, {}, "the sysroot for linker mode"},
    {"link.profile", "CLIFWRAP_PROFILE", &Settings::link_profile, kProfiles,
     "where CRT objects and libc are: redox, gnu or none"},
    {"wrapper", "CLIFWRAP_WRAPPER", &Settings::wrapper, {}, "an inner wrapper to run rustc through (sccache)"},
};

std::string default_cache_dir(const EnvLookup& env) {
  if (auto xdg = env("XDG_CACHE_HOME"); xdg && !xdg->empty()) return *xdg + "/clifwrap";
  if (auto home = env("HOME"); home && !home->empty()) return *home + "/.cache/clifwrap";
  return "/tmp/clifwrap-cache";
}

Result<std::optional<std::string>> locate_config(const EnvLookup& env, const std::string& cwd,
                                                 const std::optional<std::string>& out_dir) {
  if (auto explicit_path = env("CLIFWRAP_CONFIG"); explicit_path && !explicit_path->empty()) {
    if (!is_regular_file(*explicit_path))
      return fail("config file does not exist", *explicit_path,
                  "CLIFWRAP_CONFIG must name a clifwrap.toml, or be unset");
    return explicit_path;
  }
  if (auto found = find_upward(cwd, "clifwrap.toml")) return found;
  if (out_dir) {
    std::string dir = (*out_dir)[0] == '/' ? *out_dir : cwd + "/" + *out_dir;
    if (auto found = find_upward(dir, "clifwrap.toml")) return found;
  }
  return std::optional<std::string>{};
}

}  // namespace

std::span<const SettingSpec> setting_table() { return kSettings; }

std::vector<std::string> settings_as_environment(const Settings& settings) {
  std::vector<std::string> assignments;
  for (const auto& spec : setting_table())
    if (!(settings.*spec.member).empty()) assignments.push_back(std::string(spec.env) + "=" + settings.*spec.member);
  assignments.push_back("CLIFWRAP_CACHE_DIR=" + settings.cache_dir);
  if (settings.config_file) assignments.push_back("CLIFWRAP_CONFIG=" + *settings.config_file);
  return assignments;
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

std::string normalize_crate_name(std::string name) {
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

std::optional<std::string> Settings::crate_backend(const std::string& crate_name) const {
  auto it = crates.find(normalize_crate_name(crate_name));
  return it == crates.end() ? std::nullopt : it->second.backend;
}

Result<void> validate_setting(const SettingSpec& spec, const std::string& value, const std::string& where) {
  if (spec.allowed.empty()) return {};
  std::string choices;
  for (auto allowed : spec.allowed) {
    if (value == allowed) return {};
    choices += (choices.empty() ? "" : ", ") + std::string(allowed);
  }
  return tl::unexpected(Error{"`" + value + "` is not a valid value for " + std::string(spec.key), where,
                              "use one of: " + choices, 2});
}

Result<Settings> load_settings(const EnvLookup& env, const std::string& cwd,
                               const std::optional<std::string>& out_dir) {
  Settings settings;
  for (const auto& spec : kSettings) settings.origin[std::string(spec.key)] = "default";

  // Layer 2: the config file.
  auto config = locate_config(env, cwd, out_dir);
  if (!config) return tl::unexpected(config.error());
  if (*config) {
    settings.config_file = **config;
    auto text = read_file(**config);
    if (!text) return tl::unexpected(text.error());
    if (auto applied = apply_config_text(settings, *text, **config); !applied)
      return tl::unexpected(applied.error());
  }

  // Layer 1: the environment.
  for (const auto& spec : kSettings) {
    auto value = env(spec.env);
    if (!value || value->empty()) continue;
    if (auto valid = validate_setting(spec, *value, std::string(spec.env)); !valid)
      return tl::unexpected(valid.error());
    settings.*spec.member = *value;
    settings.origin[std::string(spec.key)] = "$" + std::string(spec.env);
  }
  if (auto log = env("CLIFWRAP_LOG")) settings.log_path = *log;
  auto cache = env("CLIFWRAP_CACHE_DIR");
  settings.cache_dir = cache && !cache->empty() ? *cache : default_cache_dir(env);
  return settings;
}

}  // namespace clifwrap
