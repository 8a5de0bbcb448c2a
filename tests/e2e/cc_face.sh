# The C compiler face: <gnu-target>-gcc in a toolchain directory's bin/ compiles, preprocesses and
# assembles with clang-22 for the target, the sysroot beside bin/ (its include/) and Redox gcc's
# predefines (__redox__, __unix__, PIC); answers the queries build systems make; refuses C++ with
# a clear error; and for a line that compiles and links, hands the link (objects, no compile
# options) to the linker face. A whole Redox C program is linked in real_cookbook (it needs relibc).
source "$(dirname "$0")/lib.sh"

for T in x86_64-unknown-redox aarch64-unknown-redox; do
  mkdir -p tc/bin tc/$T/include tc/$T/lib
  ln -sf "$CLIFWRAP" tc/bin/$T-gcc
done
printf '#define REDOX_TEST_ANSWER 42\nextern int shared_value;\n' > tc/x86_64-unknown-redox/include/redox_test.h
cp tc/x86_64-unknown-redox/include/redox_test.h tc/aarch64-unknown-redox/include/
cat > hello.c <<'C'
#include <redox_test.h>
#if !defined(__redox__) || !defined(__unix__)
#error "not what Redox gcc predefines"
#endif
int *where(void) { return &shared_value; }
int answer(void) { return REDOX_TEST_ANSWER; }
C
CC=tc/bin/x86_64-unknown-redox-gcc

step "queries: -dumpmachine, -dumpversion, -print-libgcc-file-name, -print-file-name, -v, --version"
[ "$($CC -dumpmachine)" = x86_64-unknown-redox ]
[ "$($CC -dumpversion)" = 13.2.0 ]  # Redox's gcc13 is built without --with-gcc-major-version-only
[ "$($CC -print-libgcc-file-name)" = "$E2E_SCRATCH/tc/x86_64-unknown-redox/lib/libgcc.a" ]
touch tc/x86_64-unknown-redox/lib/crt0.o
[ "$($CC -print-file-name=crt0.o)" = "$E2E_SCRATCH/tc/x86_64-unknown-redox/lib/crt0.o" ]
[ "$($CC -print-file-name=nothing.o)" = nothing.o ]
# -v and --version alone, in gcc's shapes (autoconf logs them; configure scripts grep them)
$CC -v 2> version.err
expect_contains version.err "Target: x86_64-unknown-redox"
expect_contains version.err "gcc version 13.2.0 (clifwrap "
$CC --version > version.out
expect_contains version.out "x86_64-unknown-redox-gcc (clifwrap "
head -1 version.out | grep ') 13.2.0$' > /dev/null
# the tools it would run: the directory's own beside it (libtool asks for ld)
ln -sf "$CLIFWRAP" tc/bin/x86_64-unknown-redox-ld
[ "$($CC -print-prog-name=ld)" = "$E2E_SCRATCH/tc/bin/x86_64-unknown-redox-ld" ]
[ "$($CC -print-prog-name=as)" = as ]
# compiler probes gcc refuses (autoconf's -V, the cc crate's -?): refused as gcc does, nothing linked
$CC --help | grep clifwrap-link > /dev/null  # not a probe: the linker face's help
for probe in -V -qversion '-?'; do
  run $CC "$probe" 2> probe.err
  [ "$status" = 1 ]
  expect_contains probe.err "unrecognized command-line option '$probe'"
done

step "-c: an x86-64 object from the sysroot's header, position-independent"
$CC -O2 -Wall -c hello.c -o hello.o
readelf -h hello.o | grep 'Type: *REL' > /dev/null
readelf -h hello.o | grep 'Machine: *Advanced Micro Devices X86-64' > /dev/null
readelf -rW hello.o > relocs
expect_contains relocs R_X86_64_REX_GOTPCRELX  # &shared_value through the GOT: PIC

# a typedef repeated, in C99: gcc is silent about it without -pedantic, and so is this gcc
printf 'typedef unsigned char u8;\ntypedef unsigned char u8;\nu8 byte;\n' > twice.c
$CC -std=c99 -c twice.c -o twice.o 2> twice.err
expect_not_contains twice.err typedef

step "-E and -S"
$CC -E hello.c > hello.i
expect_contains hello.i "return 42;"
$CC -S hello.c -o hello.s
expect_contains hello.s "answer:"

step "aarch64-unknown-redox-gcc -c: an AArch64 object"
tc/bin/aarch64-unknown-redox-gcc -c hello.c -o hello-aarch64.o
readelf -h hello-aarch64.o | grep 'Machine: *AArch64' > /dev/null

step "a compile error is clang's, with its status; C++ is refused, named"
printf 'int broken(void) { return }\n' > broken.c
run $CC -c broken.c -o broken.o 2> broken.err
[ "$status" = 1 ]; [ ! -e broken.o ]
expect_contains broken.err "broken.c:1"
run $CC -c hello.cpp 2> cxx.err
[ "$status" = 1 ]
expect_contains cxx.err "hello.cpp: C++ is not compiled here"

step "compile and link: the link reaches the linker face with objects only, and no object is left"
run $CC -O2 -Wall -DX=1 -nostdlib -shared -o libhello.so hello.c 2> link.err
cat link.err
[ "$status" = 0 ]
readelf -h libhello.so | grep 'Type: *DYN' > /dev/null
nm -D libhello.so | grep ' T answer$' > /dev/null
ls -a > listing
expect_not_contains listing .clifwrap-cc-
# an option only the link could act on, and does not know, is refused, not dropped from the link
run $CC -static-libgcc -nostdlib -shared -o libhello3.so hello.c 2> unknown.err
[ "$status" != 0 ]
expect_contains unknown.err "unknown linker option \`-static-libgcc\`"
[ ! -e libhello3.so ]
step "a Makefile's link line with its CFLAGS: the compile options are ignored, as gcc ignores them"
$CC -O2 -Wall -g -std=c99 -DX=1 -nostdlib -shared -o libhello2.so hello.o
nm -D libhello2.so | grep ' T answer$' > /dev/null

step "<T>-ld reads GNU ld's lines"
tc/bin/x86_64-unknown-redox-ld -shared -soname libld.so -o libld.so hello.o
readelf -d libld.so | grep 'SONAME.*libld.so' > /dev/null
# libtool's "is the linker GNU ld" check: `$LD -v`, an answer with "GNU" in it
tc/bin/x86_64-unknown-redox-ld -v > ld-v.out
expect_contains ld-v.out "compatible with GNU linkers"

step "<T>-strip takes GNU strip's -v, as the cook's strip step passes it"
ln -sf "$CLIFWRAP" tc/bin/x86_64-unknown-redox-strip
cp libld.so libld-stripped.so
tc/bin/x86_64-unknown-redox-strip -v libld-stripped.so
readelf -S libld-stripped.so > stripped.sections
expect_not_contains stripped.sections .symtab
run tc/bin/x86_64-unknown-redox-strip -v hello.c 2> strip.err
[ "$status" = 1 ]
expect_contains strip.err "hello.c"
echo "PASS"
