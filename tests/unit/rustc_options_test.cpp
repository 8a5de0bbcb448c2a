#include <doctest/doctest.h>

#include "driver/rustc/rustc_options.hpp"

using namespace clifwrap;

TEST_CASE("the rustc option table is sorted and has no duplicate spellings") {
  auto table = rustc_option_table();
  for (size_t i = 1; i < table.size(); ++i) {
    INFO(table[i - 1].spelling, " before ", table[i].spelling);
    CHECK(table[i - 1].spelling < table[i].spelling);
  }
}

TEST_CASE("every spelling is found, unknown ones are not") {
  for (const auto& spec : rustc_option_table()) CHECK(find_rustc_option(spec.spelling) == &spec);
  CHECK(find_rustc_option("--crate-nam") == nullptr);
  CHECK(find_rustc_option("-X") == nullptr);
}
