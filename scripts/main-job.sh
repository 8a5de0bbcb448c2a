#!/usr/bin/env bash
# The main job on a fresh machine: set up, build clifwrap and the Cranelift toolchain (rustc 1.96.0
# with cg_clif, scripts/toolchain.sh: once per machine, then cached), build both example kernels
# through `RUSTC_WRAPPER=clifwrap cargo build -Zbuild-std=core,alloc` with the real Cranelift
# backend (x86_64-unknown-none as it is, aarch64-unknown-none with a spec derived for Cranelift;
# both linked by clifwrap-link), boot them in QEMU, show their serial output, and then which
# backend compiled each crate and what clifwrap did per crate and per link.
# CLIFWRAP_BACKEND=llvm runs the same pipeline with LLVM standing in.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
echo
echo "== the Cranelift toolchain (the first build takes about 20 minutes on 2 cores; then it is cached)"
"$root/scripts/toolchain.sh" build
export RUSTC
RUSTC=$("$root/scripts/toolchain.sh" path)/bin/rustc

work=$root/build/main-job
rm -rf "$work"
mkdir -p "$work"
export CLIFWRAP_BACKEND=${CLIFWRAP_BACKEND:-cranelift}
export CLIFWRAP_LOG=$work/clifwrap.log

for kernel in kernel-x86_64 kernel-aarch64; do
  echo
  echo "== $kernel: cargo build through clifwrap (CLIFWRAP_BACKEND=$CLIFWRAP_BACKEND), then QEMU"
  # cargo's progress (stderr) and then the kernel's serial console (stdout), in the order they come.
  "$root/examples/run.sh" "$kernel" "$work" 2>&1 | sed "s/^/  | /" ||
    { echo "main job: $kernel failed (its output is above)" >&2; exit 1; }
done

echo
echo "== which backend compiled each crate, and what clifwrap did (clifwrap report $CLIFWRAP_LOG)"
"$root/build/clifwrap" report "$CLIFWRAP_LOG"
