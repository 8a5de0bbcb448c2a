// What of rustc's stderr reaches cargo, and when, while a crate may still be rebuilt with LLVM.
// Cargo's pipelining starts a crate's dependents when rustc announces its `.rmeta` (an artifact
// notice on stderr), so lines must pass as rustc writes them; only what a fallback would take back
// is held (docs/pipelining.md has the reasoning and the evidence):
//  - the Cranelift attempt's lines pass at once, up to its first error; from there on they are
//    held, and either released (no fallback) or dropped (the LLVM rerun replaces them);
//  - with hold_metadata, the attempt's metadata notice is held too: for a crate expected to fall
//    back, whose Cranelift metadata must never reach a dependent (the rerun's crate hash differs);
//  - the rerun's lines that repeat one already passed (its warnings, its artifact notices) are
//    dropped, so cargo sees each once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace clifwrap {

class StderrGate {
 public:
  using Output = std::function<void(std::string_view)>;
  // `out` receives what passes (default: this process's stderr, one write per line).
  explicit StderrGate(bool hold_metadata, Output out = {});

  void attempt_line(std::string_view line);
  void rerun_line(std::string_view line);
  void release_held();  // the attempt's result stands: what was held goes out now

  const std::string& held() const { return held_; }
  bool metadata_passed() const { return metadata_passed_; }

 private:
  void pass(std::string_view line);

  Output out_;
  bool hold_metadata_;
  bool holding_ = false;
  bool metadata_passed_ = false;
  std::string held_;
  std::unordered_set<std::string> passed_;
};

// An error diagnostic, in rustc's JSON or human format (ICEs included).
bool is_error_line(std::string_view line);

// `{"$message_type":"artifact",…,"emit":"metadata"}`: the notice cargo's pipelining waits for.
bool is_metadata_notice(std::string_view line);

}  // namespace clifwrap
