#include "driver/log/build_report.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "common/json_writer.hpp"

namespace clifwrap {
namespace {

// "untouched": rustc ran as cargo called it, with its own default backend.
std::string backend_of(const LoggedCall& call) { return call.backend.value_or("untouched"); }

bool is_compile(const LoggedCall& call) { return call.kind == "target" || call.kind == "host"; }

// A compile that failed without falling back: neither backend produced anything.
bool failed(const LoggedCall& call) { return call.exit_code && *call.exit_code != 0 && !call.fallback; }

// A JSON target names a file (a derived spec, the kernel's spec): its stem is the target's name.
std::string short_target(const std::optional<std::string>& target) {
  if (!target) return "-";
  if (!target->ends_with(".json")) return *target;
  std::string name = target->substr(target->rfind('/') + 1);
  return name.substr(0, name.size() - 5);
}

std::string seconds(long long ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
  return text;
}

std::string notes_of(const LoggedCall& call) {
  std::string notes;
  auto add = [&notes](const std::string& note) { notes += (notes.empty() ? "" : "; ") + note; };
  if (call.exit_code && *call.exit_code != 0) add("failed (exit " + std::to_string(*call.exit_code) + ")");
  if (call.fallback) add("fell back: " + *call.fallback);
  if (call.verdict == "pass-through") add(call.reason);
  for (const auto& step : call.post_steps) add(step.substr(0, step.find(':')));
  // A link happened only when rustc got that far.
  if (call.link && call.exit_code == 0) add(*call.link == "embedded" ? "linked by clifwrap-link" : "rustc's linker");
  return notes.empty() ? "-" : notes;
}

struct Totals {
  int cranelift = 0;
  int fell_back = 0;
  int llvm_by_setting = 0;  // CLIFWRAP_BACKEND=llvm (standing in) or [crate.X] backend = "llvm"
  int untouched = 0;
  int failed = 0;
  int build_script_probes = 0;  // run as the user's rustc would run them
  std::map<std::string, int> fallback_reasons;
  std::map<std::string, long long> ms_by_backend;
  int links = 0;
  std::map<std::string, int> link_verdicts;
};

Totals totals_of(const std::vector<LoggedCall>& calls) {
  Totals totals;
  for (const auto& call : calls) {
    if (call.kind == "link") {
      ++totals.links;
      ++totals.link_verdicts[call.verdict];
      continue;
    }
    if (call.kind == "probe" && call.verdict == "pass-through") ++totals.build_script_probes;
    if (!is_compile(call)) continue;
    if (call.exit_code) totals.ms_by_backend[backend_of(call)] += call.ms;
    if (failed(call)) ++totals.failed;
    else if (call.fallback) ++totals.fell_back, ++totals.fallback_reasons[*call.fallback];
    else if (!call.backend) ++totals.untouched;
    else if (*call.backend == "llvm") ++totals.llvm_by_setting;
    else ++totals.cranelift;
  }
  return totals;
}

// The crates by who compiled them, said plainly: each name once, however many targets it was built for.
std::string who_compiled_what(const std::vector<LoggedCall>& calls) {
  std::set<std::string> cranelift, llvm, untouched, failures;
  for (const auto& call : calls) {
    if (!is_compile(call)) continue;
    if (failed(call)) failures.insert(call.crate + " (" + backend_of(call) + ", exit " + std::to_string(*call.exit_code) + ")");
    else if (call.fallback) llvm.insert(call.crate + " (fell back: " + *call.fallback + ")");
    else if (!call.backend) untouched.insert(call.crate);
    else if (*call.backend == "llvm") llvm.insert(call.crate + " (by setting)");
    else cranelift.insert(call.crate);
  }
  auto listed = [](const std::set<std::string>& names) {
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return names.empty() ? std::string("none") : text;
  };
  return "Cranelift compiled: " + listed(cranelift) + "\nLLVM compiled: " + listed(llvm) +
         "\nrustc ran untouched (its own backend): " + listed(untouched) + "\n" +
         (failures.empty() ? std::string() : "failed: " + listed(failures) + "\n");
}

std::string counted(const std::map<std::string, int>& counts) {
  std::string text;
  for (const auto& [what, n] : counts) text += (text.empty() ? "" : ", ") + what + ": " + std::to_string(n);
  return text;
}

}  // namespace

std::string report_text(const std::vector<LoggedCall>& calls) {
  std::string text;
  char row[512];
  std::snprintf(row, sizeof row, "%-32s %-25s %-7s %-10s %8s  %s\n", "crate", "target", "unit", "backend", "time",
                "notes");
  text += row;
  for (const auto& call : calls) {
    if (!is_compile(call) && call.kind != "link") continue;
    std::string backend = call.kind == "link" ? (call.verdict == "linked" ? "lld" : call.verdict) : backend_of(call);
    std::string notes = call.kind == "link" ? call.reason : notes_of(call);
    // A call clifwrap exec'd has no end it saw, so no time.
    std::string time = call.exit_code || call.kind == "link" ? seconds(call.ms) : "-";
    std::snprintf(row, sizeof row, "%-32s %-25s %-7s %-10s %8s  %s\n", call.crate.empty() ? "-" : call.crate.c_str(),
                  short_target(call.target).c_str(), call.kind.c_str(), backend.c_str(), time.c_str(), notes.c_str());
    text += row;
  }
  Totals totals = totals_of(calls);
  text += "\n" + who_compiled_what(calls);
  text += "compiled by Cranelift: " + std::to_string(totals.cranelift) + "; fell back to LLVM: " +
          std::to_string(totals.fell_back) + (totals.fell_back ? " (" + counted(totals.fallback_reasons) + ")" : "") +
          "; LLVM by setting: " + std::to_string(totals.llvm_by_setting) + "; untouched (probes left out): " +
          std::to_string(totals.untouched) + (totals.failed ? "; failed: " + std::to_string(totals.failed) : "") +
          "; build scripts' probes run untouched: " + std::to_string(totals.build_script_probes) + "\n";
  std::string time;
  for (const auto& [backend, ms] : totals.ms_by_backend) time += (time.empty() ? "" : ", ") + backend + " " + seconds(ms);
  text += "time by backend (summed over parallel compiles): " + (time.empty() ? std::string("-") : time) + "\n";
  if (totals.links) text += "links: " + std::to_string(totals.links) + " (" + counted(totals.link_verdicts) + ")\n";
  return text;
}

std::string report_json(const std::vector<LoggedCall>& calls) {
  std::string rows;
  for (const auto& call : calls) {
    if (!is_compile(call) && call.kind != "link") continue;
    JsonObject row;
    row.field("crate", call.crate).field("kind", call.kind).field("verdict", call.verdict).field("reason", call.reason);
    row.field("backend", call.backend).field("fallback", call.fallback).field("post_steps", call.post_steps);
    if (call.exit_code) row.field("exit", static_cast<long long>(*call.exit_code));
    row.field("ms", call.ms);
    rows += (rows.empty() ? "" : ",") + row.str();
  }
  Totals totals = totals_of(calls);
  JsonObject sums;
  sums.field("cranelift", static_cast<long long>(totals.cranelift))
      .field("fell_back", static_cast<long long>(totals.fell_back))
      .field("llvm_by_setting", static_cast<long long>(totals.llvm_by_setting))
      .field("untouched", static_cast<long long>(totals.untouched))
      .field("failed", static_cast<long long>(totals.failed))
      .field("build_script_probes", static_cast<long long>(totals.build_script_probes))
      .field("links", static_cast<long long>(totals.links));
  for (const auto& [backend, ms] : totals.ms_by_backend) sums.field("ms_" + backend, ms);
  std::string reasons;
  for (const auto& [reason, n] : totals.fallback_reasons)
    reasons += (reasons.empty() ? "" : ",") + json_quote(reason) + ":" + std::to_string(n);
  return "{\"calls\":[" + rows + "],\"totals\":" + sums.str() + ",\"fallback_reasons\":{" + reasons + "}}\n";
}

}  // namespace clifwrap
