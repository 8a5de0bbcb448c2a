#!/usr/bin/env bash
# Everything from a fresh machine to a passed test suite: set-up, build, the Cranelift toolchain
# (scripts/toolchain.sh: built once per machine, about 20 minutes on 2 cores; a no-op once it is
# cached), every unit, end-to-end, example and real-backend test through ctest; then the same code
# built with clang-22 under ASan and UBSan (build-sanitize/): the unit tests again, and each
# libFuzzer target for CLIFWRAP_FUZZ_SECONDS (default 60). Arguments go to both ctest runs
# (e.g. -R link, or -L real for the real-backend tier alone).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
"$root/scripts/toolchain.sh" build
(cd "$root/build" && ctest --output-on-failure -j 2 "$@")

CC=clang-22 CXX=clang++-22 cmake -S "$root" -B "$root/build-sanitize" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCLIFWRAP_SANITIZE=ON -DCLIFWRAP_FUZZ_SECONDS="${CLIFWRAP_FUZZ_SECONDS:-60}" > /dev/null
ninja -C "$root/build-sanitize" -j 2
(cd "$root/build-sanitize" && ctest --output-on-failure -j 2 "$@")
