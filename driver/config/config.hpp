// clifwrap's settings and where they come from. Priorities, highest first:
//   1. the environment (CLIFWRAP_*)
//   2. the config file (CLIFWRAP_CONFIG, else the nearest clifwrap.toml above the working
//      directory, else above rustc's --out-dir: cargo runs registry crates in their own source
//      directory, but their output still lands in the workspace's target directory)
//   3. the defaults below
// A per-crate `[crate.<name>] backend` beats the global backend from any layer: it is the more
// specific statement. kSettings ties each config key to its environment variable.
// Paths mean one place for every rustc call of a build, although cargo runs each crate's rustc in
// that crate's own directory: a path from the environment must be absolute (an error otherwise),
// a relative path in clifwrap.toml is resolved against the file's directory.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct CrateOverride {
  std::optional<std::string> backend;  // "llvm" or "cranelift"
};

struct Settings {
  std::string backend = "cranelift";    // cranelift | llvm | path to a backend dylib
  std::string fallback = "llvm";        // llvm | off
  std::string host = "passthrough";     // passthrough | backend
  std::string link_mode = "embedded";   // embedded | system
  std::string link_sysroot;             // linker mode's sysroot
  std::string link_profile;             // redox | gnu | none
  std::string wrapper;                  // inner wrapper such as sccache
  std::string log_path;                 // CLIFWRAP_LOG, environment only
  std::string cache_dir;                // CLIFWRAP_CACHE_DIR, environment only
  std::optional<std::string> config_file;
  std::map<std::string, CrateOverride> crates;  // by crate name, '-' spelled '_'
  std::map<std::string, std::string> origin;    // key -> "default", "$VAR" or "file:line"

  // The `[crate.<name>] backend` override for one crate, if any.
  std::optional<std::string> crate_backend(const std::string& crate_name) const;

  // The choices the code acts on, read from the validated words here only (config.cpp, beside the
  // words each setting allows).
  enum class Fallback { Llvm, Off };
  enum class HostUnits { PassThrough, Backend };
  enum class LinkMode { Embedded, System };
  Fallback fallback_choice() const;
  HostUnits host_choice() const;
  LinkMode link_choice() const;
  bool backend_is_llvm() const;  // CLIFWRAP_BACKEND=llvm: LLVM stands in for Cranelift
};

// What a setting's value is, for the path rule above.
enum class ValueKind {
  Word,        // one of `allowed`
  Path,        // always a path
  PathOrName,  // a name (cranelift, sccache), or a path when it holds a '/'
};

struct SettingSpec {
  std::string_view key;  // config key; "link.mode" is `mode` in `[link]`
  std::string_view env;  // environment variable
  std::string Settings::*member;
  ValueKind kind;
  std::span<const std::string_view> allowed;  // empty: any value
  std::string_view help;
};

std::span<const SettingSpec> setting_table();

// The variables read from the environment only (no clifwrap.toml key); all three are paths.
struct VariableSpec {
  std::string_view name;
  std::string_view help;
};
std::span<const VariableSpec> environment_only_variables();

// --help's rows: the settings whose key starts with `key_prefix`, then the environment-only
// variables, as "  VARIABLE  key  help" in columns of these widths.
std::string settings_help(std::string_view key_prefix, int name_width, int key_width);

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;
EnvLookup process_environment();

// The settings as the environment assignments that reproduce them (CLIFWRAP_BACKEND=…, and
// CLIFWRAP_CONFIG for the per-crate overrides of the file in force): what the log keeps to replay
// a decision.
std::vector<std::string> settings_as_environment(const Settings& settings);

// Reads the layers. `cwd` and `out_dir` locate the config file when CLIFWRAP_CONFIG is unset.
Result<Settings> load_settings(const EnvLookup& env, const std::string& cwd,
                               const std::optional<std::string>& out_dir);

// Applies one config file's contents (config_file.cpp); `path` names it in errors.
Result<void> apply_config_text(Settings& settings, const std::string& text, const std::string& path);

// Checks a value against a setting's allowed values; `where` names the variable or file:line.
Result<void> validate_setting(const SettingSpec& spec, const std::string& value, const std::string& where);

// A path setting's value as it holds for every call of a build: from the config file at
// `config_path`, a relative path is resolved against that file's directory.
std::string resolve_config_path(const SettingSpec& spec, const std::string& value, const std::string& config_path);

std::string normalize_crate_name(std::string name);

}  // namespace clifwrap
