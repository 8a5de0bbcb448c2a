# The real backend's fallback under cargo's pipelining (tests/e2e/fixtures/fallback-graph): cg_clif
# refuses `isr` (an x86-interrupt handler); `variadic` (a C-variadic definition, which cg_clif as
# shipped refuses) the toolchain compiles (cg_clif-c-variadic-definitions.patch), so its source
# is not searched for it. Without clifwrap the build fails with cg_clif's own error. Through
# clifwrap, `cargo build -j2`, three times from clean: `isr` is rebuilt with LLVM, the warning
# quotes cg_clif, its dependents stay on Cranelift and call into it and into `variadic`, the binary
# prints the right sums. A crate whose x86-interrupt handler comes from another crate's macro is
# not foreseen: its metadata has gone out when the attempt fails, so the build stops with
# clifwrap's error, and the next build compiles it with LLVM at once (remembered).
source "$(dirname "$0")/lib.sh"
use_real_toolchain
export CLIFWRAP_FALLBACK=llvm
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/fallback-graph" graph
cd graph

step "cg_clif by hand refuses isr and compiles variadic"
if RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -p isr --target-dir "$E2E_SCRATCH/by-hand" 2> isr.err; then
  echo "expected cg_clif to refuse isr" >&2; exit 1
fi
expect_contains isr.err "is not yet implemented"
RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -p variadic --target-dir "$E2E_SCRATCH/by-hand" 2> variadic.err ||
  { cat variadic.err >&2; exit 1; }

for round in 1 2 3; do
  step "round $round through clifwrap, cargo build -j2 from clean: isr falls back, its dependents stay on Cranelift"
  log=$E2E_SCRATCH/build-$round.log
  CLIFWRAP_CACHE_DIR=$E2E_SCRATCH/cache-$round CLIFWRAP_LOG=$log RUSTC_WRAPPER=$CLIFWRAP \
    cargo build -j2 -p app --target-dir "$E2E_SCRATCH/target-$round" 2> build.err || { cat build.err >&2; exit 1; }
  expect_count build.err 'warning: clifwrap: crate `isr` uses a calling convention Cranelift lacks (e.g. extern "x86-interrupt"), which Cranelift cannot compile (cg_clif: "call conv {c:?} is not yet implemented"): rebuilt with LLVM' 1
  expect_not_contains build.err "error"
  expect_backend "$log" isr llvm
  for crate in variadic mid other app; do expect_backend "$log" $crate cranelift; done
  # Foreseen from its sources: its metadata reached cargo only from the LLVM rebuild.
  expect_contains "$log" 'its metadata waits for the Cranelift attempt: '
  expect_not_contains "$log" 'a C-variadic definition'
  grep '"crate":"isr"' "$log" | grep 'isr/src/lib.rs:14: an interrupt ABI' > /dev/null
  "$E2E_SCRATCH/target-$round/debug/app" > app.out
  expect_contains app.out "fallback graph: 84 6"
  "$CLIFWRAP" report "$log" > report.out
  expect_contains report.out 'compiled by Cranelift: 4; fell back to LLVM: 1 (uses a calling convention Cranelift lacks (e.g. extern "x86-interrupt"): 1)'
done

step "not foreseen: the build stops with clifwrap's error, and the next one succeeds"
export CLIFWRAP_CACHE_DIR=$E2E_SCRATCH/cache-hidden CLIFWRAP_LOG=$E2E_SCRATCH/hidden.log
run env RUSTC_WRAPPER="$CLIFWRAP" cargo build -j2 -p hidden-app --target-dir "$E2E_SCRATCH/target-hidden" 2> hidden.err
cat hidden.err
[ "$status" != 0 ]
expect_contains hidden.err 'error: clifwrap: crate `hidden` uses a calling convention Cranelift lacks (e.g. extern "x86-interrupt"), which Cranelift cannot compile (cg_clif: "call conv {c:?} is not yet implemented"), and cargo already has its metadata'
expect_contains hidden.err "run the build again"
RUSTC_WRAPPER=$CLIFWRAP cargo build -j2 -p hidden-app --target-dir "$E2E_SCRATCH/target-hidden" 2> hidden-again.err ||
  { cat hidden-again.err >&2; exit 1; }
# Remembered, with its sources and the backend unchanged: LLVM at once, no doomed attempt.
expect_not_contains hidden-again.err 'warning: clifwrap: crate `hidden`'
grep '"crate":"hidden"' "$CLIFWRAP_LOG" | tail -1 > hidden.last
expect_contains hidden.last 'LLVM without a Cranelift attempt: the crate uses a calling convention Cranelift lacks'
expect_contains hidden.last '(remembered)"'
expect_contains hidden.last '"backend":"llvm"'
"$E2E_SCRATCH/target-hidden/debug/hidden-app" > hidden.out
expect_contains hidden.out "hidden: 7"

step "CLIFWRAP_FALLBACK=off: cg_clif's error, the build fails"
if CLIFWRAP_FALLBACK=off RUSTC_WRAPPER=$CLIFWRAP cargo build -p isr --target-dir "$E2E_SCRATCH/off" 2> off.err; then
  echo "expected the build to fail" >&2; exit 1
fi
expect_contains off.err "is not yet implemented"
expect_not_contains off.err "rebuilt with LLVM"
echo "PASS"
