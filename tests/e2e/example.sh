# One example (EXAMPLE: kernel-x86_64, kernel-aarch64, userspace, crates) built through clifwrap and
# run by examples/run.sh, as the main job runs it: every line of examples/<name>/expected-output.txt
# must appear in its output, in order. The check itself is shown able to fail: the same output with
# one expected line taken out is rejected.
# With REAL_BACKEND=1 (the real tier) the example is built by the Cranelift toolchain with the
# fallback off, and the log must show Cranelift compiling the crates that matter (for userspace, the
# libc's objects too, where its C-variadic functions are).
source "$(dirname "$0")/lib.sh"
: "${EXAMPLE:?set EXAMPLE to the name of an example (ctest does)}"
[ "${REAL_BACKEND:-0}" = 1 ] && use_real_toolchain
expected=$CLIFWRAP_SOURCE_DIR/examples/$EXAMPLE/expected-output.txt

# Each expected line, in order, as a whole line of the output.
has_expected_lines() {  # output-file
  awk 'BEGIN { i = 0; n = 0 }
       NR == FNR { want[n++] = $0; next }
       i < n && $0 == want[i] { i++ }
       END { if (i < n) { print "missing (or out of order): " want[i] > "/dev/stderr"; exit 1 } }' "$expected" "$1"
}

step "build and run $EXAMPLE through clifwrap"
CLIFWRAP_LOG=$E2E_SCRATCH/build.log "$CLIFWRAP_SOURCE_DIR/examples/run.sh" "$EXAMPLE" "$E2E_SCRATCH/work" > output.txt 2> build.err \
  || { tail -30 build.err >&2; cat output.txt >&2; exit 1; }
cat output.txt
has_expected_lines output.txt

step "the check fails when an expected line is missing"
grep -vxF -- "$(sed -n 2p "$expected")" output.txt > output-without-line-2.txt || true
if has_expected_lines output-without-line-2.txt 2> /dev/null; then
  echo "the check accepted output without: $(sed -n 2p "$expected")" >&2; exit 1
fi

step "what clifwrap did: rewritten units, and links by clifwrap-link"
expect_contains "$E2E_SCRATCH/build.log" '"verdict":"rewrite"'
case $EXAMPLE in
  kernel-*|crates) expect_contains "$E2E_SCRATCH/build.log" '"kind":"link","verdict":"linked"' ;;
esac
case $EXAMPLE in
  kernel-aarch64) expect_contains "$E2E_SCRATCH/build.log" '/aarch64-unknown-none.json"' ;;  # the derived spec
  userspace) expect_contains "$E2E_SCRATCH/build.log" '"merge-objects:' ;;
esac
if [ "${REAL_BACKEND:-0}" = 1 ]; then
  step "the real backend compiled the example's crates"
  case $EXAMPLE in
    kernel-x86_64) crates="core alloc compiler_builtins kernel_x86_64" ;;
    kernel-aarch64) crates="core alloc compiler_builtins kernel_aarch64" ;;
    userspace) crates="crt0 crti crtn relibc program" ;;
    crates) crates="serde serde_json regex regex_syntax futures_executor crates_demo" ;;
  esac
  for crate in $crates; do expect_backend "$E2E_SCRATCH/build.log" "$crate" cranelift; done
  expect_not_contains "$E2E_SCRATCH/build.log" '"fallback":"'
  if [ "$EXAMPLE" = userspace ]; then
    step "the libc's own objects, with its C-variadic functions, are Cranelift's"
    mkdir -p libc-objects
    ar x --output libc-objects "$E2E_SCRATCH/work/userspace/target/release/librelibc.a"
    readelf -p .comment libc-objects/relibc-*.o | grep "with cranelift" > /dev/null ||
      { echo "the libc's objects do not name Cranelift in .comment" >&2; exit 1; }
    for symbol in printf vprintf vdprintf open fcntl ioctl execl; do
      nm --defined-only libc-objects/relibc-*.o | grep " T $symbol\$" > /dev/null ||
        { echo "the libc's objects do not define $symbol" >&2; exit 1; }
    done
  fi
fi
echo "$EXAMPLE: all expected lines"
