# A log that explains itself (the example workspace, LLVM standing in): each line keeps the call as
# cargo made it, its working directory and settings, and every change with its reason; `clifwrap
# explain` replays a logged call by crate name or from the line itself and gives the account it
# gives for the original call; `clifwrap report` summarises the build, also as JSON.
source "$(dirname "$0")/lib.sh"
copy_workspace ws
cd ws
export CLIFWRAP_BACKEND=llvm CLIFWRAP_LOG=$E2E_SCRATCH/build.log
RUSTC_WRAPPER=$CLIFWRAP cargo build -q --target-dir "$E2E_SCRATCH/target"

step "a rewritten call's line: the original call, its directory, settings, every change"
grep '"crate":"greet"' "$CLIFWRAP_LOG" > greet.line
expect_contains greet.line '"original":["rustc","--crate-name","greet"'
expect_contains greet.line "\"cwd\":\"$PWD\""
expect_contains greet.line '"settings":["CLIFWRAP_BACKEND=llvm","CLIFWRAP_FALLBACK=llvm","CLIFWRAP_HOST=passthrough","CLIFWRAP_LINK=embedded"'
expect_contains greet.line '"changes":["added `-Zcodegen-backend=llvm`: the backend: llvm (standing in for Cranelift)","environment RUSTC_BOOTSTRAP=1: '

step "explain --log LOG CRATE replays it: the same account as for the original call"
"$CLIFWRAP" explain --log "$CLIFWRAP_LOG" greet > replay.out
cat replay.out
expect_contains replay.out "replaying crate greet from its log line"
expect_contains replay.out "verdict     rewrite: target unit"
expect_contains replay.out "change      added \`-Zcodegen-backend=llvm\`"
expect_contains replay.out "what happened: backend llvm, exit 0"
mapfile -d '' -t original < <(python3 -c 'import json,sys; sys.stdout.write("\0".join(json.load(open(sys.argv[1]))["original"]))' greet.line)
CLIFWRAP_BACKEND=llvm "$CLIFWRAP" explain "${original[@]}" > direct.out
diff <(sed -n '/^crate/,/^runs/p' replay.out) <(sed -n '/^crate/,/^runs/p' direct.out)

step "explain '<line>' replays the line itself, even with other settings in today's environment"
CLIFWRAP_BACKEND=cranelift "$CLIFWRAP" explain "$(cat greet.line)" > line.out
diff <(sed -n '/^crate/,/^runs/p' replay.out) <(sed -n '/^crate/,/^runs/p' line.out)

step "a crate the log does not have: the error lists those it has"
run "$CLIFWRAP" explain --log "$CLIFWRAP_LOG" nosuch 2> nosuch.err
[ "$status" = 1 ]
expect_contains nosuch.err "no compile of crate \`nosuch\` in the log"
expect_contains nosuch.err "greet"

step "--emit obj=PATH removed: listed in dropped and in changes with its reason"
printf '#![no_std]\npub fn f() -> u32 { 7 }\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! { loop {} }\n' > lib.rs
"$CLIFWRAP" /usr/bin/rustc --crate-name objdemo --crate-type staticlib -C panic=abort --emit=link --emit=obj="$PWD/objdemo.o" lib.rs
grep '"crate":"objdemo"' "$CLIFWRAP_LOG" > objdemo.line
expect_contains objdemo.line "\"dropped\":[\"--emit=obj=$PWD/objdemo.o\"]"
expect_contains objdemo.line "dropped \`--emit=obj=$PWD/objdemo.o\`: the objects come from the archive this compile writes"
[ -f objdemo.o ]

step "report: one row per compile, the totals, and the same as JSON"
"$CLIFWRAP" report "$CLIFWRAP_LOG" > report.out
cat report.out
grep -E '^greet_macros +- +host +untouched ' report.out
grep -E '^greet +[^ ]+ +target +llvm ' report.out
expect_contains report.out "LLVM compiled: greet (by setting), hello (by setting), itoa (by setting), objdemo (by setting)"
expect_contains report.out "rustc ran untouched (its own backend): build_script_build, greet_macros"
expect_contains report.out "compiled by Cranelift: 0; fell back to LLVM: 0; LLVM by setting: 4; untouched (probes left out): 2"
"$CLIFWRAP" report --json "$CLIFWRAP_LOG" > report.json
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; assert (t["llvm_by_setting"], t["untouched"]) == (4, 2), t' report.json
run "$CLIFWRAP" report "$E2E_SCRATCH/missing.log"
[ "$status" = 1 ]
echo "PASS"
