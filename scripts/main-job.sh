#!/usr/bin/env bash
# The main job on a fresh machine: set up, build clifwrap, build the example workspace through
# `RUSTC_WRAPPER=clifwrap cargo build` (linked by clifwrap-link), run its program, and show what
# clifwrap did per crate and per link.
# No Cranelift backend is packaged for Debian, so LLVM stands in unless CLIFWRAP_BACKEND says
# otherwise (a rustup nightly with rustc-codegen-cranelift-preview: CLIFWRAP_BACKEND=cranelift).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"

work=$root/build/main-job
rm -rf "$work"
mkdir -p "$work"
cp -r "$root/examples/workspace" "$work/workspace"

export PATH=/usr/bin:$PATH               # Debian's cargo and rustc before rustup's proxies
export CARGO_HOME=$work/cargo-home
export CLIFWRAP_BACKEND=${CLIFWRAP_BACKEND:-llvm}
export CLIFWRAP_LOG=$work/clifwrap.log
export RUSTC_WRAPPER=$root/build/clifwrap

echo "== cargo build through clifwrap (CLIFWRAP_BACKEND=$CLIFWRAP_BACKEND)"
(cd "$work/workspace" && cargo build --release --target-dir "$work/target")

echo
echo "== the program"
"$work/target/release/hello"

echo
echo "== what clifwrap did (from CLIFWRAP_LOG; probes left out)"
# One JSON object per line; these fields hold no nested objects, so sed can pick them out.
field() { sed -n "s/.*\"$1\":\(null\|\"[^\"]*\"\).*/\1/p" <<< "$2" | tr -d '"'; }
printf '%-26s %-7s %-18s %-8s %-9s %s\n' crate kind verdict backend link fallback
grep -v '"kind":"probe"' "$CLIFWRAP_LOG" | grep -v '"crate":"___"' | while IFS= read -r line; do
  printf '%-26s %-7s %-18s %-8s %-9s %s\n' "$(field crate "$line")" "$(field kind "$line")" \
    "$(field verdict "$line")" "$(field backend "$line")" "$(field link "$line")" "$(field fallback "$line")"
done
