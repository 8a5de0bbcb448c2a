#include "driver/wrapper/wrapper_mode.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>

#include "common/files.hpp"
#include "common/temporaries.hpp"
#include "crt/archive_fold.hpp"
#include "crt/object_merge.hpp"
#include "driver/backend/backend_abilities.hpp"
#include "driver/backend/cranelift_toolchain.hpp"
#include "driver/log/invocation_log.hpp"
#include "driver/rustc/rustc_facts_cache.hpp"
#include "driver/wrapper/build_warnings.hpp"
#include "driver/wrapper/cranelift_limits.hpp"
#include "driver/wrapper/fallback_memory.hpp"
#include "driver/wrapper/fallback_prediction.hpp"
#include "driver/wrapper/prediction_memory.hpp"
#include "driver/wrapper/rustc_face.hpp"
#include "driver/wrapper/stderr_gate.hpp"
#include "linkplan/linker_handoff.hpp"
#include "targets/spec_derivation.hpp"
#include "targets/target_specs.hpp"

namespace clifwrap {
namespace {

LogRecord log_record(const WrapperDecision& decision) {
  const RustcInvocation& inv = decision.invocation;
  LogRecord record;
  record.crate = inv.crate_name;
  record.target = inv.target;
  record.kind = std::string(to_string(decision.classification.kind));
  record.verdict = std::string(to_string(decision.classification.verdict));
  record.reason = decision.classification.reason;
  if (decision.plan) {
    if (decision.plan->backend) record.backend = decision.plan->backend->codegen_backend;
    record.spec = decision.plan->spec;
    record.argv = decision.plan->argv();
    for (const auto& change : decision.plan->changes) {
      record.changes.push_back(change.describe());
      if (change.kind == ArgChange::Kind::Dropped) record.dropped.push_back(change.before);
    }
    if (runs_linker(inv) && decision.classification.kind != UnitKind::Probe)
      record.link = decision.plan->embedded_link ? "embedded" : "system";
  } else {
    std::vector<std::string> argv = {decision.rustc};
    argv.insert(argv.end(), decision.original_args.begin(), decision.original_args.end());
    record.argv = argv;
  }
  return record;
}

// cg_clif's split objects put together after rustc; returns what each step did, for the log.
Result<std::vector<std::string>> run_post_steps(const PostSteps& post) {
  std::vector<std::string> done;
  for (const auto& archive : post.fold_archives) {
    auto folded = fold_asm_members(archive);
    if (!folded) return tl::unexpected(folded.error());
    if (*folded > 0) done.push_back("fold-archive: " + std::to_string(*folded) + " .asm.o members folded in " + archive);
  }
  if (post.merge_objects) {
    auto merged = merge_objects(*post.merge_objects);
    if (!merged) return tl::unexpected(merged.error());
    done.push_back("merge-objects: " + *merged);
  }
  return done;
}

std::string log_path(const WrapperDecision& decision) {
  if (decision.settings) return decision.settings->log_path;
  // The settings did not load; a relative CLIFWRAP_LOG may be why, and must not be written to.
  const char* path = std::getenv("CLIFWRAP_LOG");
  return path && path[0] == '/' ? path : "";
}

// rustc's argument file, rewritten: cargo used one because the command line was too long.
class TemporaryArgfile {
 public:
  Result<std::string> write(const std::vector<std::string>& args) {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp && *tmp ? tmp : "/tmp") + "/clifwrap-args-XXXXXX";
    int fd = ::mkstemp(path_.data());
    if (fd < 0) return fail("cannot create a temporary argument file: " + errno_text(), path_);
    on_signal_.emplace(path_);
    std::string text;
    for (const auto& arg : args) text += arg + "\n";
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    std::string reason = ok ? "" : errno_text();
    ::close(fd);
    if (!ok) return fail("cannot write a temporary argument file: " + reason, path_);
    return "@" + path_;
  }
  ~TemporaryArgfile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }

 private:
  std::string path_;
  std::optional<RemoveOnSignal> on_signal_;
};

FallbackSubject fallback_subject(const RustcInvocation& inv, const std::string& backend_identity) {
  return {output_stem(inv), dep_info_path(inv), inv.inputs.empty() ? "" : inv.inputs.front(), backend_identity};
}

// Why this crate's metadata should wait for its Cranelift attempt, if it should: its sources show
// what cg_clif refuses (driver/wrapper/fallback_prediction.hpp). Remembered per source set
// (prediction_memory.hpp): `remember` records a fresh answer once rustc has written its dep-info.
struct ExpectedFallback {
  std::optional<std::string> reason;
  std::function<void()> remember = [] {};
};

ExpectedFallback expected_fallback(const WrapperDecision& decision) {
  // The standard library's crates (-Zbuild-std marks them) compile with Cranelift, as cg_clif's own
  // sysroot build shows; their sources hold refused constructs only for other architectures, under
  // cfgs a text search cannot read (compiler_builtins' arm and x86 `sym` trampolines).
  if (decision.invocation.has_unstable("force-unstable-if-unmarked")) return {};
  const auto& inputs = decision.invocation.inputs;
  if (inputs.empty() || inputs.front() == "-") return {};
  const RustcFacts& facts = *decision.facts;
  const std::string& cache_dir = decision.settings->cache_dir;
  BackendAbilities abilities = backend_abilities(*decision.plan->backend, facts, decision.backend_identity, cache_dir);
  PredictionScope scope;
  scope.target_arch = target_arch_of(decision.invocation.target.value_or(facts.host));
  scope.refuses_sym = !abilities.sym_operands;
  // Asked for the host: elsewhere the answer may not hold (the toolchain's cg_clif defines C-variadic
  // functions for x86_64 and aarch64 only), and a wrong "compiles" stops a build, a wrong "refuses" waits.
  scope.refuses_variadic = !abilities.variadic_definitions || scope.target_arch != target_arch_of(facts.host);
  const std::string& root = inputs.front();
  if (auto recalled = recalled_prediction(cache_dir, root, scope)) return {*recalled};
  ExpectedFallback expected{source_suggests_fallback(root, scope)};
  expected.remember = [&decision, &cache_dir, root, scope, reason = expected.reason] {
    remember_prediction(cache_dir, root, scope, reason, dep_info_path(decision.invocation));
  };
  return expected;
}

Result<RunResult> run_plan(const RustcPlan& plan, bool used_argfile, const LineSink* stderr_lines) {
  Command command{plan.prefix, plan.env};
  TemporaryArgfile argfile;
  if (used_argfile) {
    auto at = argfile.write(plan.args);
    if (!at) return tl::unexpected(at.error());
    command.argv.push_back(*at);
  } else {
    command.argv.insert(command.argv.end(), plan.args.begin(), plan.args.end());
  }
  return run_program(command, stderr_lines);
}

// Dependents may have started against the Cranelift attempt's metadata; an LLVM rebuild's crate
// hash differs (the backend is part of it), so they would not match it (docs/pipelining.md).
void say_build_must_rerun(const std::string& crate, const CraneliftFailure& failure) {
  std::fprintf(stderr,
               "error: clifwrap: crate `%s` %s, which Cranelift cannot compile (cg_clif: \"%s\"), and cargo already "
               "has its metadata from the Cranelift attempt, which an LLVM rebuild's would not match. clifwrap "
               "remembers the crate now: run the build again, and it is rebuilt with LLVM. ([crate.%s] backend = "
               "\"llvm\" in clifwrap.toml skips the attempt.)\n",
               crate.c_str(), failure.reason.c_str(), failure.quote.c_str(), crate.c_str());
}

}  // namespace

Result<WrapperDecision> decide_wrapper(const std::vector<std::string>& rustc_and_args, const EnvLookup& env) {
  WrapperDecision decision;
  decision.rustc = unwrapped_rustc(rustc_and_args.front());
  decision.original_args.assign(rustc_and_args.begin() + 1, rustc_and_args.end());

  auto expanded = expand_argfiles(decision.original_args);
  if (!expanded) return tl::unexpected(expanded.error());
  decision.used_argfile = expanded->used_argfile;
  decision.invocation = parse_rustc_args(std::move(expanded->tokens));
  const RustcInvocation& inv = decision.invocation;

  // cargo's frequent host probes (-vV, --print without --target) never read a config file.
  auto probe = classify_non_compilation(inv);
  if (probe) decision.classification = *probe;
  if (probe && !inv.target) return decision;
  // Build scripts' probes run untouched, whatever the config says: what they detect must not change.
  bool in_build_script = env("CARGO_CFG_TARGET_ARCH").has_value() && !env("CARGO_CRATE_NAME").has_value();
  if (auto build_script_probe = probe ? std::nullopt : classify_build_script_probe(inv, in_build_script)) {
    decision.classification = *build_script_probe;
    return decision;
  }

  auto settings = load_settings(env, current_directory(), inv.out_dir);
  if (!settings) return tl::unexpected(settings.error());
  decision.settings = *settings;
  if (!probe) decision.classification = classify(inv, *settings, cross_build_of_host_library(inv));
  if (decision.classification.verdict == Verdict::PassThrough) return decision;

  auto facts = rustc_facts(decision.rustc, settings->cache_dir, env);
  if (!facts) return tl::unexpected(facts.error());
  RewriteInputs inputs;
  inputs.bootstrap_already_set = env("RUSTC_BOOTSTRAP").value_or("") == "1";
  inputs.scratch_tag = std::to_string(getpid());
  if (!env("RUSTC_ICE")) inputs.ice_dir = settings->cache_dir + "/ice";
  std::string spec_file;  // the spec rustc compiles for, derived or not
  if (inv.target) {
    auto resolved = resolve_target(*facts, *inv.target, settings->cache_dir);
    if (!resolved) return tl::unexpected(resolved.error());
    inputs.spec_path = resolved->derived_path;
    spec_file = resolved->spec_file;
  }

  if (probe) {
    // Probes for a derived target are answered from the same spec, so cargo's cfg view and
    // rustc's agree.
    if (!inputs.spec_path) return decision;
    decision.classification.verdict = Verdict::Rewrite;
    decision.classification.reason += " for a target with a derived spec";
    decision.plan = plan_rewrite(decision.rustc, inv, *settings, *facts, inputs);
    return decision;
  }
  // A toolchain directory's std was built for the derived spec (clifwrap redox-toolchain): its
  // crates compile for that spec as they are.
  if (inputs.spec_path && !uses_build_std(inv) && !is_regular_file(derived_std_marker(facts->sysroot, *inv.target)))
    return fail("target `" + *inv.target + "` needs a spec derived for Cranelift (" + *inputs.spec_path +
                    "), and no prebuilt core or std exists for a derived spec",
                "crate " + inv.crate_name,
                "build them with the crate: add -Zbuild-std=core,alloc (or -Zbuild-std=std,panic_abort) to cargo; "
                "`clifwrap doctor --target " + *inv.target + "` lists the changes");

  // A crate's override names a backend kind; "cranelift" means the configured Cranelift dylib if any.
  auto chosen = settings->crate_backend(inv.crate_name);
  Result<Backend> backend = llvm_backend();
  if (chosen == "llvm")
    decision.classification.reason += "; [crate." + inv.crate_name + "] backend = \"llvm\"";
  else if (chosen == "cranelift")
    backend = resolve_backend(settings->backend_is_llvm() ? "cranelift" : settings->backend, *facts);
  else
    backend = resolve_backend(settings->backend, *facts);
  if (!backend) return tl::unexpected(with_toolchain_hint(backend.error(), *facts, settings->cache_dir));
  inputs.backend = *backend;
  bool cranelift = backend->kind == Backend::Kind::Cranelift;
  if (cranelift && (!settings->wrapper.empty() || settings->fallback_choice() == Settings::Fallback::Llvm))
    decision.backend_identity = backend_identity(*backend, *facts);
  if (cranelift && !settings->wrapper.empty())
    inputs.backend_key = backend_content_hash(*backend, decision.backend_identity, settings->cache_dir);
  bool builtins = inv.crate_name == "compiler_builtins" && backend->treated_as_cranelift();
  bool links = settings->link_choice() == Settings::LinkMode::Embedded && runs_linker(inv);
  if ((builtins || links) && !spec_file.empty()) {
    // Only these two kinds of unit read the spec: compiler_builtins, and a unit that links.
    if (auto text = read_file(spec_file)) {
      if (auto traits = spec_traits(*text, spec_file)) {
        inputs.builtins_mem = builtins && traits->without_os;
        inputs.soft_float_link = links && traits->soft_float;
      }
    }
  }
  if (links) {
    std::string linker = embedded_linker_path();
    if (!is_regular_file(linker))
      return fail("clifwrap-link is missing beside clifwrap", linker,
                  "install it (a symlink to clifwrap), or set CLIFWRAP_LINK=system to keep rustc's linker");
    inputs.embedded_linker = linker;
  }
  decision.plan = plan_rewrite(decision.rustc, inv, *settings, *facts, inputs);
  decision.facts = *facts;
  // A unit that fell back before, unchanged, for the same backend: no doomed attempt this time.
  if (decision.plan->fallback_to_llvm && has_fallback_record(settings->cache_dir, output_stem(inv))) {
    if (auto reason = remembered_fallback(settings->cache_dir, fallback_subject(inv, decision.backend_identity))) {
      decision.plan = fallback_plan(*decision.plan);
      decision.remembered_fallback = *reason;
      decision.classification.reason += "; LLVM without a Cranelift attempt: the crate " + *reason +
                                        " (remembered; its sources and the backend are unchanged since)";
    }
  }
  return decision;
}

Error run_wrapper(const WrapperDecision& decision, long long started_ms) {
  LogRecord record = log_record(decision);
  std::string log = log_path(decision);
  if (!log.empty()) {
    // What replays the decision (explain --log): only worth a getcwd and copies when logging.
    record.original.push_back(decision.rustc);
    record.original.insert(record.original.end(), decision.invocation.args.begin(), decision.invocation.args.end());
    record.cwd = current_directory();
    if (decision.settings) record.settings = settings_as_environment(*decision.settings);
  }

  // Nothing to do after rustc (calls left untouched, probes given a derived spec): become rustc (or
  // the inner wrapper), so cargo sees rustc's own status and signals.
  if (!decision.plan || !decision.plan->backend) {
    record.ms = monotonic_ms() - started_ms;
    append_log(log, record);
    if (decision.plan) return exec_program(Command{decision.plan->argv(), decision.plan->env});
    const Settings* settings = decision.classification.verdict == Verdict::PassThrough && decision.settings
                                   ? &*decision.settings
                                   : nullptr;
    return exec_program(passthrough_command(decision.rustc, decision.original_args, settings));
  }

  // Every way out of a rewritten call writes its log line: an error before or after rustc with the
  // error's status, else rustc's (or the rerun's) status, which this process then ends with.
  auto logged = [&](int exit_code) {
    record.exit_code = exit_code;
    record.ms = monotonic_ms() - started_ms;
    append_log(log, record);
  };
  auto failed = [&](Error error) {
    logged(error.exit_code);
    return error;
  };

  const RustcPlan& plan = *decision.plan;
  const std::string& crate = decision.invocation.crate_name;
  for (const auto& dropped : plan.dropped)
    if (first_in_build(decision.settings->cache_dir, dropped.flag))
      std::fprintf(stderr, "warning: clifwrap: crate `%s`: dropped `%s`: %s (said once per build; the log has every crate)\n",
                   crate.c_str(), dropped.flag.c_str(), dropped.reason.c_str());

  for (const auto& change : plan.env)
    if (change.name == "RUSTC_ICE") (void)make_directories(change.value);  // rustc writes no report into a missing one

  // `--emit obj`'s private directory: made before rustc runs, removed whatever happens.
  std::optional<TemporaryDirectory> private_dir;
  if (plan.post.private_dir) {
    sweep_abandoned_temporaries(parent_directory(*plan.post.private_dir));
    auto made = TemporaryDirectory::create_exact(*plan.post.private_dir);
    if (!made) return failed(made.error());
    private_dir.emplace(std::move(*made));
  }

  // With a fallback possible, rustc's stderr goes through the gate: passed on as it comes, so
  // cargo's pipelining works, but nothing that a rerun with LLVM would take back.
  std::optional<StderrGate> gate;
  const std::string& cache_dir = decision.settings->cache_dir;
  if (decision.remembered_fallback) record.fallback = *decision.remembered_fallback + " (remembered)";
  ExpectedFallback expected;
  if (plan.fallback_to_llvm) {
    expected = expected_fallback(decision);
    if (expected.reason) record.reason += "; its metadata waits for the Cranelift attempt: " + *expected.reason;
    gate.emplace(expected.reason.has_value());
  }
  LineSink attempt_lines = [&gate](std::string_view line) { gate->attempt_line(line); };
  auto attempt = run_plan(plan, decision.used_argfile, gate ? &attempt_lines : nullptr);
  if (!attempt) return failed(attempt.error());
  expected.remember();
  int status = attempt->wait_status;
  std::optional<CraneliftFailure> failure;
  if (status != 0 && gate) failure = cranelift_fatal_failure(gate->held());
  if (failure)
    remember_fallback(cache_dir, fallback_subject(decision.invocation, decision.backend_identity), failure->reason);

  if (failure && gate->metadata_passed()) {
    // Stop, as rustc stops on an error: the next build compiles the crate with LLVM at once, since
    // clifwrap remembers it now.
    say_build_must_rerun(crate, *failure);
    record.fallback = failure->reason + " (after its metadata had gone out: build stopped)";
    status = 1 << 8;  // exit status 1
  } else if (failure) {
    std::fprintf(stderr, "warning: clifwrap: crate `%s` %s, which Cranelift cannot compile (cg_clif: \"%s\"): rebuilt with LLVM\n",
                 crate.c_str(), failure->reason.c_str(), failure->quote.c_str());
    RustcPlan rerun = fallback_plan(plan);
    LineSink rerun_lines = [&gate](std::string_view line) { gate->rerun_line(line); };
    auto second = run_plan(rerun, decision.used_argfile, &rerun_lines);
    if (!second) return failed(second.error());
    status = second->wait_status;
    record.backend = "llvm";
    record.argv = rerun.argv();
    record.fallback = failure->reason;
    record.changes.push_back(ArgChange{ArgChange::Kind::Replaced, "-Zcodegen-backend=" + plan.backend->codegen_backend,
                                       "-Zcodegen-backend=llvm", "fallback: the crate " + failure->reason}
                                 .describe());
  } else if (gate) {
    gate->release_held();
  }

  if (status == 0 && !plan.post.empty()) {
    auto done = run_post_steps(plan.post);
    if (!done) return failed(done.error());
    record.post_steps = *done;
  }
  private_dir.reset();  // exit_like does not return: no destructor would run
  logged(exit_code_of(status));
  exit_like(status);
}

std::string explain_wrapper(const WrapperDecision& decision) {
  const RustcInvocation& inv = decision.invocation;
  std::string text;
  auto line = [&text](std::string_view label, const std::string& value) {
    text += std::string(label) + std::string(12 - std::min<size_t>(label.size(), 11), ' ') + value + "\n";
  };
  line("crate", inv.crate_name.empty() ? "(none)" : inv.crate_name);
  std::string types;
  for (const auto& type : inv.crate_types) types += (types.empty() ? "" : ",") + type;
  line("unit", std::string(to_string(decision.classification.kind)) + (types.empty() ? "" : " (" + types + ")"));
  line("target", inv.target.value_or("host"));
  line("verdict", std::string(to_string(decision.classification.verdict)) + ": " + decision.classification.reason);
  if (decision.settings && decision.settings->config_file) line("config", *decision.settings->config_file);
  for (const auto& option : inv.unknown_options) line("unknown", option + " (kept as written)");
  if (!decision.plan) {
    std::vector<std::string> argv = {decision.rustc};
    argv.insert(argv.end(), decision.original_args.begin(), decision.original_args.end());
    line("runs", quote_command(argv) + "  (exec, untouched)");
    return text;
  }
  const RustcPlan& plan = *decision.plan;
  if (plan.backend) line("backend", plan.backend->describe());
  if (plan.spec) line("spec", *plan.spec + " (derived for Cranelift; `clifwrap target " + inv.target.value_or("") + "` prints it)");
  for (const auto& change : plan.changes) line("change", change.describe());
  if (plan.backend) line("fallback", plan.fallback_to_llvm ? "rerun with LLVM on cg_clif's unsupported-feature errors" : "none");
  if (plan.embedded_link)
    line("link", "clifwrap-link (lld in-process)" + (plan.original_linker ? ", instead of " + *plan.original_linker : std::string()));
  line("runs", quote_command(plan.argv()) + (decision.used_argfile ? "  (arguments passed in a new @file)" : ""));
  for (const auto& archive : plan.post.fold_archives) line("then", "fold .rcgu.asm.o members into their units in " + archive);
  if (const auto& merge = plan.post.merge_objects)
    line("then", "merge this compile's objects (" + merge->stem + ".*.rcgu[.asm].o, from " +
                     merge->archive.value_or(merge->private_dir) + ") into " + merge->destination);
  return text;
}

Result<std::string> explain_logged_call(const LoggedCall& call, const EnvLookup& env) {
  if (call.original.empty())
    return fail("the log line has no original command line", "line " + std::to_string(call.line_number),
                "it was written by a clifwrap older than the `original` field, or it is a link's line");
  std::map<std::string, std::string, std::less<>> recorded;
  for (const auto& assignment : call.settings) {
    size_t eq = assignment.find('=');
    if (eq != std::string::npos) recorded[assignment.substr(0, eq)] = assignment.substr(eq + 1);
  }
  // The recorded settings, and no other CLIFWRAP_ variable of today's environment.
  EnvLookup replay = [&](std::string_view name) -> std::optional<std::string> {
    if (auto it = recorded.find(name); it != recorded.end()) return it->second;
    if (name.starts_with("CLIFWRAP_")) return std::nullopt;
    return env(name);
  };
  std::string text = "replaying " + (call.crate.empty() ? std::string("a call") : "crate " + call.crate) + " from its log line";
  if (!call.cwd.empty() && ::chdir(call.cwd.c_str()) != 0) text += " (its directory " + call.cwd + " is gone: deciding here)";
  text += "\n";
  auto decision = decide_wrapper(call.original, replay);
  if (!decision) return tl::unexpected(decision.error());
  text += explain_wrapper(*decision);
  text += "\nwhat happened: backend " + call.backend.value_or("untouched") +
          (call.fallback ? ", fell back to LLVM: " + *call.fallback : std::string()) +
          (call.exit_code ? ", exit " + std::to_string(*call.exit_code) : std::string()) + ", " + std::to_string(call.ms) + " ms\n";
  for (const auto& step : call.post_steps) text += "  then " + step + "\n";
  return text;
}

}  // namespace clifwrap
