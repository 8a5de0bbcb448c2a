# The real backend's split objects: cg_clif puts a unit's global_asm! into a member of its own.
# By hand, a program that references only the crate's Rust code links without the assembly (its
# .init fragment is lost), and `--emit obj=PATH` writes nothing. Through clifwrap the assembly
# member is folded into its unit, `--emit obj=PATH` gets both in one object, and the assembly's
# symbol, referenced only from outside the crate, resolves in the final link. (The member names are
# what the rustc double writes too: `<crate>-<hash>.<cgu>.rcgu.o` and `….rcgu.asm.o`.)
source "$(dirname "$0")/lib.sh"
use_real_toolchain
LINK=$(dirname "$CLIFWRAP")/clifwrap-link
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/asmfrag" asmfrag
cd asmfrag
for variant in plain answer; do
  /usr/bin/rustc --edition 2021 --crate-type lib -C panic=abort -C opt-level=1 --check-cfg 'cfg(answer)' \
    $([ $variant = answer ] && echo --cfg answer) --emit obj -o ../program-$variant.o program.rs
done

# Links the program variant against an archive or object and runs it.
link_and_run() {  # variant input output
  "$LINK" -o "$3.bin" "../program-$1.o" "$2"
  "$3.bin" > "$3"
}

step "cg_clif by hand: the assembly is a member of its own, left out unless referenced"
RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -q --release --target-dir ../plain
ar t ../plain/release/libasmfrag.a > ../plain.members
grep '^asmfrag' ../plain.members
expect_count ../plain.members ".rcgu.asm.o" 1
link_and_run plain ../plain/release/libasmfrag.a ../plain.out
expect_contains ../plain.out "asmfrag linked"
expect_contains ../plain.out "init did not run"
link_and_run answer ../plain/release/libasmfrag.a ../plain-answer.out
expect_contains ../plain-answer.out "asm answer 42"

step "cg_clif by hand: --emit obj=PATH writes nothing when there is assembly"
RUSTFLAGS=-Zcodegen-backend=cranelift cargo rustc --release --target-dir ../plain-obj -- \
  --emit obj="$E2E_SCRATCH/plain.o" 2> ../plain-obj.err
expect_contains ../plain-obj.err "ignoring emit path because multiple .o files were produced"
[ ! -e "$E2E_SCRATCH/plain.o" ]

step "through clifwrap: the member is folded into its unit, the fragment comes along"
CLIFWRAP_LOG=$E2E_SCRATCH/folded.log RUSTC_WRAPPER=$CLIFWRAP cargo build -q --release --target-dir ../folded
expect_backend ../folded.log asmfrag cranelift
ar t ../folded/release/libasmfrag.a > ../folded.members
expect_count ../folded.members ".rcgu.asm.o" 0
expect_contains ../folded.log '"post_steps":["fold-archive: 1 .asm.o members folded in'
link_and_run plain ../folded/release/libasmfrag.a ../folded.out
expect_contains ../folded.out "init ran before main"
link_and_run answer ../folded/release/libasmfrag.a ../folded-answer.out
expect_contains ../folded-answer.out "asm answer 42"
expect_contains ../folded-answer.out "init ran before main"

step "through clifwrap: --emit obj=PATH gets the unit and its assembly in one object"
CLIFWRAP_LOG=$E2E_SCRATCH/obj.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo rustc -q --release --target-dir ../obj -- --emit obj="$E2E_SCRATCH/asmfrag.o"
# The archive's assembly member is folded into its unit first, so one object holds both.
expect_contains ../obj.log '"post_steps":["fold-archive: 1 .asm.o members folded in'
expect_contains ../obj.log '"merge-objects: moved 1 object into'
objdump -h ../asmfrag.o > ../asmfrag.sections
expect_contains ../asmfrag.sections " .init "
link_and_run answer ../asmfrag.o ../obj.out
expect_contains ../obj.out "asm answer 42"
expect_contains ../obj.out "init ran before main"
[ -z "$(ls -a .. | grep '\.clifwrap-obj-')" ]
echo "PASS"
