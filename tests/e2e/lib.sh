# Shared by the end-to-end tests: strict mode, a scratch directory of the test's own, Debian's
# cargo/rustc first in PATH (rustup's proxies would hide them), and `step` names that make a failure
# say where it happened.
set -euo pipefail

: "${CLIFWRAP:?set CLIFWRAP to the clifwrap binary (ctest does)}"
: "${CLIFWRAP_SOURCE_DIR:?set CLIFWRAP_SOURCE_DIR to the source tree (ctest does)}"
: "${E2E_SCRATCH:=$(mktemp -d)}"

CURRENT_STEP="start"
step() {
  CURRENT_STEP="$*"
  echo "--- $*"
}
trap 'echo "FAILED in step: $CURRENT_STEP (line $LINENO of $(basename "$0"))" >&2' ERR

rm -rf "$E2E_SCRATCH"
mkdir -p "$E2E_SCRATCH"
cd "$E2E_SCRATCH"

export PATH=/usr/bin:$PATH
export CARGO_HOME=$E2E_SCRATCH/cargo-home
USER_CACHE_DIR=${CLIFWRAP_CACHE_DIR:-}  # where scripts/toolchain.sh keeps the Cranelift toolchain
export CLIFWRAP_CACHE_DIR=$E2E_SCRATCH/cache
unset RUSTC_WRAPPER RUSTC RUSTC_BOOTSTRAP RUSTFLAGS CARGO_TARGET_DIR CLIFWRAP_BACKEND CLIFWRAP_FALLBACK \
  CLIFWRAP_HOST CLIFWRAP_WRAPPER CLIFWRAP_LOG CLIFWRAP_CONFIG CLIFWRAP_LINK CLIFWRAP_PROFILE CLIFWRAP_SYSROOT \
  CLIFWRAP_LINK_TARGET CLIFWRAP_LINK_ORIGINAL || true

# A fresh copy of the example workspace.
copy_workspace() {
  rm -rf "$1"
  cp -r "$CLIFWRAP_SOURCE_DIR/examples/workspace" "$1"
  rm -rf "$1/target"
}

# Offline -Zbuild-std for the project in DIR: crates.io replaced by the library's vendored crates
# (Debian's rust-web-src by default, or the Cranelift toolchain's library source).
use_library_vendor() {  # DIR [VENDOR_DIR]
  mkdir -p "$1/.cargo"
  printf '[source.crates-io]\nreplace-with = "rust-library-vendor"\n[source.rust-library-vendor]\ndirectory = "%s"\n' \
    "${2:-/usr/src/rustc-1.96.0/library/vendor}" > "$1/.cargo/config.toml"
}

# The lines of a CLIFWRAP_LOG file for one crate.
log_lines_for() { grep "\"crate\":\"$2\"" "$1" || true; }

expect_contains() {  # haystack-file needle
  if ! grep -qF -- "$2" "$1"; then
    echo "expected to find: $2" >&2
    echo "in $1:" >&2
    sed 's/^/    /' "$1" >&2
    return 1
  fi
}

# Runs a command that may fail; its exit status lands in $status.
run() { set +e; "$@"; status=$?; set -e; }

expect_not_contains() {
  if grep -qF -- "$2" "$1"; then
    echo "did not expect: $2 in $1" >&2
    return 1
  fi
}

expect_count() {  # file needle count
  local n
  n=$(grep -cF -- "$2" "$1" || true)
  if [ "$n" != "$3" ]; then
    echo "expected $3 lines with: $2, found $n in $1" >&2
    sed 's/^/    /' "$1" >&2
    return 1
  fi
}

# The librustc_driver-<hash>.so of Debian's rustc, and a directory with fake cg_clif dylibs: one
# linked against that exact library (as a self-built backend for this rustc would be) and one
# against another hash (a backend built for another nightly).
make_fake_backends() {
  local dir=$1
  mkdir -p "$dir"
  DRIVER=$(basename /usr/lib/x86_64-linux-gnu/librustc_driver-*.so)
  echo 'void __rustc_codegen_backend(void) {}' > "$dir/backend.c"
  gcc -shared -fPIC -o "$dir/librustc_codegen_cranelift.so" "$dir/backend.c" \
    -Wl,--no-as-needed "/usr/lib/x86_64-linux-gnu/$DRIVER"
  echo 'void rustc_driver_stub(void) {}' > "$dir/stub.c"
  gcc -shared -fPIC -o "$dir/librustc_driver-0123456789abcdef.so" "$dir/stub.c" \
    -Wl,-soname,librustc_driver-0123456789abcdef.so
  mkdir -p "$dir/other"
  gcc -shared -fPIC -o "$dir/other/librustc_codegen_cranelift.so" "$dir/backend.c" \
    -Wl,--no-as-needed "$dir/librustc_driver-0123456789abcdef.so"
}

# The real backend: rustc 1.96.0 with cg_clif from scripts/toolchain.sh (in the user's cache, not
# this test's), CLIFWRAP_BACKEND=cranelift, and no fallback unless the test turns it on.
use_real_toolchain() {
  local root
  root=$(CLIFWRAP_CACHE_DIR=$USER_CACHE_DIR "$CLIFWRAP_SOURCE_DIR/scripts/toolchain.sh" path) ||
    { echo "the real tier needs the Cranelift toolchain: run scripts/toolchain.sh build" >&2; return 1; }
  REAL_TOOLCHAIN=$root
  export RUSTC=$root/bin/rustc CLIFWRAP_BACKEND=cranelift CLIFWRAP_FALLBACK=off
}

# Every compile of a crate in a clifwrap log was done by one backend, and there was one at least.
expect_backend() {  # log crate backend
  local lines
  lines=$(grep "\"crate\":\"$2\"" "$1" | grep '"verdict":"rewrite"' | grep -v '"kind":"probe"' || true)
  if [ -z "$lines" ]; then
    echo "no compile of $2 in $1" >&2
    return 1
  fi
  if grep -v "\"backend\":\"$3\"" <<< "$lines" | grep . > /dev/null; then
    echo "$2 was not compiled by $3 in every call:" >&2
    sed 's/^/    /' <<< "$lines" >&2
    return 1
  fi
}
