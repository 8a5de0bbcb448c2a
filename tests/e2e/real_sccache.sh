# CLIFWRAP_WRAPPER=sccache with the real backend: a second clean build served from sccache's cache
# gives the same archives, objects and binaries as the first, including where clifwrap changes
# cg_clif's outputs after rustc (a staticlib's .asm.o member folded into its unit; `--emit
# obj=PATH` merged from the unit objects). sccache knows only the outputs rustc declares, so on a
# hit it restores the unfolded archive and clifwrap's post-step must run again.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
export SCCACHE_DIR=$E2E_SCRATCH/sccache SCCACHE_SERVER_PORT=$((20000 + RANDOM % 20000))
export SCCACHE_IDLE_TIMEOUT=0 SCCACHE_LOG=error CARGO_INCREMENTAL=0
export CLIFWRAP_WRAPPER=sccache RUSTC_WRAPPER=$CLIFWRAP
trap 'sccache --stop-server > /dev/null 2>&1 || true' EXIT
sccache --start-server > /dev/null
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/asmfrag" asmfrag
copy_workspace ws

build_all() {  # round: clean builds into out-<round>/ with the same target directories every round
  local round=$1
  rm -rf target-asmfrag target-obj target-ws obj
  mkdir -p "out-$round" obj
  (cd asmfrag && CLIFWRAP_LOG=$E2E_SCRATCH/log-$round cargo build -q --release --target-dir ../target-asmfrag)
  (cd asmfrag && CLIFWRAP_LOG=$E2E_SCRATCH/log-$round cargo rustc -q --release --target-dir ../target-obj -- \
    --emit obj="$E2E_SCRATCH/obj/asmfrag.o")
  (cd ws && CLIFWRAP_LOG=$E2E_SCRATCH/log-$round cargo build -q --target-dir ../target-ws)
  cp target-asmfrag/release/libasmfrag.a obj/asmfrag.o target-ws/debug/hello target-ws/debug/libgreet.rlib "out-$round/"
}

step "first clean build fills the cache"
build_all 1
expect_backend log-1 asmfrag cranelift
expect_backend log-1 greet cranelift
expect_contains log-1 '"argv":["sccache",'
expect_contains log-1 'fold-archive: 1 .asm.o members folded'
sccache --zero-stats > /dev/null

step "second clean build is served from the cache"
build_all 2
sccache --show-stats > stats.out
hits=$(awk '/^Cache hits  / { print $3 }' stats.out)
echo "cache hits: $hits"
# cacheable here: the staticlib twice (cargo build, and cargo rustc --emit obj), the workspace's
# rlibs (itoa, greet); nothing missed
[ "${hits:-0}" -ge 4 ] || { cat stats.out; exit 1; }
grep -E '^Cache misses +0$' stats.out

step "what the second build left is what the first left, byte for byte"
for file in libasmfrag.a asmfrag.o hello libgreet.rlib; do
  cmp "out-1/$file" "out-2/$file" || { echo "$file differs between the build and the cached build" >&2; exit 1; }
done
ar t out-2/libasmfrag.a > members
expect_count members ".rcgu.asm.o" 0
nm out-2/asmfrag.o | grep ' T asmfrag_answer' > /dev/null
out-2/hello | grep "hello" > /dev/null
echo "PASS: $hits cache hits, every output the same"
