#include <doctest/doctest.h>

#include "common/process.hpp"
#include "driver/backend/backend.hpp"
#include "driver/backend/elf_needed.hpp"

using namespace clifwrap;

// The real thing: Debian's rustc binary depends on its librustc_driver-<hash>.so, and the sysroot
// (/usr) holds that library in its multiarch directory.
TEST_CASE("DT_NEEDED of the real rustc names the sysroot's librustc_driver") {
  auto needed = read_elf_needed("/usr/bin/rustc");
  REQUIRE(needed.has_value());
  std::string driver = rustc_driver_dependency(*needed);
  CHECK(driver.rfind("librustc_driver-", 0) == 0);
  auto in_sysroot = find_sysroot_driver("/usr");
  REQUIRE(in_sysroot.has_value());
  CHECK(in_sysroot->name == driver);
}

TEST_CASE("files that are not ELF shared objects are refused with their name") {
  auto text = read_elf_needed(CLIFWRAP_TEST_DATA "/cargo-1.96/lib.args");
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().subject.find("lib.args") != std::string::npos);
  CHECK_FALSE(read_elf_needed("/does/not/exist.so").has_value());
}
