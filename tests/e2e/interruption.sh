# SIGINT and SIGTERM at random points of a link, an archive fold, an --emit obj merge and a spec
# derivation: afterwards the output is the previous one, a complete new one, or absent — never
# partial — no temporary is left, and clifwrap died by that signal (status 128+n) or finished.
# A SIGKILL's leftovers are swept by the next run.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
ROUNDS=${INTERRUPTION_ROUNDS:-12}
leftovers() { find "$@" -name '*.clifwrap-*' -o -name '.clifwrap-*' | grep . && return 1 || return 0; }

# Starts the command in the background, sends the signal after a random 0-80 ms, waits; sets $status.
interrupt() {  # signal, command...
  local signal=$1; shift
  # A shell starts background commands with SIGINT ignored; cargo's Ctrl-C does not.
  env --default-signal=INT,QUIT "$@" > /dev/null 2>&1 &
  local pid=$!
  sleep "0.0$((RANDOM % 80 + 10))" 2>/dev/null || sleep 0.05
  kill -s "$signal" "$pid" 2>/dev/null || true
  set +e; wait "$pid"; status=$?; set -e
  case $status in 0|130|143) ;; *) echo "unexpected exit status $status for $*" >&2; return 1 ;; esac
}

step "a link: the previous executable or the new one, never a partial one"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "int f%d(int x) { return x * %d; }\n", i, i; print "int main(void) { return 0; }" }' > big.c
gcc -c -g -O0 big.c -o big.o
mkdir -p out && "$LINK" -o out/prog big.o && ./out/prog
previous=$(sha256sum < out/prog)
for round in $(seq 1 "$ROUNDS"); do
  for signal in INT TERM; do
    interrupt $signal "$LINK" -o out/prog big.o
    ./out/prog   # the old one, or a complete new one: it runs either way
    leftovers out
  done
done

step "an archive fold: the archive is readable after every interruption"
make_fake_backends "$E2E_SCRATCH/backends"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/initfrag" initfrag
mkdir -p fold
fold_call=(env CLIFWRAP_BACKEND="$E2E_SCRATCH/backends/librustc_codegen_cranelift.so" DOUBLE_ASM_DIR="$PWD/initfrag/asm"
  "$CLIFWRAP" "$CLIFWRAP_SOURCE_DIR/tests/e2e/rustc-double.sh" --crate-name initfrag --edition=2021 initfrag/src/lib.rs
  --crate-type staticlib -C panic=abort -C opt-level=1 --out-dir fold)
"${fold_call[@]}"
for round in $(seq 1 "$ROUNDS"); do
  interrupt INT "${fold_call[@]}"
  [ ! -e fold/libinitfrag.a ] || ar t fold/libinitfrag.a > /dev/null
  leftovers fold
done

step "an --emit obj merge: the object is complete or absent, the private directory gone"
printf 'pub mod a { #[no_mangle] pub extern "C" fn ea() -> u32 { 1 } }\npub mod b { #[no_mangle] pub extern "C" fn eb() -> u32 { 2 } }\npub mod c { #[no_mangle] pub extern "C" fn ec() -> u32 { 3 } }\n' > objs.rs
mkdir -p objs
for round in $(seq 1 "$ROUNDS"); do
  rm -f objs/merged.o
  interrupt TERM env CLIFWRAP_BACKEND=llvm "$CLIFWRAP" /usr/bin/rustc --crate-type lib --crate-name objs -C codegen-units=3 \
    --emit obj=objs/merged.o --out-dir objs objs.rs
  [ ! -e objs/merged.o ] || readelf -h objs/merged.o | grep "REL (Relocatable file)" > /dev/null
  leftovers objs
done

step "a spec derivation: every cache entry is whole"
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$CLIFWRAP_CACHE_DIR"
  interrupt INT "$CLIFWRAP" target aarch64-unknown-none --rustc /usr/bin/rustc
  for spec in $(find "$CLIFWRAP_CACHE_DIR" -name '*.json' 2>/dev/null); do
    tail -c 2 "$spec" | grep '}' > /dev/null
  done
  leftovers "$CLIFWRAP_CACHE_DIR" 2>/dev/null || [ ! -d "$CLIFWRAP_CACHE_DIR" ]
done

step "clifwrap sysroot (a 12 MB libc.a among its files): every file there is whole"
CLIFWRAP_LOG=/dev/null "$CLIFWRAP_SOURCE_DIR/examples/run.sh" userspace "$E2E_SCRATCH/relibc" > /dev/null 2>&1
relibc=$E2E_SCRATCH/relibc/userspace
for round in $(seq 1 "$ROUNDS"); do
  interrupt TERM "$CLIFWRAP" sysroot --relibc "$relibc" --target x86_64-unknown-linux-gnu --out sysroot
  for archive in sysroot/lib/*.a; do [ ! -e "$archive" ] || ar t "$archive" > /dev/null; done
  for object in sysroot/lib/crt[0in].o; do [ ! -e "$object" ] || readelf -h "$object" > /dev/null; done
  leftovers sysroot
done

step "SIGKILL leaves a temporary; the next link in that directory sweeps it"
"$LINK" -o out/prog big.o &
pid=$!
for _ in $(seq 1 200); do ls out | grep clifwrap > /dev/null && break; sleep 0.005; done
kill -KILL $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
"$LINK" -o out/prog big.o
leftovers out
./out/prog
echo "interrupted $ROUNDS times each: nothing partial, nothing left behind (previous link output $previous)"
