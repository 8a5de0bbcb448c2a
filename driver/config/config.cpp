#include "driver/config/config.hpp"

#include <cstdio>
#include <cstdlib>

#include "common/files.hpp"

namespace clifwrap {
namespace {

constexpr std::string_view kFallbackValues[] = {"llvm", "off"};
constexpr std::string_view kHostValues[] = {"passthrough", "backend"};
constexpr std::string_view kLinkModes[] = {"embedded", "system"};
constexpr std::string_view kProfiles[] = {"redox", "gnu", "none"};

const SettingSpec kSettings[] = {
    {"backend", "CLIFWRAP_BACKEND", &Settings::backend, ValueKind::PathOrName, {},
     "cranelift, llvm (stands in for Cranelift), or a path to librustc_codegen_cranelift.so"},
    {"fallback", "CLIFWRAP_FALLBACK", &Settings::fallback, ValueKind::Word, kFallbackValues,
     "rerun a crate with LLVM when Cranelift cannot compile it"},
    {"host", "CLIFWRAP_HOST", &Settings::host, ValueKind::Word, kHostValues,
     "build scripts and proc-macros: run rustc untouched, or with the backend"},
    {"link.mode", "CLIFWRAP_LINK", &Settings::link_mode, ValueKind::Word, kLinkModes,
     "embedded: link through clifwrap-link; system: leave rustc's linker alone"},
    {"link.sysroot", "CLIFWRAP_SYSROOT", &Settings::link_sysroot, ValueKind::Path, {}, "the sysroot for linker mode"},
    {"link.profile", "CLIFWRAP_PROFILE", &Settings::link_profile, ValueKind::Word, kProfiles,
     "where CRT objects and libc are: redox, gnu or none"},
    {"wrapper", "CLIFWRAP_WRAPPER", &Settings::wrapper, ValueKind::PathOrName, {},
     "an inner wrapper to run rustc through (sccache)"},
};

constexpr VariableSpec kEnvironmentOnly[] = {
    {"CLIFWRAP_LOG", "append one JSON line per rustc call and link to this file"},
    {"CLIFWRAP_CACHE_DIR", "cached rustc facts, remembered fallbacks (default ~/.cache/clifwrap)"},
    {"CLIFWRAP_CONFIG", "the config file (default: the nearest clifwrap.toml)"},
};

bool is_path_value(ValueKind kind, const std::string& value) {
  return kind == ValueKind::Path || (kind == ValueKind::PathOrName && value.find('/') != std::string::npos);
}

// A relative path from the environment would name a different place for each crate: cargo runs
// rustc in the crate's own directory (the -Zbuild-std crates' is under the toolchain's sources).
Result<void> require_absolute(std::string_view variable, const std::string& value) {
  if (value.starts_with("/")) return {};
  return tl::unexpected(Error{"`" + value + "` is a relative path", std::string(variable),
                              "cargo runs rustc in each crate's own directory, so a relative path names a "
                              "different place for each crate; give an absolute path, e.g. " +
                                  std::string(variable) + "=\"$PWD/" + value + "\"",
                              2});
}

std::string default_cache_dir(const EnvLookup& env) {
  if (auto xdg = env("XDG_CACHE_HOME"); xdg && !xdg->empty()) return *xdg + "/clifwrap";
  if (auto home = env("HOME"); home && !home->empty()) return *home + "/.cache/clifwrap";
  return "/tmp/clifwrap-cache";
}

Result<std::optional<std::string>> locate_config(const EnvLookup& env, const std::string& cwd,
                                                 const std::optional<std::string>& out_dir) {
  if (auto explicit_path = env("CLIFWRAP_CONFIG"); explicit_path && !explicit_path->empty()) {
    if (auto absolute = require_absolute("CLIFWRAP_CONFIG", *explicit_path); !absolute)
      return tl::unexpected(absolute.error());
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

Settings::Fallback Settings::fallback_choice() const { return fallback == "off" ? Fallback::Off : Fallback::Llvm; }
Settings::HostUnits Settings::host_choice() const { return host == "backend" ? HostUnits::Backend : HostUnits::PassThrough; }
Settings::LinkMode Settings::link_choice() const { return link_mode == "system" ? LinkMode::System : LinkMode::Embedded; }
bool Settings::backend_is_llvm() const { return backend == "llvm"; }

std::span<const SettingSpec> setting_table() { return kSettings; }
std::span<const VariableSpec> environment_only_variables() { return kEnvironmentOnly; }

std::string settings_help(std::string_view key_prefix, int name_width, int key_width) {
  std::string text;
  auto row = [&](std::string_view name, std::string_view key, std::string_view help) {
    char line[512];
    std::snprintf(line, sizeof line, "  %-*.*s %-*.*s %.*s\n", name_width, static_cast<int>(name.size()), name.data(),
                  key_width, static_cast<int>(key.size()), key.data(), static_cast<int>(help.size()), help.data());
    text += line;
  };
  for (const auto& spec : kSettings)
    if (spec.key.starts_with(key_prefix)) row(spec.env, spec.key, spec.help);
  for (const auto& variable : kEnvironmentOnly) row(variable.name, "-", variable.help);
  return text;
}

std::string resolve_config_path(const SettingSpec& spec, const std::string& value, const std::string& config_path) {
  if (!is_path_value(spec.kind, value) || value.starts_with("/")) return value;
  std::string config_dir = parent_directory(absolute_path(config_path));
  return value == "." ? config_dir : config_dir + "/" + value;
}

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
    if (is_path_value(spec.kind, *value))
      if (auto absolute = require_absolute(spec.env, *value); !absolute) return tl::unexpected(absolute.error());
    settings.*spec.member = *value;
    settings.origin[std::string(spec.key)] = "$" + std::string(spec.env);
  }
  if (auto log = env("CLIFWRAP_LOG"); log && !log->empty()) {
    if (auto absolute = require_absolute("CLIFWRAP_LOG", *log); !absolute) return tl::unexpected(absolute.error());
    settings.log_path = *log;
  }
  auto cache = env("CLIFWRAP_CACHE_DIR");
  if (cache && !cache->empty())
    if (auto absolute = require_absolute("CLIFWRAP_CACHE_DIR", *cache); !absolute) return tl::unexpected(absolute.error());
  settings.cache_dir = cache && !cache->empty() ? *cache : default_cache_dir(env);
  return settings;
}

}  // namespace clifwrap
