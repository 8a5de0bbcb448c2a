#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crt/split_objects.hpp"

namespace clifwrap {

TEST_CASE("split objects: units in codegen-unit order, each .asm.o right after its unit") {
  std::vector<std::string> names = {
      "crt0.crt0.abc-cgu.10.rcgu.o", "crt0.crt0.abc-cgu.2.rcgu.asm.o", "crt0.crt0.abc-cgu.2.rcgu.o",
      "crt0.crt0.abc-cgu.0.rcgu.o",  "crt0.crt0.abc-cgu.10.rcgu.asm.o", "crt0.orphan.rcgu.asm.o",
  };
  CHECK(link_order(names) == std::vector<std::string>{
                                 "crt0.crt0.abc-cgu.0.rcgu.o", "crt0.crt0.abc-cgu.2.rcgu.o", "crt0.crt0.abc-cgu.2.rcgu.asm.o",
                                 "crt0.crt0.abc-cgu.10.rcgu.o", "crt0.crt0.abc-cgu.10.rcgu.asm.o", "crt0.orphan.rcgu.asm.o"});
  CHECK(unit_of_asm("x.y-cgu.3.rcgu.asm.o") == "x.y-cgu.3.rcgu.o");
  CHECK(is_asm_object("x.rcgu.asm.o"));
  CHECK(!is_unit_object("x.rcgu.asm.o"));
  CHECK(is_unit_object("x.rcgu.o"));
}

TEST_CASE("split objects: a compile's members are told apart from core's and compiler_builtins'") {
  CHECK(belongs_to_compile("crt0-abc.crt0.e3b2-cgu.0.rcgu.o", "crt0-abc"));
  CHECK(belongs_to_compile("crt0-abc.crt0.e3b2-cgu.0.rcgu.asm.o", "crt0-abc"));
  CHECK(!belongs_to_compile("crt0-abcd.crt0.e3b2-cgu.0.rcgu.o", "crt0-abc"));
  CHECK(!belongs_to_compile("core-1234.core.5678-cgu.0.rcgu.o", "crt0-abc"));
  CHECK(!belongs_to_compile("45c91108d938afe8-absvdi2.o", "crt0-abc"));
  CHECK(!belongs_to_compile("crt0-abc.d", "crt0-abc"));
  // relibc's libcrt0.a, whose hash clifwrap sysroot does not know
  CHECK(belongs_to_crate("crt0-3f7a.crt0.234c-cgu.0.rcgu.o", "crt0"));
  CHECK(belongs_to_crate("crt0.crt0.234c-cgu.1.rcgu.asm.o", "crt0"));
  CHECK(!belongs_to_crate("crt0x-3f7a.crt0x.234c-cgu.0.rcgu.o", "crt0"));
  CHECK(!belongs_to_crate("core-60d8.core.9071-cgu.0.rcgu.o", "crt0"));
}

}  // namespace clifwrap
