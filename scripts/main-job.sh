#!/usr/bin/env bash
# The main job on a fresh machine: set up, build clifwrap, build both example kernels through
# `RUSTC_WRAPPER=clifwrap cargo build -Zbuild-std=core,alloc` (x86_64-unknown-none as it is,
# aarch64-unknown-none with a spec derived for Cranelift; both linked by clifwrap-link), boot them in
# QEMU, show their serial output, and then what clifwrap did per crate and per link.
# No Cranelift backend is packaged for Debian, so LLVM stands in unless CLIFWRAP_BACKEND says
# otherwise (a rustup nightly with rustc-codegen-cranelift-preview: CLIFWRAP_BACKEND=cranelift).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"

work=$root/build/main-job
rm -rf "$work"
mkdir -p "$work"
export CLIFWRAP_BACKEND=${CLIFWRAP_BACKEND:-llvm}
export CLIFWRAP_LOG=$work/clifwrap.log

for kernel in kernel-x86_64 kernel-aarch64; do
  echo
  echo "== $kernel: cargo build through clifwrap (CLIFWRAP_BACKEND=$CLIFWRAP_BACKEND), then QEMU"
  # cargo's progress (stderr) and then the kernel's serial console (stdout), in the order they come.
  "$root/examples/run.sh" "$kernel" "$work" 2>&1 | sed "s/^/  | /" ||
    { echo "main job: $kernel failed (its output is above)" >&2; exit 1; }
done

echo
echo "== what clifwrap did (from CLIFWRAP_LOG; probes left out)"
# One JSON object per line; these fields hold no nested objects, so sed can pick them out.
field() { sed -n "s/.*\"$1\":\\(null\\|\"[^\"]*\"\\).*/\\1/p" <<< "$2" | tr -d '"'; }
printf '%-32s %-7s %-12s %-8s %-9s %-48s %s\n' crate kind verdict backend link "spec / link" fallback
grep -v '"kind":"probe"' "$CLIFWRAP_LOG" |
  while IFS= read -r line; do
    detail=$(field spec "$line")
    [ "$(field kind "$line")" = link ] && detail=$(field reason "$line")
    printf '%-32s %-7s %-12s %-8s %-9s %-48s %s\n' "$(field crate "$line")" "$(field kind "$line")" \
      "$(field verdict "$line")" "$(field backend "$line")" "$(field link "$line")" "${detail##*/}" "$(field fallback "$line")"
  done
