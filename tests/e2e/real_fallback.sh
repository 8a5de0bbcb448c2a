# The real backend's fallback: cg_clif refuses `variadic` (a C-variadic definition) and `symop` (a
# `sym` operand in asm!). Without clifwrap the build fails with cg_clif's own errors; through
# clifwrap both crates are rebuilt with LLVM, the warning quotes cg_clif, and the crates that
# depend on them stay on Cranelift and call into them; the binary prints the right sum.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
export CLIFWRAP_FALLBACK=llvm
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/fallback-graph" graph
cd graph

step "cg_clif by hand refuses both crates"
for crate in variadic symop; do
  if RUSTFLAGS=-Zcodegen-backend=cranelift cargo build -p $crate --target-dir "$E2E_SCRATCH/by-hand" 2> $crate.err; then
    echo "expected cg_clif to refuse $crate" >&2; exit 1
  fi
done
expect_contains variadic.err "Defining variadic functions is not yet supported by Cranelift"
expect_contains symop.err "asm! and global_asm! sym operands are not yet supported"

step "through clifwrap: both fall back, their dependents stay on Cranelift, the binary runs"
CLIFWRAP_LOG=$E2E_SCRATCH/build.log RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/target" 2> build.err \
  || { cat build.err >&2; exit 1; }
cat build.err
expect_count build.err 'warning: clifwrap: crate `variadic` defines C-variadic functions, which Cranelift cannot compile (cg_clif: "Defining variadic functions is not yet supported by Cranelift"): rebuilt with LLVM' 1
expect_count build.err 'warning: clifwrap: crate `symop` uses sym operands in asm, which Cranelift cannot compile (cg_clif: "asm! and global_asm! sym operands are not yet supported"): rebuilt with LLVM' 1
expect_backend "$E2E_SCRATCH/build.log" variadic llvm
expect_backend "$E2E_SCRATCH/build.log" symop llvm
expect_backend "$E2E_SCRATCH/build.log" mid cranelift
expect_backend "$E2E_SCRATCH/build.log" app cranelift
"$E2E_SCRATCH/target/debug/app" > app.out
expect_contains app.out "fallback graph: 84"

step "CLIFWRAP_FALLBACK=off: cg_clif's error, the build fails"
if CLIFWRAP_FALLBACK=off RUSTC_WRAPPER=$CLIFWRAP cargo build -p variadic --target-dir "$E2E_SCRATCH/off" 2> off.err; then
  echo "expected the build to fail" >&2; exit 1
fi
expect_contains off.err "Defining variadic functions is not yet supported by Cranelift"
expect_not_contains off.err "rebuilt with LLVM"
echo "PASS"
