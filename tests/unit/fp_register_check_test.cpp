#include <doctest/doctest.h>

#include "linkplan/fp_register_check.hpp"

using namespace clifwrap;

TEST_CASE("the crate of a demangled function") {
  CHECK(crate_of("linked_list_allocator::hole::HoleList::allocate_first_fit::h0123abcd") == "linked_list_allocator");
  CHECK(crate_of("<alloc::vec::Vec<T> as core::clone::Clone>::clone") == "alloc");
  CHECK(crate_of("kernel::context::memory::UserInner::capture_inner") == "kernel");
  CHECK(crate_of("memcpy").empty());
}

TEST_CASE("soft-float specs: Redox's kernel specs and rustc's builtin none targets") {
  // x86_64-unknown-none and redox-os/kernel's x86_64 spec.
  CHECK(spec_is_soft_float(R"({"features": "-mmx,-sse,-sse2,+soft-float", "rustc-abi": "x86-softfloat"})"));
  // redox-os/kernel's aarch64 spec, and aarch64-unknown-none-softfloat.
  CHECK(spec_is_soft_float(R"({"features": "+strict-align,-neon,-fp-armv8,+tpidr-el1", "abi": "softfloat"})"));
  // aarch64-unknown-none keeps its FP unit, and a Redox userspace target too.
  CHECK_FALSE(spec_is_soft_float(R"({"features": "+v8a,+strict-align,+neon,+fp-armv8"})"));
  CHECK_FALSE(spec_is_soft_float(R"({"os": "redox", "features": "+sse2"})"));
}

TEST_CASE("the link's error names the functions by crate, and what to do") {
  std::vector<FpFinding> findings = {
      {"linked_list_allocator::align_up::h1", "liblinked_list_allocator.rlib(x.rcgu.o)", "fmov d16, x1"},
      {"core::ptr::align_offset::h2", "libcore.rlib(core.rcgu.o)", "cnt v16.8b, v16.8b"},
  };
  Error error = fp_register_error(findings, "kernel.all");
  CHECK(error.message.find("in 2 functions:") != std::string::npos);
  CHECK(error.message.find("crate core:\n    core::ptr::align_offset::h2: `cnt v16.8b, v16.8b`") != std::string::npos);
  CHECK(error.message.find("crate linked_list_allocator:") != std::string::npos);
  CHECK(error.hint.find("backend = \"llvm\"") != std::string::npos);
  CHECK(error.subject == "kernel.all");
}
