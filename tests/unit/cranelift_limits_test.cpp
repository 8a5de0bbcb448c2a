#include <doctest/doctest.h>

#include "driver/wrapper/cranelift_limits.hpp"

using namespace clifwrap;

TEST_CASE("LTO and coverage flags are dropped, their off values kept") {
  CHECK(judge_codegen_flag("lto", "").drop);
  CHECK(judge_codegen_flag("lto", "fat").drop);
  CHECK(judge_codegen_flag("lto", "thin").drop);
  CHECK_FALSE(judge_codegen_flag("lto", "off").drop);
  CHECK_FALSE(judge_codegen_flag("lto", "no").drop);
  CHECK(judge_codegen_flag("linker-plugin-lto", "").drop);
  CHECK(judge_codegen_flag("instrument-coverage", "").drop);
  CHECK_FALSE(judge_codegen_flag("opt-level", "3").drop);
  CHECK_FALSE(judge_codegen_flag("embed-bitcode", "no").drop);
}

TEST_CASE("-Cllvm-args: cg_clif's own options stay, LLVM's go") {
  CHECK_FALSE(judge_codegen_flag("llvm-args", "jit-mode").drop);
  CHECK_FALSE(judge_codegen_flag("llvm-args", "-import-instr-limit=10").drop);
  auto all = judge_codegen_flag("llvm-args", "-inline-threshold=50");
  CHECK(all.drop);
  CHECK(all.replacement.empty());
  auto some = judge_codegen_flag("llvm-args", "jit-mode  -x86-asm-syntax=intel");
  CHECK(some.drop);
  CHECK(some.replacement == "jit-mode");
  CHECK(some.reason.find("-x86-asm-syntax=intel") != std::string::npos);
}

static std::optional<std::string> reason_of(std::string_view stderr_text) {
  auto failure = cranelift_fatal_failure(stderr_text);
  return failure ? std::optional(failure->reason) : std::nullopt;
}

TEST_CASE("cg_clif's unsupported-feature errors are recognised, in human and JSON diagnostics") {
  CHECK(reason_of("error: Defining variadic functions is not yet supported by Cranelift\n") ==
        "defines C-variadic functions");
  CHECK(reason_of(R"({"$message_type":"diagnostic","message":"128bit atomics not yet supported"})") ==
        "uses 128-bit atomics");
  CHECK(reason_of("asm! and global_asm! sym operands are not yet supported") == "uses sym operands in asm");
  CHECK_FALSE(reason_of("error[E0308]: mismatched types").has_value());
}

TEST_CASE("the messages of cg_clif 1.96 that need two parts to be sure") {
  CHECK(reason_of("error: call conv X86Interrupt is not yet implemented\n")->starts_with("uses a calling convention"));
  CHECK_FALSE(reason_of("note: the call conv docs say this is not implemented").has_value());
  std::string asm_rerun =
      "error: custom targets are unstable and require `-Zunstable-options`\n\n"
      "error: Failed to assemble `.globl _start`\n";
  CHECK(reason_of(asm_rerun)->find("PR #1638") != std::string::npos);
  // The user's own call without -Zunstable-options: no assembler rerun, no fallback.
  CHECK_FALSE(reason_of("error: custom targets are unstable and require `-Zunstable-options`").has_value());
  // LTO is a warning in 1.96, not a reason to rerun.
  CHECK_FALSE(reason_of("warning: LTO is not supported. You may get a linker error.").has_value());
}

TEST_CASE("the fallback quotes cg_clif's own words, from a human or a JSON diagnostic") {
  CHECK(cranelift_fatal_failure("error: call conv X86Interrupt is not yet implemented\n\nerror: aborting")->quote ==
        "call conv X86Interrupt is not yet implemented");
  CHECK(cranelift_fatal_failure(R"({"message":"128bit atomics not yet supported","code":null})")->quote ==
        "128bit atomics not yet supported");
  CHECK(cranelift_fatal_failure("error: asm! and global_asm! sym operands are not yet supported")->quote ==
        "asm! and global_asm! sym operands are not yet supported");
}

TEST_CASE("a panic inside cg_clif or Cranelift falls back, quoting where and what") {
  // As rustc 1.96 with cg_clif printed it for compiler_builtins on Redox's softfloat aarch64 spec.
  std::string_view ice =
      "thread 'rustc' (4242) panicked at compiler/rustc_codegen_cranelift/src/abi/mod.rs:190:81:\n"
      "called `Result::unwrap()` on an `Err` value: IncompatibleSignature(\"__lttf2\", ...)\n"
      "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
      "{\"$message_type\":\"diagnostic\",\"message\":\"the compiler unexpectedly panicked. this is a bug.\"}\n";
  auto failure = cranelift_fatal_failure(ice);
  REQUIRE(failure.has_value());
  CHECK(failure->reason == "makes cg_clif panic (an internal compiler error)");
  CHECK(failure->quote.starts_with("panicked at compiler/rustc_codegen_cranelift/src/abi/mod.rs:190:81:"));
  CHECK(failure->quote.find("IncompatibleSignature") != std::string::npos);
  // A panic elsewhere in rustc is no reason to try LLVM.
  CHECK_FALSE(cranelift_fatal_failure("thread 'rustc' (1) panicked at compiler/rustc_middle/src/ty/mod.rs:1:1:\nboom\n"));
}

TEST_CASE("cg_clif's separate assembler rejecting a unit's assembly falls back") {
  auto failure = cranelift_fatal_failure("error: unknown token in expression\n\nerror: Failed to assemble `int $3`\n");
  REQUIRE(failure.has_value());
  CHECK(failure->reason == "has assembly cg_clif's separate assembler rejects");
  CHECK(failure->quote == "Failed to assemble `int $3`");
}
