#include <doctest/doctest.h>

#include <string>

#include "common/process.hpp"

using namespace clifwrap;

TEST_CASE("a failed capture keeps the whole of the program's stderr, not only its first line") {
  Command command;
  command.argv = {"/bin/sh", "-c", "echo context >&2; echo 'the reason, last' >&2; exit 3"};
  auto captured = capture_output(command);
  REQUIRE_FALSE(captured.has_value());
  CHECK(captured.error().message == "exited with status 3:\ncontext\nthe reason, last");
  CHECK(captured.error().subject.find("/bin/sh") == 0);
}

TEST_CASE("a capture that succeeds gives stdout only") {
  Command command;
  command.argv = {"/bin/sh", "-c", "echo out; echo noise >&2"};
  auto captured = capture_output(command);
  REQUIRE(captured.has_value());
  CHECK(*captured == "out\n");
}
