#!/usr/bin/env bash
# Everything from a fresh machine to a passed test suite: set-up, build, then every unit and
# end-to-end test through ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j 2 "$@"
