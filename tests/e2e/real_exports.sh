# What a shared library exports does not change with the backend. The relibc-shaped example's C
# library (examples/userspace/src/libc), built as relibc builds librelibc.a (a staticlib through
# `cargo rustc -- --emit link=…`, with -Zbuild-std=core,alloc,compiler_builtins), is linked into
# libc.so with relibc's own link line through clifwrap-link, once compiled by Cranelift and once by
# LLVM. The C symbols both export are the same, and the Cranelift one exports none of
# compiler_builtins' functions (LLVM makes them WEAK HIDDEN; the toolchain's
# cg_clif-builtins-hidden.patch does the same). Rust's mangled names are left out of the
# comparison: which generic instances exist depends on each backend's inlining, and no C program
# links against them.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
LINK=$(dirname "$CLIFWRAP")/clifwrap-link
cp -r "$CLIFWRAP_SOURCE_DIR/examples/userspace" relibc
use_library_vendor relibc "$REAL_TOOLCHAIN/lib/rustlib/src/rust/library/vendor"
cd relibc

for backend in cranelift llvm; do
  step "librelibc.a compiled by $backend, linked into libc.so with relibc's line"
  CLIFWRAP_BACKEND=$backend CLIFWRAP_LOG=$E2E_SCRATCH/$backend.log RUSTC_WRAPPER=$CLIFWRAP \
    cargo rustc -q --release -p relibc -Zbuild-std=core,alloc,compiler_builtins --target x86_64-unknown-linux-gnu \
    --target-dir "$E2E_SCRATCH/target-$backend" -- --emit link="$E2E_SCRATCH/librelibc-$backend.a"
  expect_backend "$E2E_SCRATCH/$backend.log" compiler_builtins $([ $backend = cranelift ] && echo cranelift || echo llvm)
  "$LINK" -nostdlib -shared -Wl,--gc-sections -Wl,-z,pack-relative-relocs -Wl,--sort-common \
    -Wl,--whole-archive "$E2E_SCRATCH/librelibc-$backend.a" -Wl,--no-whole-archive -Wl,-soname,libc.so.6 \
    -o "$E2E_SCRATCH/libc-$backend.so"
  # Defined, exported symbols: name only.
  readelf --dyn-syms -W "$E2E_SCRATCH/libc-$backend.so" |
    awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $5 != "LOCAL" { print $8 }' | sort -u > "$E2E_SCRATCH/exports-$backend"
  grep -vE '^(_ZN|_R)' "$E2E_SCRATCH/exports-$backend" > "$E2E_SCRATCH/c-exports-$backend" || true
  echo "$backend: $(wc -l < "$E2E_SCRATCH/exports-$backend") exported, $(wc -l < "$E2E_SCRATCH/c-exports-$backend") of them C names"
done

step "the same C symbols exported, and none of compiler_builtins'"
diff "$E2E_SCRATCH/c-exports-llvm" "$E2E_SCRATCH/c-exports-cranelift"
expect_contains "$E2E_SCRATCH/c-exports-cranelift" "strlen"
for builtin in __udivti3 __adddf3 __muloti4 __floattidf; do
  expect_not_contains "$E2E_SCRATCH/exports-cranelift" "$builtin"
done
echo "PASS"
