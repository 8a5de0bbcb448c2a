#include <doctest/doctest.h>

#include "linkplan/fp_register_check.hpp"

using namespace clifwrap;

TEST_CASE("the crate whose compile made an input, from rustc's object names") {
  CHECK(crate_of("/t/deps/liblinked_list_allocator-0123.rlib(linked_list_allocator-0123.linked_list_allocator.4567-cgu.0.rcgu.o)") ==
        "linked_list_allocator");
  CHECK(crate_of("/t/deps/kernel_shapes-1dac.kernel_shapes.7236-cgu.0.rcgu.o") == "kernel_shapes");
  CHECK(crate_of("/t/deps/libcore-04.rlib(core-04.core.a1b2-cgu.12.rcgu.o)") == "core");
  CHECK(crate_of("kernel.o").empty());      // not rustc's
  CHECK(crate_of("libc.a(printf.o)").empty());
}

TEST_CASE("the link's error names the functions by crate, and what to do") {
  std::vector<FpFinding> findings = {
      {"linked_list_allocator::align_up::h1", "liblinked_list_allocator-01.rlib(linked_list_allocator-01.x.2-cgu.0.rcgu.o)",
       "fmov d16, x1"},
      {"core::ptr::align_offset::h2", "libcore-03.rlib(core-03.core.4-cgu.1.rcgu.o)", "cnt v16.8b, v16.8b"},
  };
  Error error = fp_register_error(findings, "kernel.all");
  CHECK(error.message.find("in 2 functions:") != std::string::npos);
  CHECK(error.message.find("crate core:\n    core::ptr::align_offset::h2: `cnt v16.8b, v16.8b`") != std::string::npos);
  CHECK(error.message.find("crate linked_list_allocator:") != std::string::npos);
  CHECK(error.hint.find("backend = \"llvm\"") != std::string::npos);
  CHECK(error.subject == "kernel.all");
}
