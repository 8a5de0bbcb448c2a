# The Redox kernel recipe's build line, replayed with the real backend through clifwrap: `cargo rustc
# --bin kernel --target targets/<arch>-unknown-kernel.json --release -Z build-std=core,alloc
# -Zbuild-std-features=compiler-builtins-mem -Z json-target-spec -- -C link-arg=-T ... --emit
# link=<build>/kernel.all`, with a spec shaped like Redox's (llvm-target x86_64-unknown-none without
# -elf or cpu, rust-lld as gnu-lld, code-model kernel, static, soft-float, no max-atomic-width;
# tests/e2e/fixtures/redox-kernel/) and the example kernel in place of Redox's. The flags come from
# the command line only, as the kernel's Makefile passes them. kernel.all boots in QEMU.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
cp -r "$CLIFWRAP_SOURCE_DIR/examples/kernel-x86_64" kernel
cp -r "$CLIFWRAP_SOURCE_DIR/examples/kernel-common" kernel-common
mkdir -p kernel/targets build
cp "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/redox-kernel/x86_64-unknown-kernel.json" kernel/targets/
# The example's own rustflags would repeat the Makefile's -T; its vendored library sources stay.
python3 - kernel/.cargo/config.toml <<'PY'
import re, sys
text = open(sys.argv[1]).read()
open(sys.argv[1], "w").write(re.sub(r"\[build\]\nrustflags = .*\n\n", "", text))
PY
expect_not_contains kernel/.cargo/config.toml rustflags

step "cargo rustc --emit link=build/kernel.all, as the kernel's Makefile runs it, through clifwrap"
(
  cd kernel
  RUSTC_WRAPPER=$CLIFWRAP CLIFWRAP_LOG=$E2E_SCRATCH/clifwrap.log cargo rustc -q --bin kernel-x86_64 \
    --target targets/x86_64-unknown-kernel.json --release -Z build-std=core,alloc \
    -Zbuild-std-features=compiler-builtins-mem -Z json-target-spec -- \
    -C link-arg=-T -Clink-arg=linker.ld -C link-arg=-z -Clink-arg=max-page-size=0x1000 \
    --emit link="$E2E_SCRATCH/build/kernel.all"
)
for crate in core alloc compiler_builtins kernel_x86_64; do expect_backend clifwrap.log "$crate" cranelift; done
expect_contains clifwrap.log '"crate":"kernel.all","target":"x86_64-unknown-kernel","kind":"link","verdict":"linked"'
readelf -h build/kernel.all | grep -E 'Type: +EXEC' > /dev/null

step "kernel.all boots"
run timeout 60 qemu-system-x86_64 -M q35 -kernel build/kernel.all -display none -serial stdio \
  -device isa-debug-exit,iobase=0xf4,iosize=0x04 > serial.out
cat serial.out
[ "$status" = 33 ] || { echo "QEMU exit status $status, expected 33 (isa-debug-exit 0x10)" >&2; exit 1; }
while read -r line; do expect_contains serial.out "$line"; done < "$CLIFWRAP_SOURCE_DIR/examples/kernel-x86_64/expected-output.txt"
echo "PASS: the kernel recipe's line, Cranelift for every crate, kernel.all booted"
