# The Redox cookbook's way of building, replayed with the real backend and nothing of the recipe or
# the build system changed: the relibc recipe's lines (crt0/crti/crtn by `cargo rustc -- --emit
# obj=`, librelibc.a by `--emit link=`, its C part by make with the cross gcc's name, libc.a by
# `ar -M`), a toolchain directory from `clifwrap redox-toolchain` (std for x86_64-unknown-redox
# compiled by Cranelift), a pure-Rust recipe built by `cookbook_cargo` and `cookbook_cargo_packages`
# under the environment redoxer sets (TOOLCHAIN.md, "How Redox builds Rust today"), C recipes (a
# program, a Makefile, an autotools configure), and the build under sccache as SCCACHE_BUILD=1
# sets it. The dynamic outputs are Redox programs, so they are checked with readelf and nm, not
# run: a PIE, relibc's interpreter, libc.so.6 needed, crt0's _start as the entry, the CRT objects in
# gcc's order, nothing undefined that libc.so does not define.
# The relibc here is examples/userspace (Linux system calls); std needs more of libc than it has,
# so its libc.so also gets a stub (ud2) for each other symbol std's rlibs leave undefined.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redox_cook.sh"
COOK=$E2E_SCRATCH
use_real_toolchain
T=x86_64-unknown-redox
export RUSTC_WRAPPER=$CLIFWRAP CLIFWRAP_LOG=$E2E_SCRATCH/clifwrap.log

step "relibc recipe, replayed: crt0/crti/crtn by --emit obj, librelibc.a by --emit link, libc.a by ar -M"
cook_relibc relibc
for crate in crt0 crti crtn relibc core compiler_builtins; do expect_backend clifwrap.log "$crate" cranelift; done
nm relibc/target/$T/release/crt0.o | grep ' T _start$' > /dev/null
# the C part, by the cross gcc's name before any toolchain directory exists: clang for the target
nm relibc/target/$T/release/libc.a | grep -E ' T (ilogb|scalbn)$' > libm.symbols
expect_count libm.symbols ' T ' 2
readelf -p .comment relibc/openlibm/src/s_scalbn.o | grep clang > /dev/null

step "the toolchain directory: clifwrap redox-toolchain"
"$CLIFWRAP" redox-toolchain --target "$T" --relibc relibc --out prefix --rustc "$RUSTC" > prefix.out
cat prefix.out
ls prefix/lib/rustlib/$T/lib/libstd-*.rlib > /dev/null
[ "$(readlink prefix/bin/$T-gcc)" = "$(readlink -f "$CLIFWRAP")" ]
[ -f prefix/$T/lib/crt0.o ]; [ -f prefix/$T/lib/libc.a ]
expect_backend clifwrap.log std cranelift
[ "$(prefix/bin/rustc --print sysroot)" = "$E2E_SCRATCH/prefix" ]
# binutils by their cross names: LLVM's tools, in the mode the name says.
for tool in ar gcc-ar ranlib gcc-ranlib nm gcc-nm strip objcopy objdump readelf size strings addr2line c++filt; do
  [ -x "prefix/bin/$T-$tool" ] || { echo "missing: prefix/bin/$T-$tool" >&2; false; }
done
printf 'int answer(void) { return 42; }\n' > answer.c
cc -c -fPIC -o answer.o answer.c
prefix/bin/$T-ar rc answer.a answer.o && prefix/bin/$T-ranlib answer.a
prefix/bin/$T-nm answer.a | grep ' T answer$' > /dev/null
prefix/bin/$T-readelf -h answer.o | grep 'Type: *REL' > /dev/null
prefix/bin/$T-strip -o answer-stripped.o --strip-debug answer.o && [ -s answer-stripped.o ]
prefix/bin/$T-ld --version | grep clifwrap-link > /dev/null
# doctor asks the profile as a link would: the sysroot beside the directory's <T>-gcc, unconfigured.
env -u CLIFWRAP_SYSROOT -u CLIFWRAP_PROFILE "$CLIFWRAP" doctor --rustc prefix/bin/rustc --target "$T" > doctor.out ||
  { cat doctor.out; false; }
expect_contains doctor.out "redox at $E2E_SCRATCH/prefix/$T for $T: start and end files present"

step "with rustup's proxy first on PATH: bin/cargo is the cargo it stands for, and runs as redoxer runs it"
# The proxy as bin/cargo would run itself under RUSTUP_TOOLCHAIN=<dir> ("infinite recursion detected").
if [ -x "$HOME/.cargo/bin/rustup" ]; then
  PATH="$HOME/.cargo/bin:$PATH" "$CLIFWRAP" redox-toolchain --target "$T" --relibc relibc --out prefix-rustup \
    --rustc "$RUSTC" > prefix-rustup.out
  cargo_link=$(readlink prefix-rustup/bin/cargo)
  echo "bin/cargo -> $cargo_link"
  [ "$cargo_link" != "$HOME/.cargo/bin/cargo" ]; [ -x "$cargo_link" ]
  PATH="$E2E_SCRATCH/prefix-rustup/bin:$PATH" RUSTUP_TOOLCHAIN="$E2E_SCRATCH/prefix-rustup" \
    REDOXER_TOOLCHAIN="$E2E_SCRATCH/prefix-rustup" prefix-rustup/bin/cargo -V
  rm -rf prefix-rustup
else
  echo "rustup is not installed here: the proxy case is not tested"
fi

step "a relibc-shaped libc.so: the fixture's libc, and a stub for each other symbol std's rlibs need"
cook_stub_libc_so relibc prefix
[ "$(readlink prefix/$T/lib/libc.so.6)" = libc.so ]; [ "$(readlink prefix/$T/lib/ld64.so.1)" = libc.so ]

# A Redox program as the cookbook installs it: a PIE on relibc's interpreter that needs libc.so.6,
# starts at crt0's _start, and leaves undefined only what libc.so defines.
check_redox_program() {  # program
  local program=$1
  readelf -h "$program" | grep -E 'Type: +DYN' > /dev/null
  readelf -l "$program" | grep -F '[Requesting program interpreter: /lib/ld64.so.1]' > /dev/null
  readelf -d "$program" | grep NEEDED > needed
  expect_contains needed '[libc.so.6]'
  entry=$(readelf -h "$program" | awk '/Entry point/ { print $4 }')
  start=$(nm "$program" | awk '$3 == "_start" { print "0x" $1 }')
  [ "$((entry))" = "$((start))" ] || { echo "entry $entry is not _start ($start)" >&2; return 1; }
  nm -D --defined-only prefix/$T/lib/libc.so | awk '{ print $3 }' | sort -u > libc-defines
  # strong references only: std's weak ones (__cxa_thread_atexit_impl) may stay unresolved
  nm -D --undefined-only "$program" | awk '$1 == "U" { print $2 }' | sed 's/@.*//' | sort -u > undefined
  comm -23 undefined libc-defines > unresolved
  [ ! -s unresolved ] || { echo "undefined and not in libc.so:" >&2; cat unresolved >&2; return 1; }
}

# The CRT objects of the program's link, in the order clifwrap-link gave lld (from the log).
check_crt_order() {  # output-name
  python3 - "$CLIFWRAP_LOG" "$1" <<'PY'
import json, os, sys
links = [json.loads(l) for l in open(sys.argv[1]) if '"kind":"link"' in l]
argv = [l for l in links if l["crate"].startswith(sys.argv[2].replace("-", "_")) or l["crate"].startswith(sys.argv[2])][-1]["argv"]
inputs = [a for a in argv if a.endswith(".o") or a.endswith(".rlib") or a.endswith(".a")]
names = [os.path.basename(a) for a in inputs]
assert names[0] == "crt0.o" and names[1] == "crti.o", names[:3]
assert names[-1] == "crtn.o", names[-3:]
print("CRT order:", names[0], names[1], "...", names[-1])
PY
}

step "cookbook_cargo: cargo install --target T --path . --root stage/usr --no-track --locked"
mkdir -p recipe/sysroot/lib recipe/stage
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/redox-recipe" recipe/source
cookbook_env cargo install -q --target "$T" --path recipe/source/. --root recipe/stage/usr -j 2 --no-track --locked
check_redox_program recipe/stage/usr/bin/hello-redox
check_crt_order hello-redox
for crate in hello_redox itoa std; do expect_backend clifwrap.log "$crate" cranelift; done
# RUSTC_WRAPPER=clifwrap over the directory's bin/rustc (clifwrap's face): one logged call, not two.
expect_count clifwrap.log '"crate":"hello_redox","target":"x86_64-unknown-redox","kind":"target"' 1

step "cookbook_cargo_packages tool: cargo build --target T --manifest-path ... --package tool --release --locked"
cookbook_env cargo build -q --target "$T" --manifest-path recipe/source/Cargo.toml --package tool --release -j 2 --locked
cp recipe/build/target/$T/release/tool recipe/stage/usr/bin/
check_redox_program recipe/stage/usr/bin/tool
check_crt_order tool
expect_backend clifwrap.log tool cranelift
# its build script's C part, by cc-rs through the cook's CC and AR: clang's, in the program
nm recipe/stage/usr/bin/tool | grep ' T word_weight$' > /dev/null
step "a C recipe: <T>-gcc compiles with clang-22 and relibc's headers, links with crt0 first and crtn last"
# complex multiplication is a call to __muldc3, which -lgcc (compiler-rt's builtins) brings
cat > hello-c.c <<'C'
#include <math.h>
#include <stdio.h>
volatile double re = 1.5, im = -2.0;
int main(void) {
  double _Complex z = (re + im * 1.0i) * (im + re * 1.0i);
  write(1, "hello from C on Redox\n", 22);
  return __real__ z > 0 || ilogb(scalbn(re, 3)) != 3;
}
C
cookbook_env $T-gcc -O2 -Wall -o hello-c hello-c.c -lm
check_redox_program hello-c
check_crt_order hello-c
readelf -p .comment hello-c | grep clang > /dev/null
nm hello-c | grep -E ' [Tt] __muldc3$' > /dev/null  # compiler-rt's builtins are hidden: local in the PIE
nm -D hello-c | grep -E ' U scalbn$' > /dev/null     # from libc.so: relibc's C part, as openlibm is

step "a C recipe's Makefile with the cook's CC, AR and RANLIB: a static library, a program, stripped"
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/c-recipe" c-recipe
cookbook_env make -C c-recipe -s CC=$T-gcc AR=$T-ar RANLIB=$T-ranlib
cookbook_env $T-nm c-recipe/libgreet.a | grep ' T greet$' > /dev/null
check_redox_program c-recipe/greet
# the cook's strip step, as src/cook/script.rs runs it over the stage (GNU strip's -v included)
mkdir -p c-recipe/stage/usr/bin
cp c-recipe/greet c-recipe/stage/usr/bin/
cookbook_env find c-recipe/stage -type f -exec $T-strip -v {} ';' 2> strip.err || { cat strip.err; false; }
expect_not_contains strip.err error
readelf -S c-recipe/stage/usr/bin/greet > greet.sections
expect_not_contains greet.sections .symtab

step "an autotools C recipe with libtool: autoreconf -fvi, configure --host with the cook's flags, make, make install"
# As the cookbook's autotools_recursive_regenerate and cookbook_configure run it (static, its default).
# What configure finds must be what the sysroot has: the example's libc has write, strlen and (in
# its C part) scalbn, and stdio.h and math.h of the headers asked for. The program is static on the
# example's Linux system calls, so it runs here, the C part's scalbn and ilogb with it.
mkdir -p autotools/build
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/autoconf-recipe" autotools/source
(cd autotools/source && autoreconf -fvi > ../autoreconf.out 2>&1) || { cat autotools/autoreconf.out; false; }
(cd autotools/build && cookbook_configure ../source "$E2E_SCRATCH/autotools/stage" > ../cook.out 2>&1) ||
  { tail -40 autotools/cook.out autotools/build/config.log; false; }
for line in '#define HAVE_WRITE 1' '#define HAVE_STRLEN 1' '#define HAVE_SCALBN 1' \
  '/* #undef HAVE_NO_SUCH_FUNCTION */' '#define HAVE_STDIO_H 1' '#define HAVE_MATH_H 1' \
  '/* #undef HAVE_NO_SUCH_HEADER_H */' '#define SIZEOF_LONG 8' \
  "#define HOST \"$T\""; do
  expect_contains autotools/build/config.h "$line"
done
expect_contains autotools/cook.out "checking whether byte ordering is bigendian... no"
# libtool: the cook's LD, answering -v as a GNU-compatible linker does; static only, as asked
expect_contains autotools/cook.out "checking if the linker (x86_64-unknown-redox-ld) is GNU ld... yes"
expect_contains autotools/cook.out "checking whether to build static libraries... yes"
[ -f autotools/stage/usr/lib/libtally.a ]
readelf -l autotools/stage/usr/bin/tally > tally.segments
expect_not_contains tally.segments INTERP
[ "$(autotools/stage/usr/bin/tally)" = "tally: configured for $T" ]

step "RUSTC_WRAPPER=sccache (the Redox build's SCCACHE_BUILD=1): the directory's bin/rustc still rewrites each call"
# Debian's sccache, as the build system puts it: it wraps the directory's rustc (clifwrap's face)
# instead of clifwrap, and cc-rs wraps the directory's gcc with it. Two clean builds: the second is
# served from sccache's cache (Rust and C), and the program is the same byte for byte.
export SCCACHE_DIR=$E2E_SCRATCH/sccache SCCACHE_SERVER_PORT=$((20000 + RANDOM % 20000))
trap 'sccache --stop-server > /dev/null 2>&1 || true' EXIT
sccache --start-server > /dev/null
[ "$(readlink prefix/bin/rustc)" = "$(readlink -f "$CLIFWRAP")" ]
for round in 1 2; do
  CLIFWRAP_LOG=$E2E_SCRATCH/face-$round.log RUSTC_WRAPPER=sccache cookbook_env cargo build -q --target "$T" \
    --manifest-path recipe/source/Cargo.toml --workspace --release -j 2 --locked --target-dir "$E2E_SCRATCH/face-$round"
  check_redox_program face-$round/$T/release/tool
  check_redox_program face-$round/$T/release/hello-redox
  sccache --show-stats > sccache-$round.stats
done
expect_backend face-1.log tool cranelift
expect_count face-1.log '"crate":"tool","target":"x86_64-unknown-redox","kind":"target","verdict":"rewrite"' 1
expect_backend face-1.log itoa cranelift
# sccache's pass to learn itoa's sources (--emit dep-info) is logged as a probe; the compile is the
# one target unit, and the second build, served from the cache, has none
expect_count face-1.log '"crate":"itoa","target":"x86_64-unknown-redox","kind":"target"' 1
expect_count face-2.log '"crate":"itoa","target":"x86_64-unknown-redox","kind":"target"' 0
grep '"crate":"itoa","target":"x86_64-unknown-redox","kind":"probe","verdict":"rewrite","reason":"dep-info only' \
  face-2.log > /dev/null
grep -E '^Cache hits \(Rust\) +[1-9]' sccache-2.stats > /dev/null || { cat sccache-2.stats; false; }
grep -E '^Cache hits \(C/C\+\+\) +[1-9]' sccache-2.stats > /dev/null || { cat sccache-2.stats; false; }
cmp face-1/$T/release/tool face-2/$T/release/tool
cmp face-1/$T/release/hello-redox face-2/$T/release/hello-redox

step "a recipe with panic = \"abort\" and lto = true (hf's release profile): panic_abort built for aborting, LTO dropped"
CLIFWRAP_LOG=$E2E_SCRATCH/abort.log cookbook_env CARGO_PROFILE_RELEASE_PANIC=abort CARGO_PROFILE_RELEASE_LTO=true \
  cargo build -q --target "$T" --manifest-path recipe/source/Cargo.toml --package tool --release -j 2 --locked \
  --target-dir "$E2E_SCRATCH/recipe/abort"
check_redox_program recipe/abort/$T/release/tool
grep '"crate":"tool","target":"x86_64-unknown-redox","kind":"target"' abort.log | grep '"dropped":\["-C lto"' > /dev/null
echo "PASS: relibc, the toolchain directory and the recipe, all through clifwrap with Cranelift"
