# What build scripts detect does not change under clifwrap. tests/e2e/fixtures/probing-graph holds
# crates whose build scripts probe the compiler with rustc calls of their own: autocfg's LLVM IR
# snippets on stdin (num-traits, num-integer, num-bigint, memoffset), rustix's snippets on stdin,
# proc-macro2's and anyhow's probe.rs. Built with the real toolchain plain and through clifwrap
# (Cranelift, no fallback), natively and as a cross build with -Zbuild-std: every build script's
# output the same, the program's output the same, the probes logged as probes and left untouched,
# the crates themselves compiled by Cranelift.
source "$(dirname "$0")/lib.sh"
use_real_toolchain

# build NAME [cargo args]: a fresh copy of the fixture, built in E2E_SCRATCH/NAME.
build() {
  local name=$1
  shift
  rm -rf "$E2E_SCRATCH/$name"
  cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/probing-graph" "$E2E_SCRATCH/$name"
  (cd "$E2E_SCRATCH/$name" && cargo build --locked "$@" 2> "$E2E_SCRATCH/$name.err") ||
    { cat "$E2E_SCRATCH/$name.err" >&2; return 1; }
}

# What every build script printed, one line per printed line, named by its package, with the
# build's own directory taken out: sorted, so two builds compare line by line.
script_outputs() {
  local dir=$1 file package
  find "$dir/target" -path '*/build/*/output' | while read -r file; do
    package=$(basename "$(dirname "$file")")
    sed "s#$dir#BUILD#g; s#^#${package%-*}: #" "$file"
  done | sort
}

# compare NAME: the plain build and the one through clifwrap, named plain-NAME and clif-NAME.
compare() {
  script_outputs "$E2E_SCRATCH/plain-$1" > "$E2E_SCRATCH/plain-$1.outputs"
  script_outputs "$E2E_SCRATCH/clif-$1" > "$E2E_SCRATCH/clif-$1.outputs"
  diff "$E2E_SCRATCH/plain-$1.outputs" "$E2E_SCRATCH/clif-$1.outputs"
  # autocfg's finding, the one a failed probe loses (num-traits' total_cmp).
  expect_contains "$E2E_SCRATCH/clif-$1.outputs" "num-traits: cargo:rustc-cfg=has_total_cmp"
  "$E2E_SCRATCH/plain-$1/target/$2/probing-graph" > "$E2E_SCRATCH/plain-$1.run"
  "$E2E_SCRATCH/clif-$1/target/$2/probing-graph" > "$E2E_SCRATCH/clif-$1.run"
  diff "$E2E_SCRATCH/plain-$1.run" "$E2E_SCRATCH/clif-$1.run"
  expect_contains "$E2E_SCRATCH/clif-$1.run" "total_cmp(-0.0, 0.0) = Less"
}

# check_log LOG: the probes untouched and logged as probes; the crates compiled by Cranelift.
check_log() {
  grep '"crate":"autocfg_' "$1" > "$1.autocfg"
  expect_contains "$1.autocfg" '"kind":"probe","verdict":"pass-through"'
  expect_not_contains "$1.autocfg" '"backend":"'
  grep '"crate":"proc_macro2"' "$1" | grep '"kind":"probe"' > /dev/null
  for crate in num_traits num_integer num_bigint memoffset proc_macro2 anyhow rustix probing_graph; do
    expect_backend "$1" $crate cranelift
  done
  "$CLIFWRAP" report "$1" > "$1.report"
  grep -E "build scripts' probes run untouched: [1-9]" "$1.report" > /dev/null
}

step "native: plain, then through clifwrap"
build plain-native
CLIFWRAP_LOG=$E2E_SCRATCH/native.log RUSTC_WRAPPER=$CLIFWRAP build clif-native
compare native debug
check_log "$E2E_SCRATCH/native.log"

step "cross build with -Zbuild-std: plain, then through clifwrap"
target=x86_64-unknown-linux-gnu
build plain-cross -Zbuild-std --target $target
CLIFWRAP_LOG=$E2E_SCRATCH/cross.log RUSTC_WRAPPER=$CLIFWRAP build clif-cross -Zbuild-std --target $target
compare cross $target/debug
check_log "$E2E_SCRATCH/cross.log"
expect_backend "$E2E_SCRATCH/cross.log" std cranelift
echo "PASS"
