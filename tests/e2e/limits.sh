# Limits: huge argument lists (100k arguments, a multi-MB @file for rustc and for the linker),
# response files nested past the limit, an archive with thousands of members, paths with spaces and
# non-ASCII characters. Each is handled, or refused with one clear error — never a crash.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
echo 'pub fn f() -> u32 { 7 }' > lib.rs

step "100k rustc arguments on the command line: explain parses them all"
seq 1 100000 | sed 's/^/--cfg=c/' > cfgs.txt
mapfile -t cfgs < cfgs.txt
CLIFWRAP_BACKEND=llvm "$CLIFWRAP" explain /usr/bin/rustc --crate-type lib lib.rs "${cfgs[@]}" > explain.out
expect_contains explain.out "verdict"
[ "$(grep -o -- '--cfg=c' explain.out | wc -l)" -ge 100000 ]

step "a 2 MB @file of 200k arguments: rewritten into a new @file, compiled"
{ printf '%s\n' --crate-type lib --crate-name limits --out-dir out lib.rs; seq 1 200000 | sed 's/^/--cfg=c/'; } > big.args
[ "$(stat -c %s big.args)" -gt 2000000 ]
mkdir -p out
CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/args.log "$CLIFWRAP" /usr/bin/rustc @big.args
[ -f out/liblimits.rlib ]
expect_contains args.log '"verdict":"rewrite"'

step "the linker with a 100k-argument @file (search paths and inputs), and on the command line"
printf 'int main(void) { return 0; }\n' > main.c && gcc -c main.c -o main.o
{ seq 1 100000 | sed 's|^|-L/nonexistent/dir-|'; echo main.o; echo -o; echo prog; } > link.rsp
"$LINK" @link.rsp
./prog
mapfile -t link_args < <(seq 1 100000 | sed 's|^|-L/d|')
"$LINK" "${link_args[@]}" main.o -o prog2
./prog2

step "response files nested past the limit: one error naming the problem"
for i in $(seq 0 39); do echo "@nest$((i + 1)).rsp" > nest$i.rsp; done
echo main.o > nest40.rsp
run "$LINK" -o never @nest0.rsp 2> nest.err
[ "$status" = 1 ]
expect_contains nest.err "response files nest more than 32 deep"
[ "$(wc -l < nest.err)" = 1 ]
[ ! -e never ]

step "an archive with 3000 members (asm pairs among them): partial-linked, and folded by clifwrap sysroot"
mkdir -p members && (
  cd members
  for i in $(seq 1 3000); do echo "int m$i(void) { return $i; }"; done > all.c
  split -l 1 -d -a 4 all.c part-
  for f in part-*; do mv "$f" "$f.c"; done
  ls part-*.c | xargs -P 2 -n 200 gcc -c
  for i in 1 2 3; do
    echo "int unit$i(void) { return $i; }" | gcc -x c -c - -o "relibc-x.relibc.h-cgu.$i.rcgu.o"
    printf '.section .init,"ax",@progbits\n nop\n' | as -o "relibc-x.relibc.h-cgu.$i.rcgu.asm.o"
  done
  ar rcs ../libmany.a part-*.o relibc-x.*
)
[ "$(ar t libmany.a | wc -l)" = 3006 ]
"$CLIFWRAP" partial-link -o many.o libmany.a > /dev/null
readelf -sW many.o > many.symbols
expect_contains many.symbols " m2999"
mkdir -p relibc && cp libmany.a relibc/libc.a && for crt in crt0 crti crtn; do cp main.o relibc/$crt.o; done
"$CLIFWRAP" sysroot --relibc relibc --target x86_64-unknown-linux-gnu --out sysroot > sysroot.out
expect_contains sysroot.out "(3 .asm.o members folded)"
[ "$(ar t sysroot/lib/libc.a | wc -l)" = 3003 ]

step "paths with spaces and non-ASCII characters: a workspace built, linked and run through clifwrap"
dir="$E2E_SCRATCH/a dir with spaces/ünïcödé ✓"
mkdir -p "$(dirname "$dir")" && copy_workspace "$dir"
(cd "$dir" && CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG="$dir/build.log" RUSTC_WRAPPER=$CLIFWRAP cargo build -q)
"$dir/target/debug/hello" | grep "hello, CRANELIFT: 42" > /dev/null
expect_contains "$dir/build.log" '"kind":"link","verdict":"linked"'
"$LINK" -o "$dir/prog with space ✓" main.o
"$dir/prog with space ✓"
echo "limits handled"
