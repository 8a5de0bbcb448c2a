# relibc's way of building its C runtime, through clifwrap: crt0/crti/crtn with
# `cargo rustc -- --emit obj=… -C panic=abort` (several codegen units: rustc alone loses the
# file), a staticlib libc; then `clifwrap sysroot` lays out a Redox sysroot from that build tree,
# and a program linked by clifwrap-link with the redox profile runs here (x86_64, Linux system
# calls), exits 42, and shows its .init fragment ran before main (crti and crtn in their places).
# Then bad input: a corrupt archive, a missing crt0, an impossible output directory, a failed merge.
source "$(dirname "$0")/lib.sh"

LINK=$(dirname "$CLIFWRAP")/clifwrap-link
cp -r "$CLIFWRAP_SOURCE_DIR/examples/userspace" relibc
cd relibc
export RUSTC_BOOTSTRAP=1  # the fixtures' weak panic handlers use #![feature(linkage)], as relibc's crt0 does
build_crt() {  # crate, target dir: relibc's Makefile line, with several codegen units
  cargo rustc -q --release --manifest-path src/$1/Cargo.toml --target-dir "$2" -- \
    --emit obj="$2/release/$1.o" -C panic=abort -C codegen-units=4 -C opt-level=0
}

step "rustc alone: --emit obj=PATH with several objects loses the file"
build_crt crt0 "$E2E_SCRATCH/plain" 2> ../plain.err
expect_contains ../plain.err "ignoring emit path because multiple .o files were produced"
[ ! -e "$E2E_SCRATCH/plain/release/crt0.o" ]

step "through clifwrap: crt0.o, crti.o, crtn.o and libc"
export CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/build.log RUSTC_WRAPPER=$CLIFWRAP
for crt in crt0 crti crtn; do build_crt $crt "$PWD/target"; done
cargo build -q --release -p relibc
unset RUSTC_WRAPPER CLIFWRAP_LOG
for crt in crt0 crti crtn; do [ -f target/release/$crt.o ]; done
grep '"crate":"crt0"' ../build.log > ../crt0.log
expect_contains ../crt0.log '"post_steps":["merge-objects: merged 3 objects into'
nm target/release/crt0.o > ../crt0.symbols
expect_contains ../crt0.symbols "T _start"
expect_contains ../crt0.symbols "T relibc_start"

step "clifwrap sysroot lays the sysroot out and says what went where"
"$CLIFWRAP" sysroot --relibc "$PWD" --target x86_64-unknown-linux-gnu --out ../sysroot > ../sysroot.out
cat ../sysroot.out
for line in "lib/crt0.o" "lib/libc.a             $PWD/target/release/librelibc.a" "lib/crt1.o             -> crt0.o" \
    "lib/libpthread.a       empty" "lib/libm.a             empty" "lib/libunwind_stubs.a  _Unwind_* stubs" "include/"; do
  expect_contains ../sysroot.out "$line"
done
[ "$(readlink ../sysroot/lib/Scrt1.o)" = crt0.o ]
[ -z "$(ar t ../sysroot/lib/librt.a)" ]
nm ../sysroot/lib/libgcc_eh.a > ../stubs.symbols
expect_contains ../stubs.symbols "T _Unwind_Resume"
expect_contains ../stubs.symbols "T _Unwind_GetIP"
[ -f ../sysroot/include/stdio.h ]
# -lgcc: compiler-rt's builtins (libclang-rt-22-dev), for C's complex arithmetic that Rust's
# compiler_builtins lacks
expect_contains ../sysroot.out "compiler-rt's builtins"
nm ../sysroot/lib/libgcc.a 2> /dev/null > ../libgcc.symbols
expect_contains ../libgcc.symbols "T __muldc3"

step "unwind stubs for the other Redox architectures"
for target in aarch64-unknown-redox riscv64gc-unknown-redox i586-unknown-redox; do
  "$CLIFWRAP" sysroot --relibc "$PWD" --target $target --out ../sysroot-$target > /dev/null
  readelf -h ../sysroot-$target/lib/libunwind_stubs.a > ../stubs-$target.header
done
expect_contains ../stubs-aarch64-unknown-redox.header "AArch64"
expect_contains ../stubs-riscv64gc-unknown-redox.header "RISC-V"
expect_contains ../stubs-i586-unknown-redox.header "Intel 80386"
# No aarch64 compiler-rt on an x86_64 Debian: libgcc.a is clifwrap's complex multiplication,
# compiled for the target, which relibc's libc.so needs; called directly under qemu-aarch64.
nm ../sysroot-aarch64-unknown-redox/lib/libgcc.a > ../libgcc-aarch64.symbols
for helper in __mulsc3 __muldc3 __multc3; do expect_contains ../libgcc-aarch64.symbols "T $helper"; done
if command -v aarch64-linux-gnu-gcc > /dev/null && command -v qemu-aarch64 > /dev/null && command -v aarch64-linux-gnu-nm > /dev/null; then
  # ours first; the system's libgcc after it only for binary128 arithmetic (__multf3: compiler_builtins' on Redox)
  aarch64-linux-gnu-gcc -O1 -nodefaultlibs -o ../complex-check "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/complex-multiply/check.c" \
    ../sysroot-aarch64-unknown-redox/lib/libgcc.a -lm -lc -lgcc
  aarch64-linux-gnu-nm ../complex-check > ../complex-check.symbols
  expect_contains ../complex-check.symbols " t __muldc3"  # hidden: clifwrap's, not the system libgcc's
  qemu-aarch64 -L /usr/aarch64-linux-gnu ../complex-check > ../complex-check.out || { cat ../complex-check.out; false; }
  expect_contains ../complex-check.out "complex multiplication: Annex G"
else
  echo "no aarch64-linux-gnu-gcc or qemu-aarch64: the helpers are not run (scripts/setup.sh installs both)"
fi

step "idempotent: a second run writes the same files"
(cd ../sysroot && find . -type f | sort | xargs sha256sum) > ../first.sums
"$CLIFWRAP" sysroot --relibc "$PWD" --target x86_64-unknown-linux-gnu --out ../sysroot > /dev/null
(cd ../sysroot && find . -type f | sort | xargs sha256sum) > ../second.sums
diff ../first.sums ../second.sums
[ -z "$(ls -a ../sysroot/lib | grep clifwrap)" ]

step "a program linked with the redox profile runs, and its .init fragment ran before main"
rustc --edition 2021 --crate-type lib -C panic=abort -C opt-level=1 --emit obj -o main.o program/main.rs
# main.rs calls the C part of the program (the doubles it passes to the libc's printf).
gcc -O1 -ffreestanding -fno-builtin -fno-stack-protector -nostdinc -I ../sysroot/include -c program/doubles.c -o doubles.o
CLIFWRAP_PROFILE=redox CLIFWRAP_SYSROOT=$E2E_SCRATCH/sysroot "$LINK" -static -nodefaultlibs -o prog main.o doubles.o -lc
run ./prog one > ../prog.out
[ "$status" = 42 ]
expect_contains ../prog.out "init ran before main"
expect_contains ../prog.out "one argument"

step "a toolchain directory's <gnu-target>-gcc, run by its path: its sysroot beside it, relibc's libc.so line"
mkdir -p ../tc/bin && ln -s "$CLIFWRAP" ../tc/bin/x86_64-unknown-redox-gcc && ln -s ../sysroot ../tc/x86_64-unknown-redox
"$E2E_SCRATCH/tc/bin/x86_64-unknown-redox-gcc" -static -nodefaultlibs -o prog-tc main.o doubles.o -lc  # not in PATH
run ./prog-tc one
[ "$status" = 42 ]
printf '{\n  environ;\n};\n' > ../dynlst.txt
# relibc's Makefile: $(CC) -nostdlib -shared … -o libc.so (its ld_so.o left out)
"$E2E_SCRATCH/tc/bin/x86_64-unknown-redox-gcc" -nostdlib -shared -Wl,--gc-sections -Wl,--dynamic-list=../dynlst.txt \
  -Wl,-z,pack-relative-relocs -Wl,--sort-common -Wl,--whole-archive target/release/librelibc.a -Wl,--no-whole-archive \
  -Wl,-soname,libc.so.6 -o ../libc.so
readelf -dW ../libc.so | grep 'SONAME.*libc.so.6' > /dev/null
run "$E2E_SCRATCH/tc/bin/x86_64-unknown-redox-gcc" -static -Wl,--no-such-option -o never main.o 2> ../tc-unknown.err
[ "$status" = 1 ]
expect_contains ../tc-unknown.err "no other linker for x86_64-unknown-redox stands behind x86_64-unknown-redox-gcc"

step "partial-link: objects and whole archives into one relocatable object"
"$CLIFWRAP" partial-link -o ../crti-crtn.o target/release/crti.o target/release/crtn.o > ../partial.out
expect_contains ../partial.out "one relocatable object from 2 inputs"
readelf -h ../crti-crtn.o | grep "REL (Relocatable file)" > /dev/null
"$CLIFWRAP" partial-link -o ../libcrti.o target/release/libcrti.a > /dev/null
readelf -sW ../libcrti.o > ../libcrti.symbols  # (binutils' nm trips over core's members)
grep -qE "FUNC +GLOBAL +DEFAULT +[0-9]+ _init$" ../libcrti.symbols

step "bad input: a corrupt archive, a missing crt0, an impossible output, a failed merge keeps the old files"
printf '!<arch>\nthis is not an archive member header\n' > ../corrupt.a
run "$CLIFWRAP" partial-link -o ../corrupt.o ../corrupt.a 2> ../corrupt.err
[ "$status" = 1 ]
expect_contains ../corrupt.err "corrupt.a"
[ ! -e ../corrupt.o ]
head -c 300 target/release/crti.o > ../cut.o  # its section table now lies past the end
(cd .. && ar rc cut.a cut.o)
run "$CLIFWRAP" partial-link -o ../cut-out.o ../cut.a 2> ../cut.err
[ "$status" = 1 ]
expect_contains ../cut.err "cut.a(cut.o): not a sound ELF object"
[ ! -e ../cut-out.o ]
mkdir -p ../no-crt0/target/release && cp target/release/librelibc.a target/release/crti.o target/release/crtn.o ../no-crt0/target/release/
run "$CLIFWRAP" sysroot --relibc ../no-crt0 --target x86_64-unknown-linux-gnu --out ../never 2> ../no-crt0.err
[ "$status" = 1 ]
expect_contains ../no-crt0.err "no crt0.o or libcrt0.a in the relibc build"
[ ! -e ../never ]
run "$CLIFWRAP" sysroot --relibc "$PWD" --target x86_64-unknown-linux-gnu --out /proc/clifwrap-sysroot 2> ../proc.err
[ "$status" = 1 ]
expect_contains ../proc.err "/proc/clifwrap-sysroot"
cp -r "$PWD" ../broken && rm ../broken/target/release/crt0.o && cp ../corrupt.a ../broken/target/release/libcrt0.a
sha=$(sha256sum < ../sysroot/lib/crt0.o)
run "$CLIFWRAP" sysroot --relibc ../broken --target x86_64-unknown-linux-gnu --out ../sysroot 2> ../broken.err
[ "$status" = 1 ]
expect_contains ../broken.err "libcrt0.a"
[ "$(sha256sum < ../sysroot/lib/crt0.o)" = "$sha" ]
[ -z "$(ls -a ../sysroot/lib | grep clifwrap)" ]
run "$CLIFWRAP" partial-link -o ../x.o 2> ../usage.err
[ "$status" = 2 ]
echo "relibc-shaped sysroot works"
