#include <doctest/doctest.h>

#include <llvm/Support/JSON.h>

#include <map>

#include "common/files.hpp"
#include "targets/spec_derivation.hpp"

using namespace clifwrap;

namespace {

std::string spec_text(const std::string& relative) {
  auto text = read_file(std::string(CLIFWRAP_TEST_DATA) + "/" + relative);
  REQUIRE(text.has_value());
  return *text;
}

using Edits = std::map<std::string, llvm::json::Value>;

// Derives the spec, then checks it is the original with exactly `edits` applied.
void check_derivation(const std::string& fixture, const Edits& edits) {
  INFO(fixture);
  std::string original = spec_text(fixture);
  auto derived = derive_spec(original, fixture);
  REQUIRE(derived.has_value());
  CHECK(derived->changes.size() == edits.size());
  for (const auto& change : derived->changes) {
    CHECK(edits.count(change.field) == 1);
    CHECK_FALSE(change.reason.empty());
  }
  if (edits.empty()) {
    CHECK(derived->json.empty());
    return;
  }
  auto expected = llvm::json::parse(original);
  REQUIRE(bool(expected));
  for (const auto& [field, value] : edits) (*expected->getAsObject())[field] = value;
  auto actual = llvm::json::parse(derived->json);
  REQUIRE(bool(actual));
  CHECK(*actual == *expected);
}

}  // namespace

TEST_CASE("builtin specs of rustc 1.96 and of the image's nightly get exactly the changes Cranelift needs") {
  for (std::string dir : {"specs-1.96/", "specs-nightly/"}) {
    check_derivation(dir + "aarch64-unknown-none.json",
                     {{"max-atomic-width", 64}, {"llvm-target", "aarch64-unknown-none-elf"}});
    check_derivation(dir + "aarch64-unknown-redox.json", {{"max-atomic-width", 64}});
    // Already "-elf" with cpu x86-64 in these releases.
    check_derivation(dir + "x86_64-unknown-none.json", {});
    check_derivation(dir + "x86_64-unknown-redox.json", {});
    check_derivation(dir + "riscv64gc-unknown-redox.json", {});
    check_derivation(dir + "i586-unknown-redox.json", {});
    check_derivation(dir + "x86_64-unknown-linux-gnu.json", {});
  }
}

TEST_CASE("a kernel-shaped user spec gets -elf and a cpu") {
  check_derivation("specs-user/x86_64-unknown-kernel.json",
                   {{"llvm-target", "x86_64-unknown-none-elf"}, {"cpu", "x86-64"}});
}

TEST_CASE("\"generic\" cpu on x86_64 becomes x86-64: other arches keep theirs") {
  auto generic = derive_spec(R"({"arch":"x86_64","llvm-target":"x86_64-unknown-linux-gnu","cpu":"generic"})", "t");
  REQUIRE(generic.has_value());
  REQUIRE(generic->changes.size() == 1);
  CHECK(generic->changes[0].before == "generic");
  CHECK(generic->changes[0].after == "x86-64");
  auto arm = derive_spec(R"({"arch":"aarch64","llvm-target":"aarch64-unknown-linux-gnu","cpu":"generic"})", "t");
  REQUIRE(arm.has_value());
  CHECK(arm->changes.empty());
}

TEST_CASE("malformed and non-spec JSON are errors naming the source") {
  auto broken = derive_spec("{\"arch\": ", "broken.json");
  REQUIRE_FALSE(broken.has_value());
  CHECK(broken.error().subject == "broken.json");
  CHECK(broken.error().message.find("malformed") != std::string::npos);
  CHECK_FALSE(derive_spec("[1, 2]", "array.json").has_value());
  CHECK_FALSE(derive_spec(R"({"name": "x"})", "other.json").has_value());
}

TEST_CASE("numbers JSON cannot write back are refused (found by fuzz_spec_derivation)") {
  auto infinite = clifwrap::derive_spec(R"({"llvm-target": "x86_64-unknown-none", "arch": "x86_64", "max-atomic-width": 1E999})", "inf.json");
  REQUIRE(!infinite.has_value());
  CHECK(infinite.error().message == "a number in the spec is out of range");
  auto fractional = clifwrap::derive_spec(R"({"llvm-target": "aarch64-unknown-none", "arch": "aarch64", "max-atomic-width": 128.5})", "half.json");
  REQUIRE(!fractional.has_value());
  CHECK(fractional.error().message == "\"max-atomic-width\" is not an integer");
}

namespace {
bool soft_float(std::string_view spec) { return spec_traits(spec, "test").value().soft_float; }
bool without_os(std::string_view spec) { return spec_traits(spec, "test").value().without_os; }
}  // namespace

TEST_CASE("soft-float specs: Redox's kernel specs and rustc's builtin none targets") {
  // x86_64-unknown-none and redox-os/kernel's x86_64 spec.
  CHECK(soft_float(R"({"features": "-mmx,-sse,-sse2,+soft-float", "rustc-abi": "x86-softfloat"})"));
  // redox-os/kernel's aarch64 spec, and aarch64-unknown-none-softfloat.
  CHECK(soft_float(R"({"features": "+strict-align,-neon,-fp-armv8,+tpidr-el1", "abi": "softfloat"})"));
  // aarch64-unknown-none keeps its FP unit, and a Redox userspace target too.
  CHECK_FALSE(soft_float(R"({"features": "+v8a,+strict-align,+neon,+fp-armv8"})"));
  CHECK_FALSE(soft_float(R"({"os": "redox", "features": "+sse2"})"));
}


TEST_CASE("a target without an OS: no \"os\", or \"none\"") {
  CHECK(without_os(R"({"arch": "x86_64", "llvm-target": "x86_64-unknown-none-elf"})"));
  CHECK(without_os(R"({"arch": "aarch64", "os": "none"})"));
  CHECK_FALSE(without_os(R"({"arch": "x86_64", "os": "redox"})"));
  CHECK_FALSE(spec_traits("not json", "test").has_value());
}
