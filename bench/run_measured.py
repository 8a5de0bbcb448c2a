#!/usr/bin/env python3
"""Runs a command and prints its wall time in milliseconds and the peak resident set of the largest
process it ran, in KiB: `<ms> <kib>`. The command's output goes to the file named first.

The peak is getrusage(RUSAGE_CHILDREN).ru_maxrss after the wait: Linux folds each reaped
process's own peak and its children's into its parent's, so for `cargo build` it is the largest
rustc (or cargo itself, when no rustc grew larger). A measurement, not a sum: two rustcs running
side by side count as the larger one.

Usage: run_measured.py OUTPUT-FILE command [args...]   (exit status: the command's)
"""
import resource
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    with open(sys.argv[1], "wb") as output:
        start = time.monotonic_ns()
        status = subprocess.call(sys.argv[2:], stdout=output, stderr=subprocess.STDOUT)
        elapsed_ms = (time.monotonic_ns() - start) // 1_000_000
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(elapsed_ms, peak_kib)
    return status


if __name__ == "__main__":
    sys.exit(main())
