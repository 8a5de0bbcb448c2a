# Host units of a cross build (tests/e2e/fixtures/cross-host, -Zbuild-std, a JSON target): the
# libraries that the build script and the proc-macro use reach rustc without --target. They are
# host units, passed through like the build script and proc-macro themselves, while the same
# library built for the target is rewritten. CLIFWRAP_HOST=backend gives all host units the
# backend; a native build (no --target anywhere) has no host libraries.
source "$(dirname "$0")/lib.sh"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/cross-host" crate
mkdir -p crate/.cargo
sed '/^\[build\]/,/^$/d' "$CLIFWRAP_SOURCE_DIR/examples/kernel-x86_64/.cargo/config.toml" > crate/.cargo/config.toml
cd crate
export RUSTC_BOOTSTRAP=1 CLIFWRAP_BACKEND=llvm RUSTC_WRAPPER=$CLIFWRAP
rustc -Zunstable-options --print target-spec-json --target x86_64-unknown-none > x86_64-kernel.json

# The log line of one compile of a crate: host (no --target) or target.
line_of() {  # log crate host|target
  if [ "$3" = host ]; then grep "\"crate\":\"$2\"" "$1" | grep -v '"--target"'; else grep "\"crate\":\"$2\"" "$1" | grep '"--target"'; fi
}

step "cross build: the host's libraries are host units, passed through"
CLIFWRAP_LOG=$E2E_SCRATCH/cross.log cargo build -Zbuild-std=core -Zjson-target-spec --target ./x86_64-kernel.json \
  --target-dir "$E2E_SCRATCH/cross" 2> cross.err || { cat cross.err >&2; exit 1; }
line_of "$E2E_SCRATCH/cross.log" cfg_if host > cfg_if.host
expect_contains cfg_if.host '"kind":"host","verdict":"pass-through","reason":"library for build scripts or proc-macros (host) of a cross build for x86_64-kernel"'
line_of "$E2E_SCRATCH/cross.log" cfg_if target > cfg_if.target
expect_contains cfg_if.target '"kind":"target","verdict":"rewrite"'
grep '"crate":"cross_host_macros"' "$E2E_SCRATCH/cross.log" > macros.line
expect_contains macros.line '"kind":"host","verdict":"pass-through","reason":"proc-macro (host)"'
grep '"crate":"build_script_build"' "$E2E_SCRATCH/cross.log" > build-script.line
expect_contains build-script.line '"kind":"host","verdict":"pass-through","reason":"build script (host)"'
for crate in core cross_host; do
  grep "\"crate\":\"$crate\"" "$E2E_SCRATCH/cross.log" | grep '"kind":"target","verdict":"rewrite"' > /dev/null
done
# No host unit got a backend.
expect_not_contains "$E2E_SCRATCH/cross.log" '"kind":"host","verdict":"rewrite"'

step "CLIFWRAP_HOST=backend: every host unit gets the backend"
CLIFWRAP_HOST=backend CLIFWRAP_LOG=$E2E_SCRATCH/backend.log cargo build -Zbuild-std=core -Zjson-target-spec \
  --target ./x86_64-kernel.json --target-dir "$E2E_SCRATCH/backend" 2> backend.err || { cat backend.err >&2; exit 1; }
line_of "$E2E_SCRATCH/backend.log" cfg_if host > cfg_if.host-backend
expect_contains cfg_if.host-backend '"kind":"host","verdict":"rewrite","reason":"host unit with CLIFWRAP_HOST=backend"'

step "native build: no --target anywhere, the library is a target unit"
cat > src/lib.rs <<'RS'
pub fn answer() -> u32 { cross_host_macros::answer!() }
RS
CLIFWRAP_LOG=$E2E_SCRATCH/native.log cargo build --target-dir "$E2E_SCRATCH/native" 2> native.err || { cat native.err >&2; exit 1; }
expect_count "$E2E_SCRATCH/native.log" '"crate":"cfg_if","target":null,"kind":"target","verdict":"rewrite"' 2
echo "PASS"
