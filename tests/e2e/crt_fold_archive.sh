# Staticlibs with cg_clif's split members: the rustc double plays cg_clif and adds the crate's
# assembly (an .init fragment) as `<unit>.rcgu.asm.o`. Linked as it is, the fragment is left out
# (nothing references it); built through clifwrap, the member is folded into its unit and the
# fragment runs. `--emit obj=PATH` gets the unit and its assembly in one object. An archive without
# such members is not touched.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
make_fake_backends "$E2E_SCRATCH/backends"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/initfrag" initfrag
cd initfrag
export RUSTC=$CLIFWRAP_SOURCE_DIR/tests/e2e/rustc-double.sh
export DOUBLE_ASM_DIR=$PWD/asm
BACKEND=$E2E_SCRATCH/backends/librustc_codegen_cranelift.so
rustc --edition 2021 --crate-type lib -C panic=abort -C opt-level=1 --emit obj -o program.o program.rs

step "cg_clif without clifwrap: the assembly is a member of its own, and the link leaves it out"
RUSTFLAGS="-Zcodegen-backend=$BACKEND" RUSTC_BOOTSTRAP=1 LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu \
  cargo build -q --release --target-dir ../plain
ar t ../plain/release/libinitfrag.a > ../plain.members
expect_count ../plain.members ".rcgu.asm.o" 1
"$LINK" -o ../plain-prog program.o ../plain/release/libinitfrag.a
../plain-prog > ../plain.out
expect_contains ../plain.out "initfrag linked"
expect_contains ../plain.out "init did not run"

step "through clifwrap: the member is folded into its unit, the fragment comes along"
CLIFWRAP_BACKEND=$BACKEND CLIFWRAP_LOG=$E2E_SCRATCH/folded.log RUSTC_WRAPPER=$CLIFWRAP cargo build -q --release --target-dir ../folded
ar t ../folded/release/libinitfrag.a > ../folded.members
expect_count ../folded.members ".rcgu.asm.o" 0
expect_contains ../folded.log '"post_steps":["fold-archive: 1 .asm.o members folded in'
nm ../folded/release/libinitfrag.a > ../folded.symbols
expect_contains ../folded.symbols "T initfrag_version"
"$LINK" -o ../folded-prog program.o ../folded/release/libinitfrag.a
../folded-prog > ../folded.out
expect_contains ../folded.out "init ran before main"

step "--emit obj=PATH: one object with the unit and its assembly"
CLIFWRAP_BACKEND=$BACKEND CLIFWRAP_LOG=$E2E_SCRATCH/obj.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo rustc -q --release --target-dir ../obj -- --emit obj=$E2E_SCRATCH/initfrag.o
expect_contains ../obj.log '"merge-objects: moved 1 object into'
objdump -h ../initfrag.o > ../initfrag.sections
expect_contains ../initfrag.sections " .init "
"$LINK" -o ../obj-prog program.o ../initfrag.o
../obj-prog > ../obj.out
expect_contains ../obj.out "init ran before main"
[ -z "$(ls -a .. | grep '\.clifwrap-obj-')" ]

step "an archive without assembly members is left as rustc wrote it"
CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/llvm.log RUSTC_WRAPPER=$CLIFWRAP cargo build -q --release --target-dir ../llvm
grep '"crate":"initfrag"' ../llvm.log > ../llvm.initfrag
expect_contains ../llvm.initfrag '"post_steps":[]'
echo "folding and merging work"
