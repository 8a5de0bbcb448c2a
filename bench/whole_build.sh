#!/usr/bin/env bash
# Whole builds, Cranelift against LLVM and clifwrap against the same flags by hand, in one run.
# Workloads:
#   crates         the examples' crate graph (serde, serde_json, regex, futures; crates.io)
#   workspace      the example workspace (a build script, a proc-macro, a registry crate from Debian)
#   kernel-x86_64  the x86_64 example kernel with -Zbuild-std=core,alloc
#   relibc         the relibc recipe's lines over the relibc-shaped example (crt0/crti/crtn by
#                  --emit obj, librelibc.a by --emit link, -Zbuild-std, release: the recipe's own)
#   recipe         the redox-recipe fixture as cookbook_cargo and cookbook_cargo_packages build it
#                  (release, redoxer's target RUSTFLAGS) against a toolchain directory from
#                  `clifwrap redox-toolchain` (made once, untimed; its std compiled by Cranelift)
# Profiles: debug and release (cargo's dev and --release); the two cookbook workloads are release
# only, as the cookbook builds. Ways, all with the same rustc (the Cranelift toolchain of
# scripts/toolchain.sh, whose default backend is LLVM):
#   plain         cargo build (no backend flags: LLVM; for the recipe, the directory's rustc-real)
#   by-hand       RUSTFLAGS=-Zcodegen-backend=cranelift cargo build (the first three workloads)
#   clifwrap      RUSTC_WRAPPER=clifwrap CLIFWRAP_BACKEND=cranelift cargo build (for the recipe,
#                 the directory's bin/rustc: clifwrap's rustc face)
#   clifwrap-host the same with CLIFWRAP_HOST=backend: build scripts and proc-macros by Cranelift
#                 too, as RUSTFLAGS does by hand (clifwrap's default leaves them to LLVM)
#   clifwrap-cgu1 clifwrap with one codegen unit per crate (not in the defaults: name it in WAYS)
# Per round every workload and profile is built every way in turn (interleaved), from an empty
# target directory, then once more with everything fresh (the no-op rebuild). Each build's peak
# memory is the largest resident set of any of its processes (bench/run_measured.py). Last, per
# library crate of the crate graph: the time from rustc's start to its .rmeta notice (what cargo's
# pipelining waits for), direct and through clifwrap (bench/rmeta_notice.py), and the crate graph's
# program run on a larger input, as built by each backend and profile (the run-time price).
# Prints medians and ratios. A benchmark, not a test: nothing here passes or fails on time.
# Goals (DESIGN, and the speed targets): clean builds through clifwrap <= 1.02x by hand; no-op rebuilds
# <= 2 ms more per unit; a clean debug build through clifwrap <= 0.70x LLVM, release <= 0.40x.
# Usage: bench/whole_build.sh [build-dir] [rounds] [workloads] [profiles] [ways]  (lists comma-separated)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

source "$root/bench/workloads.sh"

bench_build_dir "${1:-}"
rounds=${2:-3}
[ "$rounds" -ge 1 ] || { echo "bench: rounds must be at least 1" >&2; exit 2; }
IFS=, read -r -a workloads <<< "${3:-crates,workspace,kernel-x86_64,relibc,recipe}"
IFS=, read -r -a profiles <<< "${4:-debug,release}"
IFS=, read -r -a chosen_ways <<< "${5:-plain,by-hand,clifwrap,clifwrap-host}"
for workload in "${workloads[@]}"; do
  case $workload in crates | workspace | kernel-x86_64 | relibc | recipe) ;; *) echo "bench: unknown workload $workload" >&2; exit 2 ;; esac
done
for profile in "${profiles[@]}"; do
  case $profile in debug | release) ;; *) echo "bench: unknown profile $profile (debug, release)" >&2; exit 2 ;; esac
done
for way in "${chosen_ways[@]}"; do
  case $way in plain | by-hand | clifwrap | clifwrap-host | clifwrap-cgu1) ;; *) echo "bench: unknown way $way" >&2; exit 2 ;; esac
done

bench_environment

# The ways a workload is built, of those asked for, and its profiles.
ways_of() {
  local way
  for way in "${chosen_ways[@]}"; do
    case $1,$way in relibc,by-hand | relibc,clifwrap-host | recipe,by-hand | recipe,clifwrap-host) ;; *) echo "$way" ;; esac
  done
}
profiles_of() {
  local profile
  for profile in "${profiles[@]}"; do
    case $1,$profile in relibc,debug | recipe,debug) ;; *) echo "$profile" ;; esac
  done
}

measured_build() {  # workload way profile target-dir log [cargo options...] -> prints "ms kib"
  python3 "$root/bench/run_measured.py" "$work/last.out" bash "$root/bench/workloads.sh" one_build "$@" -q ||
    { echo "bench: $2 $3 build of $1 failed:" >&2; tail -20 "$work/last.out" >&2; exit 1; }
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
extra_per_unit() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.2f", (a - b) / n }'; }
# A median of the named series, or "–" when the way was not run.
median_of() { if [ -n "${1:-}" ]; then median <<< "$1"; else echo -; fi; }
seconds() { if [ "$1" = - ]; then echo "–"; else printf '%.1fs' "$(div "$1" 1000)"; fi; }
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo "–"; else printf '%.3f' "$(div "$1" "$2")"; fi; }

if printf '%s\n' "${workloads[@]}" | grep -x recipe > /dev/null; then
  echo "the recipe's toolchain directory (untimed): relibc's recipe, clifwrap redox-toolchain, a libc.so"
  bash "$root/bench/workloads.sh" recipe_prefix > "$work/setup.out" 2>&1 ||
    { echo "bench: setting up the recipe's toolchain directory failed:" >&2; tail -20 "$work/setup.out" >&2; exit 1; }
fi

echo "whole builds, $rounds rounds interleaved, rustc $("$RUSTC" -V | cut -d' ' -f2-), backend cg_clif (real), $(nproc) cores"
declare -A clean noop peak units
for round in $(seq 1 "$rounds"); do
  for workload in "${workloads[@]}"; do
    for profile in $(profiles_of "$workload"); do
      for way in $(ways_of "$workload"); do
        key=$workload,$profile,$way target_dir=$work/target-$workload-$profile-$way log=$work/log-$key-$round
        rm -rf "$target_dir"
        measured_build "$workload" "$way" "$profile" "$target_dir" "$log" > "$work/measured"
        read -r ms kib < "$work/measured"
        clean[$key]+="$ms " peak[$key]+="$kib "
        fresh=""
        case $workload in
          relibc | recipe) ;; # the recipe's lines start from a copy: no no-op rebuild to time
          *)
            measured_build "$workload" "$way" "$profile" "$target_dir" "$work/log-noop" > "$work/measured"
            read -r fresh _ < "$work/measured"
            noop[$key]+="$fresh "
            ;;
        esac
        # Units: the compiles of one clean build, as clifwrap's log counts them.
        if [ "$way" = clifwrap ]; then units[$workload,$profile]=$(grep -cE '"kind":"(target|host)"' "$log"); fi
        printf 'round %d  %-13s %-7s %-13s clean %6.1f s  peak %5d MiB%s\n' "$round" "$workload" "$profile" "$way" \
          "$(div "$ms" 1000)" $((kib / 1024)) "${fresh:+   no-op $fresh ms}"
      done
    done
  done
done

echo
echo "clean builds (medians; below 1 means the first is faster; – where a way does not apply)"
printf '%-13s %-7s %9s %9s %9s %13s   %-14s %-16s %-21s %s\n' workload profile plain by-hand clifwrap clifwrap-host \
  by-hand/plain clifwrap/by-hand clifwrap-host/by-hand clifwrap/plain
for workload in "${workloads[@]}"; do
  for profile in $(profiles_of "$workload"); do
    declare -A med=()
    for way in plain by-hand clifwrap clifwrap-host; do med[$way]=$(median_of "${clean[$workload,$profile,$way]:-}"); done
    printf '%-13s %-7s %9s %9s %9s %13s   %-14s %-16s %-21s %s\n' "$workload" "$profile" \
      "$(seconds "${med[plain]}")" "$(seconds "${med[by-hand]}")" "$(seconds "${med[clifwrap]}")" \
      "$(seconds "${med[clifwrap-host]}")" "$(ratio "${med[by-hand]}" "${med[plain]}")" \
      "$(ratio "${med[clifwrap]}" "${med[by-hand]}")" "$(ratio "${med[clifwrap-host]}" "${med[by-hand]}")" \
      "$(ratio "${med[clifwrap]}" "${med[plain]}")"
  done
done
if printf '%s\n' "${chosen_ways[@]}" | grep -x clifwrap-cgu1 > /dev/null; then
  echo "one codegen unit: clifwrap-cgu1/clifwrap"
  for workload in "${workloads[@]}"; do
    for profile in $(profiles_of "$workload"); do
      printf '  %-13s %-7s %s\n' "$workload" "$profile" "$(ratio "$(median_of "${clean[$workload,$profile,clifwrap-cgu1]:-}")" \
        "$(median_of "${clean[$workload,$profile,clifwrap]:-}")")"
    done
  done
fi

# Paired by round (the ways of one round ran back to back), which a slow round moves less.
echo "paired: median over rounds of each round's clifwrap/plain and clifwrap/by-hand"
for workload in "${workloads[@]}"; do
  for profile in $(profiles_of "$workload"); do
    read -r -a plain_ms <<< "${clean[$workload,$profile,plain]:-}"
    read -r -a by_hand <<< "${clean[$workload,$profile,by-hand]:-}"
    read -r -a wrapped <<< "${clean[$workload,$profile,clifwrap]:-}"
    [ "${#wrapped[@]}" -gt 0 ] || continue
    vs_plain="" vs_hand=""
    for i in "${!wrapped[@]}"; do
      if [ "${#plain_ms[@]}" -gt 0 ]; then vs_plain+="$(div "${wrapped[$i]}" "${plain_ms[$i]}") "; fi
      if [ "${#by_hand[@]}" -gt 0 ]; then vs_hand+="$(div "${wrapped[$i]}" "${by_hand[$i]}") "; fi
    done
    printf '%-13s %-7s clifwrap/plain %s   clifwrap/by-hand %s\n' "$workload" "$profile" \
      "$(ratio "$(median_of "$vs_plain")" 1)" "$(ratio "$(median_of "$vs_hand")" 1)"
  done
done

echo
echo "peak memory: the largest resident set of any process of a clean build (medians, MiB)"
printf '%-13s %-7s %9s %9s %9s %13s\n' workload profile plain by-hand clifwrap clifwrap-host
for workload in "${workloads[@]}"; do
  for profile in $(profiles_of "$workload"); do
    row=()
    for way in plain by-hand clifwrap clifwrap-host; do
      kib=$(median_of "${peak[$workload,$profile,$way]:-}")
      if [ "$kib" = - ]; then row+=("–"); else row+=("$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')"); fi
    done
    printf '%-13s %-7s %9s %9s %9s %13s\n' "$workload" "$profile" "${row[@]}"
  done
done

echo
echo "no-op rebuilds, everything fresh (medians)"
printf '%-13s %-7s %6s %9s %9s %9s %18s\n' workload profile units plain by-hand clifwrap "clifwrap extra/unit"
for workload in "${workloads[@]}"; do
  case $workload in relibc | recipe) continue ;; esac
  for profile in $(profiles_of "$workload"); do
    declare -A med=()
    for way in plain by-hand clifwrap; do med[$way]=$(median_of "${noop[$workload,$profile,$way]:-}"); done
    [ "${med[clifwrap]}" != - ] && [ "${med[by-hand]}" != - ] || continue
    printf '%-13s %-7s %6d %7.0fms %7.0fms %7.0fms %15.2f ms\n' "$workload" "$profile" "${units[$workload,$profile]}" \
      "${med[plain]}" "${med[by-hand]}" "${med[clifwrap]}" \
      "$(extra_per_unit "${med[clifwrap]}" "${med[by-hand]}" "${units[$workload,$profile]}")"
  done
done

if printf '%s\n' "${workloads[@]}" | grep -x crates > /dev/null; then
  echo
  echo "the crate graph's program on a larger input (examples/crates with an argument), as each build made it"
  for profile in "${profiles[@]}"; do
    for way in plain clifwrap; do
      program=$work/target-crates-$profile-$way/$([ "$profile" = release ] && echo release || echo debug)/crates-demo
      [ -x "$program" ] || continue
      runs=""
      for _ in 1 2 3; do
        start=$(date +%s%N)
        "$program" 20000 > "$work/run.out"
        runs+="$((($(date +%s%N) - start) / 1000000)) "
      done
      printf '  %-7s %-9s %6d ms   %s\n' "$profile" "$way" "$(median <<< "$runs")" "$(cat "$work/run.out")"
    done
  done
  if printf '%s\n' "${profiles[@]}" | grep -x debug > /dev/null && printf '%s\n' "${chosen_ways[@]}" | grep -x by-hand > /dev/null; then
    echo
    echo "time to the .rmeta notice, the crate graph's larger libraries, direct and through clifwrap"
    (cd "$work/crates" && RUSTFLAGS=-Zcodegen-backend=cranelift cargo build --target-dir "$work/target-crates-rmeta" -vv) \
      > "$work/crates-verbose.out" 2>&1
    python3 "$root/bench/rmeta_notice.py" "$clifwrap" "$work/crates-verbose.out" "$work/crates" "$rounds" \
      memchr aho_corasick regex_syntax regex_automata regex serde serde_json futures_util
  fi
fi
if [ -x "$build/bench/bench_wrapper_overhead" ]; then
  echo "the wrapper's own cost, for comparison (bench_wrapper_overhead, 100 runs each):"
  "$build/bench/bench_wrapper_overhead" "$clifwrap" "$RUSTC" 100 | grep added
fi
