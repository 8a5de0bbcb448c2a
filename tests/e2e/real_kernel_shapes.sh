# What real kernels do, compiled by Cranelift for Redox-shaped kernel specs of both architectures
# (tests/e2e/fixtures/redox-kernel: soft-float, JSON, rust-lld) with the fallback off: entry stubs
# in naked functions and global_asm! naming private functions and statics by `sym`, `int $3` in
# Intel syntax, a neon #[target_feature] function's FP assembly under `-neon,-fp-armv8`,
# compiler_builtins' f128 functions on AArch64's softfloat ABI, and copies that call memcpy with no
# compiler-builtins-mem (tests/e2e/fixtures/kernel-shapes). Every crate by Cranelift, the kernel
# linked through clifwrap-link with its FP/SIMD check passed; then FP planted in the kernel's own
# code is caught, naming the function.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/kernel-shapes" kernel
cp "$CLIFWRAP_SOURCE_DIR"/tests/e2e/fixtures/redox-kernel/*.json kernel/
cd kernel

for arch in x86_64 aarch64; do
  step "$arch: every crate by Cranelift, linked, FP/SIMD check passed"
  log=$E2E_SCRATCH/$arch.log
  CLIFWRAP_LOG=$log RUSTC_WRAPPER=$CLIFWRAP cargo build --release -Zbuild-std=core,alloc -Zjson-target-spec \
    --target $arch-unknown-kernel.json 2> ../$arch.err || { tail -40 ../$arch.err >&2; exit 1; }
  for crate in core alloc compiler_builtins kernel_shapes; do expect_backend "$log" $crate cranelift; done
  grep '"kind":"link"' "$log" > ../$arch.link
  expect_contains ../$arch.link '"verdict":"linked"'
  expect_contains ../$arch.link 'FP/SIMD check'
  binary=target/$arch-unknown-kernel/release/kernel-shapes
  nm "$binary" > ../$arch.symbols
  grep -qE " [TtWw] memcpy$" ../$arch.symbols  # compiler_builtins' mem functions (hidden), turned on by clifwrap
  grep -qE " [Tt] _start$" ../$arch.symbols

  step "$arch: floating point planted in the kernel's code fails the link, naming the function"
  run env CLIFWRAP_LOG=$log RUSTC_WRAPPER=$CLIFWRAP cargo rustc --release -Zbuild-std=core,alloc -Zjson-target-spec \
    --target $arch-unknown-kernel.json -- --cfg planted_fp 2> ../$arch-planted.err
  [ "$status" != 0 ] || { echo "the planted FP use was not caught" >&2; exit 1; }
  expect_contains ../$arch-planted.err "FP/SIMD registers in soft-float kernel code compiled by Cranelift"
  expect_contains ../$arch-planted.err "crate kernel_shapes:"
  expect_contains ../$arch-planted.err "kmain"
done
echo "PASS"
