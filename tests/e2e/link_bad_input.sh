# clifwrap-link on its own, as a cookbook or build system would run it: a C program linked with the
# gnu profile runs; bad input (unknown option, missing library, truncated object, unwritable or
# impossible output) gives one clear error, a non-zero exit and no output file, and a failed link
# leaves the previous output as it was; an executable without a start file gets the entry-0 warning.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
cat > main.c <<'C'
#include <stdio.h>
int main(int argc, char **argv) { printf("hello from C, %d args\n", argc); return 0; }
C
gcc -c -fPIE -o main.o main.c

no_leftovers() { ! ls -a | grep '\.clifwrap-.*\.tmp' > /dev/null; }

step "a C program linked by clifwrap-link with gcc's start files and default libraries"
"$LINK" -o prog main.o
./prog a b > prog.out
expect_contains prog.out "hello from C, 3 args"
readelf -p .comment prog > prog.comment
expect_contains prog.comment "LLD 22"

step "--print-plan shows the plan and lld's argv and links nothing"
"$LINK" --print-plan -o planned main.o > plan.out
expect_contains plan.out "kind: pie"
expect_contains plan.out "profile: gnu (/)"
expect_contains plan.out "profile /usr/lib/x86_64-linux-gnu/Scrt1.o"
expect_contains plan.out "lld: ld.lld -m elf_x86_64 -pie -dynamic-linker /lib64/ld-linux-x86-64.so.2 -o planned"
[ ! -e planned ]

step "a response file with quoting"
printf -- '-o "prog with space" main.o\n' > args.rsp
"$LINK" @args.rsp
"./prog with space" > space.out
expect_contains space.out "hello from C, 1 args"

step "a symlink named like a cross gcc is the same linker; its name gives the target"
ln -s "$CLIFWRAP" x86_64-linux-gnu-gcc
./x86_64-linux-gnu-gcc -o prog-gnu main.o
./prog-gnu > gnu.out
expect_contains gnu.out "hello from C"
ln -s "$CLIFWRAP" x86_64-unknown-redox-gcc
run ./x86_64-unknown-redox-gcc -o prog-redox main.o 2> redox.err
[ "$status" = 1 ]
expect_contains redox.err "clifwrap: error: CLIFWRAP_SYSROOT: the redox profile needs a sysroot"
expect_contains redox.err "clifwrap sysroot --relibc"
[ ! -e prog-redox ]

step "an unknown option with no linker to hand over to: an error naming it"
run env CLIFWRAP_PROFILE=none ./x86_64-unknown-redox-gcc -static-libgcc -o prog-unknown main.o 2> unknown.err
[ "$status" = 1 ]
expect_contains unknown.err "unknown linker option \`-static-libgcc\`"
[ "$(wc -l < unknown.err)" = 1 ]
[ ! -e prog-unknown ]

step "an unknown option with an original linker: handed over, said, and it links"
CLIFWRAP_LINK_ORIGINAL=cc CLIFWRAP_LOG=$PWD/handover.log "$LINK" -static-libgcc -o prog-cc main.o 2> handover.err
expect_contains handover.err "handing this link to \`/usr/bin/cc\`"
./prog-cc > cc.out
expect_contains cc.out "hello from C"
readelf -p .comment prog-cc > cc.comment
expect_not_contains cc.comment "LLD"
expect_contains handover.log '"verdict":"handed-over"'

step "a missing library: lld's error, exit 1, the previous output untouched"
sha=$(sha256sum prog)
run "$LINK" -o prog main.o -lnot_a_library 2> missing-lib.err
[ "$status" = 1 ]
expect_contains missing-lib.err "unable to find library -lnot_a_library"
[ "$(sha256sum prog)" = "$sha" ]
./prog > /dev/null
no_leftovers

step "a truncated object: an error, not a crash; nothing written"
head -c 300 main.o > truncated.o
run "$LINK" -o prog-truncated truncated.o 2> truncated.err
[ "$status" = 1 ]
expect_contains truncated.err "truncated.o"
[ ! -e prog-truncated ]
no_leftovers

step "an output in a missing directory, and an output that is a directory"
run "$LINK" -o no-such-dir/prog main.o 2> no-dir.err
[ "$status" = 1 ]
expect_contains no-dir.err "clifwrap: error: no-such-dir/prog: cannot write the output"
mkdir a-directory
run "$LINK" -o a-directory main.o 2> is-dir.err
[ "$status" = 1 ]
expect_contains is-dir.err "a-directory"
[ -d a-directory ]
no_leftovers

step "an executable without a start file: the entry-0 warning names the likely cause"
"$LINK" -nostartfiles -o no-entry main.o 2> no-entry.err
expect_contains no-entry.err "clifwrap-link: warning: no-entry: the entry point is 0"
expect_contains no-entry.err "crt0.o"

step "doctor checks lld and the profile's files"
CLIFWRAP_BACKEND=llvm "$CLIFWRAP" doctor --rustc /usr/bin/rustc > doctor.out
expect_contains doctor.out "ok    lld        in-process: Debian LLD 22"
expect_contains doctor.out "ok    profile    gnu at / for x86_64-unknown-linux-gnu: start and end files present"
mkdir -p fake-redox/lib
run env CLIFWRAP_BACKEND=llvm CLIFWRAP_SYSROOT=$PWD/fake-redox "$CLIFWRAP" doctor --rustc /usr/bin/rustc --target x86_64-unknown-redox > doctor-redox.out
[ "$status" = 1 ]
expect_contains doctor-redox.out "FAIL  profile    redox at $PWD/fake-redox for x86_64-unknown-redox: missing: $PWD/fake-redox/lib/crt0.o"

step "--help and --version"
"$LINK" --help > help.out
expect_contains help.out "--print-plan"
"$LINK" --version > version.out
expect_contains version.out "clifwrap-link"
echo "bad input handled"
