# CLIFWRAP_WRAPPER=sccache: rustc runs through Debian's sccache, and a second clean build of the
# same workspace is served from its cache.
source "$(dirname "$0")/lib.sh"

export SCCACHE_DIR=$E2E_SCRATCH/sccache SCCACHE_SERVER_PORT=$((20000 + RANDOM % 20000))
export SCCACHE_IDLE_TIMEOUT=0 SCCACHE_LOG=error
trap 'sccache --stop-server >/dev/null 2>&1 || true' EXIT
copy_workspace ws
cd ws
# sccache does not cache incremental compiles.
export CARGO_INCREMENTAL=0
export CLIFWRAP_BACKEND=llvm CLIFWRAP_WRAPPER=sccache CLIFWRAP_LOG=$E2E_SCRATCH/build.log

step "first build fills the cache"
sccache --start-server
RUSTC_WRAPPER=$CLIFWRAP cargo build -q --target-dir "$E2E_SCRATCH/first"
expect_contains "$CLIFWRAP_LOG" '"argv":["sccache","rustc"'
sccache --zero-stats > /dev/null

step "second clean build gets cache hits"
cargo clean -q --target-dir "$E2E_SCRATCH/first"
RUSTC_WRAPPER=$CLIFWRAP cargo build -q --target-dir "$E2E_SCRATCH/first"
sccache --show-stats | tee stats.out
hits=$(awk '/^Cache hits  / {print $3}' stats.out)
echo "cache hits: $hits"
# sccache caches rlibs only (not bins, proc-macros or build scripts): itoa and greet.
[ "${hits:-0}" -ge 2 ]
"$E2E_SCRATCH/first/debug/hello" | grep "hello, CRANELIFT: 42" > /dev/null

echo "PASS"
