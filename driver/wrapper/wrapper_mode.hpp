// Wrapper mode: `clifwrap <rustc> <args...>` as cargo's RUSTC_WRAPPER. decide_wrapper gathers
// everything (parse, settings, rustc facts, backend, plan) without running rustc; run_wrapper
// executes the result and explain_wrapper prints it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "driver/config/config.hpp"
#include "driver/log/log_reader.hpp"
#include "driver/wrapper/decision.hpp"

namespace clifwrap {

struct WrapperDecision {
  std::string rustc;
  std::vector<std::string> original_args;
  bool used_argfile = false;
  RustcInvocation invocation;
  Classification classification;
  std::optional<Settings> settings;  // not read for probes
  std::optional<RustcFacts> facts;   // only for rewrites
  // The Cranelift backend's identity (backend_identity), when a record needs it: the fallback's
  // memory and prediction, an inner wrapper's key. Stat'd once per call.
  std::string backend_identity;
  std::optional<RustcPlan> plan;     // only for rewrites
  // The plan is LLVM's from the start: the unit fell back before, and the record still holds.
  std::optional<std::string> remembered_fallback;
};

Result<WrapperDecision> decide_wrapper(const std::vector<std::string>& rustc_and_args, const EnvLookup& env);

// Runs the decision; returns only on errors that happen before rustc starts.
Error run_wrapper(const WrapperDecision& decision, long long started_ms);

// Human-readable account of the decision for `clifwrap explain`.
std::string explain_wrapper(const WrapperDecision& decision);

// The same account for a call from the log: its original command line decided again, in its
// working directory, with the settings recorded with it; then what happened when it ran.
Result<std::string> explain_logged_call(const LoggedCall& call, const EnvLookup& env);

}  // namespace clifwrap
