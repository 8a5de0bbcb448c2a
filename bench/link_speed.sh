#!/usr/bin/env bash
# The same large link three ways, side by side in one run: clifwrap-link (lld in-process),
# `cc -fuse-ld=lld` (gcc driver + collect2 + ld.lld 22, the same lld) and `cc` (GNU ld.bfd).
# The link is a generated Rust program (std, many functions, debug info, 16 codegen units); its
# objects are kept with -C save-temps and rustc's linker arguments recorded once, then each linker
# runs them RUNS times. Prints the median wall time of each and the ratios to `cc -fuse-ld=lld`.
# Goal (DESIGN.md): clifwrap-link no slower than cc -fuse-ld=lld.
# Usage: bench/link_speed.sh [build-dir] [runs] [functions]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
runs=${2:-7}
functions=${3:-4000}
link="$build/clifwrap-link"
[ -x "$link" ] || { echo "bench: $link not found; run scripts/build.sh first" >&2; exit 2; }
export PATH=/usr/bin:$PATH LC_ALL=C
work=$(mktemp -d /tmp/clifwrap-link-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "generating and compiling a program with $functions functions (once)..."
{
  echo 'use std::collections::HashMap;'
  for i in $(seq 1 "$functions"); do
    echo "#[inline(never)] pub fn f$i(m: &mut HashMap<String, u64>, x: u64) -> String { let k = format!(\"key{}-{}\", $i, x); *m.entry(k.clone()).or_insert(0) += x * $i; format!(\"{k}:{:?}\", m.get(&k)) }"
  done
  echo 'fn main() { let mut m = HashMap::new(); let mut n = 0usize;'
  for i in $(seq 1 "$functions"); do echo "n += f$i(&mut m, $i).len();"; done
  echo 'println!("{n}"); }'
} > big.rs
cat > record <<'REC'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done > "$RECORD_TO"
exec cc "$@"
REC
chmod +x record
RECORD_TO=$work/link.args rustc -C debuginfo=2 -C codegen-units=16 -C save-temps -C linker=./record big.rs -o big
mapfile -t args < link.args
size=$(du -cb $(grep -E '\.o$' link.args) | tail -1 | cut -f1)
echo "link inputs: $((size / 1024 / 1024)) MiB of objects plus the std rlibs"

# cc -fuse-ld=lld runs the ld.lld found through -B: make that lld 22, the one clifwrap-link embeds.
mkdir -p lld22 && ln -sf /usr/lib/llvm-22/bin/ld.lld lld22/ld.lld
strip_fuse() { for a in "${args[@]}"; do case $a in -fuse-ld=*|-B*) ;; *) printf '%s\n' "$a";; esac; done; }
mapfile -t plain_args < <(strip_fuse)

median_ms() {  # command...
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

"$link" "${plain_args[@]}" && ./big > /dev/null  # one warm-up each; the output must run
cc "${plain_args[@]}" -B "$work/lld22" -fuse-ld=lld
cc "${plain_args[@]}" -fuse-ld=bfd

clifwrap=$(median_ms "$link" "${plain_args[@]}")
cc_lld=$(median_ms cc "${plain_args[@]}" -B "$work/lld22" -fuse-ld=lld)
cc_bfd=$(median_ms cc "${plain_args[@]}" -fuse-ld=bfd)
printf '%-26s %8s %10s\n' "linker" "median" "vs cc+lld"
printf '%-26s %6s ms %10s\n' "clifwrap-link (in-process)" "$clifwrap" "$(awk "BEGIN{printf \"%.2f\", $clifwrap/$cc_lld}")"
printf '%-26s %6s ms %10s\n' "cc -fuse-ld=lld (lld 22)" "$cc_lld" "1.00"
printf '%-26s %6s ms %10s\n' "cc (GNU ld.bfd)" "$cc_bfd" "$(awk "BEGIN{printf \"%.2f\", $cc_bfd/$cc_lld}")"
