// Real rustc command lines captured from cargo 1.96 (tests/data/cargo-1.96/*.args: one argument
// per line, rustc first, machine paths replaced by /src/...).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/files.hpp"
#include "driver/rustc/rustc_invocation.hpp"

namespace clifwrap::test {

inline std::vector<std::string> captured_args(const std::string& name) {
  auto expanded = expand_argfiles({"@" + std::string(CLIFWRAP_TEST_DATA) + "/cargo-1.96/" + name + ".args"});
  REQUIRE(expanded.has_value());
  REQUIRE(expanded->tokens.size() > 1);
  REQUIRE(expanded->tokens.front() == "rustc");
  return {expanded->tokens.begin() + 1, expanded->tokens.end()};
}

inline RustcInvocation captured(const std::string& name) { return parse_rustc_args(captured_args(name)); }

}  // namespace clifwrap::test
