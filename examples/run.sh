#!/usr/bin/env bash
# Builds one example through clifwrap and runs it: the kernels boot in QEMU, the programs run here.
# What it prints on stdout is the example's output (serial console, or the program's), which
# examples/<name>/expected-output.txt lists. Cargo's progress goes to stderr.
#   usage: examples/run.sh <kernel-x86_64|kernel-aarch64|userspace|crates> <work dir>
#   CLIFWRAP (default: build/clifwrap), CLIFWRAP_BACKEND (default: llvm, standing in for Cranelift),
#   CLIFWRAP_LOG (default: <work dir>/clifwrap.log) and RUSTC (default: Debian's; the Cranelift
#   toolchain's for the real backend) are passed on.
set -euo pipefail
name=${1:?usage: examples/run.sh <example> <work dir>}
work=$(mkdir -p "${2:?usage: examples/run.sh <example> <work dir>}" && cd "$2" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
clifwrap=${CLIFWRAP:-$root/build/clifwrap}
[ -d "$root/examples/$name" ] || { echo "examples/run.sh: no example named $name" >&2; exit 2; }
[ -x "$clifwrap" ] || { echo "examples/run.sh: $clifwrap not found; run scripts/build.sh" >&2; exit 2; }

rm -rf "$work/$name"
cp -r "$root/examples/$name" "$work/$name"
case $name in kernel-*) rm -rf "$work/kernel-common" && cp -r "$root/examples/kernel-common" "$work/" ;; esac
cd "$work/$name"
export PATH=/usr/bin:$PATH   # Debian's cargo and rustc before rustup's proxies
export CARGO_HOME=$work/cargo-home
export CLIFWRAP_BACKEND=${CLIFWRAP_BACKEND:-llvm}
export CLIFWRAP_LOG=${CLIFWRAP_LOG:-$work/clifwrap.log}
export RUSTC_WRAPPER=$clifwrap

case $name in
  kernel-x86_64)
    RUSTC_BOOTSTRAP=1 cargo build --release -Zbuild-std=core,alloc --target x86_64-unknown-none >&2
    status=0
    timeout 60 qemu-system-x86_64 -M q35 -kernel target/x86_64-unknown-none/release/kernel-x86_64 -display none \
      -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 || status=$?
    [ "$status" = 33 ] || { echo "QEMU exit status $status, expected 33 (isa-debug-exit 0x10)" >&2; exit 1; }
    ;;
  kernel-aarch64)
    RUSTC_BOOTSTRAP=1 cargo build --release -Zbuild-std=core,alloc --target aarch64-unknown-none >&2
    timeout 60 qemu-system-aarch64 -M virt -cpu cortex-a72 -kernel target/aarch64-unknown-none/release/kernel-aarch64 \
      -display none -serial stdio
    ;;
  userspace)
    # relibc's Makefile lines for its C runtime, then its libc; the weak panic handlers of the CRT
    # crates use #![feature(linkage)], as relibc's crt0 does.
    export RUSTC_BOOTSTRAP=1
    for crt in crt0 crti crtn; do
      cargo rustc --release --manifest-path src/$crt/Cargo.toml -- --emit obj="$PWD/target/release/$crt.o" -C panic=abort >&2
    done
    cargo build --release -p relibc >&2
    unset RUSTC_WRAPPER
    "$clifwrap" sysroot --relibc "$PWD" --target x86_64-unknown-linux-gnu --out sysroot >&2
    "$clifwrap" "${RUSTC:-/usr/bin/rustc}" --edition 2021 --crate-name program --crate-type lib -C panic=abort -C opt-level=1 \
      --emit obj=program.o program/main.rs >&2
    # The doubles passed to printf come from C (Cranelift passes no floats to variadic functions),
    # compiled against the sysroot's header.
    gcc -O1 -ffreestanding -fno-builtin -fno-stack-protector -nostdinc -I sysroot/include \
      -c program/doubles.c -o doubles.o >&2
    CLIFWRAP_PROFILE=redox CLIFWRAP_SYSROOT=$PWD/sysroot "$(dirname "$clifwrap")/clifwrap-link" \
      -static -nodefaultlibs -o program/program program.o doubles.o -lc >&2
    status=0
    ./program/program one || status=$?
    echo "exit status $status"
    ;;
  crates)
    cargo build --release >&2
    ./target/release/crates-demo
    ;;
  *)
    echo "examples/run.sh: $name is not a runnable example" >&2
    exit 2
    ;;
esac
