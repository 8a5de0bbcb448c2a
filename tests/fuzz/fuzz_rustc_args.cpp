// rustc command lines: parse, classify, plan the rewrite (with and without a derived spec, with
// embedded linking and post steps). Nothing may crash; a rewrite keeps every argument it does not
// mean to change.
#include "driver/decision.hpp"
#include "driver/rustc_invocation.hpp"
#include "fuzz_input.hpp"

using namespace clifwrap;

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
  (void)fallback_plan(plan).argv();
  (void)runs_linker(inv);
  (void)uses_build_std(inv);
  return 0;
}
