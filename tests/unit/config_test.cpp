#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "common/files.hpp"
#include "driver/config/config.hpp"

using namespace clifwrap;

namespace {

EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

Result<void> apply(Settings& settings, const std::string& text) {
  return apply_config_text(settings, text, "clifwrap.toml");
}

}  // namespace

TEST_CASE("defaults") {
  auto settings = load_settings(fake_env({{"HOME", "/home/u"}}), "/", std::nullopt);
  REQUIRE(settings.has_value());
  CHECK(settings->backend == "cranelift");
  CHECK(settings->fallback == "llvm");
  CHECK(settings->host == "passthrough");
  CHECK(settings->link_mode == "embedded");
  CHECK(settings->cache_dir == "/home/u/.cache/clifwrap");
  CHECK_FALSE(settings->config_file.has_value());
}

TEST_CASE("a config file sets keys, [link] and per-crate backends") {
  Settings settings;
  REQUIRE(apply(settings, "backend = \"llvm\"\nfallback = \"off\"\n[link]\nmode = \"system\"\n"
                          "profile = \"redox\"\n[crate.relibc]\nbackend = \"llvm\"\n[crate.my-crate]\nbackend = \"cranelift\"\n"));
  CHECK(settings.backend == "llvm");
  CHECK(settings.fallback == "off");
  CHECK(settings.link_mode == "system");
  CHECK(settings.link_profile == "redox");
  CHECK(settings.crate_backend("relibc") == "llvm");
  CHECK(settings.crate_backend("my_crate") == "cranelift");
  CHECK_FALSE(settings.crate_backend("other").has_value());
  CHECK(settings.origin["fallback"] == "clifwrap.toml:2");
}

TEST_CASE("bad config files: errors name file, line and key") {
  Settings settings;
  auto unknown = apply(settings, "backend = \"llvm\"\n\nbakend = \"llvm\"\n");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().subject == "clifwrap.toml:3");
  CHECK(unknown.error().message.find("bakend") != std::string::npos);

  auto bad_value = apply(settings, "fallback = \"sometimes\"\n");
  REQUIRE_FALSE(bad_value.has_value());
  CHECK(bad_value.error().subject == "clifwrap.toml:1");
  CHECK(bad_value.error().hint.find("llvm, off") != std::string::npos);

  auto malformed = apply(settings, "[link\nmode = 1\n");
  REQUIRE_FALSE(malformed.has_value());
  CHECK(malformed.error().subject == "clifwrap.toml:1");
  CHECK(malformed.error().message.find("malformed TOML") != std::string::npos);

  auto crate_key = apply(settings, "[crate.x]\nfallback = \"off\"\n");
  REQUIRE_FALSE(crate_key.has_value());
  CHECK(crate_key.error().subject == "clifwrap.toml:2");
  CHECK(crate_key.error().message.find("crate.x.fallback") != std::string::npos);
}

TEST_CASE("the environment beats the config file: bad values name the variable") {
  std::string dir = "config-test-dir";
  REQUIRE(make_directories(dir + "/sub"));
  std::ofstream(dir + "/clifwrap.toml") << "backend = \"llvm\"\nhost = \"backend\"\n";
  std::string cwd = absolute_path(dir + "/sub");

  auto from_file = load_settings(fake_env({}), cwd, std::nullopt);
  REQUIRE(from_file.has_value());
  CHECK(from_file->backend == "llvm");
  CHECK(from_file->host == "backend");
  CHECK(from_file->config_file == absolute_path(dir) + "/clifwrap.toml");

  auto overridden = load_settings(fake_env({{"CLIFWRAP_BACKEND", "cranelift"}}), cwd, std::nullopt);
  REQUIRE(overridden.has_value());
  CHECK(overridden->backend == "cranelift");
  CHECK(overridden->origin["backend"] == "$CLIFWRAP_BACKEND");
  CHECK(overridden->host == "backend");

  auto bad = load_settings(fake_env({{"CLIFWRAP_HOST", "maybe"}}), cwd, std::nullopt);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().subject == "CLIFWRAP_HOST");

  auto missing = load_settings(fake_env({{"CLIFWRAP_CONFIG", "/nonexistent/nope.toml"}}), cwd, std::nullopt);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().subject == "/nonexistent/nope.toml");

  // A relative path would mean another file for each crate: cargo runs rustc in the crate's directory.
  for (const char* variable : {"CLIFWRAP_CONFIG", "CLIFWRAP_LOG", "CLIFWRAP_CACHE_DIR", "CLIFWRAP_SYSROOT"}) {
    CAPTURE(variable);
    auto relative = load_settings(fake_env({{variable, "nope.toml"}}), cwd, std::nullopt);
    REQUIRE_FALSE(relative.has_value());
    CHECK(relative.error().subject == variable);
    CHECK(relative.error().exit_code == 2);
  }
  CHECK(load_settings(fake_env({{"CLIFWRAP_BACKEND", "cranelift"}, {"CLIFWRAP_WRAPPER", "sccache"}}), cwd, std::nullopt));
  CHECK_FALSE(load_settings(fake_env({{"CLIFWRAP_BACKEND", "dist/lib/librustc_codegen_cranelift.so"}}), cwd, std::nullopt));

  // Registry crates compile in their own directory; the config is found above --out-dir instead.
  auto by_out_dir = load_settings(fake_env({}), "/", absolute_path(dir) + "/sub/target/debug/deps");
  REQUIRE(by_out_dir.has_value());
  CHECK(by_out_dir->backend == "llvm");

  std::remove((dir + "/clifwrap.toml").c_str());
}
