# The first things a newcomer gets wrong each end with the next command to run: clifwrap run by
# hand with nothing, doctor against a rustc without Cranelift, and cargo told RUSTC_WRAPPER=clifwrap
# while clifwrap is not on PATH (cargo's own words must be in the README, with the fix).
source "$(dirname "$0")/lib.sh"

step "clifwrap alone: how cargo runs it, and doctor"
run "$CLIFWRAP" 2> alone.err
[ "$status" = 2 ]
expect_contains alone.err "RUSTC_WRAPPER=clifwrap cargo build"
expect_contains alone.err "clifwrap doctor"
expect_contains alone.err "clifwrap --help"

step "doctor with Debian's rustc (no Cranelift backend) and no toolchain built"
run "$CLIFWRAP" doctor --rustc /usr/bin/rustc > doctor.out
[ "$status" = 1 ]
expect_contains doctor.out "FAIL  backend"
expect_contains doctor.out "scripts/toolchain.sh build"
expect_contains doctor.out "note  toolchain  none in $CLIFWRAP_CACHE_DIR/toolchains"

step "cargo with RUSTC_WRAPPER=clifwrap, clifwrap not on PATH"
cargo new -q --offline hello 2> /dev/null || cargo new -q hello
(cd hello && run env PATH=/usr/bin:/bin RUSTC_WRAPPER=clifwrap cargo build --offline 2> ../cargo.err; echo "$status" > ../cargo.status)
[ "$(cat cargo.status)" != 0 ]
expect_contains cargo.err 'could not execute process `clifwrap rustc -vV` (never executed)'
expect_contains "$CLIFWRAP_SOURCE_DIR/README.md" 'could not execute process `clifwrap rustc -vV` (never executed)'
