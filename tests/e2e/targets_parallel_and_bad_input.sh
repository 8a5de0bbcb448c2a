# The spec cache under load and under bad input: 16 clifwrap processes deriving the same spec at
# once all succeed and leave one valid file; an unknown target, a malformed JSON spec and a rustc
# that cannot print specs give one clear error each and leave nothing in the cache.
source "$(dirname "$0")/lib.sh"

step "16 processes derive aarch64-unknown-none at once"
pids=()
for i in $(seq 16); do
  "$CLIFWRAP" target aarch64-unknown-none --rustc /usr/bin/rustc > out.$i 2> err.$i &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
for i in $(seq 2 16); do cmp out.1 out.$i; done
files=$(find "$CLIFWRAP_CACHE_DIR/specs" -type f)
echo "$files"
[ "$(echo "$files" | wc -l)" = 1 ]
cmp out.1 $files
grep -q '"max-atomic-width": 64' $files

step "an unknown target"
export CLIFWRAP_CACHE_DIR=$E2E_SCRATCH/cache-bad
run "$CLIFWRAP" target no-such-target --rustc /usr/bin/rustc > /dev/null 2> unknown.err
[ "$status" = 1 ]
expect_count unknown.err "clifwrap: error: no-such-target" 1
expect_contains unknown.err 'could not find specification for target "no-such-target"'

step "a malformed JSON spec, in wrapper mode as cargo would call it"
printf '{"arch": "x86_64", "llvm-target": ' > broken.json
echo 'pub fn f() {}' > lib.rs
CLIFWRAP_BACKEND=llvm run "$CLIFWRAP" /usr/bin/rustc --crate-type lib --target broken.json lib.rs 2> malformed.err
[ "$status" = 1 ]
expect_count malformed.err "clifwrap: error: broken.json: malformed target spec JSON" 1

step "a rustc that cannot print target specs"
cat > old-rustc <<'SH'
#!/bin/bash
case "$*" in
  -vV) printf 'rustc 1.50.0\nhost: x86_64-unknown-linux-gnu\nrelease: 1.50.0\ncommit-hash: abc\n' ;;
  "--print sysroot") echo /usr ;;
  *) echo "error: unknown print request \`target-spec-json\`" >&2; exit 1 ;;
esac
SH
chmod +x old-rustc
run "$CLIFWRAP" target aarch64-unknown-none --rustc ./old-rustc > /dev/null 2> old.err
[ "$status" = 1 ]
expect_count old.err "clifwrap: error: aarch64-unknown-none: cannot print the builtin target spec" 1
expect_contains old.err "unknown print request"

step "nothing was left in the cache by the failures"
[ -z "$(find "$CLIFWRAP_CACHE_DIR/specs" -type f 2>/dev/null)" ]

echo "PASS"
