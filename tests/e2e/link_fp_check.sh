# The FP/SIMD check of soft-float kernel links (wrapper mode sets CLIFWRAP_LINK_SOFT_FLOAT=1 when
# the target's spec says soft-float). Code Cranelift cannot be made to plant on purpose in a test
# of this tier, so the planted use is C compiled by clang-22 whose `.comment` is set to the words
# cg_clif writes: that object counts as Cranelift's, the same object with clang's own comment (an
# author's choice, as assembly or LLVM code) does not. x86_64 and aarch64; the real tier checks
# the example kernels compiled by Cranelift.
source "$(dirname "$0")/lib.sh"
LINK=$(dirname "$CLIFWRAP")/clifwrap-link

cat > kernel.c <<'C'
double scale(double x) { return x * 1.5; }
long plain(long x) { return x + 1; }
void _start(void) { scale(2.0); plain(1); for (;;) {} }
C
printf '\0rustc version 1.96.0-nightly with cranelift 0.130.0\0' > cranelift-comment
for arch in x86_64 aarch64; do
  clang-22 --target=$arch-none-elf -O1 -ffunction-sections -fno-pic -c kernel.c -o $arch-llvm.o
  llvm-objcopy-22 --update-section .comment=cranelift-comment $arch-llvm.o $arch-cranelift.o
done

step "a soft-float kernel link with FP registers in Cranelift's code fails, naming the function"
for arch in x86_64 aarch64; do
  run env CLIFWRAP_LINK_TARGET=$arch-unknown-none CLIFWRAP_LINK_SOFT_FLOAT=1 "$LINK" -flavor gnu -static \
    $arch-cranelift.o -o $arch.kernel 2> $arch.err
  cat $arch.err
  [ "$status" = 1 ]
  expect_contains $arch.err "$arch.kernel: FP/SIMD registers in soft-float kernel code compiled by Cranelift, in 1 function:"
  expect_contains $arch.err "    scale: \`"
  expect_not_contains $arch.err "plain"
  [ ! -e $arch.kernel ]
done
expect_contains x86_64.err "xmm"
expect_contains aarch64.err "fmov d"

step "the same code made by LLVM, or a target that is not soft-float: linked"
for arch in x86_64 aarch64; do
  CLIFWRAP_LINK_TARGET=$arch-unknown-none CLIFWRAP_LINK_SOFT_FLOAT=1 "$LINK" -flavor gnu -static $arch-llvm.o -o $arch.llvm
  CLIFWRAP_LINK_TARGET=$arch-unknown-none "$LINK" -flavor gnu -static $arch-cranelift.o -o $arch.hard
  [ -f $arch.llvm ]; [ -f $arch.hard ]
done
[ -z "$(ls -a | grep clifwrap)" ]  # the map and the unfinished output are gone
echo "PASS"
