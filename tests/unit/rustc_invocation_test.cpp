#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "fixtures.hpp"

using namespace clifwrap;
using clifwrap::test::captured;

TEST_CASE("cargo's version probe: grouped short flags") {
  auto inv = captured("probe-version");
  CHECK(inv.version);  // -vV: both letters understood, nothing left over
  CHECK(inv.unknown_options.empty());
  CHECK(inv.problems.empty());
  CHECK(inv.inputs.empty());
}

TEST_CASE("cargo's file-names probe reads stdin and asks for prints") {
  auto inv = captured("probe-file-names");
  CHECK(inv.crate_name == "___");
  REQUIRE(inv.inputs.size() == 1);
  CHECK(inv.inputs[0] == "-");
  CHECK(inv.prints == std::vector<std::string>{"file-names", "sysroot", "split-debuginfo", "crate-name", "cfg"});
  CHECK(inv.crate_types.size() == 6);
}

TEST_CASE("a registry library: crate, emits, codegen flags, out-dir") {
  auto inv = captured("lib-registry-itoa");
  CHECK(inv.crate_name == "itoa");
  CHECK(inv.crate_types == std::vector<std::string>{"lib"});
  REQUIRE(inv.emits.size() == 3);
  CHECK(inv.emits[0].kind == "dep-info");
  CHECK(inv.emits[2].kind == "link");
  CHECK_FALSE(inv.emits[2].path.has_value());
  CHECK(inv.codegen_value("embed-bitcode") == "no");
  CHECK(inv.codegen_value("debuginfo") == "2");
  CHECK(inv.out_dir == "/src/ws/target/debug/deps");
  CHECK(inv.inputs == std::vector<std::string>{"/usr/share/cargo/registry/itoa-1.0.1/src/lib.rs"});
  CHECK(inv.unknown_options.empty());
  CHECK(inv.problems.empty());
}

TEST_CASE("a binary with --extern dependencies") {
  auto inv = captured("bin");
  CHECK(inv.crate_name == "hello");
  CHECK(inv.crate_types == std::vector<std::string>{"bin"});
  CHECK(inv.externs.size() == 2);
  CHECK(inv.externs[0].rfind("greet=", 0) == 0);
}

TEST_CASE("build script and proc-macro units") {
  CHECK(captured("build-script").crate_name == "build_script_build");
  CHECK(captured("proc-macro").crate_types == std::vector<std::string>{"proc-macro"});
}

TEST_CASE("test harness builds have --test and no crate type") {
  auto inv = captured("test-lib");
  CHECK(inv.test_harness);
  CHECK(inv.crate_types.empty());
  CHECK(inv.crate_name == "greet");
}

TEST_CASE("build-std's core: target, -Z flags, cfg checks") {
  auto inv = captured("build-std-core");
  CHECK(inv.crate_name == "core");
  CHECK(inv.target == "x86_64-unknown-none");
  CHECK(inv.has_unstable("force-unstable-if-unmarked"));
  CHECK_FALSE(inv.has_unstable("force-unstable"));
  CHECK(inv.codegen_value("linker-plugin-lto") == "");
  CHECK(inv.codegen_value("panic") == "abort");
}

TEST_CASE("joined and separate spellings mean the same") {
  auto joined = parse_rustc_args({"-Copt-level=2", "--target=x86_64-unknown-none", "-Zfoo=bar", "--emit=obj=out.o", "a.rs"});
  auto separate = parse_rustc_args({"-C", "opt-level=2", "--target", "x86_64-unknown-none", "-Z", "foo=bar", "--emit", "obj=out.o", "a.rs"});
  for (const auto* inv : {&joined, &separate}) {
    CHECK(inv->codegen_value("opt-level") == "2");
    CHECK(inv->target == "x86_64-unknown-none");
    CHECK(inv->unstable_value("foo") == "bar");
    REQUIRE(inv->emits.size() == 1);
    CHECK(inv->emits[0].path == "out.o");
    CHECK(inv->inputs == std::vector<std::string>{"a.rs"});
  }
  CHECK(joined.options[0].token_count == 1);
  CHECK(separate.options[0].token_count == 2);
}

TEST_CASE("unknown options are kept, a missing value is a problem") {
  auto inv = parse_rustc_args({"--frobnicate", "-Q", "a.rs"});
  CHECK(inv.unknown_options == std::vector<std::string>{"--frobnicate", "-Q"});
  CHECK(parse_rustc_args({"a.rs", "--crate-name"}).problems.size() == 1);
  CHECK(parse_rustc_args({"--test=yes", "a.rs"}).problems.size() == 1);
}

TEST_CASE("@argfile: one argument per line, spaces kept, CRLF tolerated") {
  std::string path = "argfile-test.txt";
  std::ofstream(path) << "--crate-name\nwith space\r\n-C\nopt-level=1\n";
  auto expanded = expand_argfiles({"--edition=2021", "@" + path, "lib.rs"});
  REQUIRE(expanded.has_value());
  CHECK(expanded->used_argfile);
  CHECK(expanded->tokens == std::vector<std::string>{"--edition=2021", "--crate-name", "with space", "-C", "opt-level=1", "lib.rs"});
  std::remove(path.c_str());
}

TEST_CASE("an unreadable @argfile is an error naming the file") {
  auto expanded = expand_argfiles({"@does/not/exist.args"});
  REQUIRE_FALSE(expanded.has_value());
  CHECK(expanded.error().subject == "does/not/exist.args");
}
