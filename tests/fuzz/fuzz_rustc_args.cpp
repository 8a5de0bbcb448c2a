// rustc command lines: parse, classify, plan the rewrite (with and without a derived spec, with
// embedded linking and post steps). Nothing may crash; a rewrite keeps every argument it does not
// mean to change.
#include <cstdio>
#include <cstdlib>

#include "driver/rustc/rustc_invocation.hpp"
#include "driver/wrapper/decision.hpp"
#include "fuzz_input.hpp"

using namespace clifwrap;

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "the rewrite %s\n", what);
  std::abort();
}

// The rewrite may change --emit, --target and -C options and add flags of its own; every other
// token stays, in order, and the rewritten line means the same crate, inputs and outputs.
void check_rewrite_keeps_the_rest(const RustcInvocation& inv, const std::vector<std::string>& rewritten,
                                  const std::string& spec_path) {
  std::vector<bool> may_change(inv.args.size(), false);
  for (const ParsedOption& option : inv.options) {
    if (option.option != RustcOption::Emit && option.option != RustcOption::Target &&
        option.option != RustcOption::Codegen)
      continue;
    for (size_t i = 0; i < option.token_count; ++i) may_change[option.first_token + i] = true;
  }
  size_t next = 0;
  for (size_t i = 0; i < inv.args.size(); ++i) {
    if (may_change[i]) continue;
    while (next < rewritten.size() && rewritten[next] != inv.args[i]) ++next;
    if (next == rewritten.size()) broken("lost or reordered a token it must keep");
    ++next;
  }
  RustcInvocation again = parse_rustc_args(rewritten);
  if (again.crate_name != inv.crate_name || again.crate_types != inv.crate_types || again.inputs != inv.inputs ||
      again.out_dir != inv.out_dir || again.output != inv.output || again.externs != inv.externs ||
      again.cfgs != inv.cfgs)
    broken("reads back as a different crate, input or output");
  if (inv.target && again.target != spec_path) broken("did not point --target at the derived spec");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  RustcInvocation inv = parse_rustc_args(fuzz::lines(data, size));
  Settings settings;
  if (classify_non_compilation(inv)) return 0;
  Classification classification = classify(inv, settings);
  if (classification.verdict != Verdict::Rewrite) return 0;
  RustcFacts facts;
  facts.rustc = "rustc";
  facts.release = "1.96.0";
  facts.host = "x86_64-unknown-linux-gnu";
  facts.sysroot = "/usr";
  RewriteInputs inputs;
  inputs.backend = Backend{Backend::Kind::Cranelift, "cranelift", {}};
  inputs.spec_path = "/cache/specs/0/x.json";
  inputs.embedded_linker = "/bin/clifwrap-link";
  inputs.scratch_tag = "1";
  RustcPlan plan = plan_rewrite("rustc", inv, settings, facts, inputs);
  check_rewrite_keeps_the_rest(inv, plan.args, *inputs.spec_path);
  (void)fallback_plan(plan).argv();
  (void)runs_linker(inv);
  (void)uses_build_std(inv);
  return 0;
}
