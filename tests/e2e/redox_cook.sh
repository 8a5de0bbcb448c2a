# The Redox cookbook's ways of building, as functions sourced by tests/e2e/real_cookbook.sh (which
# checks what they make) and bench/whole_build.sh (which times them). They read CLIFWRAP (the
# clifwrap binary), CLIFWRAP_SOURCE_DIR (the source tree) and COOK (the directory everything goes
# under), and build for x86_64-unknown-redox. cargo is run as its caller set it up: RUSTC,
# RUSTC_WRAPPER and the log come from the environment.
COOK_TARGET=x86_64-unknown-redox

# relibc's recipe lines over the relibc-shaped example (examples/userspace) copied to DIR:
# crt0/crti/crtn by `cargo rustc -- --emit obj=`, librelibc.a by `--emit link=`, the C part
# (openlibm/) by make with the cross gcc, libc.a from both by `ar -M`.
cook_relibc() {  # DIR [cargo options...]
  local dir=$1 crt out
  shift
  rm -rf "$dir"
  cp -r "$CLIFWRAP_SOURCE_DIR/examples/userspace" "$dir"
  (
    cd "$dir"
    out=$PWD/target/$COOK_TARGET/release
    mkdir -p "$out"
    for crt in crt0 crti crtn; do
      cargo rustc -q --release --manifest-path "src/$crt/Cargo.toml" -Z build-std=core,alloc,compiler_builtins \
        --target="$COOK_TARGET" "$@" -- --emit obj="$out/$crt.o" -C panic=abort
    done
    cargo rustc -q --release -p relibc -Z build-std=core,alloc,compiler_builtins --target="$COOK_TARGET" "$@" -- \
      --emit link="$out/librelibc.a"
    # its C part as relibc builds openlibm: the cross gcc's name (clifwrap's C compiler face, no
    # sysroot yet: the headers are the libc's own), its headers beside the libc's, merged into libc.a
    mkdir -p bin
    ln -sf "$CLIFWRAP" "bin/$COOK_TARGET-gcc"
    cp openlibm/include/*.h include/
    PATH=$PWD/bin:$PATH make -s -C openlibm AR=ar CC="$COOK_TARGET-gcc" \
      CPPFLAGS="-fno-stack-protector -I$PWD/include" libopenlibm.a
    printf 'CREATE %s\nADDLIB %s\nADDLIB %s\nSAVE\nEND\n' "$out/libc.a" "$out/librelibc.a" \
      openlibm/libopenlibm.a | ar -M
  )
}

# A libc.so for the toolchain directory PREFIX made from the relibc in RELIBC: the example's
# librelibc.a and its C part whole, as relibc's libc.so line has them, and a stub (ud2) for each
# other symbol std's rlibs leave undefined (the example has Linux system calls, not all of libc).
# Then `clifwrap sysroot` lays it out in PREFIX/<target>.
cook_stub_libc_so() {  # RELIBC PREFIX
  local relibc=$1 prefix=$2 lib=$1/target/$COOK_TARGET/release
  nm --defined-only "$prefix"/lib/rustlib/$COOK_TARGET/lib/*.rlib "$lib/librelibc.a" "$relibc/openlibm/libopenlibm.a" \
    "$prefix/$COOK_TARGET/lib/libunwind_stubs.a" 2> /dev/null | awk 'NF == 3 { print $3 }' | sort -u > "$COOK/defined"
  nm --undefined-only "$prefix"/lib/rustlib/$COOK_TARGET/lib/*.rlib 2> /dev/null | awk '$1 == "U" { print $2 }' |
    sort -u > "$COOK/wanted"
  comm -23 "$COOK/wanted" "$COOK/defined" > "$COOK/stubbed"
  [ "$(wc -l < "$COOK/stubbed")" -gt 20 ] # __errno, write, pthread_*, ...
  {
    echo '#![no_std]'
    echo 'core::arch::global_asm!('
    sed 's/.*/    ".globl &\\n.type &, @function\\n&: ud2",/' "$COOK/stubbed"
    echo ');'
  } > "$COOK/stubs.rs"
  "$prefix/bin/rustc" --target "$COOK_TARGET" --crate-type lib --emit obj -o "$COOK/stubs.o" -Zcodegen-backend=llvm \
    "$COOK/stubs.rs"
  "$(dirname "$CLIFWRAP")/clifwrap-link" -nostdlib -shared -Wl,-soname,libc.so.6 -o "$lib/libc.so" \
    -Wl,--whole-archive "$lib/librelibc.a" "$relibc/openlibm/libopenlibm.a" -Wl,--no-whole-archive "$COOK/stubs.o"
  "$CLIFWRAP" sysroot --relibc "$relibc" --target "$COOK_TARGET" --out "$prefix/$COOK_TARGET" > /dev/null
}

# The environment cargo gets from redoxer (src/env.rs) and the cook scripts, for x86_64, over the
# toolchain directory $COOK/prefix and the recipe directory $COOK/recipe: no RUSTFLAGS and no RUSTC,
# the toolchain's bin/ first on PATH, the linker set to <gnu-target>-gcc, the C tools by their
# cross names (redoxer names AS, CXX and PKG_CONFIG too, which the directory does not have). The recipe's registry
# crates (itoa, cc) come from Debian's registry, offline, as the fixture's .cargo/config.toml says
# (cargo reads that only from its working directory, so $COOK/cargo-home gets it too).
cookbook_env() {  # command...
  local T=$COOK_TARGET
  if [ ! -f "$COOK/cargo-home/config.toml" ]; then
    mkdir -p "$COOK/cargo-home" "$COOK/recipe/sysroot/lib"
    cp "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/redox-recipe/.cargo/config.toml" "$COOK/cargo-home/config.toml"
  fi
  env -u RUSTFLAGS -u RUSTC \
    PATH="$COOK/prefix/bin:$PATH" RUSTUP_TOOLCHAIN="$COOK/prefix" REDOXER_TOOLCHAIN="$COOK/prefix" \
    TARGET=$T GNU_TARGET=$T AR=$T-gcc-ar AS=$T-as CC=$T-gcc CXX=$T-g++ LD=$T-ld NM=$T-gcc-nm OBJCOPY=$T-objcopy \
    OBJDUMP=$T-objdump PKG_CONFIG=$T-pkg-config RANLIB=$T-gcc-ranlib READELF=$T-readelf STRIP=$T-strip \
    CARGO_TARGET_X86_64_UNKNOWN_REDOX_LINKER=$T-gcc \
    CARGO_TARGET_X86_64_UNKNOWN_REDOX_RUSTFLAGS="-C target-feature=-crt-static -L native=$COOK/recipe/sysroot/lib -C link-arg=-Wl,-rpath-link,$COOK/recipe/sysroot/lib -C force-frame-pointers=yes" \
    CARGO_TARGET_DIR="$COOK/recipe/build/target" CARGO_HOME="$COOK/cargo-home" "$@"
}

# The cookbook's cookbook_configure (src/cook/script.rs) for a recipe built as its default, static,
# run in the build directory: configure --host with the cook's CPPFLAGS and LDFLAGS (`--static`),
# make, make install into STAGE.
cookbook_configure() {  # SOURCE STAGE
  local flags=(CPPFLAGS="-I$COOK/recipe/sysroot/include" LDFLAGS="-L$COOK/recipe/sysroot/lib --static")
  cookbook_env "${flags[@]}" "$1/configure" --host="$COOK_TARGET" --prefix=/usr --disable-shared --enable-static
  cookbook_env "${flags[@]}" make -j 2
  cookbook_env "${flags[@]}" make install DESTDIR="$2"
}
