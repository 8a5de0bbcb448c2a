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

std::string render_option(const ParsedOption& option, const std::vector<std::string>& tokens) {
  std::string text;
  for (size_t i = 0; i < option.token_count; ++i) text += (i ? " " : "") + tokens[option.first_token + i];
  return text;
}

bool has_crate_type(const RustcInvocation& inv, std::string_view type) {
  return std::find(inv.crate_types.begin(), inv.crate_types.end(), type) != inv.crate_types.end();
}

bool emits(const RustcInvocation& inv, std::string_view kind) {
  if (kind == "link" && inv.emits.empty()) return true;  // rustc's default
  return std::any_of(inv.emits.begin(), inv.emits.end(), [&](const EmitRequest& e) { return e.kind == kind; });
}

std::string output_dir(const RustcInvocation& inv) {
  if (inv.output) return parent_directory(absolute_path(*inv.output));
  return inv.out_dir.value_or(".");
}

// Decides the post steps and how `--emit obj=PATH` is rewritten: the new text of that emit entry,
// or nullopt to drop it (the objects then come from the archive).
struct ObjectEmitRewrite {
  std::optional<std::string> entry;
};

// Where rustc writes the linked output: `--emit link=PATH` (relibc's Makefile names its librelibc.a
// so), else `-o`, else the crate's own name in the output directory.
std::string link_output(const RustcInvocation& inv, const std::string& default_name) {
  auto link = std::find_if(inv.emits.begin(), inv.emits.end(), [](const EmitRequest& e) { return e.kind == "link" && e.path; });
  if (link != inv.emits.end()) return *link->path;
  return inv.output.value_or(output_dir(inv) + "/" + default_name);
}

std::optional<ObjectEmitRewrite> plan_post_steps(const RustcInvocation& inv, const std::string& scratch_tag, PostSteps& post) {
  std::string stem = output_stem(inv);
  bool links = emits(inv, "link");
  std::optional<std::string> staticlib, rlib;
  if (links && has_crate_type(inv, "staticlib")) staticlib = link_output(inv, "lib" + stem + ".a");
  if (links && (has_crate_type(inv, "rlib") || has_crate_type(inv, "lib"))) rlib = link_output(inv, "lib" + stem + ".rlib");
  if (staticlib) post.fold_archives.push_back(*staticlib);

  auto obj = std::find_if(inv.emits.begin(), inv.emits.end(), [](const EmitRequest& e) { return e.kind == "obj" && e.path; });
  if (obj == inv.emits.end() || (links && !staticlib && !rlib)) return std::nullopt;  // a linked binary: rustc's own way
  ObjectMerge merge{*obj->path, stem, staticlib ? staticlib : rlib, {}};
  ObjectEmitRewrite rewrite;
  if (!merge.archive) {
    merge.private_dir = parent_directory(absolute_path(*obj->path)) + "/.clifwrap-obj-" + scratch_tag;
    post.private_dir = merge.private_dir;
    rewrite.entry = "obj=" + merge.private_dir + "/" + file_name(*obj->path);
  }
  post.merge_objects = merge;
  return rewrite;
}

// An `--emit` value with its `obj=PATH` entry replaced, or removed (empty result: drop the option).
std::string rewrite_emit_value(const std::string& value, const ObjectEmitRewrite& rewrite) {
  std::string result;
  for (const auto& entry : split(value, ',')) {
    std::string kept = entry.starts_with("obj=") ? rewrite.entry.value_or("") : entry;
    if (!kept.empty()) result += (result.empty() ? "" : ",") + kept;
  }
  return result;
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

Classification classify(const RustcInvocation& inv, const Settings& settings,
                        const std::optional<std::string>& cross_build_target) {
  if (auto probe = classify_non_compilation(inv)) return *probe;
  std::string host_reason;
  if (is_build_script(inv)) host_reason = "build script (host)";
  else if (has_crate_type(inv, "proc-macro")) host_reason = "proc-macro (host)";
  else if (cross_build_target)
    host_reason = "library for build scripts or proc-macros (host) of a cross build for " + *cross_build_target;
  UnitKind kind = host_reason.empty() ? UnitKind::Target : UnitKind::Host;
  auto pass = [kind](std::string reason) { return Classification{kind, Verdict::PassThrough, reason}; };
  if (!inv.problems.empty()) return pass("command line not understood: " + inv.problems.front());
  if (kind == UnitKind::Host && settings.host != "backend") return pass(host_reason);
  if (inv.has_unstable("codegen-backend")) return pass("the command line already chooses a codegen backend");
  return Classification{kind, Verdict::Rewrite,
                        kind == UnitKind::Host ? "host unit with CLIFWRAP_HOST=backend" : "target unit"};
}

std::vector<std::string> RustcPlan::argv() const {
  std::vector<std::string> all = prefix;
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

RustcPlan plan_rewrite(const std::string& rustc, const RustcInvocation& inv, const Settings& settings,
                       const RustcFacts& facts, const RewriteInputs& inputs) {
  RustcPlan plan;
  plan.backend = inputs.backend;
  plan.spec = inputs.spec_path;
  plan.prefix = passthrough_command(rustc, {}, &settings).argv;
  bool cranelift_unit = inputs.backend && inputs.backend->treated_as_cranelift();
  plan.fallback_to_llvm = cranelift_unit && settings.fallback == "llvm";

  std::optional<ObjectEmitRewrite> object_emit;
  if (inputs.backend) object_emit = plan_post_steps(inv, inputs.scratch_tag, plan.post);

  // Tokens to drop or replace: -C flags cg_clif cannot take (Cranelift units), --target, -C linker,
  // and `--emit obj=PATH`.
  std::vector<std::optional<std::string>> replacement(inv.args.size());
  std::vector<bool> dropped(inv.args.size(), false);
  for (const auto& option : inv.options) {
    auto written = [&] { return render_option(option, inv.args); };  // only for the options it changes
    if (option.option == RustcOption::Emit && object_emit && option.value.find("obj=") != std::string::npos) {
      std::string value = rewrite_emit_value(option.value, *object_emit);
      size_t value_token = option.first_token + option.token_count - 1;
      std::string why = object_emit->entry
                            ? "rustc writes the objects into a private directory; clifwrap merges them into the "
                              "requested path afterwards (merge-objects)"
                            : "the objects come from the archive this compile writes; clifwrap merges them into the "
                              "requested path afterwards (merge-objects)";
      if (value.empty()) {
        for (size_t i = 0; i < option.token_count; ++i) dropped[option.first_token + i] = true;
        plan.changes.push_back({ArgChange::Kind::Dropped, written(), {}, why});
      } else {
        replacement[value_token] = option.token_count == 2 ? value : "--emit=" + value;
        plan.changes.push_back({ArgChange::Kind::Replaced, written(), "--emit " + value, why});
      }
      continue;
    }
    if (option.option == RustcOption::Target && inputs.spec_path) {
      size_t value_token = option.first_token + option.token_count - 1;
      replacement[value_token] = option.token_count == 2 ? *inputs.spec_path : "--target=" + *inputs.spec_path;
      plan.changes.push_back({ArgChange::Kind::Replaced, written(), "--target " + *inputs.spec_path,
                              "the target's spec derived for Cranelift (`clifwrap target " + *inv.target +
                                  "` shows the changes)"});
      continue;
    }
    if (option.option != RustcOption::Codegen) continue;
    auto eq = option.value.find('=');
    std::string key = option.value.substr(0, eq);
    std::string value = eq == std::string::npos ? std::string() : option.value.substr(eq + 1);
    if (key == "linker" && inputs.embedded_linker) {  // handed over to clifwrap-link
      plan.original_linker = value;
      for (size_t i = 0; i < option.token_count; ++i) dropped[option.first_token + i] = true;
      plan.changes.push_back({ArgChange::Kind::Dropped, written(), {},
                              "clifwrap-link links instead, and hands a link it cannot plan to this linker"});
      continue;
    }
    if (!cranelift_unit) continue;
    CodegenVerdict verdict = judge_codegen_flag(key, value);
    if (!verdict.drop) continue;
    plan.dropped.push_back({written(), verdict.reason});
    for (size_t i = 0; i < option.token_count; ++i) dropped[option.first_token + i] = true;
    if (!verdict.replacement.empty()) {
      replacement[option.first_token] = "-Cllvm-args=" + verdict.replacement;
      plan.changes.push_back({ArgChange::Kind::Replaced, written(), *replacement[option.first_token], verdict.reason});
    } else {
      plan.changes.push_back({ArgChange::Kind::Dropped, written(), {}, verdict.reason});
    }
  }
  auto add = [&plan](std::string arg, std::string reason) {
    plan.changes.push_back({ArgChange::Kind::Added, {}, arg, std::move(reason)});
    plan.args.push_back(std::move(arg));
  };
  for (size_t i = 0; i < inv.args.size(); ++i) {
    if (replacement[i]) plan.args.push_back(*replacement[i]);
    else if (!dropped[i]) plan.args.push_back(inv.args[i]);
  }
  std::string mem_feature = "feature=\"mem\"";
  if (inputs.builtins_mem && std::find(inv.cfgs.begin(), inv.cfgs.end(), mem_feature) == inv.cfgs.end())
    add("--cfg=" + mem_feature,
        "memcpy, memset, memcmp and bcmp for a target without an OS: Cranelift calls them where LLVM inlines "
        "copies (compiler_builtins' build script turns this on only for triples with `-none`)");
  if (inputs.spec_path && !inv.has_unstable("unstable-options"))
    add("-Zunstable-options", "rustc loads a JSON target only with it");
  if (inputs.backend) add("-Zcodegen-backend=" + inputs.backend->codegen_backend, "the backend: " + inputs.backend->describe());
  // The objects of a compile that links nothing stay in the private directory too. cg_clif
  // deletes them after "ignoring emit path because multiple .o files were produced" unless
  // -Csave-temps (the last -C save-temps wins): whatever else that keeps goes with the directory.
  if (plan.post.private_dir) {
    add("-Ztemps-dir=" + *plan.post.private_dir, "the objects stay in clifwrap's private directory, removed afterwards");
    add("-Csave-temps", "cg_clif deletes the objects otherwise");
  }
  auto set_env = [&plan](EnvChange change, std::string reason) {
    std::string shown = change.name + "=" + change.value + (change.mode == EnvChange::Mode::PrependPath ? ":$" + change.name : "");
    plan.changes.push_back({ArgChange::Kind::Environment, {}, shown, std::move(reason)});
    plan.env.push_back(std::move(change));
  };
  if (inputs.embedded_linker) {
    // rustc passes its environment on to the linker: that is how clifwrap-link learns the target
    // and the linker it stands in for.
    plan.embedded_link = true;
    add("-Clinker=" + *inputs.embedded_linker, "clifwrap-link links, with lld in-process");
    std::string target = inv.target.value_or(facts.host);
    if (target.ends_with(".json")) target = file_name(target).substr(0, file_name(target).size() - 5);
    set_env({std::string(kLinkTargetVariable), target}, "tells clifwrap-link the target");
    if (plan.original_linker)
      set_env({std::string(kOriginalLinkerVariable), *plan.original_linker}, "the linker clifwrap-link stands in for");
    if (inputs.soft_float_link)
      set_env({std::string(kSoftFloatVariable), "1"}, "a soft-float target: clifwrap-link checks for FP/SIMD registers");
  }

  // -Z flags need a nightly; on a release rustc clifwrap enables them for the calls it rewrites
  // only (docs/reference.md: "Stable and distribution rustc").
  if (!facts.is_nightly && !inputs.bootstrap_already_set)
    set_env({"RUSTC_BOOTSTRAP", "1"}, facts.release + " is not a nightly: -Z flags need it");
  if (inputs.backend_key)
    set_env({std::string(kBackendKeyVariable), *inputs.backend_key},
            "the backend's content in the inner wrapper's cache key (sccache hashes CARGO_* variables)");
  if (inputs.backend && inputs.ice_dir)
    set_env({"RUSTC_ICE", *inputs.ice_dir}, "an internal compiler error's report goes to clifwrap's cache, not the working directory");
  if (inputs.backend && !inputs.backend->library_dir.empty()) {
#ifdef __APPLE__
    constexpr const char* kLibraryPath = "DYLD_LIBRARY_PATH";
#else
    constexpr const char* kLibraryPath = "LD_LIBRARY_PATH";
#endif
    set_env({kLibraryPath, inputs.backend->library_dir, EnvChange::Mode::PrependPath},
            "the backend dylib loads the sysroot's librustc_driver from there");
  }
  return plan;
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

RustcPlan fallback_plan(const RustcPlan& attempt) {
  RustcPlan plan = attempt;
  plan.backend = llvm_backend();
  plan.fallback_to_llvm = false;
  for (auto& arg : plan.args)
    if (arg.starts_with("-Zcodegen-backend=")) arg = "-Zcodegen-backend=llvm";
  return plan;
}

Command passthrough_command(const std::string& rustc, const std::vector<std::string>& args, const Settings* settings) {
  Command command;
  if (settings && !settings->wrapper.empty()) command.argv.push_back(settings->wrapper);
  command.argv.push_back(rustc);
  command.argv.insert(command.argv.end(), args.begin(), args.end());
  return command;
}

}  // namespace clifwrap
