#!/usr/bin/env python3
"""Where a build's time goes, from the stderr of `cargo build -j1` with RUSTFLAGS=-Ztime-passes.

At -j1 each rustc's `time:` lines end with its `total` line and follow the `time_split unit: NAME`
line bench/unit_name.sh (the build's RUSTC_WRAPPER) writes, so each block is one unit, named by its
crate. Per unit:
  codegen  codegen_crate + finish_ongoing_codegen: the backend's part (with the monomorphization
           collector, which runs inside codegen_crate, and for LLVM its optimisation passes)
  link     the `link` pass (rlibs and objects written; the linker for binaries)
  frontend the rest of `total`: parsing, expansion, type checking, borrowck, metadata
Prints the sums, each part's share, and the largest units.

Usage: time_split.py LABEL CARGO-STDERR-FILE [largest units to list, default 5]
"""
import re
import sys

TIME = re.compile(r"^time:\s+([0-9.]+);.*\t(.+)$")


def units(lines):
    package, parts = "?", {}  # the crate of the block being read
    for line in lines:
        if line.startswith("time_split unit: "):
            package = line.split(": ", 1)[1].strip()
            continue
        match = TIME.match(line)
        if not match:
            continue
        seconds, name = float(match.group(1)), match.group(2).strip()
        if name in ("codegen_crate", "finish_ongoing_codegen", "link"):
            parts[name] = parts.get(name, 0.0) + seconds
        if name == "total":
            codegen = parts.get("codegen_crate", 0.0) + parts.get("finish_ongoing_codegen", 0.0)
            link = parts.get("link", 0.0)
            yield package, seconds, max(seconds - codegen - link, 0.0), codegen, link
            parts = {}


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    label, largest = sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with open(sys.argv[2], errors="replace") as stderr:
        found = list(units(stderr))
    if not found:
        print(f"time_split: no -Ztime-passes output in {sys.argv[2]}", file=sys.stderr)
        return 1
    total = sum(u[1] for u in found)
    frontend, codegen, link = (sum(u[i] for u in found) for i in (2, 3, 4))
    print(f"{label:<34} {len(found):3d} units  total {total:7.1f} s   frontend {frontend:6.1f} s "
          f"({frontend / total:4.0%})   codegen {codegen:6.1f} s ({codegen / total:4.0%})   "
          f"link {link:5.1f} s ({link / total:4.0%})")
    for package, seconds, front, code, lnk in sorted(found, key=lambda u: -u[1])[:largest]:
        print(f"    {package:<28} {seconds:6.2f} s   frontend {front:6.2f}   codegen {code:6.2f}   link {lnk:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
