#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "common/files.hpp"
#include "driver/fallback_prediction.hpp"

using namespace clifwrap;

namespace {

struct ScratchCrate {
  std::string dir;
  ScratchCrate() {
    char pattern[] = "/tmp/clifwrap-prediction-XXXXXX";
    dir = ::mkdtemp(pattern);
    (void)make_directories(dir + "/src/sys");
  }
  ~ScratchCrate() { std::system(("rm -rf " + dir).c_str()); }
  std::string write(const std::string& relative, const std::string& text) {
    (void)write_file_atomically(dir + "/" + relative, text);
    return dir + "/" + relative;
  }
};

}  // namespace

TEST_CASE("sources that show what cg_clif refuses, in any file under the crate root's directory") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "mod sys;\npub fn plain() {}\n");
  crate.write("src/sys/mod.rs", "pub fn quiet() {}\n");
  CHECK_FALSE(source_suggests_fallback(root).has_value());

  // relibc's printf family: a C-variadic definition, found in a nested module with its line.
  crate.write("src/sys/printf.rs", "use core::ffi::c_char;\n\npub unsafe extern \"C\" fn printf(f: *const c_char, mut ap: ...) -> i32 { 0 }\n");
  auto hit = source_suggests_fallback(root);
  REQUIRE(hit.has_value());
  CHECK(hit->ends_with("src/sys/printf.rs:3: a C-variadic definition"));
}

TEST_CASE("declarations, comments and look-alikes are not taken for refused constructs") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs",
                                 "extern \"C\" { fn printf(f: *const u8, ...) -> i32; }\n"
                                 "// pub extern \"C\" fn f(a: i32, args: ...) {}\n"
                                 "/// let sym foo = 1; become bar\n"
                                 "let sym = 1; let become_x = sym + 1;\n"
                                 "let range = ..;\n"
                                 "type Printer = unsafe extern \"C\" fn(_: *const u8, _: ...) -> i32;\n"
                                 "asm!(\"ldr {x}\", have_lse = sym crate::atomics::HAVE_LSE_ATOMICS);\n");
  CHECK_FALSE(source_suggests_fallback(root).has_value());

  // Prose in block comments (memchr's and regex-automata's crate docs): "will become available".
  crate.write("src/lib.rs",
              "/*!\nThese APIs will also become available\nwhen the feature is on.\n*/\n"
              "/* the sym table */ fn f() {}\n"
              "/*\n * for (2), x: ...)\n */\n"
              "fn g() { let become_it = 1; }\n");
  CHECK_FALSE(source_suggests_fallback(root).has_value());
}

TEST_CASE("sym operands, tail calls and interrupt ABIs") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "fn f() { unsafe { core::arch::asm!(\"call {f}\", f = sym g) } }\n");
  CHECK(source_suggests_fallback(root)->ends_with("a sym operand naming a function"));
  crate.write("src/lib.rs", "fn f(x: u32) -> u32 { become g(x) }\n");
  CHECK(source_suggests_fallback(root)->ends_with("a tail call"));
  crate.write("src/lib.rs", "extern \"x86-interrupt\" fn isr(frame: Frame) {}\n");
  CHECK(source_suggests_fallback(root)->ends_with("an interrupt ABI"));
}
