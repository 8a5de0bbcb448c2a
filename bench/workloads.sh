# The benchmarks' workloads, sourced by bench/whole_build.sh and bench/time_split.sh: the
# environment they build in and one build of one workload, one way, one profile (whole_build.sh
# lists the workloads and the ways). Run as `bash bench/workloads.sh FUNCTION ARGS...` it runs one
# of its functions in a shell of its own with errexit on (set -e is ignored in a function whose
# status its caller tests), in the environment bench_environment exported.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

kernel_flags="-C link-arg=-T -C link-arg=linker.ld -C relocation-model=static -C linker=/usr/lib/llvm-22/bin/ld.lld"
redox=x86_64-unknown-redox

# One build: `one_build WORKLOAD WAY PROFILE TARGET-DIR LOG [cargo options...]`, with BENCH_RUSTFLAGS
# added to the RUSTFLAGS of the plain and by-hand ways.
one_build() {
  local workload=$1 way=$2 profile=$3 target_dir=$4 log=$5 args=() flags=""
  shift 5
  [ "$profile" = release ] && args+=(--release)
  case $way in
    clifwrap | clifwrap-host | clifwrap-cgu1) export CLIFWRAP_BACKEND=cranelift CLIFWRAP_LOG=$log ;;&
    clifwrap-host) export CLIFWRAP_HOST=backend ;;
    clifwrap-cgu1) export CARGO_PROFILE_DEV_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 ;;
  esac
  case $workload in
    relibc)
      [ "$way" = plain ] || export RUSTC_WRAPPER=$clifwrap
      local options=() option
      for option in "$@"; do [ "$option" = -q ] || options+=("$option"); done  # its lines are quiet already
      cook_relibc "$target_dir" "${options[@]}"
      ;;
    recipe)
      # The cookbook's two lines for this recipe; its CARGO_TARGET_DIR is the recipe's build/target.
      local rustc=()
      [ "$way" = plain ] && rustc=(RUSTC="$COOK/prefix/bin/rustc-real")
      rm -rf "$COOK/recipe/build" "$COOK/recipe/stage"
      cookbook_env "${rustc[@]}" cargo install --target "$redox" --path "$COOK/recipe/source/." \
        --root "$COOK/recipe/stage/usr" --no-track --locked "$@"
      cookbook_env "${rustc[@]}" cargo build --target "$redox" --manifest-path "$COOK/recipe/source/Cargo.toml" \
        --package tool --release --locked "$@"
      ;;
    *)
      [ "$workload" = kernel-x86_64 ] && args+=(-Zbuild-std=core,alloc --target x86_64-unknown-none) && flags=$kernel_flags
      cd "$work/$workload"
      case $way in
        plain) RUSTFLAGS="$flags ${BENCH_RUSTFLAGS:-}" cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
        by-hand) RUSTFLAGS="$flags -Zcodegen-backend=cranelift ${BENCH_RUSTFLAGS:-}" cargo build "${args[@]}" \
          --target-dir "$target_dir" "$@" ;;
        clifwrap*) RUSTC_WRAPPER=$clifwrap cargo build "${args[@]}" --target-dir "$target_dir" "$@" ;;
      esac
      ;;
  esac
}


# The build directory (the first argument, default build/) and its clifwrap, checked.
bench_build_dir() {  # [build-dir]
  build=$(cd "${1:-$root/build}" && pwd)
  clifwrap=$build/clifwrap
  [ -x "$clifwrap" ] || { echo "bench: $clifwrap not found; run scripts/build.sh first" >&2; exit 2; }
}

# The median of numbers, one per word of stdin.
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The environment every build runs in, exported: the Cranelift toolchain's rustc (its default
# backend is LLVM), Debian's cargo, a scratch directory `work` (removed on exit) holding copies of the
# examples and its own CARGO_HOME, and the crate graph's sources fetched (downloads are no part of a
# build's time). Needs `clifwrap` set by the caller.
bench_environment() {
  toolchain=$("$root/scripts/toolchain.sh" path) || { echo "bench: run scripts/toolchain.sh build first" >&2; exit 2; }
  export PATH=/usr/bin:$PATH LC_ALL=C RUSTC=$toolchain/bin/rustc RUSTC_BOOTSTRAP=1
  unset RUSTC_WRAPPER RUSTFLAGS CARGO_TARGET_DIR CLIFWRAP_LOG CLIFWRAP_BACKEND CLIFWRAP_FALLBACK CLIFWRAP_HOST
  work=$(mktemp -d /tmp/clifwrap-whole-build.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  export CARGO_HOME=$work/cargo-home work clifwrap COOK=$work/cook CLIFWRAP=$clifwrap CLIFWRAP_SOURCE_DIR=$root
  cp -r "$root/examples/crates" "$root/examples/workspace" "$root/examples/kernel-x86_64" "$root/examples/kernel-common" "$work/"
  (cd "$work/crates" && cargo fetch -q)
}

# The recipe workload's toolchain directory, $COOK/prefix, made as a Redox developer makes one:
# relibc's recipe through clifwrap, `clifwrap redox-toolchain` (std by Cranelift), and a libc.so.
recipe_prefix() {
  mkdir -p "$COOK"
  (export RUSTC_WRAPPER=$clifwrap CLIFWRAP_BACKEND=cranelift && cook_relibc "$COOK/relibc")
  "$clifwrap" redox-toolchain --target "$redox" --relibc "$COOK/relibc" --out "$COOK/prefix" --rustc "$RUSTC"
  cook_stub_libc_so "$COOK/relibc" "$COOK/prefix"
  mkdir -p "$COOK/recipe"
  cp -r "$root/tests/e2e/fixtures/redox-recipe" "$COOK/recipe/source"
}

source "$root/tests/e2e/redox_cook.sh"
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  "$@"
fi
