#!/usr/bin/env bash
# A clean build of the crate graph through clifwrap with the client at -j1, three ways, on a local
# sccache-dist cluster (scripts/dist-cluster.sh, ports of its own, the build server given the cores):
#   local        no sccache
#   sccache      CLIFWRAP_WRAPPER=sccache without a scheduler (every compile a cache miss, local)
#   distributed  CLIFWRAP_WRAPPER=sccache with the cluster (a fresh client cache: misses go remote)
# Prints the times, the share of compiles that ran on the server and the cost per distributed compile
# ((distributed - sccache) / remote compiles: inputs packed, sent, sandboxed, outputs fetched). On
# one machine the server's cores are the client's: this measures the overhead, not the speed-up a
# second machine gives. A benchmark, not a test. Usage: bench/distributed.sh [build-dir] [rounds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/workloads.sh"
bench_build_dir "${1:-}"
rounds=${2:-1}
bench_environment
export CLIFWRAP_DIST_DIR=$work/cluster CLIFWRAP_DIST_PORTS=10621,10522,4248 CLIFWRAP_CACHE_DIR=$work/cache
cluster() { "$root/scripts/dist-cluster.sh" "$@"; }
trap 'cluster stop > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
cluster start > /dev/null
cluster package "$RUSTC" > /dev/null
eval "$(cluster env)"
sccache=$CLIFWRAP_WRAPPER

timed() {  # way -> milliseconds of one clean -j1 build of the crate graph
  local way=$1 start
  rm -rf "$work/target-dist" "$work/cluster/client-cache"
  "$sccache" --stop-server > /dev/null 2>&1 || true
  start=$(date +%s%N)
  (
    cd "$work/crates"
    export RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift CARGO_INCREMENTAL=0
    case $way in
      local) unset CLIFWRAP_WRAPPER ;;
      sccache) SCCACHE_CONF=/dev/null && export SCCACHE_CONF SCCACHE_DIR=$work/cluster/client-cache ;;
    esac
    cargo build -q -j1 --target-dir "$work/target-dist"
  ) > "$work/last.out" 2>&1 || { echo "bench: the $way build failed:" >&2; tail -20 "$work/last.out" >&2; exit 1; }
  echo $((($(date +%s%N) - start) / 1000000))
}

echo "the crate graph through clifwrap at -j1: local, through sccache, distributed ($rounds rounds, $(nproc) cores)"
declare -A ms
for round in $(seq "$rounds"); do
  for way in local sccache distributed; do
    t=$(timed "$way")
    ms[$way]+="$t "
    if [ "$way" = distributed ]; then remote=$(cluster stat dist_compiles) requests=$(cluster stat compile_requests) errors=$(cluster stat dist_errors); fi
    printf 'round %d  %-12s %6.1f s\n' "$round" "$way" "$(awk -v t="$t" 'BEGIN { print t / 1000 }')"
  done
done
local_ms=$(median <<< "${ms[local]}") sccache_ms=$(median <<< "${ms[sccache]}") dist_ms=$(median <<< "${ms[distributed]}")
awk -v l="$local_ms" -v s="$sccache_ms" -v d="$dist_ms" -v r="$remote" -v n="$requests" -v e="$errors" 'BEGIN {
  printf "medians: local %.1f s, sccache %.1f s (%.2fx), distributed %.1f s (%.2fx)\n", l / 1000, s / 1000, s / l, d / 1000, d / l
  printf "last distributed build: %d of %d compile requests ran on the server (%.0f%%), %d failed there\n", r, n, 100 * r / n, e
  if (r > 0) printf "cost per distributed compile: %.0f ms\n", (d - s) / r
}'
