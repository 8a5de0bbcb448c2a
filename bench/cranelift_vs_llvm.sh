#!/usr/bin/env bash
# The figure users pick Cranelift for: a clean debug build, Cranelift against LLVM, in one run.
# Two workloads: the examples' crate graph (serde, serde_json, regex, futures; host) and the x86_64
# example kernel with -Zbuild-std=core,alloc. Three ways, all with the same rustc (the Cranelift
# toolchain of scripts/toolchain.sh, whose default backend is LLVM):
#   llvm-by-hand       cargo build
#   clif-by-hand       RUSTFLAGS=-Zcodegen-backend=cranelift cargo build
#   clif-clifwrap      RUSTC_WRAPPER=clifwrap CLIFWRAP_BACKEND=cranelift cargo build
#   clif-clifwrap-host the same with CLIFWRAP_HOST=backend: build scripts and proc-macros by
#                      Cranelift too, as RUSTFLAGS does by hand (clifwrap's default leaves them)
# Rounds are interleaved (every way once per round, in turn), each build from an empty target
# directory. Prints each way's median wall time and the ratios: Cranelift/LLVM by hand, and
# through clifwrap/by hand (with host units left alone, and with them on Cranelift too). A benchmark, not a test: nothing here passes or fails on time.
# Usage: bench/cranelift_vs_llvm.sh [build-dir] [rounds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
rounds=${2:-3}
clifwrap=$build/clifwrap
[ -x "$clifwrap" ] || { echo "bench: $clifwrap not found; run scripts/build.sh first" >&2; exit 2; }
toolchain=$("$root/scripts/toolchain.sh" path) || { echo "bench: run scripts/toolchain.sh build first" >&2; exit 2; }
[ "$rounds" -ge 1 ] || { echo "bench: rounds must be at least 1" >&2; exit 2; }

export PATH=/usr/bin:$PATH LC_ALL=C RUSTC=$toolchain/bin/rustc RUSTC_BOOTSTRAP=1
unset RUSTC_WRAPPER RUSTFLAGS CARGO_TARGET_DIR CLIFWRAP_LOG CLIFWRAP_BACKEND CLIFWRAP_FALLBACK
work=$(mktemp -d /tmp/clifwrap-cranelift-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export CARGO_HOME=$work/cargo-home
cp -r "$root/examples/crates" "$root/examples/kernel-x86_64" "$root/examples/kernel-common" "$work/"

workloads=(crates kernel-x86_64)
ways=(llvm-by-hand clif-by-hand clif-clifwrap clif-clifwrap-host)
# The kernel's own rustflags from its .cargo/config.toml: RUSTFLAGS replaces them, so the by-hand
# ways repeat them, with a linker (the toolchain has no rust-lld).
kernel_flags="-C link-arg=-T -C link-arg=linker.ld -C relocation-model=static -C linker=/usr/lib/llvm-22/bin/ld.lld"

build_once() {  # workload way -> prints milliseconds
  local workload=$1 way=$2 target_dir=$work/target-$1-$2 args=() flags=""
  rm -rf "$target_dir"
  [ "$workload" = kernel-x86_64 ] && args=(-Zbuild-std=core,alloc --target x86_64-unknown-none) && flags=$kernel_flags
  local start end
  start=$(date +%s%N)
  (
    cd "$work/$workload"
    case $way in
      llvm-by-hand) RUSTFLAGS=$flags cargo build -q "${args[@]}" --target-dir "$target_dir" ;;
      clif-by-hand) RUSTFLAGS="$flags -Zcodegen-backend=cranelift" cargo build -q "${args[@]}" --target-dir "$target_dir" ;;
      clif-clifwrap) RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift CLIFWRAP_LOG=$work/$workload.log \
        cargo build -q "${args[@]}" --target-dir "$target_dir" ;;
      clif-clifwrap-host) RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift CLIFWRAP_HOST=backend \
        cargo build -q "${args[@]}" --target-dir "$target_dir" ;;
    esac
  ) > "$work/$workload-$way.out" 2>&1 || { echo "bench: $way build of $workload failed:" >&2; tail -20 "$work/$workload-$way.out" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Downloads are no part of a build's time: fetch the crate graph's crates.io sources once first.
(cd "$work/crates" && cargo fetch -q)

echo "clean debug builds, $rounds rounds interleaved, rustc $("$RUSTC" -V | cut -d' ' -f2-) on $(nproc) cores"
declare -A times
for round in $(seq 1 "$rounds"); do
  for workload in "${workloads[@]}"; do
    for way in "${ways[@]}"; do
      ms=$(build_once "$workload" "$way")
      times[$workload,$way]+="$ms "
      printf 'round %d  %-14s %-14s %6.1f s\n' "$round" "$workload" "$way" "$(div "$ms" 1000)"
    done
  done
done

echo
printf '%-14s %13s %13s %13s %18s   %-22s %-17s %s\n' workload "${ways[@]}" "cranelift/llvm by hand" \
  "clifwrap/by hand" "clifwrap-host/by hand"
for workload in "${workloads[@]}"; do
  declare -A med=()
  for way in "${ways[@]}"; do med[$way]=$(tr ' ' '\n' <<< "${times[$workload,$way]}" | grep . | median); done
  printf '%-14s %12.1fs %12.1fs %12.1fs %17.1fs   %-22.2f %-17.3f %.3f\n' "$workload" \
    "$(div "${med[llvm-by-hand]}" 1000)" "$(div "${med[clif-by-hand]}" 1000)" "$(div "${med[clif-clifwrap]}" 1000)" \
    "$(div "${med[clif-clifwrap-host]}" 1000)" "$(div "${med[clif-by-hand]}" "${med[llvm-by-hand]}")" \
    "$(div "${med[clif-clifwrap]}" "${med[clif-by-hand]}")" "$(div "${med[clif-clifwrap-host]}" "${med[clif-by-hand]}")"
done
echo "(medians of wall time; below 1 means the first is faster)"
