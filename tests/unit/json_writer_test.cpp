#include <doctest/doctest.h>

#include "common/json_writer.hpp"

using namespace clifwrap;

TEST_CASE("json strings escape quotes, backslashes and control characters") {
  CHECK(json_quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
  CHECK(json_quote("crate ü") == "\"crate ü\"");
}

TEST_CASE("json objects: strings, null, numbers, arrays in order") {
  JsonObject object;
  object.field("crate", "x").field("spec", std::optional<std::string>{}).field("ms", 12LL)
      .field("argv", std::vector<std::string>{"rustc", "-vV"});
  CHECK(object.str() == R"({"crate":"x","spec":null,"ms":12,"argv":["rustc","-vV"]})");
  CHECK(JsonObject().str() == "{}");
}
