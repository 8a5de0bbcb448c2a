#include <doctest/doctest.h>

#include <string>

#include "common/files.hpp"
#include "driver/wrapper/fallback_memory.hpp"
#include "scratch_dir.hpp"

using namespace clifwrap;

namespace {

using Scratch = clifwrap::test::ScratchDir;

// The shape rustc 1.96 writes for `--emit=dep-info,metadata,link` (one rule per output, then an
// empty rule per source, then cargo's env-dep comments).
std::string dep_info(const std::string& root, const std::string& module) {
  std::string rule = ": " + root + " " + module + "\n";
  return "/t/deps/relibc-0123abcd.d" + rule + "/t/deps/librelibc-0123abcd.rlib" + rule + "\n" + root + ":\n" + module +
         ":\n\n# env-dep:CARGO_PKG_NAME=relibc\n";
}

}  // namespace

TEST_CASE("dep-info: every prerequisite once, escaped spaces kept, comments skipped") {
  auto sources = dep_info_sources("out.d: src/lib.rs src/my\\ dir/a.rs\nout.rlib: src/lib.rs src/my\\ dir/a.rs\n\n"
                                  "src/lib.rs:\n# env-dep:X=1\n");
  CHECK(sources == std::vector<std::string>{"src/lib.rs", "src/my dir/a.rs"});
  CHECK(dep_info_sources("").empty());
}

TEST_CASE("a fallback record holds for the same sources and backend only") {
  Scratch scratch;
  std::string root = scratch.write("src/lib.rs", "mod printf;\n");
  std::string module = scratch.write("src/printf.rs", "pub unsafe extern \"C\" fn printf(f: *const u8, mut args: ...) {}\n");
  FallbackSubject subject{"relibc-0123abcd", scratch.write("relibc.d", dep_info(root, module)), root, "cg_clif 1"};
  std::string cache = scratch.dir + "/cache";

  CHECK_FALSE(has_fallback_record(cache, subject.stem));
  remember_fallback(cache, subject, "defines C-variadic functions");
  CHECK(has_fallback_record(cache, subject.stem));
  CHECK(remembered_fallback(cache, subject) == "defines C-variadic functions");

  SUBCASE("another backend") {
    subject.backend = "cg_clif 2";
    CHECK_FALSE(remembered_fallback(cache, subject).has_value());
  }
  SUBCASE("an edited module") {
    scratch.write("src/printf.rs", "pub fn printf() {}\n");
    CHECK_FALSE(remembered_fallback(cache, subject).has_value());
  }
  SUBCASE("a copy elsewhere: the dep-info there names other files") {
    Scratch copy;
    std::string copied_root = copy.write("src/lib.rs", "mod printf;\n");
    std::string copied_module = copy.write("src/printf.rs", "pub fn printf() {}\n");
    subject.dep_info = copy.write("relibc.d", dep_info(copied_root, copied_module));
    subject.crate_root = copied_root;
    CHECK_FALSE(remembered_fallback(cache, subject).has_value());
  }
  SUBCASE("a dep-info that does not name this crate root") {
    subject.crate_root = scratch.dir + "/other/lib.rs";
    CHECK_FALSE(remembered_fallback(cache, subject).has_value());
  }
  SUBCASE("no dep-info") {
    subject.dep_info = scratch.dir + "/missing.d";
    CHECK_FALSE(remembered_fallback(cache, subject).has_value());
  }
}

TEST_CASE("without a dep-info nothing is recorded, and an old-style record is not trusted") {
  Scratch scratch;
  std::string cache = scratch.dir + "/cache";
  FallbackSubject subject{"x-1", scratch.dir + "/missing.d", "src/lib.rs", "b"};
  remember_fallback(cache, subject, "uses sym operands in asm");
  CHECK_FALSE(has_fallback_record(cache, "x-1"));
  scratch.write("cache/fallbacks/x-1", "uses sym operands in asm\n");  // an older clifwrap's record: the reason only
  CHECK_FALSE(remembered_fallback(cache, subject).has_value());
}
