# doctor and the Cranelift toolchain: with the toolchain's rustc every check passes and
# CLIFWRAP_BACKEND=cranelift is all it takes; with Debian's or rustup's rustc the backend check
# fails, naming both librustc_driver libraries and how to switch to the toolchain.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
export CLIFWRAP_CACHE_DIR=${REAL_TOOLCHAIN%/toolchains/*}  # the cache the toolchain lives in
toolchain_driver=$(basename "$REAL_TOOLCHAIN"/lib/librustc_driver-*.so)

step "the toolchain's rustc: every check passes"
"$CLIFWRAP" doctor --rustc "$RUSTC" --target aarch64-unknown-none > toolchain.out
cat toolchain.out
expect_contains toolchain.out "ok    backend    cranelift (cranelift)"
expect_contains toolchain.out "ok    toolchain  this rustc is clifwrap's Cranelift toolchain, $REAL_TOOLCHAIN"
expect_not_contains toolchain.out "FAIL"

for other in /usr/bin/rustc "$(rustup which rustc 2> /dev/null || true)"; do
  [ -x "$other" ] || continue
  step "$other: the backend check fails and names both librustc_driver libraries"
  sysroot=$("$other" --print sysroot)
  other_driver=$(basename "$(ls "$sysroot"/lib/librustc_driver-*.so "$sysroot"/lib/*/librustc_driver-*.so 2> /dev/null | head -1)")
  run "$CLIFWRAP" doctor --rustc "$other" > other.out
  cat other.out
  [ "$status" = 1 ]
  expect_contains other.out "FAIL  backend"
  expect_contains other.out "$other_driver) cannot load the cached toolchain's backend, which is built for $toolchain_driver"
  expect_contains other.out "RUSTC=$RUSTC cargo"
  expect_contains other.out "note  toolchain  $REAL_TOOLCHAIN is built; use it"
done
echo "PASS"
