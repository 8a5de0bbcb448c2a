#!/usr/bin/env bash
# Everything from a fresh machine to a passed test suite: set-up, build, the Cranelift toolchain
# (scripts/toolchain.sh: built once per machine, about 20 minutes on 2 cores; a no-op once it is
# cached), then the tiers through ctest: unit and end-to-end tests with LLVM standing in for
# Cranelift, the real-backend tier (label `real`), and the same code built with clang-22 under
# ASan and UBSan (build-sanitize/): the unit tests again and each libFuzzer target for
# CLIFWRAP_FUZZ_SECONDS (default 60). Last, a check that the run wrote nothing outside its build
# directories and caches. One line per step on the screen; everything else in build/test.log.
# Arguments replace the tiers: they go to both ctest runs (e.g. -R link, or -L real).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/build"
STEPS_LOG=$root/build/test.log
: > "$STEPS_LOG"
source "$root/scripts/steps.sh"
echo "clifwrap tests; log: $STEPS_LOG"

step "setup: Debian packages" "$root/scripts/setup.sh" || exit 1
# Anything under these roots newer than the marker was written by this run (setup's installs are
# older). The work tree's own state is compared before and after.
marker=$root/build/.test-started
touch "$marker"
tree_before=$(git -C "$root" status --porcelain --untracked-files=all 2> /dev/null || true)

step "build: clifwrap (cmake, ninja)" "$root/scripts/build.sh" || exit 1
echo "Cranelift toolchain (the first build takes about 20 minutes on 2 cores; then it is cached):"
"$root/scripts/toolchain.sh" build 2>&1 | tee -a "$STEPS_LOG" | sed 's/^/  /'

failed=()
# tier TITLE BUILD_DIR CTEST_ARGS...: one ctest run, one line with its counts.
tier() {
  local title=$1 dir=$2 summary
  shift 2
  if step "$title" ctest --test-dir "$dir" --output-on-failure -j 2 "$@"; then
    summary=$(grep -E "^[0-9]+% tests passed" "$STEPS_LOG" | tail -n 1 || true)
    echo "  $summary"
  else
    failed+=("$title")
  fi
}

if [ $# -gt 0 ]; then
  tier "tests selected by: $*" "$root/build" "$@"
else
  tier "unit and end-to-end (LLVM standing in)" "$root/build" -LE real
  tier "real backend (cg_clif 1.96)" "$root/build" -L real
fi

sanitize() {
  CC=clang-22 CXX=clang++-22 cmake -S "$root" -B "$root/build-sanitize" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCLIFWRAP_SANITIZE=ON -DCLIFWRAP_FUZZ_SECONDS="${CLIFWRAP_FUZZ_SECONDS:-60}" > /dev/null
  ninja -C "$root/build-sanitize" -j 2
}
if step "build: ASan and UBSan (clang-22)" sanitize; then
  tier "unit and fuzzing under the sanitizers" "$root/build-sanitize" "$@"
else
  failed+=("sanitizer build")
fi

nothing_written_outside() {
  local outside tree_after
  outside=$(find /usr /etc /opt -xdev -newer "$marker" 2> /dev/null | head -n 20)
  tree_after=$(git -C "$root" status --porcelain --untracked-files=all 2> /dev/null || true)
  [ -z "$outside" ] && [ "$tree_before" = "$tree_after" ] && return 0
  [ -z "$outside" ] || printf 'written outside the build and the caches by this run:\n%s\n' "$outside"
  [ "$tree_before" = "$tree_after" ] || diff <(echo "$tree_before") <(echo "$tree_after") | sed 's/^/work tree: /'
  return 1
}
step "nothing written outside build/ and caches" nothing_written_outside || failed+=("nothing written outside")

echo
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  echo "log: $STEPS_LOG"
  steps_total
  exit 1
fi
echo "all tiers passed"
steps_total
