#!/usr/bin/env python3
"""Time from a rustc call's start to its `.rmeta` artifact notice on stderr (what cargo's
pipelining waits for), and to its exit: each call direct and through clifwrap, alternately.

Reads the `Running` lines of a `cargo build -vv` made with RUSTFLAGS=-Zcodegen-backend=<backend>
(`-vv`: the calls as a user would make them by hand, with cargo's environment). Through clifwrap the
same call runs without that flag, as cargo would hand it to the wrapper. The crates' outputs are
rewritten in place, so run it on a target directory that is already built.

usage: rmeta_notice.py CLIFWRAP CARGO_VERBOSE_OUTPUT WORKSPACE_DIR ROUNDS [CRATE...]
(WORKSPACE_DIR: where cargo ran; cargo runs a member's rustc there, with relative source paths)
"""
import os
import re
import shlex
import statistics
import subprocess
import sys
import time


def calls_from(cargo_output, workspace):
    """(crate, cwd, env, argv) of each library compile that reports artifacts."""
    text = open(cargo_output, encoding="utf-8", errors="replace").read()
    # A command may span lines: a package description with newlines, quoted.
    for m in re.finditer(r"^\s*Running `(.*?)`$", text, re.S | re.M):
        words = shlex.split(m.group(1))
        env = {}
        while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if not words or "--json=diagnostic-rendered-ansi,artifacts,future-incompat" not in words:
            continue
        if "--crate-type" not in words or words[words.index("--crate-type") + 1] != "lib":
            continue
        crate = words[words.index("--crate-name") + 1]
        source = next(w for w in words if w.endswith(".rs"))
        cwd = env["CARGO_MANIFEST_DIR"] if os.path.isabs(source) else workspace
        yield crate, cwd, env, words


def timed(argv, cwd, env):
    """(ms to the rmeta notice, ms to exit); the notice is None when none came."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    notice = None
    for line in proc.stderr:
        if notice is None and b'"$message_type":"artifact"' in line and b'.rmeta"' in line:
            notice = (time.monotonic() - start) * 1000
    status = proc.wait()
    total = (time.monotonic() - start) * 1000
    if status != 0:
        sys.exit(f"rmeta_notice: {argv[0]} failed for {argv[argv.index('--crate-name') + 1]} (exit {status})")
    return notice, total


def main():
    clifwrap, cargo_output, workspace, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    wanted = set(sys.argv[5:])
    rows = []
    for crate, cwd, cargo_env, argv in calls_from(cargo_output, workspace):
        if wanted and crate not in wanted:
            continue
        env = dict(os.environ, **cargo_env)
        backend_flags = [a for a in argv if a.startswith("-Zcodegen-backend")]
        plain = [a for a in argv if not a.startswith("-Zcodegen-backend")]
        direct, wrapped = [], []
        for _ in range(rounds):
            direct.append(timed(argv, cwd, env))
            wrapped.append(timed([clifwrap] + plain, cwd, env))
        if not backend_flags or any(n is None for n, _ in direct + wrapped):
            sys.exit(f"rmeta_notice: no backend flag or no rmeta notice for {crate}")
        rows.append((crate,
                     statistics.median(n for n, _ in direct), statistics.median(n for n, _ in wrapped),
                     statistics.median(t for _, t in direct), statistics.median(t for _, t in wrapped)))
    if not rows:
        sys.exit("rmeta_notice: no library compile found in " + cargo_output)
    print(f"{'crate':24} {'rmeta direct':>13} {'via clifwrap':>13} {'delay':>8} {'share':>6} {'exit direct':>12} {'via clifwrap':>13}")
    for crate, nd, nw, td, tw in rows:
        print(f"{crate:24} {nd:11.1f}ms {nw:11.1f}ms {nw - nd:6.1f}ms {nd / td:6.0%} {td:10.1f}ms {tw:11.1f}ms")
    delays = [nw - nd for _, nd, nw, _, _ in rows]
    print(f"rmeta notice delay through clifwrap: median {statistics.median(delays):.1f} ms, "
          f"max {max(delays):.1f} ms over {len(rows)} crates (medians of {rounds} alternating runs each)")


if __name__ == "__main__":
    main()
