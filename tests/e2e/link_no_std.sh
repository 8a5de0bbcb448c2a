# A no_std x86_64-unknown-none binary (gnu-lld flavor: rustc runs `<linker> -flavor gnu ...`) built
# with -Zbuild-std through clifwrap links in-process. Debian ships no rust-lld, so without
# clifwrap-link this link cannot run here at all.
source "$(dirname "$0")/lib.sh"

cp -r "$CLIFWRAP_SOURCE_DIR/tests/e2e/fixtures/bare-none" bare
use_library_vendor bare
cd bare

step "built through clifwrap with -Zbuild-std=core"
RUSTC_BOOTSTRAP=1 CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/build.log RUSTC_WRAPPER=$CLIFWRAP \
  cargo build -q --offline --release -Zbuild-std=core --target x86_64-unknown-none
exe=target/x86_64-unknown-none/release/bare-none

step "linked by lld in-process, as rustc's GNU ld line asked"
grep '"kind":"link"' ../build.log > ../link.log
expect_contains ../link.log '"verdict":"linked"'
expect_contains ../link.log '"reason":"pie, none profile, lld in-process, FP/SIMD check"'
expect_contains ../link.log '"--gc-sections"'
readelf -p .comment "$exe" > ../comment
expect_contains ../comment "LLD 22"

step "an ELF with an entry point and code"
readelf -hS "$exe" > ../headers
expect_contains ../headers "Machine:                           Advanced Micro Devices X86-64"
expect_not_contains ../headers "Entry point address:               0x0"
expect_contains ../headers " .text "
echo "no_std binary linked in-process"
