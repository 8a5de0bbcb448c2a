# A real workspace (lib with build script and registry dependency, proc-macro, bin, tests) through
# RUSTC_WRAPPER=clifwrap with LLVM standing in for Cranelift: same output as the plain build,
# `cargo test` passes, and the log shows every unit with its kind and backend.
source "$(dirname "$0")/lib.sh"

copy_workspace ws
cd ws

step "plain cargo build, the reference"
cargo build -q --target-dir "$E2E_SCRATCH/plain"
"$E2E_SCRATCH/plain/debug/hello" > "$E2E_SCRATCH/plain.out"

step "cargo build through clifwrap"
export CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/build.log
RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/wrapped" 2> "$E2E_SCRATCH/build.err"
"$E2E_SCRATCH/wrapped/debug/hello" > "$E2E_SCRATCH/wrapped.out"

step "the program prints what the plain build prints"
cat "$E2E_SCRATCH/wrapped.out"
diff "$E2E_SCRATCH/plain.out" "$E2E_SCRATCH/wrapped.out"
expect_contains "$E2E_SCRATCH/wrapped.out" "hello, CRANELIFT: 42"

step "the log shows every unit with its kind and backend"
log=$E2E_SCRATCH/build.log
for crate in itoa greet hello; do
  log_lines_for "$log" "$crate" > unit.log
  expect_count unit.log '"kind":"target","verdict":"rewrite"' 1
  expect_contains unit.log '"backend":"llvm"'
  expect_contains unit.log '"-Zcodegen-backend=llvm"'
  expect_contains unit.log '"exit":0'
done
log_lines_for "$log" build_script_build > unit.log
expect_contains unit.log '"kind":"host","verdict":"pass-through","reason":"build script (host)","backend":null'
log_lines_for "$log" greet_macros > unit.log
expect_contains unit.log '"kind":"host","verdict":"pass-through","reason":"proc-macro (host)","backend":null'
expect_contains "$log" '"kind":"probe","verdict":"not-a-compilation","reason":"version query"'
expect_contains "$log" '"kind":"probe","verdict":"not-a-compilation","reason":"--print probe"'
expect_not_contains "$E2E_SCRATCH/build.err" "clifwrap: error"

step "a release build with lto = true: each dropped LTO flag is one warning for the build, every crate logged"
CARGO_PROFILE_RELEASE_LTO=true CLIFWRAP_LOG=$E2E_SCRATCH/lto.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo build -q --release --target-dir "$E2E_SCRATCH/lto" 2> "$E2E_SCRATCH/lto.err"
cat "$E2E_SCRATCH/lto.err"
expect_count "$E2E_SCRATCH/lto.err" 'dropped `-C linker-plugin-lto`: LTO is not supported by Cranelift (said once per build' 1
expect_count "$E2E_SCRATCH/lto.err" 'dropped `-C lto`' 1
for crate in itoa greet; do
  log_lines_for "$E2E_SCRATCH/lto.log" "$crate" > unit.log
  expect_contains unit.log '"dropped":["-C linker-plugin-lto"]'
done
"$E2E_SCRATCH/lto/release/hello" | grep "hello, CRANELIFT: 42" > /dev/null

step "cargo test through clifwrap"
RUSTC_WRAPPER=$CLIFWRAP cargo test --target-dir "$E2E_SCRATCH/wrapped" 2>&1 | tee test.out
expect_contains test.out "test tests::answer_is_generated ... ok"
expect_contains test.out "test result: ok. 2 passed"
grep '"crate":"greet"' "$log" | grep -F '"--test"' | grep -F '"-Zcodegen-backend=llvm"' > /dev/null

step "CLIFWRAP_HOST=backend compiles build scripts and proc-macros with the backend too"
CLIFWRAP_HOST=backend CLIFWRAP_LOG=$E2E_SCRATCH/host.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo build -q --target-dir "$E2E_SCRATCH/host-backend"
log_lines_for "$E2E_SCRATCH/host.log" greet_macros > unit.log
expect_contains unit.log '"kind":"host","verdict":"rewrite"'
"$E2E_SCRATCH/host-backend/debug/hello" | diff "$E2E_SCRATCH/plain.out" -

step "a compile error keeps rustc's diagnostics and exit status"
echo 'pub fn broken() -> u32 { "not a number" }' >> greet/src/lib.rs
if RUSTC_WRAPPER=$CLIFWRAP cargo build --target-dir "$E2E_SCRATCH/wrapped" 2> broken.err; then
  echo "the broken build succeeded" >&2; exit 1
fi
expect_contains broken.err "error[E0308]: mismatched types"
grep '"crate":"greet"' "$log" | tail -1 | grep -F '"exit":1' > /dev/null

echo "PASS"
