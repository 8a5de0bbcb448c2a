#include <doctest/doctest.h>

#include <string>

#include "common/files.hpp"
#include "driver/wrapper/prediction_memory.hpp"
#include "scratch_dir.hpp"

using namespace clifwrap;

namespace {

using Scratch = clifwrap::test::ScratchDir;

std::string dep_info(const std::string& root, const std::string& module) {
  std::string rule = ": " + root + " " + module + "\n";
  return "/t/deps/k-1.d" + rule + "/t/deps/libk-1.rlib" + rule + "\n" + root + ":\n" + module + ":\n";
}

PredictionScope x86_64_cg_clif() {
  PredictionScope scope;
  scope.target_arch = "x86_64";
  return scope;
}

}  // namespace

TEST_CASE("a prediction is recalled while every source the dep-info lists is unchanged") {
  Scratch scratch;
  std::string root = scratch.write("src/lib.rs", "mod asm;\n");
  std::string module = scratch.write("src/asm.rs", "pub fn f() {}\n");
  std::string deps = scratch.write("k.d", dep_info(root, module));
  std::string cache = scratch.dir + "/cache";
  PredictionScope scope = x86_64_cg_clif();

  CHECK_FALSE(recalled_prediction(cache, root, scope).has_value());
  remember_prediction(cache, root, scope, std::nullopt, deps);
  auto none = recalled_prediction(cache, root, scope);
  REQUIRE(none.has_value());
  CHECK_FALSE(none->has_value());

  remember_prediction(cache, root, scope, "src/asm.rs:3: a sym operand cg_clif refuses", deps);
  auto hit = recalled_prediction(cache, root, scope);
  REQUIRE(hit.has_value());
  CHECK(hit->value_or("") == "src/asm.rs:3: a sym operand cg_clif refuses");

  // Another architecture, or a backend that compiles `sym`, asks afresh.
  PredictionScope aarch64 = scope;
  aarch64.target_arch = "aarch64";
  CHECK_FALSE(recalled_prediction(cache, root, aarch64).has_value());
  PredictionScope sym_compiled = scope;
  sym_compiled.refuses_sym = false;
  CHECK_FALSE(recalled_prediction(cache, root, sym_compiled).has_value());

  // An edit to any listed source (its size changes here) makes the record stale.
  scratch.write("src/asm.rs", "pub fn f() { /* sym */ }\n");
  CHECK_FALSE(recalled_prediction(cache, root, scope).has_value());
}

TEST_CASE("without a dep-info that names the crate root, no prediction is recorded") {
  Scratch scratch;
  std::string root = scratch.write("src/lib.rs", "pub fn f() {}\n");
  std::string cache = scratch.dir + "/cache";
  remember_prediction(cache, root, x86_64_cg_clif(), std::nullopt, scratch.dir + "/missing.d");
  CHECK_FALSE(recalled_prediction(cache, root, x86_64_cg_clif()).has_value());
  std::string other = scratch.write("other.d", dep_info(scratch.dir + "/src/other.rs", scratch.dir + "/src/x.rs"));
  remember_prediction(cache, root, x86_64_cg_clif(), std::nullopt, other);
  CHECK_FALSE(recalled_prediction(cache, root, x86_64_cg_clif()).has_value());
}
