# A self-built backend dylib is checked before rustc runs: one linked against another
# librustc_driver hash is refused by `doctor` and by wrapper mode with both hashes named; a missing
# one and a missing rustup component are errors that say where clifwrap looked and what to do.
source "$(dirname "$0")/lib.sh"

make_fake_backends "$E2E_SCRATCH/backends"
good=$E2E_SCRATCH/backends/librustc_codegen_cranelift.so
other=$E2E_SCRATCH/backends/other/librustc_codegen_cranelift.so
echo 'pub fn f() {}' > lib.rs

step "doctor accepts a dylib built for this rustc"
CLIFWRAP_BACKEND=$good "$CLIFWRAP" doctor --rustc /usr/bin/rustc | tee doctor-good.out
expect_contains doctor-good.out "ok    backend    cranelift ($good)"

step "doctor refuses a dylib built for another rustc, naming both hashes"
if CLIFWRAP_BACKEND=$other "$CLIFWRAP" doctor --rustc /usr/bin/rustc > doctor-other.out; then
  echo "doctor passed a mismatched backend" >&2; exit 1
fi
cat doctor-other.out
expect_contains doctor-other.out "FAIL  backend"
expect_contains doctor-other.out "librustc_driver-0123456789abcdef.so"
expect_contains doctor-other.out "$DRIVER"

step "wrapper mode refuses it too, before running rustc"
CLIFWRAP_BACKEND=$other run "$CLIFWRAP" /usr/bin/rustc --crate-name lib --crate-type lib lib.rs 2> wrapper-other.err
cat wrapper-other.err
[ "$status" = 1 ]
expect_count wrapper-other.err "clifwrap: error:" 1
expect_contains wrapper-other.err "librustc_driver-0123456789abcdef.so"
expect_contains wrapper-other.err "$DRIVER"
[ ! -e liblib.rlib ]

step "a missing dylib"
if CLIFWRAP_BACKEND=$E2E_SCRATCH/nope/librustc_codegen_cranelift.so "$CLIFWRAP" /usr/bin/rustc --crate-type lib lib.rs 2> missing.err; then
  exit 1
fi
expect_contains missing.err "backend dylib does not exist"

step "no rustup component on Debian's rustc: where clifwrap looked and how to get one"
if CLIFWRAP_BACKEND=cranelift "$CLIFWRAP" /usr/bin/rustc --crate-type lib lib.rs 2> none.err; then exit 1; fi
cat none.err
expect_contains none.err "/usr/lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends"
expect_contains none.err "rustup component add rustc-codegen-cranelift-preview"
CLIFWRAP_BACKEND=cranelift "$CLIFWRAP" doctor --rustc /usr/bin/rustc > doctor-none.out || true
expect_contains doctor-none.out "FAIL  backend"

echo "PASS"
