# The toolchain's own cg_clif patches (scripts/toolchain/*.patch), each shown at work on the real
# backend; without them every step fails.
# - cg_clif-asm-sym.patch: `sym` operands in naked functions, global_asm! and asm!. Unpatched,
#   cg_clif refuses them ("asm! and global_asm! sym operands are not yet supported"); with only
#   the feature turned on, a function internal to its codegen unit, named from the unit's
#   assembly (its own object), is an undefined symbol at link time.
# - cg_clif-builtins-hidden.patch: compiler_builtins compiled by Cranelift defines nothing with
#   default visibility (its weak intrinsics, statics, asm! helpers), as with LLVM, so a shared
#   library linked from it exports none of it.
source "$(dirname "$0")/lib.sh"
use_real_toolchain

# The program checks each result itself and prints "asm-sym all ok" when all are right.
run_asm_sym() {  # binary output
  "$1" > "$2"
  cat "$2"
  expect_contains "$2" "naked sym address: 1 ok"
  expect_contains "$2" "global_asm sym address: 1 ok"
  expect_contains "$2" "asm-sym all ok"
}

cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/asm-sym" asm-sym
cd asm-sym

step "asm-sym by hand, 16 codegen units: private functions named only by their unit's assembly"
RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -q --release --target-dir ../sym16 2> ../sym16.err ||
  { cat ../sym16.err >&2; false; }
run_asm_sym ../sym16/release/asm-sym ../sym16.out
# The assembly reaches the private function through an alias at the same address.
nm ../sym16/release/asm-sym | grep '5naked7add_one' > ../sym16.add_one
expect_count ../sym16.add_one ".cg_clif_sym." 1
expect_count ../sym16.add_one "" 2
[ "$(cut -d' ' -f1 ../sym16.add_one | sort -u | wc -l)" = 1 ]

step "asm-sym by hand, 1 codegen unit: every function but main is internal"
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 RUSTFLAGS=-Zcodegen-backend=cranelift \
  cargo build -q --release --target-dir ../sym1 2> ../sym1.err || { cat ../sym1.err >&2; false; }
run_asm_sym ../sym1/release/asm-sym ../sym1.out

step "asm-sym by hand, debug and incremental: a unit per module, triple hidden in its own"
RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -q --target-dir ../symdebug 2> ../symdebug.err ||
  { cat ../symdebug.err >&2; false; }
run_asm_sym ../symdebug/debug/asm-sym ../symdebug.out

step "asm-sym through clifwrap"
CLIFWRAP_LOG=$E2E_SCRATCH/clifwrap.log RUSTC_WRAPPER=$CLIFWRAP cargo build -q --release --target-dir ../symwrap
expect_backend ../clifwrap.log asm_sym cranelift
run_asm_sym ../symwrap/release/asm-sym ../symwrap.out
cd ..

step "builtins-hidden: compiler_builtins compiled by Cranelift (-Zbuild-std)"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/builtins-hidden" builtins-hidden
use_library_vendor builtins-hidden "$REAL_TOOLCHAIN/lib/rustlib/src/rust/library/vendor"
cd builtins-hidden
RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -q --offline --release \
  -Zbuild-std=core --target x86_64-unknown-linux-gnu --target-dir ../bh
out=../bh/x86_64-unknown-linux-gnu/release
mkdir ../cb && (cd ../cb && ar x "$(ls ../bh/x86_64-unknown-linux-gnu/release/deps/libcompiler_builtins-*.rlib)")
ls ../cb/*.rcgu.o > /dev/null
# Defined, non-local symbols of compiler_builtins' objects: "TYPE BIND VIS NAME".
readelf -sW ../cb/*.o | awk 'NF == 8 && $7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK") { print $4, $5, $6, $8 }' \
  > ../cb.symbols
awk '{ print $1, $2, $3 }' ../cb.symbols | sort | uniq -c
grep -q '^FUNC WEAK HIDDEN __udivti3$' ../cb.symbols
grep -q '^FUNC WEAK HIDDEN __fixdfti$' ../cb.symbols
# As LLVM's: nothing compiler_builtins defines is visible outside the library linked from it.
expect_count ../cb.symbols " DEFAULT " 0

step "builtins-hidden: a shared library linked from it exports none of compiler_builtins"
cc -shared -nostdlib -o ../libbh.so -Wl,-u,bh_divide -Wl,-u,bh_to_i128 "$out/libbuiltins_hidden.a"
readelf --dyn-syms -W ../libbh.so | awk 'NF == 8 && $7 != "UND" { print $8 }' | sort -u > ../bh.exports
grep -qx bh_divide ../bh.exports
awk '{ print $4 }' ../cb.symbols | sort -u > ../cb.names
comm -12 ../bh.exports ../cb.names > ../bh.leaked
expect_count ../bh.leaked "" 0
echo "PASS"
