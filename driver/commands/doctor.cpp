#include "driver/commands/doctor.hpp"

#include <algorithm>
#include <cstdio>

#include "common/files.hpp"
#include "common/process.hpp"
#include "driver/backend/backend.hpp"
#include "driver/backend/backend_abilities.hpp"
#include "driver/backend/cranelift_toolchain.hpp"
#include "driver/rustc/rustc_facts_cache.hpp"
#include "linkplan/linker_handoff.hpp"
#include "linkplan/sysroot_profile.hpp"
#include "llvm_module/loader.hpp"
#include "targets/target_specs.hpp"

namespace clifwrap {
namespace {

class Report {
 public:
  void ok(const std::string& check, const std::string& detail) {
    std::printf("ok    %-10s %s\n", check.c_str(), detail.c_str());
  }
  void note(const std::string& check, const std::string& detail) {
    std::printf("note  %-10s %s\n", check.c_str(), detail.c_str());
  }
  void failed(const std::string& check, const Error& error) {
    ++failures_;
    std::string message = error.subject.empty() ? error.message : error.subject + ": " + error.message;
    std::printf("FAIL  %-10s %s\n", check.c_str(), message.c_str());
    if (!error.hint.empty()) std::printf("      %-10s hint: %s\n", "", error.hint.c_str());
  }
  int exit_status() const { return failures_ == 0 ? 0 : 1; }

 private:
  int failures_ = 0;
};

void check_linker(Report& report, const Settings& settings) {
  if (settings.link_choice() != Settings::LinkMode::Embedded) {
    report.ok("linker", "CLIFWRAP_LINK=system: rustc's own linker [" + settings.origin.at("link.mode") + "]");
    return;
  }
  std::string linker = embedded_linker_path();
  if (!is_regular_file(linker)) {
    report.failed("linker", Error{"missing beside clifwrap", linker, "install it: a symlink to clifwrap"});
    return;
  }
  auto version = run_lld({"ld.lld", "--version"}, LldRun::Reusable);
  if (!version) report.failed("lld", version.error());
  else if (version->exit_code != 0) report.failed("lld", Error{"lld --version failed: " + version->errors, "clifwrap-llvm.so", {}});
  else report.ok("lld", "in-process: " + version->output.substr(0, version->output.find('\n')));
}

// The profile a link for `target` gets, and whether its start and end files are all there.
// The linker asked is the one a Redox toolchain directory puts beside its rustc, or on PATH.
void check_profile(Report& report, const Settings& settings, const std::string& target, const std::string& rustc) {
  std::string gcc = target + "-gcc";
  std::string found_rustc = rustc.find('/') != std::string::npos ? rustc : find_program(rustc);
  ProfileQuestion question{settings.link_profile, settings.link_sysroot, target, false, {gcc}};
  if (!found_rustc.empty()) question.linkers.insert(question.linkers.begin(), parent_directory(found_rustc) + "/" + gcc);
  ProfileChoice choice = choose_profile(question);
  const std::string& name = choice.name;
  auto profile = load_profile(name, choice.sysroot, target);
  if (!profile) {
    report.failed("profile", profile.error());
    return;
  }
  std::string missing;
  for (LinkKind kind : {LinkKind::Pie, LinkKind::Static, LinkKind::Shared}) {
    ProfileFiles files = profile_files(*profile, kind);
    for (const auto& list : {files.start, files.end})
      for (const auto& path : list) {
        bool optional = std::find(files.optional.begin(), files.optional.end(), path) != files.optional.end();
        if (!is_regular_file(path) && !optional && missing.find(path) == std::string::npos)
          missing += (missing.empty() ? "" : ", ") + path;
      }
  }
  std::string where = name + (profile->root.empty() ? "" : " at " + profile->root) + " for " + target;
  if (!missing.empty())
    report.failed("profile", Error{"missing: " + missing, where, name == "redox" ? "run `clifwrap sysroot`" : "install the C runtime files"});
  else
    report.ok("profile", where + (name == "none" ? ": adds nothing" : ": start and end files present"));
}

// The toolchain of scripts/toolchain.sh, and whether this rustc is it.
void check_toolchain(Report& report, const RustcFacts& facts, const std::string& cache_dir) {
  auto toolchain = find_cached_toolchain(cache_dir);
  if (!toolchain)
    report.note("toolchain", "none in " + cache_dir + "/toolchains: scripts/toolchain.sh build builds rustc 1.96.0 "
                             "with Cranelift (about 20 minutes on 2 cores, once per machine)");
  else if (facts.sysroot == toolchain->root)
    report.ok("toolchain", "this rustc is clifwrap's Cranelift toolchain, " + toolchain->root);
  else
    report.note("toolchain", toolchain->root + " is built; use it: " + toolchain_usage(*toolchain));
}

}  // namespace

int run_doctor(const std::string& rustc, const std::optional<std::string>& target, const EnvLookup& env) {
  Report report;
  auto settings = load_settings(env, current_directory(), std::nullopt);
  if (!settings) {
    report.failed("config", settings.error());
    settings = load_settings([&env](std::string_view name) -> std::optional<std::string> {
      return name == "CLIFWRAP_CONFIG" ? std::nullopt : env(name);
    }, "/", std::nullopt);
    if (!settings) return 1;
  } else {
    report.ok("config", settings->config_file ? *settings->config_file : "no clifwrap.toml found: defaults and environment");
  }

  if (auto made = make_directories(settings->cache_dir); made && is_directory(settings->cache_dir))
    report.ok("cache", settings->cache_dir);
  else
    report.failed("cache", Error{"cannot create the cache directory", settings->cache_dir,
                                 "set CLIFWRAP_CACHE_DIR to a writable directory", 1});

  auto facts = rustc_facts(rustc, settings->cache_dir, env);
  if (!facts) {
    report.failed("rustc", facts.error());
    return report.exit_status();
  }
  report.ok("rustc", rustc + " " + facts->release + " (host " + facts->host + ", sysroot " + facts->sysroot + ")");
  if (facts->is_nightly)
    report.ok("-Z flags", "nightly rustc: takes -Zcodegen-backend as is");
  else
    report.ok("-Z flags", "release rustc: clifwrap sets RUSTC_BOOTSTRAP=1 for the calls it rewrites");

  auto backend = resolve_backend(settings->backend, *facts);
  if (backend) report.ok("backend", backend->describe() + " [" + settings->origin["backend"] + "]");
  else report.failed("backend", with_toolchain_hint(backend.error(), *facts, settings->cache_dir));
  if (backend && backend->kind == Backend::Kind::Cranelift) {
    // Asked of the backend itself (two small compiles, once per backend; cached).
    BackendAbilities abilities =
        backend_abilities(*backend, *facts, backend_identity(*backend, *facts), settings->cache_dir);
    auto word = [](bool compiles) { return compiles ? "compiled" : "refused: such crates fall back to LLVM"; };
    report.note("refusals", std::string("sym operands ") + word(abilities.sym_operands) + "; C-variadic definitions " +
                                word(abilities.variadic_definitions));
  }
  check_toolchain(report, *facts, settings->cache_dir);

  if (!settings->wrapper.empty()) {
    if (find_program(settings->wrapper).empty())
      report.failed("wrapper", Error{"not found in PATH", settings->wrapper, "install it or unset CLIFWRAP_WRAPPER"});
    else
      report.ok("wrapper", find_program(settings->wrapper));
  }
  if (!settings->log_path.empty()) {
    std::string dir = parent_directory(absolute_path(settings->log_path));
    if (is_directory(dir)) report.ok("log", settings->log_path);
    else report.failed("log", Error{"its directory does not exist", settings->log_path, "create it or change CLIFWRAP_LOG"});
  }
  check_linker(report, *settings);
  check_profile(report, *settings, target.value_or(facts->host), rustc);
  if (target) {
    auto derivation = derive_target(*facts, *target, settings->cache_dir);
    if (!derivation) {
      report.failed("spec", derivation.error());
    } else if (derivation->derived.changes.empty()) {
      report.ok("spec", *target + ": no change needed, the triple is passed as is");
    } else {
      for (const auto& change : derivation->derived.changes)
        report.ok("spec", *target + ": " + change.field + " " + change.before + " -> " + change.after + " (" +
                              change.reason + ")");
      report.ok("spec", *target + ": crates need -Zbuild-std=core,alloc (or std): no prebuilt std fits a derived spec");
    }
  }
  return report.exit_status();
}

Result<void> run_target_command(const std::string& rustc, const std::string& target, const EnvLookup& env) {
  auto settings = load_settings(env, current_directory(), std::nullopt);
  if (!settings) return tl::unexpected(settings.error());
  auto facts = rustc_facts(rustc, settings->cache_dir, env);
  if (!facts) return tl::unexpected(facts.error());
  auto derivation = derive_target(*facts, target, settings->cache_dir);
  if (!derivation) return tl::unexpected(derivation.error());

  const DerivedSpec& derived = derivation->derived;
  if (derived.changes.empty()) {
    std::fprintf(stderr, "%s needs no change for Cranelift: clifwrap passes it as is\n", target.c_str());
    std::fputs(derivation->original.c_str(), stdout);
    return {};
  }
  for (const auto& change : derived.changes)
    std::fprintf(stderr, "change: %s: %s -> %s (%s)\n", change.field.c_str(), change.before.c_str(),
                 change.after.c_str(), change.reason.c_str());
  std::fprintf(stderr, "derived spec: %s\n", derivation->derived_path.value_or("").c_str());
  std::fputs(derived.json.c_str(), stdout);
  return {};
}

}  // namespace clifwrap
