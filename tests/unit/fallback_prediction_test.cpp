#include <doctest/doctest.h>

#include <string>

#include "common/files.hpp"
#include "driver/wrapper/fallback_prediction.hpp"
#include "scratch_dir.hpp"

using namespace clifwrap;

// A search that finds nothing gives "" through value_or, so each check fails instead of reading an
// empty optional.
using ScratchCrate = clifwrap::test::ScratchDir;

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
  CHECK(source_suggests_fallback(root).value_or("").ends_with("a sym operand cg_clif refuses"));
  crate.write("src/lib.rs", "fn f(x: u32) -> u32 { become g(x) }\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("a tail call"));
  crate.write("src/lib.rs", "extern \"x86-interrupt\" fn isr(frame: Frame) {}\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("an interrupt ABI"));
}

TEST_CASE("sym of a static: taken in asm!, refused in global_asm! and naked functions") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "fn f() { unsafe { core::arch::asm!(\"lea {s}, %rax\", s = sym COUNTER) } }\n");
  CHECK_FALSE(source_suggests_fallback(root).has_value());
  crate.write("src/lib.rs", "core::arch::global_asm!(\n  \".quad {s}\",\n  s = sym COUNTER,\n);\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("lib.rs:3: a sym operand cg_clif refuses"));
  crate.write("src/lib.rs", "#[unsafe(naked)]\nextern \"C\" fn entry() {\n  core::arch::naked_asm!(\"jmp {t}\", t = sym TABLE)\n}\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("lib.rs:3: a sym operand cg_clif refuses"));
}

TEST_CASE("reading or dropping a VaList is refused like a variadic definition") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "pub unsafe fn vfmt(fmt: *const u8, mut ap: VaList) -> i32 { 0 }\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("a VaList parameter"));
  crate.write("src/lib.rs", "fn next(ap: &mut Args) -> i32 { unsafe { ap.list.arg::<i32>() } }\n");
  CHECK(source_suggests_fallback(root).value_or("").ends_with("a VaList read"));
}

TEST_CASE("what the backend compiles is not searched for") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "core::arch::global_asm!(\"call {f}\", f = sym handler);\n");
  PredictionScope with_sym;
  with_sym.refuses_sym = false;
  CHECK(source_suggests_fallback(root).has_value());
  CHECK_FALSE(source_suggests_fallback(root, with_sym).has_value());
  crate.write("src/lib.rs", "pub unsafe extern \"C\" fn printf(f: *const u8, mut args: ...) -> i32 { 0 }\n");
  PredictionScope with_variadics;
  with_variadics.refuses_variadic = false;
  CHECK_FALSE(source_suggests_fallback(root, with_variadics).has_value());
}

TEST_CASE("arch/<another architecture> is not searched, arch/<the target's> and shared code are") {
  ScratchCrate crate;
  std::string root = crate.write("src/lib.rs", "mod arch;\n");
  (void)make_directories(crate.dir + "/src/arch/aarch64");
  (void)make_directories(crate.dir + "/src/arch/x86_shared");
  crate.write("src/arch/aarch64/start.rs", "core::arch::naked_asm!(\"b {k}\", k = sym kstart)\n");
  PredictionScope x86_64;
  x86_64.target_arch = "x86_64";
  CHECK_FALSE(source_suggests_fallback(root, x86_64).has_value());
  PredictionScope aarch64;
  aarch64.target_arch = "aarch64";
  CHECK(source_suggests_fallback(root, aarch64).has_value());
  crate.write("src/arch/x86_shared/idt.rs", "core::arch::naked_asm!(\"call {h}\", h = sym handler)\n");
  CHECK(source_suggests_fallback(root, x86_64).value_or("").find("x86_shared/idt.rs:1") != std::string::npos);
}

TEST_CASE("a target's architecture, from a triple or a JSON spec named after one") {
  CHECK(target_arch_of("x86_64-unknown-redox") == "x86_64");
  CHECK(target_arch_of("i586-unknown-redox") == "x86");
  CHECK(target_arch_of("riscv64gc-unknown-redox") == "riscv64");
  CHECK(target_arch_of("/cache/specs/0123/aarch64-unknown-kernel.json") == "aarch64");
}
