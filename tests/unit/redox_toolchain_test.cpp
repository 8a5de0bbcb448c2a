#include "crt/redox/build_system_prefix.hpp"
#include "targets/target_specs.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "scratch_dir.hpp"

using namespace clifwrap;

namespace {

// mk/prefix.mk's rules for the sysroot with PREFIX_BINARY=1 on Linux (redox-os/redox 81bc5bf),
// recipes cut to a line that marks them: `make -q prefix` succeeds only when nothing is remade.
constexpr const char* kPrefixRules = R"(PREFIX=prefix/x86_64-unknown-redox
prefix: $(PREFIX)/sysroot
$(PREFIX)/sysroot: $(PREFIX)/clang-install $(PREFIX)/rust-install $(PREFIX)/gcc-install
	echo cook relibc into a new sysroot
$(PREFIX)/%.tar.gz:
	echo wget $@
$(PREFIX)/gcc-install $(PREFIX)/rust-install $(PREFIX)/clang-install: %: %.tar.gz
	echo tar --extract --file $<
.PHONY: prefix
)";

int make_question(const std::string& dir) {
  return std::system(("make -q -C " + dir + " prefix > /dev/null 2>&1").c_str());
}

}  // namespace

TEST_CASE("a toolchain directory as the Redox build's prefix: make finds it up to date") {
  test::ScratchDir redox;
  redox.write("mk/prefix.mk", kPrefixRules);
  redox.write("Makefile", "include mk/prefix.mk\n");
  auto sysroot = build_system_sysroot(redox.dir, "x86_64-unknown-redox");
  REQUIRE(sysroot.has_value());
  CHECK(*sysroot == redox.dir + "/prefix/x86_64-unknown-redox/sysroot");
  redox.write("prefix/x86_64-unknown-redox/sysroot/bin/rustc", "");
  CHECK(make_question(redox.dir) != 0);  // without its prerequisites, make would download them

  auto made = settle_build_system_prefix(*sysroot);
  REQUIRE(made.has_value());
  CHECK(made->size() == 6);
  CHECK(make_question(redox.dir) == 0);

  SUBCASE("a second time makes nothing, and make still has nothing to do") {
    auto again = settle_build_system_prefix(*sysroot);
    REQUIRE(again.has_value());
    CHECK(again->empty());
    CHECK(make_question(redox.dir) == 0);
  }
}

TEST_CASE("a prefix with a real install directory: its stand-in tarball is older than it") {
  test::ScratchDir redox;
  redox.write("mk/prefix.mk", kPrefixRules);
  redox.write("Makefile", "include mk/prefix.mk\n");
  redox.write("prefix/x86_64-unknown-redox/gcc-install/bin/x86_64-unknown-redox-gcc", "");
  redox.write("prefix/x86_64-unknown-redox/sysroot/bin/rustc", "");
  auto made = settle_build_system_prefix(redox.dir + "/prefix/x86_64-unknown-redox/sysroot");
  REQUIRE(made.has_value());
  CHECK(made->size() == 5);
  CHECK(make_question(redox.dir) == 0);
}

TEST_CASE("--redox names a directory that is not a Redox checkout: an error that says what to give") {
  test::ScratchDir elsewhere;
  auto sysroot = build_system_sysroot(elsewhere.dir, "x86_64-unknown-redox");
  REQUIRE_FALSE(sysroot.has_value());
  CHECK(sysroot.error().message == "not a Redox build system checkout (no mk/prefix.mk)");
  CHECK(sysroot.error().subject == elsewhere.dir);
}

TEST_CASE("a toolchain directory's std for a derived spec is marked where rustc looks for that target's std") {
  CHECK(derived_std_marker("/dir", "aarch64-unknown-redox") == "/dir/lib/rustlib/aarch64-unknown-redox/clifwrap-derived-std");
  CHECK(derived_std_marker("/dir", "/specs/ab12/aarch64-unknown-redox.json") ==
        "/dir/lib/rustlib/aarch64-unknown-redox/clifwrap-derived-std");
}
