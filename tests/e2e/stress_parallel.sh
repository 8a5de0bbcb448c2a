# Many clifwrap processes at once, sized for 2 cores: the same crate graph with cargo -j 1, 2 and 8
# (same program output, every log line whole), 16 processes appending 50 lines each to one log
# (800 whole lines), 8 partial links of one archive at once (identical objects), 8 staticlib
# compiles with their .asm.o folding at once (identical folded archives), 8 links into one
# directory at once (8 programs that run); no temporaries left anywhere.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
whole_lines() {  # log file, expected count or -
  local bad
  bad=$(grep -cv '^{"crate":.*"ms":[0-9]*}$' "$1" || true)
  [ "$bad" = 0 ] || { echo "$bad torn or foreign lines in $1" >&2; grep -v '^{"crate":.*"ms":[0-9]*}$' "$1" | head -3 >&2; return 1; }
  [ "$2" = - ] || [ "$(wc -l < "$1")" = "$2" ] || { echo "expected $2 lines in $1, found $(wc -l < "$1")" >&2; return 1; }
}

step "the workspace with cargo -j 1, 2 and 8: the same program, whole log lines"
copy_workspace ws
for jobs in 1 2 8; do
  (cd ws && CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/j$jobs.log RUSTC_WRAPPER=$CLIFWRAP \
    cargo build -q -j $jobs --target-dir "$E2E_SCRATCH/j$jobs")
  "$E2E_SCRATCH/j$jobs/debug/hello" > j$jobs.out
  whole_lines j$jobs.log -
done
diff j1.out j2.out
diff j1.out j8.out
[ "$(grep -c '"verdict":"rewrite"' j1.log)" = "$(grep -c '"verdict":"rewrite"' j8.log)" ]

# Waits for every background job of this shell; fails when any of them failed (a bare `wait`
# returns 0 whatever they returned).
wait_all() {
  local pid failed=0
  for pid in $(jobs -p); do wait "$pid" || failed=1; done
  return $failed
}

step "16 processes append 50 log lines each to one file"
for p in $(seq 1 16); do
  (for i in $(seq 1 50); do CLIFWRAP_LOG=$E2E_SCRATCH/shared.log "$CLIFWRAP" /bin/true -vV; done) &
done
wait_all
whole_lines shared.log 800

step "8 partial links of one archive, and 8 compiles with folding, at once"
make_fake_backends "$E2E_SCRATCH/backends"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/initfrag" initfrag
mkdir -p fold
(cd initfrag && RUSTFLAGS="-Zcodegen-backend=$E2E_SCRATCH/backends/librustc_codegen_cranelift.so" RUSTC_BOOTSTRAP=1 \
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu RUSTC=$CLIFWRAP_SOURCE_DIR/tests/e2e/rustc-double.sh DOUBLE_ASM_DIR=$PWD/asm \
  cargo build -q --release --target-dir "$E2E_SCRATCH/unfolded")
cp "$E2E_SCRATCH/unfolded/release/libinitfrag.a" fold/
expect_count <(ar t fold/libinitfrag.a) ".rcgu.asm.o" 1
for p in $(seq 1 8); do "$CLIFWRAP" partial-link -o fold/whole-$p.o fold/libinitfrag.a > /dev/null & done
wait_all
for p in $(seq 2 8); do cmp fold/whole-1.o fold/whole-$p.o; done
for p in $(seq 1 8); do
  env CLIFWRAP_BACKEND="$E2E_SCRATCH/backends/librustc_codegen_cranelift.so" DOUBLE_ASM_DIR="$PWD/initfrag/asm" \
    "$CLIFWRAP" "$CLIFWRAP_SOURCE_DIR/tests/e2e/rustc-double.sh" --crate-name initfrag --edition=2021 \
    initfrag/src/lib.rs --crate-type staticlib -C panic=abort --out-dir "fold/compile-$p" > /dev/null &
done
wait_all
for p in $(seq 1 8); do
  expect_count <(ar t fold/compile-$p/libinitfrag.a) ".rcgu.asm.o" 0
  cmp fold/compile-1/libinitfrag.a fold/compile-$p/libinitfrag.a
done
[ -z "$(find fold -name '*.clifwrap-*' -o -name '.clifwrap-*')" ]

step "8 links into one directory at once"
printf '#include <stdio.h>\nint main(void) { puts("linked"); return 0; }\n' > hello.c
gcc -c hello.c -o hello.o
mkdir -p links
for p in $(seq 1 8); do "$LINK" -o links/hello-$p hello.o & done
wait_all
for p in $(seq 1 8); do links/hello-$p | grep -x linked > /dev/null; done
[ -z "$(ls -a links | grep '\.clifwrap-')" ]
echo "parallel runs: consistent"
