#include <doctest/doctest.h>

#include <string>

#include "driver/log/invocation_log.hpp"
#include "driver/log/log_reader.hpp"

using namespace clifwrap;

TEST_CASE("a log line read back holds every field the writer wrote: one format for both") {
  LogRecord written;
  written.original = {"rustc", "--crate-name", "k", "src/lib.rs"};
  written.cwd = "/src/k";
  written.settings = {"CLIFWRAP_BACKEND=cranelift"};
  written.crate = "k";
  written.target = "x86_64-unknown-redox";
  written.kind = "target";
  written.verdict = "rewrite";
  written.reason = "target unit; \"quoted\" \\ and a tab\there";
  written.backend = "cranelift";
  written.fallback = std::nullopt;
  written.spec = "/cache/specs/x.json";
  written.argv = {"rustc", "-Zcodegen-backend=cranelift"};
  written.dropped = {"-C lto"};
  written.changes = {"added `-Zcodegen-backend=cranelift`: the backend"};
  written.post_steps = {"fold-archive libk.a"};
  written.link = "embedded";
  written.exit_code = 101;
  written.ms = 1234;

  std::string line = to_json_line(written);
  CHECK(line.ends_with("\"ms\":1234}\n"));
  auto read = parse_log_line(line.substr(0, line.size() - 1));
  REQUIRE(read.has_value());
  const LogRecord& back = *read;
  for (const auto& field : log_fields()) {
    INFO(field.name);
    std::visit([&](auto member) { CHECK(back.*member == written.*member); }, field.member);
  }
  CHECK(log_fields().size() == 18);
}

TEST_CASE("a line without an exit status reads as null, and a line from before a field existed as empty") {
  auto read = parse_log_line(R"({"crate":"k","kind":"probe","exit":null,"ms":3})");
  REQUIRE(read.has_value());
  CHECK_FALSE(read->exit_code.has_value());
  CHECK(read->ms == 3);
  CHECK(read->argv.empty());
  CHECK_FALSE(read->backend.has_value());
  CHECK_FALSE(parse_log_line(R"({"crate":"k"})").has_value());  // no kind: not clifwrap's
}
