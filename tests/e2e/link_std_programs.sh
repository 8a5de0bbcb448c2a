# Embedded linking end to end: a std program built through clifwrap (LLVM standing in for
# Cranelift) is linked by clifwrap-link with lld in-process as a PIE, a non-PIE and a static
# executable; each prints what the cc-linked build prints, and its .comment names LLD.
source "$(dirname "$0")/lib.sh"

cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/std-program" program
cd program
export STD_PROGRAM_GREETING="hello from the environment"

step "reference: built and linked by cargo with cc, no clifwrap"
cargo build -q --release --target-dir ../reference
../reference/release/std-program one "two words" > ../reference.out
expect_contains ../reference.out 'caught panic: true'
expect_contains ../reference.out 'args: ["one", "two words"]'
readelf -p .comment ../reference/release/std-program > ../reference.comment
expect_not_contains ../reference.comment "LLD"

check_variant() {  # name, RUSTFLAGS, what `file` says
  local name=$1 flags=$2 kind=$3
  step "$name: built through clifwrap, linked by clifwrap-link"
  RUSTFLAGS=$flags CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/$name.log RUSTC_WRAPPER=$CLIFWRAP \
    cargo build -q --release --target-dir ../$name
  local exe=../$name/release/std-program
  "$exe" one "two words" > ../$name.out
  diff -u ../reference.out ../$name.out
  readelf -p .comment "$exe" > ../$name.comment
  expect_contains ../$name.comment "LLD 22"
  file -L "$exe" > ../$name.file
  expect_contains ../$name.file "$kind"
  expect_contains ../$name.log '"kind":"link","verdict":"linked"'
  expect_contains ../$name.log '"link":"embedded"'
  ls ../$name/release/deps | grep -c '\.clifwrap-.*\.tmp' > ../$name.leftovers || true
  [ "$(cat ../$name.leftovers)" = 0 ]
}

check_variant pie "" "pie executable"
check_variant no-pie "-C relocation-model=static" "LSB executable"
check_variant static "-C target-feature=+crt-static -C relocation-model=static" "statically linked"
check_variant static-pie "-C target-feature=+crt-static" "static-pie linked"

step "the plan of the PIE names the profile's start files in gcc's order"
grep '"kind":"link"' ../pie.log > ../pie.link
expect_contains ../pie.link '"/usr/lib/x86_64-linux-gnu/Scrt1.o","/usr/lib/x86_64-linux-gnu/crti.o"'
expect_contains ../pie.link 'crtendS.o","/usr/lib/x86_64-linux-gnu/crtn.o"'

step "CLIFWRAP_LINK=system leaves rustc's linker alone"
CLIFWRAP_LINK=system CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/system.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo build -q --release --target-dir ../system
readelf -p .comment ../system/release/std-program > ../system.comment
expect_not_contains ../system.comment "LLD"
expect_contains ../system.log '"link":"system"'
expect_not_contains ../system.log '"kind":"link"'
echo "all std variants linked in-process and ran"
