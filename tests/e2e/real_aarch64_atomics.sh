# aarch64 and 128-bit atomics with the real backend: the builtin aarch64-unknown-none spec declares
# max-atomic-width 128, so a crate that uses the widest atomic gets AtomicU128, and cg_clif fails
# ("128bit atomics not yet supported"). clifwrap's derived spec declares 64: the same crate, with
# core and compiler_builtins, compiles with Cranelift. The by-hand spec is clifwrap's derived one
# with only max-atomic-width put back, so the atomics are the one difference.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/wide-atomics" crate
mkdir -p crate/.cargo
cp "$CLIFWRAP_SOURCE_DIR/examples/kernel-aarch64/.cargo/config.toml" crate/.cargo/config.toml
sed -i '/^\[build\]/,/^$/d' crate/.cargo/config.toml  # only the offline source for -Zbuild-std
cd crate
export RUSTC_BOOTSTRAP=1

step "the derived spec: max-atomic-width 64"
"$CLIFWRAP" target aarch64-unknown-none > ../derived.json 2> ../derived.err
expect_contains ../derived.json '"max-atomic-width": 64'
sed 's/"max-atomic-width": 64/"max-atomic-width": 128/' ../derived.json > ../aarch64-wide.json
expect_contains ../aarch64-wide.json '"max-atomic-width": 128'

step "by hand with 128-bit atomics declared: cg_clif fails"
if RUSTFLAGS="-Zcodegen-backend=cranelift" cargo build -Zjson-target-spec -Zbuild-std=core \
  --target ../aarch64-wide.json --target-dir ../wide 2> ../wide.err; then
  echo "expected cg_clif to fail on 128-bit atomics" >&2; exit 1
fi
grep -m3 "error" ../wide.err
expect_contains ../wide.err "128bit atomics not yet supported"

step "through clifwrap with the triple: compiled by Cranelift"
CLIFWRAP_LOG=$E2E_SCRATCH/build.log RUSTC_WRAPPER=$CLIFWRAP cargo build -Zbuild-std=core \
  --target aarch64-unknown-none --target-dir ../derived 2> ../build.err || { cat ../build.err >&2; exit 1; }
for crate in core compiler_builtins wide_atomics; do expect_backend "$E2E_SCRATCH/build.log" $crate cranelift; done
expect_contains "$E2E_SCRATCH/build.log" '/aarch64-unknown-none.json"'
ls ../derived/aarch64-unknown-none/debug/libwide_atomics.rlib
echo "PASS"
