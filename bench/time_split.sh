#!/usr/bin/env bash
# Where the time of a clean build goes, per unit and backend: each workload built once by LLVM
# (plain) and once by Cranelift for every unit (by-hand, RUSTFLAGS=-Zcodegen-backend=cranelift), in
# each profile, at -j1 with rustc's -Ztime-passes (each call named by bench/unit_name.sh), summed by
# bench/time_split.py into frontend, codegen and link. The frontend is the same work for both backends: its share of LLVM's total is
# the floor no backend can go below at -j1 (with 2 cores, codegen also overlaps other units'
# frontends). docs/performance.md has the figures. A measurement, not a test.
# Usage: bench/time_split.sh [build-dir] [workloads: crates,kernel-x86_64,workspace] [profiles: debug,release]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/workloads.sh"

bench_build_dir "${1:-}"
IFS=, read -r -a workloads <<< "${2:-crates,kernel-x86_64}"
IFS=, read -r -a profiles <<< "${3:-debug,release}"
for workload in "${workloads[@]}"; do
  case $workload in crates | workspace | kernel-x86_64) ;; *) echo "bench: unknown workload $workload (crates, workspace, kernel-x86_64)" >&2; exit 2 ;; esac
done
for profile in "${profiles[@]}"; do
  case $profile in debug | release) ;; *) echo "bench: unknown profile $profile (debug, release)" >&2; exit 2 ;; esac
done
bench_environment

echo "where the time goes: clean builds at -j1 with -Ztime-passes, rustc $("$RUSTC" -V | cut -d' ' -f2-)"
for workload in "${workloads[@]}"; do
  for profile in "${profiles[@]}"; do
    for way in plain by-hand; do
      out=$work/split-$workload-$profile-$way
      RUSTC_WRAPPER=$root/bench/unit_name.sh BENCH_RUSTFLAGS=-Ztime-passes bash "$root/bench/workloads.sh" one_build "$workload" "$way" "$profile" \
        "$work/target-split" "" -j1 > "$out" 2>&1 || { echo "bench: $way $profile build of $workload failed:" >&2; tail -20 "$out" >&2; exit 1; }
      rm -rf "$work/target-split"
      backend=$([ "$way" = plain ] && echo LLVM || echo Cranelift)
      python3 "$root/bench/time_split.py" "$workload $profile $backend" "$out"
    done
  done
done
