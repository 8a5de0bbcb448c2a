# C-variadic definitions with the real backend (scripts/toolchain/cg_clif-c-variadic-definitions.patch).
# A C program (tests/e2e/fixtures/c-variadic/driver.c) calls Rust variadic functions with unnamed
# arguments in registers and on the stack: none, more integers and more doubles than registers,
# ints/doubles/pointers interleaved, named arguments that fill the registers and the stack, a struct
# returned through memory, the list handed to C's vsnprintf and to a Rust v-function, a copy walked
# twice. Debug and release, x86_64 natively and aarch64 (cross, run under qemu-user); each output
# equals that of the same library built by LLVM (the toolchain's rustc without -Zcodegen-backend),
# and the driver's own checks pass. Compiled by Cranelift by hand and through clifwrap with the
# fallback off. Unpatched, cg_clif refuses the crate: "Defining variadic functions is not yet
# supported by Cranelift".
source "$(dirname "$0")/lib.sh"
use_real_toolchain
for tool in gcc aarch64-linux-gnu-gcc qemu-aarch64; do
  command -v $tool > /dev/null || { echo "$tool is missing: scripts/setup.sh installs it" >&2; exit 1; }
done
cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/c-variadic" crate
use_library_vendor crate "$REAL_TOOLCHAIN/lib/rustlib/src/rust/library/vendor"
cd crate
export RUSTC_BOOTSTRAP=1

# Builds the library (WAY: llvm, clif = by hand, clifwrap), links the driver, runs it into NAME.out.
# aarch64 cross-builds core with -Zbuild-std; by hand only the fixture gets -Zcodegen-backend (core
# for aarch64-unknown-linux-gnu has 128-bit atomics, which cg_clif refuses: real_aarch64_atomics).
# LLVM and by hand share a target directory (core is built once; only the fixture differs).
build_and_run() {  # NAME ARCH PROFILE WAY
  local name=$1 arch=$2 profile=$3 way=$4 dir=$E2E_SCRATCH/$1
  local target_dir=$E2E_SCRATCH/$arch-$profile-$([ "$way" = clifwrap ] && echo clifwrap || echo cargo)
  local cargo_args=(--target-dir "$target_dir") lib=$target_dir/$profile/libc_variadic.a cc=gcc runner=()
  [ "$profile" = release ] && cargo_args+=(--release)
  if [ "$arch" = aarch64 ]; then
    cargo_args+=(--offline -Zbuild-std=core --target aarch64-unknown-linux-gnu)
    lib=$target_dir/aarch64-unknown-linux-gnu/$profile/libc_variadic.a cc=aarch64-linux-gnu-gcc
    runner=(qemu-aarch64 -L /usr/aarch64-linux-gnu)
  fi
  case $way in
    llvm) cargo rustc -q "${cargo_args[@]}" ;;
    clif) cargo rustc -q "${cargo_args[@]}" -- -Zcodegen-backend=cranelift ;;
    clifwrap)
      CLIFWRAP_LOG=$dir.log RUSTC_WRAPPER=$CLIFWRAP cargo build -q "${cargo_args[@]}"
      expect_backend "$dir.log" c_variadic cranelift
      ;;
  esac 2> "$dir.err" || { cat "$dir.err" >&2; return 1; }
  # The library's own objects name the backend that compiled them.
  mkdir -p "$dir"
  cp "$lib" "$dir/lib.a"
  ar x --output "$dir" "$dir/lib.a"
  if [ "$way" = llvm ]; then
    readelf -p .comment "$dir"/c_variadic-*.o > "$dir.comment"
    expect_not_contains "$dir.comment" cranelift
  else
    readelf -p .comment "$dir"/c_variadic-*.o | grep "with cranelift" > /dev/null
  fi
  "$cc" -O1 -o "$dir/driver" driver.c "$dir/lib.a"
  "${runner[@]}" "$dir/driver" > "$E2E_SCRATCH/$name.out"
  expect_contains "$E2E_SCRATCH/$name.out" "c-variadic all ok"
}

for arch in x86_64 aarch64; do
  for profile in debug release; do
    step "$arch $profile: LLVM"
    build_and_run $arch-$profile-llvm $arch $profile llvm
    for way in clif clifwrap; do
      step "$arch $profile: Cranelift ($way), the same output as LLVM's"
      build_and_run $arch-$profile-$way $arch $profile $way
      diff "$E2E_SCRATCH/$arch-$profile-llvm.out" "$E2E_SCRATCH/$arch-$profile-$way.out"
    done
  done
done
cat "$E2E_SCRATCH/aarch64-release-clif.out"
echo "PASS"
