# Distributed Cranelift builds through clifwrap with sccache-dist: a local cluster from
# scripts/dist-cluster.sh (scheduler and build server on loopback, ports of the test's own), the
# toolchain package with clifwrap's derived spec for aarch64-unknown-none, and the aarch64 example
# kernel with -Zbuild-std built through CLIFWRAP_WRAPPER=sccache: core, alloc and compiler_builtins
# compiled on the server by Cranelift, every output byte-identical to a local build; then the server
# killed mid-build and the build still right (sccache compiles locally). Skipped (exit 77, ctest's
# SKIP_RETURN_CODE) only where the build server cannot run: not root, or bubblewrap refused.
source "$(dirname "$0")/lib.sh"
use_real_toolchain

if [ "$(id -u)" != 0 ]; then
  echo "SKIP: sccache-dist's build server needs root (its overlay builder); this test runs as $(id -un)"
  exit 77
fi
if ! bwrap --unshare-all --bind / / true 2> bwrap.err; then
  echo "SKIP: bubblewrap cannot make a sandbox here: $(head -1 bwrap.err)"
  exit 77
fi

export CLIFWRAP_DIST_DIR=$E2E_SCRATCH/cluster CLIFWRAP_DIST_PORTS=10611,10512,4238
cluster() { "$CLIFWRAP_SOURCE_DIR/scripts/dist-cluster.sh" "$@"; }
trap 'cluster stop > /dev/null 2>&1 || true' EXIT

step "the cluster: started once, refused twice"
cluster start > start.out
cat start.out
run cluster start 2> again.err
[ "$status" -ne 0 ]
expect_contains again.err "a cluster already runs from $CLIFWRAP_DIST_DIR"
cluster status > status.out
expect_contains status.out '"num_servers":1'

step "the toolchain package: the Cranelift sysroot and the derived spec for aarch64-unknown-none"
CLIFWRAP=$CLIFWRAP cluster package "$RUSTC" aarch64-unknown-none
tar tzf "$CLIFWRAP_DIST_DIR/package.tar.gz" > package.list
grep 'codegen-backends/librustc_codegen_cranelift' package.list > /dev/null
grep '/specs/.*/aarch64-unknown-none.json$' package.list > /dev/null
eval "$(cluster env)"

cp -r "$CLIFWRAP_SOURCE_DIR/examples/kernel-aarch64" "$CLIFWRAP_SOURCE_DIR/examples/kernel-common" .
kernel_build() {  # target-dir log
  (cd kernel-aarch64 && CARGO_INCREMENTAL=0 RUSTC_BOOTSTRAP=1 RUSTC_WRAPPER=$CLIFWRAP CLIFWRAP_LOG=$E2E_SCRATCH/$2 \
    cargo build -q -Zbuild-std=core,alloc --target aarch64-unknown-none --target-dir "$E2E_SCRATCH/$1")
}
# Every rlib and the kernel of a build, byte for byte the same as the local build's.
expect_same_outputs() {  # target-dir
  local file count=0
  for file in target-local/aarch64-unknown-none/debug/deps/*.rlib target-local/aarch64-unknown-none/debug/kernel-aarch64; do
    cmp "$file" "$1/${file#target-local/}"
    count=$((count + 1))
  done
  echo "$count outputs byte-identical to the local build"
}
dist_stat() { cluster stat "$1"; }

step "a local build through clifwrap, without sccache"
(unset CLIFWRAP_WRAPPER && kernel_build target-local local.log)
for crate in core alloc compiler_builtins; do expect_backend local.log "$crate" cranelift; done

step "the same build distributed: the standard library's crates compiled on the build server by Cranelift"
kernel_build target-dist dist.log
for crate in core alloc compiler_builtins; do expect_backend dist.log "$crate" cranelift; done
remote=$(dist_stat dist_compiles)
echo "distributed compiles: $remote, distributed errors: $(dist_stat dist_errors)"
[ "$remote" -ge 3 ] || { echo "expected core, alloc and compiler_builtins on the server" >&2; false; }
[ "$(dist_stat dist_errors)" = 0 ]
expect_same_outputs target-dist

step "the build server killed mid-build: the build goes on locally and is still right"
# A fresh client that compiles again rather than reading the cache.
"$CLIFWRAP_WRAPPER" --stop-server > /dev/null 2>&1 || true
export SCCACHE_RECACHE=1
# The scheduler logs each job's progress ("Job N updated state to Started").
started_before=$(grep -c 'updated state to Started' "$CLIFWRAP_DIST_DIR/logs/scheduler.log" || true)
kernel_build target-killed killed.log &
build=$!
until [ "$(grep -c 'updated state to Started' "$CLIFWRAP_DIST_DIR/logs/scheduler.log" || true)" -gt "$started_before" ]; do
  kill -0 "$build" 2> /dev/null || { echo "the build ended before a job started on the server" >&2; false; }
  sleep 0.1
done
kill -9 "$(cat "$CLIFWRAP_DIST_DIR/server.pid")"
echo "killed the build server after its first job started"
wait "$build"
echo "distributed compiles: $(dist_stat dist_compiles), distributed errors: $(dist_stat dist_errors)"
[ "$(dist_stat dist_errors)" -ge 1 ]
expect_same_outputs target-killed

step "stopped: no process of the cluster left"
cluster stop
run cluster status
[ "$status" -ne 0 ]
if pgrep -f "sccache-dist .*$CLIFWRAP_DIST_DIR" > /dev/null; then
  echo "an sccache-dist of this cluster still runs" >&2
  false
fi
echo "PASS: Cranelift compiles ran on the build server, byte-identical to local ones, and survived its loss"
