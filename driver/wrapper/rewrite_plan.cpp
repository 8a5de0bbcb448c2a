// plan_rewrite: a call's command line and environment for the backend it gets. Each rule looks at
// one option of the call and may return an edit (its tokens replaced or dropped, and why); one
// loop applies them. What is added (the backend, the spec's -Z flag, the linker hand-over) and the
// environment rustc needs follow, each from a function that only returns what it adds.
#include <algorithm>
#include <map>

#include "common/files.hpp"
#include "common/strings.hpp"
#include "driver/wrapper/cranelift_limits.hpp"
#include "driver/wrapper/decision.hpp"
#include "linkplan/linker_handoff.hpp"

namespace clifwrap {
namespace {

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

// The option's tokens as the call wrote them, for the log and explain.
std::string render_option(const ParsedOption& option, const std::vector<std::string>& tokens) {
  std::string text;
  for (size_t i = 0; i < option.token_count; ++i) text += (i ? " " : "") + tokens[option.first_token + i];
  return text;
}

// What a rule does to one option: its tokens replaced by `tokens` (none: dropped), and why.
struct OptionEdit {
  std::vector<std::string> tokens;
  ArgChange change;
  bool warns = false;  // a -C flag cg_clif cannot take: the user is told (RustcPlan::dropped)
};

struct RuleInputs {
  const RustcInvocation& inv;
  const RewriteInputs& inputs;
  const std::optional<ObjectEmitRewrite>& object_emit;
  bool cranelift_unit;
};

using OptionRule = std::optional<OptionEdit> (*)(const ParsedOption&, const RuleInputs&);

// The option with a new value, in the form it was written: `--flag value` or `--flag=value`.
std::vector<std::string> with_value(const ParsedOption& option, const RuleInputs& in, std::string_view flag,
                                    const std::string& value) {
  if (option.token_count == 2) return {in.inv.args[option.first_token], value};
  return {std::string(flag) + "=" + value};
}

OptionEdit dropped(const ParsedOption& option, const RuleInputs& in, std::string reason) {
  return {{}, {ArgChange::Kind::Dropped, render_option(option, in.inv.args), {}, std::move(reason)}};
}

OptionEdit replaced(const ParsedOption& option, const RuleInputs& in, std::vector<std::string> tokens,
                    std::string shown, std::string reason) {
  return {std::move(tokens), {ArgChange::Kind::Replaced, render_option(option, in.inv.args), std::move(shown), std::move(reason)}};
}

// `--emit obj=PATH`: the objects go to clifwrap's private directory, or come from the archive.
std::optional<OptionEdit> objects_emitted_elsewhere(const ParsedOption& option, const RuleInputs& in) {
  if (option.option != RustcOption::Emit || !in.object_emit || option.value.find("obj=") == std::string::npos)
    return std::nullopt;
  std::string why = in.object_emit->entry
                        ? "rustc writes the objects into a private directory; clifwrap merges them into the "
                          "requested path afterwards (merge-objects)"
                        : "the objects come from the archive this compile writes; clifwrap merges them into the "
                          "requested path afterwards (merge-objects)";
  std::string value = rewrite_emit_value(option.value, *in.object_emit);
  if (value.empty()) return dropped(option, in, why);
  return replaced(option, in, with_value(option, in, "--emit", value), "--emit " + value, why);
}

// `--target T`: the spec derived for Cranelift.
std::optional<OptionEdit> target_derived(const ParsedOption& option, const RuleInputs& in) {
  if (option.option != RustcOption::Target || !in.inputs.spec_path) return std::nullopt;
  const std::string& spec = *in.inputs.spec_path;
  return replaced(option, in, with_value(option, in, "--target", spec), "--target " + spec,
                  "the target's spec derived for Cranelift (`clifwrap target " + *in.inv.target + "` shows the changes)");
}

std::pair<std::string, std::string> codegen_key_value(const ParsedOption& option) {
  auto eq = option.value.find('=');
  return {option.value.substr(0, eq), eq == std::string::npos ? std::string() : option.value.substr(eq + 1)};
}

// `-C linker=L`: clifwrap-link links instead (RustcPlan::original_linker keeps L).
std::optional<OptionEdit> linker_handed_over(const ParsedOption& option, const RuleInputs& in) {
  if (option.option != RustcOption::Codegen || !in.inputs.embedded_linker) return std::nullopt;
  if (codegen_key_value(option).first != "linker") return std::nullopt;
  return dropped(option, in, "clifwrap-link links instead, and hands a link it cannot plan to this linker");
}

// `-C key=value` that cg_clif cannot take: dropped, or kept with what it can (llvm-args).
std::optional<OptionEdit> codegen_flag_cranelift_refuses(const ParsedOption& option, const RuleInputs& in) {
  if (option.option != RustcOption::Codegen || !in.cranelift_unit) return std::nullopt;
  auto [key, value] = codegen_key_value(option);
  CodegenVerdict verdict = judge_codegen_flag(key, value);
  if (!verdict.drop) return std::nullopt;
  OptionEdit edit = verdict.replacement.empty()
                        ? dropped(option, in, verdict.reason)
                        : replaced(option, in, {"-Cllvm-args=" + verdict.replacement},
                                   "-Cllvm-args=" + verdict.replacement, verdict.reason);
  edit.warns = true;
  return edit;
}

// In order: the first rule that edits an option decides it.
constexpr OptionRule kOptionRules[] = {objects_emitted_elsewhere, target_derived, linker_handed_over,
                                       codegen_flag_cranelift_refuses};

struct Addition {
  std::string arg;
  std::string reason;
};

std::vector<Addition> added_arguments(const RustcInvocation& inv, const RewriteInputs& inputs, const PostSteps& post) {
  std::vector<Addition> added;
  std::string mem_feature = "feature=\"mem\"";
  if (inputs.builtins_mem && std::find(inv.cfgs.begin(), inv.cfgs.end(), mem_feature) == inv.cfgs.end())
    added.push_back({"--cfg=" + mem_feature,
                     "memcpy, memset, memcmp and bcmp for a target without an OS: Cranelift calls them where LLVM "
                     "inlines copies (compiler_builtins' build script turns this on only for triples with `-none`)"});
  // The library's own Cargo.toml builds panic_abort with -Cpanic=abort whatever the profile says
  // ([profile.*.package.panic_abort] rustflags); -Zbuild-std uses the user's profile instead, and
  // a panic_abort built for unwinding cannot serve a later `panic = "abort"` build against it.
  if (inv.crate_name == "panic_abort" && uses_build_std(inv) && inv.codegen_value("panic") != "abort")
    added.push_back({"-Cpanic=abort", "panic_abort is built as the standard library builds it (library/Cargo.toml)"});
  if (inputs.spec_path && !inv.has_unstable("unstable-options"))
    added.push_back({"-Zunstable-options", "rustc loads a JSON target only with it"});
  if (inputs.backend)
    added.push_back({"-Zcodegen-backend=" + inputs.backend->codegen_backend, "the backend: " + inputs.backend->describe()});
  // The objects of a compile that links nothing stay in the private directory too. cg_clif
  // deletes them after "ignoring emit path because multiple .o files were produced" unless
  // -Csave-temps (the last -C save-temps wins): whatever else that keeps goes with the directory.
  if (post.private_dir) {
    added.push_back({"-Ztemps-dir=" + *post.private_dir, "the objects stay in clifwrap's private directory, removed afterwards"});
    added.push_back({"-Csave-temps", "cg_clif deletes the objects otherwise"});
  }
  if (inputs.embedded_linker) added.push_back({"-Clinker=" + *inputs.embedded_linker, "clifwrap-link links, with lld in-process"});
  return added;
}

struct EnvAddition {
  EnvChange change;
  std::string reason;
};

std::vector<EnvAddition> environment_for(const RustcInvocation& inv, const RustcFacts& facts, const RewriteInputs& inputs,
                                         const std::optional<std::string>& original_linker) {
  std::vector<EnvAddition> env;
  if (inputs.embedded_linker) {
    // rustc passes its environment on to the linker: that is how clifwrap-link learns the target
    // and the linker it stands in for.
    std::string target = inv.target.value_or(facts.host);
    if (target.ends_with(".json")) target = file_name(target).substr(0, file_name(target).size() - 5);
    env.push_back({{std::string(kLinkTargetVariable), target}, "tells clifwrap-link the target"});
    if (original_linker)
      env.push_back({{std::string(kOriginalLinkerVariable), *original_linker}, "the linker clifwrap-link stands in for"});
    if (inputs.soft_float_link)
      env.push_back({{std::string(kSoftFloatVariable), "1"}, "a soft-float target: clifwrap-link checks for FP/SIMD registers"});
  }
  // -Z flags need a nightly; on a release rustc clifwrap enables them for the calls it rewrites
  // only (docs/reference.md: "Stable and distribution rustc").
  if (!facts.is_nightly && !inputs.bootstrap_already_set)
    env.push_back({{"RUSTC_BOOTSTRAP", "1"}, facts.release + " is not a nightly: -Z flags need it"});
  if (inputs.backend_key)
    env.push_back({{std::string(kBackendKeyVariable), *inputs.backend_key},
                   "the backend's content in the inner wrapper's cache key (sccache hashes CARGO_* variables)"});
  if (inputs.backend && inputs.ice_dir)
    env.push_back({{"RUSTC_ICE", *inputs.ice_dir},
                   "an internal compiler error's report goes to clifwrap's cache, not the working directory"});
  if (inputs.backend && !inputs.backend->library_dir.empty()) {
#ifdef __APPLE__
    constexpr const char* kLibraryPath = "DYLD_LIBRARY_PATH";
#else
    constexpr const char* kLibraryPath = "LD_LIBRARY_PATH";
#endif
    env.push_back({{kLibraryPath, inputs.backend->library_dir, EnvChange::Mode::PrependPath},
                   "the backend dylib loads the sysroot's librustc_driver from there"});
  }
  return env;
}

}  // namespace

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
  plan.fallback_to_llvm = cranelift_unit && settings.fallback_choice() == Settings::Fallback::Llvm;
  std::optional<ObjectEmitRewrite> object_emit;
  if (inputs.backend) object_emit = plan_post_steps(inv, inputs.scratch_tag, plan.post);

  RuleInputs rule_inputs{inv, inputs, object_emit, cranelift_unit};
  std::map<size_t, std::pair<size_t, std::vector<std::string>>> edited;  // first token -> (count, new tokens)
  for (const auto& option : inv.options) {
    for (OptionRule rule : kOptionRules) {
      auto edit = rule(option, rule_inputs);
      if (!edit) continue;
      if (edit->warns) plan.dropped.push_back({edit->change.before, edit->change.reason});
      plan.changes.push_back(std::move(edit->change));
      edited[option.first_token] = {option.token_count, std::move(edit->tokens)};
      break;
    }
  }
  for (size_t i = 0; i < inv.args.size(); ++i) {
    auto edit = edited.find(i);
    if (edit == edited.end()) {
      plan.args.push_back(inv.args[i]);
      continue;
    }
    plan.args.insert(plan.args.end(), edit->second.second.begin(), edit->second.second.end());
    i += edit->second.first - 1;
  }

  for (auto& [arg, reason] : added_arguments(inv, inputs, plan.post)) {
    plan.changes.push_back({ArgChange::Kind::Added, {}, arg, std::move(reason)});
    plan.args.push_back(std::move(arg));
  }
  plan.embedded_link = inputs.embedded_linker.has_value();
  if (plan.embedded_link) plan.original_linker = inv.codegen_value("linker");
  for (auto& [change, reason] : environment_for(inv, facts, inputs, plan.original_linker)) {
    std::string shown = change.name + "=" + change.value + (change.mode == EnvChange::Mode::PrependPath ? ":$" + change.name : "");
    plan.changes.push_back({ArgChange::Kind::Environment, {}, shown, std::move(reason)});
    plan.env.push_back(std::move(change));
  }
  return plan;
}

RustcPlan fallback_plan(const RustcPlan& attempt) {
  RustcPlan plan = attempt;
  plan.backend = llvm_backend();
  plan.fallback_to_llvm = false;
  for (auto& arg : plan.args)
    if (arg.starts_with("-Zcodegen-backend=")) arg = "-Zcodegen-backend=llvm";
  return plan;
}

}  // namespace clifwrap
