#include "driver/wrapper/decision.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/strings.hpp"
#include "driver/wrapper/cranelift_limits.hpp"
#include "linkplan/linker_handoff.hpp"

namespace clifwrap {
namespace {

// --print requests rustc answers while it compiles; any other --print makes the call a probe.
bool printed_during_compilation(const std::string& request) {
  std::string kind = request.substr(0, request.find('='));
  return kind == "native-static-libs" || kind == "link-args";
}

// sccache runs each compile's command line first with `--emit dep-info` alone, to learn the
// sources it hashes. No code is generated; the call is rewritten like the compile it stands for
// (so the crates it loads match), but logged as a probe, not counted as a compile.
bool only_dep_info(const RustcInvocation& inv) {
  return !inv.emits.empty() &&
         std::all_of(inv.emits.begin(), inv.emits.end(), [](const EmitRequest& emit) { return emit.kind == "dep-info"; });
}

}  // namespace

std::string output_stem(const RustcInvocation& inv) {
  if (inv.output) {
    std::string name = file_name(*inv.output);
    return name.substr(0, name.rfind('.'));
  }
  std::string extra;
  for (const auto& option : inv.options)
    if (option.option == RustcOption::Codegen && option.value.starts_with("extra-filename="))
      extra = option.value.substr(std::string_view("extra-filename=").size());
  return inv.crate_name + extra;
}

std::string dep_info_path(const RustcInvocation& inv) {
  for (const auto& emit : inv.emits)
    if (emit.kind == "dep-info" && emit.path) return *emit.path;
  return output_dir(inv) + "/" + output_stem(inv) + ".d";
}

std::string_view to_string(UnitKind kind) {
  switch (kind) {
    case UnitKind::Target: return "target";
    case UnitKind::Host: return "host";
    case UnitKind::Probe: return "probe";
  }
  return {};
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Rewrite: return "rewrite";
    case Verdict::PassThrough: return "pass-through";
    case Verdict::NotCompilation: return "not-a-compilation";
  }
  return {};
}

std::optional<Classification> classify_non_compilation(const RustcInvocation& inv) {
  auto probe = [](std::string reason) { return Classification{UnitKind::Probe, Verdict::NotCompilation, reason}; };
  if (inv.version) return probe("version query");
  if (inv.help) return probe("help request");
  if (inv.explain) return probe("--explain");
  if (!std::all_of(inv.prints.begin(), inv.prints.end(), printed_during_compilation))
    return probe("--print probe");
  if (inv.inputs.empty()) return probe("no input file");
  if (inv.has_unstable("ls")) return probe("-Z ls: lists a library's metadata (sccache reads rlibs so)");
  // sccache asks `rustc +stable` (cwd /) whether rustc is rustup's proxy; rustc itself reads it as
  // a file that does not exist. Not a compile: nothing to derive, predict or rewrite.
  if (std::any_of(inv.inputs.begin(), inv.inputs.end(), [](const std::string& input) { return input.starts_with("+"); }))
    return probe("rustup's toolchain override (`+name`): only rustup's proxy reads it");
  return std::nullopt;
}

std::optional<Classification> classify_build_script_probe(const RustcInvocation& inv, bool in_build_script) {
  auto probe = [](std::string reason) { return Classification{UnitKind::Probe, Verdict::PassThrough, reason}; };
  // Only LLVM writes these; autocfg asks for LLVM IR to learn whether a snippet compiles at all.
  if (emits(inv, "llvm-ir") || emits(inv, "llvm-bc"))
    return probe("build script's probe: emits LLVM IR or bitcode, which only LLVM makes (autocfg)");
  // cargo's own compiles always name a file; stdin is how autocfg and rustix feed their snippets.
  if (std::find(inv.inputs.begin(), inv.inputs.end(), "-") != inv.inputs.end())
    return probe("build script's probe: source on stdin");
  if (in_build_script) return probe("build script's probe: rustc run by a build script, not by cargo");
  return std::nullopt;
}

bool is_build_script(const RustcInvocation& inv) { return inv.crate_name.starts_with("build_script_"); }

std::optional<std::string> cross_build_of_host_library(const RustcInvocation& inv) {
  // Build scripts and proc-macros are host units already: no directory to read for them.
  if (inv.target || is_build_script(inv) || has_crate_type(inv, "proc-macro")) return std::nullopt;
  if (!inv.out_dir || file_name(*inv.out_dir) != "deps") return std::nullopt;
  std::string profile_dir = parent_directory(absolute_path(*inv.out_dir));
  std::string profile = file_name(profile_dir);
  std::string target_dir = parent_directory(profile_dir);
  for (const auto& name : list_directory(target_dir))
    if (name != profile && is_directory(target_dir + "/" + name + "/" + profile + "/deps")) return name;
  return std::nullopt;
}

namespace {

Classification classify_compilation(const RustcInvocation& inv, const Settings& settings,
                                    const std::optional<std::string>& cross_build_target) {
  std::string host_reason;
  if (is_build_script(inv)) host_reason = "build script (host)";
  else if (has_crate_type(inv, "proc-macro")) host_reason = "proc-macro (host)";
  else if (cross_build_target)
    host_reason = "library for build scripts or proc-macros (host) of a cross build for " + *cross_build_target;
  UnitKind kind = host_reason.empty() ? UnitKind::Target : UnitKind::Host;
  auto pass = [kind](std::string reason) { return Classification{kind, Verdict::PassThrough, reason}; };
  if (!inv.problems.empty()) return pass("command line not understood: " + inv.problems.front());
  if (kind == UnitKind::Host && settings.host_choice() != Settings::HostUnits::Backend) return pass(host_reason);
  if (inv.has_unstable("codegen-backend")) return pass("the command line already chooses a codegen backend");
  return Classification{kind, Verdict::Rewrite,
                        kind == UnitKind::Host ? "host unit with CLIFWRAP_HOST=backend" : "target unit"};
}

}  // namespace

Classification classify(const RustcInvocation& inv, const Settings& settings,
                        const std::optional<std::string>& cross_build_target) {
  if (auto probe = classify_non_compilation(inv)) return *probe;
  Classification classification = classify_compilation(inv, settings, cross_build_target);
  if (only_dep_info(inv)) {
    classification.kind = UnitKind::Probe;
    classification.reason = "dep-info only (sccache's pass to learn the sources): " + classification.reason;
  }
  return classification;
}

std::string ArgChange::describe() const {
  switch (kind) {
    case Kind::Added: return "added `" + after + "`: " + reason;
    case Kind::Dropped: return "dropped `" + before + "`: " + reason;
    case Kind::Replaced: return "replaced `" + before + "` with `" + after + "`: " + reason;
    case Kind::Environment: return "environment " + after + ": " + reason;
  }
  return {};
}

bool runs_linker(const RustcInvocation& inv) {
  bool links_kind = inv.test_harness || inv.crate_types.empty();  // rustc's default crate type is bin
  for (std::string_view type : {"bin", "dylib", "cdylib", "proc-macro"}) links_kind = links_kind || has_crate_type(inv, type);
  return links_kind && emits(inv, "link");
}

bool uses_build_std(const RustcInvocation& inv) {
  if (inv.has_unstable("force-unstable-if-unmarked")) return true;
  // --extern [opt,opt:]name[=path]
  return std::any_of(inv.externs.begin(), inv.externs.end(), [](const std::string& value) {
    std::string name = value.substr(0, value.find('='));
    auto colon = name.find(':');
    if (colon == std::string::npos) return false;
    std::string options = "," + name.substr(0, colon) + ",";
    return options.find(",noprelude,") != std::string::npos;
  });
}

Command passthrough_command(const std::string& rustc, const std::vector<std::string>& args, const Settings* settings) {
  Command command;
  if (settings && !settings->wrapper.empty()) command.argv.push_back(settings->wrapper);
  command.argv.push_back(rustc);
  command.argv.insert(command.argv.end(), args.begin(), args.end());
  return command;
}

}  // namespace clifwrap
