#include <doctest/doctest.h>

#include <string>

#include "driver/wrapper/stderr_gate.hpp"

using namespace clifwrap;

namespace {

// Lines as rustc 1.96 prints them with cargo's --error-format=json (captured, shortened spans).
const std::string kWarning =
    R"({"$message_type":"diagnostic","message":"function `main` is never used","code":{"code":"dead_code","explanation":null},"level":"warning","spans":[],"children":[{"message":"`#[warn(dead_code)]` on by default","code":null,"level":"note","spans":[],"children":[],"rendered":null}],"rendered":"warning: function `main` is never used\n"})"
    "\n";
const std::string kDepInfo = R"({"$message_type":"artifact","artifact":"/t/deps/a-1.d","emit":"dep-info"})" "\n";
const std::string kMetadata = R"({"$message_type":"artifact","artifact":"/t/deps/liba-1.rmeta","emit":"metadata"})" "\n";
const std::string kError =
    R"({"$message_type":"diagnostic","message":"Defining variadic functions is not yet supported by Cranelift","code":null,"level":"error","spans":[],"children":[],"rendered":"error: Defining variadic functions is not yet supported by Cranelift\n\n"})"
    "\n";
const std::string kAborting =
    R"({"$message_type":"diagnostic","message":"aborting due to 1 previous error","code":null,"level":"error","spans":[],"children":[],"rendered":"error: aborting due to 1 previous error\n\n"})"
    "\n";
const std::string kLink = R"({"$message_type":"artifact","artifact":"/t/deps/liba-1.rlib","emit":"link"})" "\n";

struct Recorder {
  std::string text;
  StderrGate::Output output() {
    return [this](std::string_view line) { text += line; };
  }
};

}  // namespace

TEST_CASE("error lines and metadata notices, in rustc's JSON and human formats") {
  CHECK(is_error_line(kError));
  CHECK(is_error_line(kAborting));
  CHECK_FALSE(is_error_line(kWarning));  // its child note says "level":"note", the warning's own comes first
  CHECK(is_error_line(R"({"$message_type":"diagnostic","message":"x","code":null,"level":"error: internal compiler error","spans":[]})"));
  CHECK(is_error_line("error[E0308]: mismatched types\n"));
  CHECK(is_error_line("error: Defining variadic functions is not yet supported by Cranelift\n"));
  CHECK_FALSE(is_error_line("warning: unused variable: `x`\n"));
  CHECK(is_error_line("thread 'rustc' (4242) panicked at compiler/rustc_codegen_cranelift/src/abi/mod.rs:190:81:\n"));
  CHECK_FALSE(is_error_line("thread 'main' spawned a panicking closure\n"));
  CHECK_FALSE(is_error_line(R"({"$message_type":"diagnostic","message":"say \"level\":\"error\"","code":null,"level":"warning"})"));
  CHECK(is_metadata_notice(kMetadata));
  CHECK_FALSE(is_metadata_notice(kLink));
  CHECK_FALSE(is_metadata_notice(kDepInfo));
}

TEST_CASE("the attempt's lines pass as they come until its first error") {
  Recorder out;
  StderrGate gate(false, out.output());
  gate.attempt_line(kDepInfo);
  gate.attempt_line(kWarning);
  gate.attempt_line(kMetadata);
  CHECK(out.text == kDepInfo + kWarning + kMetadata);  // the metadata notice reaches cargo at once
  CHECK(gate.metadata_passed());
  gate.attempt_line(kError);
  gate.attempt_line(kWarning);  // after an error everything is held
  CHECK(out.text == kDepInfo + kWarning + kMetadata);
  CHECK(gate.held() == kError + kWarning);
  gate.release_held();
  CHECK(out.text == kDepInfo + kWarning + kMetadata + kError + kWarning);
}

TEST_CASE("a crate expected to fall back keeps its metadata notice until the attempt stands") {
  Recorder out;
  StderrGate gate(true, out.output());
  gate.attempt_line(kWarning);
  gate.attempt_line(kMetadata);
  gate.attempt_line(kLink);
  CHECK(out.text == kWarning + kLink);
  CHECK_FALSE(gate.metadata_passed());
  gate.release_held();
  CHECK(out.text == kWarning + kLink + kMetadata);
}

TEST_CASE("the rerun repeats nothing cargo has seen, and its own new lines pass") {
  Recorder out;
  StderrGate gate(true, out.output());
  gate.attempt_line(kDepInfo);
  gate.attempt_line(kWarning);
  gate.attempt_line(kMetadata);
  gate.attempt_line(kError);
  gate.attempt_line(kAborting);
  CHECK(out.text == kDepInfo + kWarning);
  // The LLVM rerun: the same front end prints the same lines, then succeeds.
  for (const auto& line : {kDepInfo, kWarning, kMetadata, kLink}) gate.rerun_line(line);
  CHECK(out.text == kDepInfo + kWarning + kMetadata + kLink);
}
