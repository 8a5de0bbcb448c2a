#!/usr/bin/env bash
# The Cranelift toolchain: rustc 1.96.0 on the nightly channel with the `llvm` (default) and
# `cranelift` codegen backends, built once per machine from Debian's rust-web-src against Debian's
# LLVM 22, into clifwrap's cache where every checkout finds it. The user contract is
# docs/toolchain.md; the facts behind the settings are in the project's TOOLCHAIN notes.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/toolchain.sh COMMAND

commands:
  build    build the toolchain unless it is already there; resumes an interrupted build,
           and is a no-op when the installed toolchain's stamp matches the source and settings
  path     print the toolchain's directory (exit 1 when it is not built)
  status   say whether it is built, from what, and where the build log is
  prune    remove the kept build directory (the next build starts from scratch)

environment:
  CLIFWRAP_CACHE_DIR        cache root (default: $XDG_CACHE_HOME/clifwrap or ~/.cache/clifwrap)
  CLIFWRAP_STAGE0           sysroot of the bootstrap compiler (default: rustup's stable when it
                            is 1.95.0, which src/stage0 names; else Debian's /usr, rustc 1.96)
  CLIFWRAP_TOOLCHAIN_JOBS   parallel jobs (default: the number of cores)
EOF
}

readonly version=1.96.0
readonly name=$version-cranelift  # driver/backend/cranelift_toolchain.cpp looks for this name
readonly source_dir=/usr/src/rustc-$version
readonly llvm_config=/usr/lib/llvm-22/bin/llvm-config
readonly host=x86_64-unknown-linux-gnu
readonly here=$(cd "$(dirname "$0")" && pwd)
# Each patch says in its header what it fixes, why, and the upstream issue or PR it relates to; each
# has a test in the real tier that fails without it (docs/toolchain.md lists them).
readonly patches=(
  "$here/toolchain/cg_clif-asm-unstable-options.patch"
  "$here/toolchain/cg_clif-f128-cmp-target-arch.patch"
  "$here/toolchain/cg_clif-asm-sym.patch"
  "$here/toolchain/cg_clif-builtins-hidden.patch"
  "$here/toolchain/cg_clif-asm-intel-immediates-and-features.patch"
  "$here/toolchain/cg_clif-softfloat-libcalls.patch"
  "$here/toolchain/cg_clif-softfloat-popcount.patch"
  "$here/toolchain/cg_clif-c-variadic-definitions.patch"
)

readonly cache=${CLIFWRAP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clifwrap}
readonly toolchains=$cache/toolchains
readonly installed=$toolchains/$name
readonly stamp=$installed/clifwrap-toolchain.stamp
readonly work=$toolchains/$name.build # kept between runs: an interrupted build resumes here
readonly log=$work/build.log

started=$SECONDS
say() { printf '[toolchain %3dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }
die() { printf 'toolchain: error: %s\n' "$*" >&2; exit 1; }

# bootstrap.toml for a stage-1 compiler with both backends. Each setting's reason:
# - download-ci-llvm = false, link-shared, llvm-config: Debian's LLVM 22 (libLLVM.so.22.1), no LLVM build.
# - optimized-compiler-builtins = false: true wants src/llvm-project (compiler-rt), which the tarball lacks.
# - lld = false: true panics with an external llvm-config; codegen-tests = false: they need FileCheck.
# - vendor/submodules = false: no vendor/ and no .git; the compiler's crates come from crates.io.
bootstrap_toml() { # STAGE0_SYSROOT BUILD_DIR JOBS
  cat <<EOF
change-id = "ignore"

[llvm]
download-ci-llvm = false
link-shared = true

[build]
rustc = "$1/bin/rustc"
cargo = "$1/bin/cargo"
build-dir = "$2"
jobs = $3
docs = false
extended = false
vendor = false
submodules = false
locked-deps = false
optimized-compiler-builtins = false
profiler = false

[rust]
channel = "nightly"
codegen-backends = ["llvm", "cranelift"]
debug = false
debuginfo-level = 0
codegen-tests = false
lld = false
deny-warnings = false

[target.$host]
llvm-config = "$llvm_config"
EOF
}

# What the installed toolchain is built from. A stamp that differs means rebuild.
source_key() {
  printf 'source rust-web-src %s\n' "$(dpkg-query -W -f='${Version}' rust-web-src 2>/dev/null || echo missing)"
  printf 'llvm %s\n' "$("$llvm_config" --version 2>/dev/null || echo missing)"
}
build_key() {
  source_key
  printf 'settings %s\n' "$({ bootstrap_toml STAGE0 BUILD JOBS; cat "${patches[@]}"; } | sha256sum | cut -c1-16)"
}
is_installed() { [ -f "$stamp" ] && [ "$(head -n 3 "$stamp")" = "$(build_key)" ]; }

# The bootstrap compiler: src/stage0 names 1.95.0. Debian's 1.96 works as well, but bootstrap then
# copies all of /usr/lib into a stage0 sysroot (local-rebuild mode), so rustup's comes first.
find_stage0() {
  if [ -n "${CLIFWRAP_STAGE0:-}" ]; then
    [ -x "$CLIFWRAP_STAGE0/bin/rustc" ] && [ -x "$CLIFWRAP_STAGE0/bin/cargo" ] ||
      die "CLIFWRAP_STAGE0=$CLIFWRAP_STAGE0 has no bin/rustc and bin/cargo"
    echo "$CLIFWRAP_STAGE0"
    return
  fi
  local rustup_sysroot
  rustup_sysroot=$(rustup run stable rustc --print sysroot 2>/dev/null || true)
  if [ -n "$rustup_sysroot" ] && [[ "$("$rustup_sysroot/bin/rustc" -V 2> /dev/null)" == "rustc 1.95.0 "* ]]; then
    echo "$rustup_sysroot"
  elif [[ "$(/usr/bin/rustc -V 2> /dev/null)" == "rustc 1.96."* ]]; then
    echo /usr
  else
    die "no bootstrap compiler: need rustup's stable 1.95.0 or Debian's rustc-web 1.96 (scripts/setup.sh installs it), or set CLIFWRAP_STAGE0"
  fi
}

check_prerequisites() {
  [ -f "$source_dir/x.py" ] || die "$source_dir/x.py not found: install rust-web-src (scripts/setup.sh)"
  [ -x "$llvm_config" ] || die "$llvm_config not found: install llvm-22-dev (scripts/setup.sh)"
  [ "$(id -u)" != 0 ] || [ -z "${SUDO_USER:-}" ] || die "do not run under sudo: bootstrap then insists on vendored crates"
  local free_kb
  free_kb=$(df -Pk "$toolchains" | awk 'NR == 2 { print $4 }')
  [ "$free_kb" -gt $((15 * 1024 * 1024)) ] || say "warning: only $((free_kb / 1024 / 1024)) GB free under $toolchains; the build needs about 15 GB"
}

# A writable copy of the source: Debian's lock files are re-resolved by cargo, and the patches apply.
prepare_source() {
  if [ -f "$work/source.key" ] && [ "$(cat "$work/source.key")" != "$(source_key)" ]; then
    say "source or LLVM changed since the kept build: starting over"
    rm -rf "$work"
  fi
  mkdir -p "$work"
  local patched
  patched=$(cat "${patches[@]}" | sha256sum | cut -c1-16)
  if [ "$(cat "$work/src/.clifwrap-source-ready" 2> /dev/null)" = "$patched" ]; then
    say "source: kept copy in $work/src"
    return
  fi
  # cp -a keeps the files' times, so after a change of patches cargo rebuilds only what they touch.
  say "source: copying $source_dir and applying ${#patches[@]} patches"
  rm -rf "$work/src" "$work/src.partial"
  cp -a "$source_dir" "$work/src.partial"
  local p
  for p in "${patches[@]}"; do
    patch -d "$work/src.partial" -p1 --forward --quiet < "$p" || die "patch $(basename "$p") does not apply to $source_dir"
  done
  echo "$patched" > "$work/src.partial/.clifwrap-source-ready"
  mv "$work/src.partial" "$work/src"
  source_key > "$work/source.key"
}

# x.py's output goes to the log; its "Building …" lines are the phases shown on the terminal.
run_bootstrap() {
  local stage0=$1 jobs=$2
  bootstrap_toml "$stage0" "$work/build" "$jobs" > "$work/src/bootstrap.toml"
  say "build: x.py build --stage 1 library (stage0 $("$stage0/bin/rustc" -V | cut -d' ' -f2), $jobs jobs)"
  (
    cd "$work/src"
    # The toolchain is built as it comes, whatever the caller's cargo and linker settings are.
    env -u RUSTC_WRAPPER -u RUSTC -u RUSTFLAGS -u CARGO_BUILD_RUSTFLAGS -u CARGO_TARGET_DIR \
      -u CARGO_BUILD_TARGET -u LDFLAGS -u RUSTC_BOOTSTRAP \
      python3 x.py build --stage 1 library 2>&1
  ) | tee -a "$log" | while IFS= read -r line; do
    case $line in
      Building* | "Build completed"*) say "$line" ;;
    esac
  done || die "x.py failed; the last lines of $log:
$(tail -n 25 "$log")
An interrupted or failed build resumes where it stopped: run the same command again."
}

# Copies the stage-1 sysroot (bootstrap recreates it on every run) and gives it a library source of
# its own in place of bootstrap's absolute symlinks into the build directory.
install_toolchain() {
  local stage1=$work/build/$host/stage1 staging=$toolchains/.$name.partial
  ls "$stage1/lib/rustlib/$host/codegen-backends/"librustc_codegen_cranelift-*.so > /dev/null 2>&1 ||
    die "the build finished without the cranelift backend in $stage1/lib/rustlib/$host/codegen-backends"
  say "install: copying the stage-1 sysroot and the library source"
  rm -rf "$staging"
  cp -a "$stage1" "$staging"
  rm -rf "$staging/lib/rustlib/src" "$staging/lib/rustlib/rustc-src"
  mkdir -p "$staging/lib/rustlib/src/rust"
  cp -a "$work/src/library" "$staging/lib/rustlib/src/rust/library"
  verify_toolchain "$staging"
  {
    build_key
    printf 'stage0 %s\n' "$1"
    printf 'built %s in %ds wall on %s cores\n' "$(date -u +%FT%TZ)" $((SECONDS - started)) "$(nproc)"
  } > "$staging/clifwrap-toolchain.stamp.tmp"
  mv "$staging/clifwrap-toolchain.stamp.tmp" "$staging/clifwrap-toolchain.stamp"
  if [ -e "$installed" ]; then
    rm -rf "$toolchains/.$name.old"
    mv "$installed" "$toolchains/.$name.old"
  fi
  mv "$staging" "$installed"
  rm -rf "$toolchains/.$name.old"
}

# A hello world compiled by Cranelift must run before the toolchain is called built.
verify_toolchain() {
  local root=$1 scratch=$work/verify
  rm -rf "$scratch" && mkdir -p "$scratch"
  local release
  release=$("$root/bin/rustc" -vV | sed -n 's/^release: //p')
  [ "$release" = "$version-nightly" ] || die "$root/bin/rustc is $release, not $version-nightly"
  printf 'fn main() { println!("hello from cranelift"); }\n' > "$scratch/hello.rs"
  "$root/bin/rustc" -Zcodegen-backend=cranelift -o "$scratch/hello" "$scratch/hello.rs" >> "$log" 2>&1 ||
    die "the new rustc cannot compile hello world with -Zcodegen-backend=cranelift (see $log)"
  [ "$("$scratch/hello")" = "hello from cranelift" ] || die "hello world compiled by Cranelift printed the wrong thing"
  rm -rf "$scratch"
  say "verify: hello world compiled by Cranelift runs"
}

build() {
  if is_installed; then
    echo "toolchain: $installed is built (stamp matches)"
    return
  fi
  mkdir -p "$toolchains"
  check_prerequisites
  exec 9> "$toolchains/$name.lock"
  if ! flock -n 9; then
    say "another build holds $toolchains/$name.lock; waiting for it"
    flock 9
  fi
  if is_installed; then
    echo "toolchain: $installed was built by the run we waited for"
    return
  fi
  local stage0 jobs=${CLIFWRAP_TOOLCHAIN_JOBS:-$(nproc)}
  stage0=$(find_stage0)
  say "building rustc $version with the Cranelift backend into $installed"
  say "full log: $log (about 20 minutes on 2 cores the first time)"
  prepare_source
  printf '\n=== %s: build with stage0 %s\n' "$(date -u +%FT%TZ)" "$stage0" >> "$log"
  run_bootstrap "$stage0" "$jobs"
  install_toolchain "$stage0"
  local cpu
  times > "$work/times"  # not in $(…): a subshell's `times` knows nothing of this shell's children
  cpu=$(tail -n 1 "$work/times" | awk '{ print $1 " user, " $2 " system" }')
  say "done: $installed"
  say "wall $((SECONDS - started)) s; CPU of this run: $cpu; disk: toolchain $(du -sh "$installed" | cut -f1), kept build $(du -sh "$work" | cut -f1)"
}

status() {
  if is_installed; then
    echo "built: $installed"
    tail -n +4 "$stamp"
  elif [ -f "$stamp" ]; then
    echo "stale: $installed was built from other source or settings; run scripts/toolchain.sh build"
  else
    echo "not built: run scripts/toolchain.sh build"
  fi
  if [ -f "$toolchains/$name.lock" ] && ! flock -n "$toolchains/$name.lock" true; then
    echo "a build is running; its log: $log"
  elif [ -d "$work" ]; then
    echo "kept build directory: $work ($(du -sh "$work" | cut -f1)); log: $log"
  fi
}

case ${1:-} in
  build) build ;;
  path)
    is_installed || { echo "toolchain: not built; run scripts/toolchain.sh build" >&2; exit 1; }
    echo "$installed"
    ;;
  status) status ;;
  prune) rm -rf "$work" && echo "removed $work" ;;
  -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
