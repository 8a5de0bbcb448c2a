#!/usr/bin/env bash
# Whole builds, Cranelift against LLVM and clifwrap against the same flags by hand, in one run.
# Three workloads: the examples' crate graph (serde, serde_json, regex, futures; crates.io), the
# example workspace (a build script, a proc-macro, a registry crate from Debian) and the x86_64
# example kernel with -Zbuild-std=core,alloc. Four ways, all with the same rustc (the Cranelift
# toolchain of scripts/toolchain.sh, whose default backend is LLVM):
#   plain         cargo build (no backend flags: LLVM)
#   by-hand       RUSTFLAGS=-Zcodegen-backend=cranelift cargo build
#   clifwrap      RUSTC_WRAPPER=clifwrap CLIFWRAP_BACKEND=cranelift cargo build
#   clifwrap-host the same with CLIFWRAP_HOST=backend: build scripts and proc-macros by Cranelift
#                 too, as RUSTFLAGS does by hand (clifwrap's default leaves them to LLVM)
# Per round every workload is built every way in turn (interleaved), from an empty target
# directory, then once more with everything fresh (the no-op rebuild). Last, per library crate of
# the crate graph: the time from rustc's start to its .rmeta notice (what cargo's pipelining waits
# for), direct and through clifwrap (bench/rmeta_notice.py). Prints medians and ratios. A
# benchmark, not a test: nothing here passes or fails on time.
# Goals (DESIGN): clean builds through clifwrap <= 1.02x by hand; no-op rebuilds <= 2 ms more per
# unit; the rmeta notice later by no more than the wrapper's own start-up.
# Usage: bench/whole_build.sh [build-dir] [rounds] [workloads, comma-separated; default all three]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
rounds=${2:-3}
clifwrap=$build/clifwrap
[ -x "$clifwrap" ] || { echo "bench: $clifwrap not found; run scripts/build.sh first" >&2; exit 2; }
toolchain=$("$root/scripts/toolchain.sh" path) || { echo "bench: run scripts/toolchain.sh build first" >&2; exit 2; }
[ "$rounds" -ge 1 ] || { echo "bench: rounds must be at least 1" >&2; exit 2; }

export PATH=/usr/bin:$PATH LC_ALL=C RUSTC=$toolchain/bin/rustc RUSTC_BOOTSTRAP=1
unset RUSTC_WRAPPER RUSTFLAGS CARGO_TARGET_DIR CLIFWRAP_LOG CLIFWRAP_BACKEND CLIFWRAP_FALLBACK CLIFWRAP_HOST
work=$(mktemp -d /tmp/clifwrap-whole-build.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CARGO_HOME=$work/cargo-home
cp -r "$root/examples/crates" "$root/examples/workspace" "$root/examples/kernel-x86_64" "$root/examples/kernel-common" "$work/"

IFS=, read -r -a workloads <<< "${3:-crates,workspace,kernel-x86_64}"
for workload in "${workloads[@]}"; do
  case $workload in crates | workspace | kernel-x86_64) ;; *) echo "bench: unknown workload $workload" >&2; exit 2 ;; esac
done
ways=(plain by-hand clifwrap clifwrap-host)
# The kernel's own rustflags from its .cargo/config.toml: RUSTFLAGS replaces them, so the RUSTFLAGS
# ways repeat them, with a linker (the toolchain has no rust-lld).
kernel_flags="-C link-arg=-T -C link-arg=linker.ld -C relocation-model=static -C linker=/usr/lib/llvm-22/bin/ld.lld"

cargo_build() {  # workload way target-dir log [cargo args...]: one build, its output in $work/last.out
  local workload=$1 way=$2 target_dir=$3 log=$4 args=() flags=""
  shift 4
  [ "$workload" = kernel-x86_64 ] && args=(-Zbuild-std=core,alloc --target x86_64-unknown-none) && flags=$kernel_flags
  (
    cd "$work/$workload"
    case $way in
      plain) RUSTFLAGS=$flags cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
      by-hand) RUSTFLAGS="$flags -Zcodegen-backend=cranelift" cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
      clifwrap) RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift CLIFWRAP_LOG=$log \
        cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
      clifwrap-host) RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift CLIFWRAP_HOST=backend \
        cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
    esac
  ) > "$work/last.out" 2>&1 || { echo "bench: $way build of $workload failed:" >&2; tail -20 "$work/last.out" >&2; exit 1; }
}

timed_build() {  # same arguments -> prints milliseconds
  local start end
  start=$(date +%s%N)
  cargo_build "$@" -q
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
extra_per_unit() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (a - b) / n }'; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Downloads are no part of a build's time: fetch the crate graph's crates.io sources once first.
(cd "$work/crates" && cargo fetch -q)

echo "whole builds, $rounds rounds interleaved, rustc $("$RUSTC" -V | cut -d' ' -f2-), backend cg_clif (real), $(nproc) cores"
declare -A clean noop units
for round in $(seq 1 "$rounds"); do
  for workload in "${workloads[@]}"; do
    for way in "${ways[@]}"; do
      target_dir=$work/target-$workload-$way log=$work/log-$workload-$way-$round
      rm -rf "$target_dir"
      ms=$(timed_build "$workload" "$way" "$target_dir" "$log")
      fresh_ms=$(timed_build "$workload" "$way" "$target_dir" "$work/log-noop")
      clean[$workload,$way]+="$ms " noop[$workload,$way]+="$fresh_ms "
      # Units: the compiles of one clean build, as clifwrap's log counts them.
      if [ "$way" = clifwrap ]; then units[$workload]=$(grep -cE '"kind":"(target|host)"' "$log"); fi
      printf 'round %d  %-13s %-13s clean %6.1f s   no-op %5d ms\n' "$round" "$workload" "$way" "$(div "$ms" 1000)" "$fresh_ms"
    done
  done
done

echo
echo "clean debug builds (medians; below 1 means the first is faster)"
printf '%-13s %9s %9s %9s %13s   %-15s %-16s %s\n' workload "${ways[@]}" "by-hand/plain" "clifwrap/by-hand" "clifwrap-host/by-hand"
for workload in "${workloads[@]}"; do
  declare -A med=()
  for way in "${ways[@]}"; do med[$way]=$(median <<< "${clean[$workload,$way]}"); done
  printf '%-13s %8.1fs %8.1fs %8.1fs %12.1fs   %-15.2f %-16.3f %.3f\n' "$workload" \
    "$(div "${med[plain]}" 1000)" "$(div "${med[by-hand]}" 1000)" "$(div "${med[clifwrap]}" 1000)" \
    "$(div "${med[clifwrap-host]}" 1000)" "$(div "${med[by-hand]}" "${med[plain]}")" \
    "$(div "${med[clifwrap]}" "${med[by-hand]}")" "$(div "${med[clifwrap-host]}" "${med[by-hand]}")"
done

# Paired by round (the ways of one round ran back to back), which a slow round moves less.
echo "paired: median over rounds of each round's clifwrap/by-hand and clifwrap-host/by-hand"
for workload in "${workloads[@]}"; do
  read -r -a by_hand <<< "${clean[$workload,by-hand]}"
  read -r -a wrapped <<< "${clean[$workload,clifwrap]}"
  read -r -a wrapped_host <<< "${clean[$workload,clifwrap-host]}"
  ratios="" host_ratios=""
  for i in "${!by_hand[@]}"; do
    ratios+="$(div "${wrapped[$i]}" "${by_hand[$i]}") " host_ratios+="$(div "${wrapped_host[$i]}" "${by_hand[$i]}") "
  done
  printf '%-13s clifwrap/by-hand %.3f   clifwrap-host/by-hand %.3f\n' "$workload" "$(median <<< "$ratios")" \
    "$(median <<< "$host_ratios")"
done

echo
echo "no-op rebuilds, everything fresh (medians)"
printf '%-13s %6s %9s %9s %9s %18s\n' workload units plain by-hand clifwrap "clifwrap extra/unit"
for workload in "${workloads[@]}"; do
  declare -A med=()
  for way in plain by-hand clifwrap; do med[$way]=$(median <<< "${noop[$workload,$way]}"); done
  printf '%-13s %6d %7.0fms %7.0fms %7.0fms %15.2f ms\n' "$workload" "${units[$workload]}" "${med[plain]}" "${med[by-hand]}" \
    "${med[clifwrap]}" "$(extra_per_unit "${med[clifwrap]}" "${med[by-hand]}" "${units[$workload]}")"
done

echo
echo "time to the .rmeta notice, the crate graph's larger libraries, direct and through clifwrap"
cargo_build crates by-hand "$work/target-crates-rmeta" "" -vv
cp "$work/last.out" "$work/crates-verbose.out"
python3 "$root/bench/rmeta_notice.py" "$clifwrap" "$work/crates-verbose.out" "$work/crates" "$rounds" \
  memchr aho_corasick regex_syntax regex_automata regex serde serde_json futures_util
if [ -x "$build/bench/bench_wrapper_overhead" ]; then
  echo "the wrapper's own start-up, for comparison (bench_wrapper_overhead: clifwrap rustc -vV against rustc -vV):"
  "$build/bench/bench_wrapper_overhead" "$clifwrap" "$RUSTC" 100 | grep "added by clifwrap"
fi
