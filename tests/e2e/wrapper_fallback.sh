# Fallback: a crate that cg_clif cannot compile (the double fails `greet` with cg_clif's exact
# variadic error) is rebuilt with LLVM, with one warning and a logged reason. With
# CLIFWRAP_FALLBACK=off the build fails with the original message; `[crate.greet] backend = "llvm"`
# skips the attempt.
source "$(dirname "$0")/lib.sh"

make_fake_backends "$E2E_SCRATCH/backends"
copy_workspace ws
cd ws
export RUSTC=$CLIFWRAP_SOURCE_DIR/tests/e2e/rustc-double.sh
export CLIFWRAP_BACKEND=$E2E_SCRATCH/backends/librustc_codegen_cranelift.so
export DOUBLE_FAIL_CRATE=greet DOUBLE_TRACE=$E2E_SCRATCH/trace
export CLIFWRAP_LOG=$E2E_SCRATCH/build.log

step "the double really fails greet without clifwrap's fallback"
if RUSTFLAGS="-Zcodegen-backend=$CLIFWRAP_BACKEND" RUSTC_BOOTSTRAP=1 LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu \
  cargo build --target-dir "$E2E_SCRATCH/no-wrapper" 2> no-wrapper.err; then
  echo "expected the double to fail greet" >&2; exit 1
fi
expect_contains no-wrapper.err "Defining variadic functions is not yet supported by Cranelift"

step "through clifwrap: greet falls back to LLVM, the build succeeds"
RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/fallback" 2> build.err
cat build.err
expect_count build.err "warning: clifwrap: crate \`greet\` defines C-variadic functions, which Cranelift cannot compile (cg_clif: \"Defining variadic functions is not yet supported by Cranelift\"): rebuilt with LLVM" 1
expect_not_contains build.err "error: Defining variadic functions"
"$E2E_SCRATCH/fallback/debug/hello" | grep "hello, CRANELIFT: 42" > /dev/null
log_lines_for "$CLIFWRAP_LOG" greet > greet.log
expect_contains greet.log '"backend":"llvm","fallback":"defines C-variadic functions"'
log_lines_for "$CLIFWRAP_LOG" itoa > itoa.log
expect_contains itoa.log "\"backend\":\"$CLIFWRAP_BACKEND\",\"fallback\":null"
expect_contains "$DOUBLE_TRACE" "greet $CLIFWRAP_BACKEND"
expect_contains "$DOUBLE_TRACE" "greet llvm"

step "the next compile of an unchanged greet goes to LLVM without a Cranelift attempt; an edit is judged afresh"
touch greet/src/lib.rs  # a new time, the same content: cargo recompiles, the record still holds
: > "$DOUBLE_TRACE"
RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/fallback" 2> again.err
expect_not_contains again.err "rebuilt with LLVM"
expect_contains "$DOUBLE_TRACE" "greet llvm"
expect_not_contains "$DOUBLE_TRACE" "greet $CLIFWRAP_BACKEND"
log_lines_for "$CLIFWRAP_LOG" greet | tail -n 1 > greet-again.log
expect_contains greet-again.log '"fallback":"defines C-variadic functions (remembered)"'
echo "// edited" >> greet/src/lib.rs
: > "$DOUBLE_TRACE"
RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/fallback" 2> edited.err
expect_contains "$DOUBLE_TRACE" "greet $CLIFWRAP_BACKEND"
expect_contains edited.err "rebuilt with LLVM"

step "CLIFWRAP_FALLBACK=off: the original error, the build fails"
if CLIFWRAP_FALLBACK=off RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/off" 2> off.err; then
  echo "expected the build to fail" >&2; exit 1
fi
expect_contains off.err "Defining variadic functions is not yet supported by Cranelift"
expect_not_contains off.err "rebuilt with LLVM"

step "[crate.greet] backend = \"llvm\" skips the Cranelift attempt"
printf '[crate.greet]\nbackend = "llvm"\n' > clifwrap.toml
: > "$DOUBLE_TRACE"
RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/per-crate" 2> per-crate.err
expect_not_contains per-crate.err "warning: clifwrap"
expect_contains "$DOUBLE_TRACE" "greet llvm"
expect_not_contains "$DOUBLE_TRACE" "greet $CLIFWRAP_BACKEND"
expect_contains "$DOUBLE_TRACE" "itoa $CLIFWRAP_BACKEND"

echo "PASS"
