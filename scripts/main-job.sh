#!/usr/bin/env bash
# The main job on a fresh machine: set up, build clifwrap and the Cranelift toolchain (rustc 1.96.0
# with cg_clif, scripts/toolchain.sh: once per machine, then cached), build both example kernels
# through `RUSTC_WRAPPER=clifwrap cargo build -Zbuild-std=core,alloc` with the real Cranelift
# backend (x86_64-unknown-none as it is, aarch64-unknown-none with a spec derived for Cranelift;
# both linked by clifwrap-link), boot them in QEMU, show their serial output, and then which
# backend compiled each crate and what clifwrap did per crate and per link. Installs and builds
# write to the log file it names; the screen gets one line per step.
# CLIFWRAP_BACKEND=llvm runs the same pipeline with LLVM standing in.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/main-job
rm -rf "$work"
mkdir -p "$work"
STEPS_LOG=$work/main-job.log
: > "$STEPS_LOG"
source "$root/scripts/steps.sh"
echo "clifwrap main job: two kernels built by cargo through clifwrap with Cranelift, booted in QEMU"
echo "log of installs and builds: $STEPS_LOG"

step "setup: Debian packages" "$root/scripts/setup.sh" || exit 1
step "build: clifwrap (cmake, ninja)" "$root/scripts/build.sh" || exit 1
echo "Cranelift toolchain (the first build takes about 20 minutes on 2 cores; then it is cached):"
"$root/scripts/toolchain.sh" build 2>&1 | tee -a "$STEPS_LOG" | sed 's/^/  /'
export RUSTC
RUSTC=$("$root/scripts/toolchain.sh" path)/bin/rustc
export CLIFWRAP_BACKEND=${CLIFWRAP_BACKEND:-cranelift}
export CLIFWRAP_LOG=$work/clifwrap.log

for kernel in kernel-x86_64 kernel-aarch64; do
  t0=$SECONDS
  echo
  echo "$kernel: cargo build -Zbuild-std=core,alloc through clifwrap (backend $CLIFWRAP_BACKEND), then QEMU; it prints:"
  # The kernel's serial console (stdout) here; cargo's progress (stderr) in the log.
  printf '\n=== %s\n' "$kernel" >> "$STEPS_LOG"
  if ! "$root/examples/run.sh" "$kernel" "$work" 2>> "$STEPS_LOG" | sed 's/^/  | /'; then
    echo "$kernel FAILED; the end of the log:"
    tail -n 40 "$STEPS_LOG" | sed 's/^/  | /'
    echo "full log: $STEPS_LOG"
    exit 1
  fi
  echo "$kernel: built and booted ($(elapsed "$t0"))"
done

echo
echo "Which backend compiled each crate, and what clifwrap did (clifwrap report $CLIFWRAP_LOG):"
echo
"$root/build/clifwrap" report "$CLIFWRAP_LOG"
echo
steps_total
