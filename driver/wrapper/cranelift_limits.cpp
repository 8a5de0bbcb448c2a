#include "driver/wrapper/cranelift_limits.hpp"

#include <algorithm>

#include <vector>

namespace clifwrap {
namespace {

bool is_off(std::string_view value) {
  return value == "off" || value == "no" || value == "n" || value == "false";
}

struct FlagRule {
  std::string_view key;
  bool (*unsupported)(std::string_view value);
  std::string_view reason;
};

// cg_clif ignores LTO (and may not link what it expects); coverage instrumentation is fatal in it.
constexpr FlagRule kFlagRules[] = {
    {"instrument-coverage", [](std::string_view v) { return !is_off(v); },
     "-Cinstrument-coverage is LLVM specific and fatal in Cranelift"},
    {"linker-plugin-lto", [](std::string_view v) { return !is_off(v); }, "LTO is not supported by Cranelift"},
    {"lto", [](std::string_view v) { return !is_off(v); }, "LTO is not supported by Cranelift"},
};

// cg_clif's BackendConfig::from_opts accepts these -Cllvm-args and fails on anything else.
bool cranelift_takes_llvm_arg(std::string_view arg) {
  return arg == "jit-mode" || arg.starts_with("-import-instr-limit");
}

struct FatalMessage {
  std::string_view text;
  std::string_view reason;
  std::string_view also = {};  // when set, stderr must hold this too (the text is a common phrase)
};

// Each text as cg_clif 1.96 prints it (src/abi/mod.rs, src/intrinsics/mod.rs, src/inline_asm.rs,
// src/global_asm.rs, src/base.rs). LTO is only a warning in 1.96, so it is no reason to fall back.
constexpr FatalMessage kFatalMessages[] = {
    {"Defining variadic functions is not yet supported by Cranelift", "defines C-variadic functions"},
    {"asm! and global_asm! sym operands are not yet supported", "uses sym operands in asm"},
    {"128bit atomics not yet supported", "uses 128-bit atomics"},
    {"tail calls are not yet supported in `rustc_codegen_cranelift` backend", "uses tail calls"},
    {"asm! label operands are not yet supported", "uses label operands in asm"},
    {"call conv ", "uses a calling convention Cranelift lacks (e.g. extern \"x86-interrupt\")",
     "is not yet implemented"},
    // cg_clif 1.96 assembles a unit's assembly by running rustc again without -Zunstable-options,
    // which a JSON target spec needs; scripts/toolchain.sh's build carries upstream's fix.
    {"custom targets are unstable and require `-Zunstable-options`",
     "has assembly, and this cg_clif's assembler rerun cannot take a JSON target spec (fixed upstream in "
     "rustc_codegen_cranelift PR #1638; the toolchain of scripts/toolchain.sh has the fix)",
     "Failed to assemble"},
    // cg_clif hands a unit's assembly to a separate assembler (rustc's LLVM on a global_asm! crate),
    // which is stricter than LLVM's inline-asm parser: Intel-syntax `int $3`, instructions of a
    // function's own #[target_feature] (src/global_asm.rs: "Failed to assemble `…`").
    {"Failed to assemble", "has assembly cg_clif's separate assembler rejects"},
};

// A panic of cg_clif or Cranelift (an internal compiler error) is a refusal too: LLVM may well
// compile the crate. rustc's panic report names the panicking file on its first line and the
// message on the next: `thread 'rustc' (N) panicked at …/rustc_codegen_cranelift/src/abi/mod.rs:190:81:`.
std::optional<CraneliftFailure> cranelift_panic(std::string_view text) {
  for (size_t at = text.find("panicked at "); at != std::string_view::npos; at = text.find("panicked at ", at + 1)) {
    size_t line_end = std::min(text.find('\n', at), text.size());
    std::string_view location = text.substr(at, line_end - at);
    if (location.find("cranelift") == std::string_view::npos) continue;
    std::string quote(location);
    if (line_end < text.size()) {
      std::string_view message = text.substr(line_end + 1);
      quote += " " + std::string(message.substr(0, std::min<size_t>(message.find('\n'), 240)));
    }
    return CraneliftFailure{"makes cg_clif panic (an internal compiler error)", quote};
  }
  return std::nullopt;
}

}  // namespace

CodegenVerdict judge_codegen_flag(std::string_view key, std::string_view value) {
  for (const auto& rule : kFlagRules)
    if (rule.key == key && rule.unsupported(value)) return {true, {}, std::string(rule.reason)};
  if (key != "llvm-args") return {};

  // rustc splits -Cllvm-args on whitespace; keep what cg_clif knows.
  std::string kept, dropped;
  size_t at = 0;
  while (at < value.size()) {
    size_t start = value.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    size_t end = value.find_first_of(" \t", start);
    std::string_view arg = value.substr(start, end == std::string_view::npos ? end : end - start);
    std::string& into = cranelift_takes_llvm_arg(arg) ? kept : dropped;
    into += (into.empty() ? "" : " ") + std::string(arg);
    at = end == std::string_view::npos ? value.size() : end;
  }
  if (dropped.empty()) return {};
  std::string reason = "Cranelift rejects -Cllvm-args `" + dropped + "` (it takes only jit-mode)";
  return {true, kept, reason};
}

std::optional<CraneliftFailure> cranelift_fatal_failure(std::string_view stderr_text) {
  auto holds = [&](std::string_view text) { return stderr_text.find(text) != std::string_view::npos; };
  for (const auto& message : kFatalMessages) {
    if (!holds(message.text) || (!message.also.empty() && !holds(message.also))) continue;
    // The quote runs from the match to the end of its line, or of its JSON string.
    std::string_view rest = stderr_text.substr(stderr_text.find(message.text));
    return CraneliftFailure{std::string(message.reason), std::string(rest.substr(0, rest.find_first_of("\n\"\\")))};
  }
  // A panic last: some of cg_clif's refusals are panics whose message the table knows better.
  return cranelift_panic(stderr_text);
}

}  // namespace clifwrap
