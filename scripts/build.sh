#!/usr/bin/env bash
# Configures and builds clifwrap with CMake and Ninja into build/ (two jobs: the machine has 2 cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
ninja -C "$root/build" -j 2
