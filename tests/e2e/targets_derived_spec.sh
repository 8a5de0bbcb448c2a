# Derived target specs end to end, offline with Debian's cargo and -Zbuild-std=core,alloc: a no_std
# crate that refuses to build where cargo sees 128-bit atomics builds through clifwrap for
# aarch64-unknown-none and aarch64-unknown-redox and fails without it; a kernel-shaped JSON spec
# gets -elf and a cpu; a derived target without -Zbuild-std is one clear error.
source "$(dirname "$0")/lib.sh"

mkdir -p crate/src crate/.cargo
cat > crate/Cargo.toml <<'TOML'
[package]
name = "atomics"
version = "0.1.0"
edition = "2021"

[lib]
path = "src/lib.rs"
TOML
cat > crate/src/lib.rs <<'RS'
#![no_std]
#[cfg(target_has_atomic = "128")]
compile_error!("cargo sees 128-bit atomics: Cranelift cannot compile them");

use core::sync::atomic::{AtomicU64, Ordering};
pub static COUNTER: AtomicU64 = AtomicU64::new(0);
pub fn bump() -> u64 { COUNTER.fetch_add(1, Ordering::Relaxed) + 1 }
RS
cat > crate/.cargo/config.toml <<'TOML'
[source.crates-io]
replace-with = "rust-library-vendor"
[source.rust-library-vendor]
directory = "/usr/src/rustc-1.96.0/library/vendor"
TOML
cd crate
export CLIFWRAP_BACKEND=llvm
build_std=(-Zbuild-std=core,alloc --offline)

step "without clifwrap, aarch64-unknown-none has 128-bit atomics: the crate refuses to build"
if RUSTC_BOOTSTRAP=1 cargo build "${build_std[@]}" --target aarch64-unknown-none --target-dir "$E2E_SCRATCH/plain" \
  2> plain.err; then
  echo "expected the plain build to fail" >&2; exit 1
fi
expect_contains plain.err "cargo sees 128-bit atomics"

for target in aarch64-unknown-none aarch64-unknown-redox; do
  step "through clifwrap: $target builds with max-atomic-width 64"
  CLIFWRAP_LOG=$E2E_SCRATCH/$target.log RUSTC_WRAPPER=$CLIFWRAP RUSTC_BOOTSTRAP=1 \
    cargo build "${build_std[@]}" --target $target --target-dir "$E2E_SCRATCH/$target"
  ls "$E2E_SCRATCH/$target/$target/debug/libatomics.rlib"
  log=$E2E_SCRATCH/$target.log
  log_lines_for "$log" atomics > unit.log
  expect_contains unit.log "\"spec\":\"$CLIFWRAP_CACHE_DIR/specs/"
  expect_contains unit.log "/$target.json\""
  log_lines_for "$log" core > unit.log
  expect_contains unit.log "/$target.json\""
  # cargo's cfg probe was answered from the derived spec too.
  expect_contains "$log" '"kind":"probe","verdict":"rewrite","reason":"--print probe for a target with a derived spec"'
done
derived=$(ls "$CLIFWRAP_CACHE_DIR"/specs/*/aarch64-unknown-none.json)
grep -q '"max-atomic-width": 64' "$derived"
grep -q '"llvm-target": "aarch64-unknown-none-elf"' "$derived"

step "a kernel-shaped JSON spec: -elf and cpu in a derived copy, the user's file untouched"
cp "$CLIFWRAP_SOURCE_DIR/tests/data/specs-user/x86_64-unknown-kernel.json" kernel.json
before=$(sha256sum kernel.json)
CLIFWRAP_LOG=$E2E_SCRATCH/kernel.log RUSTC_WRAPPER=$CLIFWRAP RUSTC_BOOTSTRAP=1 \
  cargo build "${build_std[@]}" -Zjson-target-spec --target ./kernel.json --target-dir "$E2E_SCRATCH/kernel"
[ "$(sha256sum kernel.json)" = "$before" ]
kernel_spec=$(ls "$CLIFWRAP_CACHE_DIR"/specs/*/kernel.json)
grep -q '"llvm-target": "x86_64-unknown-none-elf"' "$kernel_spec"
grep -q '"cpu": "x86-64"' "$kernel_spec"
log_lines_for "$E2E_SCRATCH/kernel.log" atomics > unit.log
expect_contains unit.log "$kernel_spec"

step "x86_64-unknown-none needs no change in 1.96: its triple is passed as is"
CLIFWRAP_LOG=$E2E_SCRATCH/x86.log RUSTC_WRAPPER=$CLIFWRAP RUSTC_BOOTSTRAP=1 \
  cargo build "${build_std[@]}" --target x86_64-unknown-none --target-dir "$E2E_SCRATCH/x86"
log_lines_for "$E2E_SCRATCH/x86.log" atomics > unit.log
expect_contains unit.log '"spec":null'
expect_contains unit.log '"--target","x86_64-unknown-none"'

step "a derived target without -Zbuild-std is one clear error"
if RUSTC_WRAPPER=$CLIFWRAP cargo build --offline --target aarch64-unknown-none --target-dir "$E2E_SCRATCH/no-build-std" \
  2> no-build-std.err; then
  echo "expected the build to fail" >&2; exit 1
fi
expect_contains no-build-std.err "clifwrap: error: crate atomics: target \`aarch64-unknown-none\` needs a spec derived for Cranelift"
expect_contains no-build-std.err "add -Zbuild-std=core,alloc"

step "the builtin spec was printed once per target: the cache serves every other call"
expect_count "$E2E_SCRATCH/aarch64-unknown-none.log" '"crate":"core"' 1
ls -d "$CLIFWRAP_CACHE_DIR"/specs/* | wc -l | grep -x 4 > /dev/null

echo "PASS"
