# Bad input gets one clear error line and nothing else: a missing rustc, an unreadable @argfile, a
# malformed config, a bad setting. Unknown rustc options pass through untouched.
source "$(dirname "$0")/lib.sh"

echo 'pub fn f() {}' > lib.rs
export CLIFWRAP_BACKEND=llvm

expect_one_error() {  # expected-status file needle
  expect_count "$2" "clifwrap: error:" 1
  [ "$(wc -l < "$2")" = 1 ] || { echo "more than one line in $2" >&2; cat "$2" >&2; return 1; }
  expect_contains "$2" "$3"
  [ "$1" = "$status" ] || { echo "exit status $status, expected $1" >&2; return 1; }
}

step "missing rustc"
run "$CLIFWRAP" ./no-such-rustc --crate-type lib lib.rs 2> missing-rustc.err
expect_one_error 1 missing-rustc.err "./no-such-rustc"

step "unreadable @argfile"
run "$CLIFWRAP" /usr/bin/rustc @missing.args 2> argfile.err
expect_one_error 1 argfile.err "missing.args"

step "malformed clifwrap.toml names file and line"
printf 'backend = "llvm"\n[link\n' > clifwrap.toml
run "$CLIFWRAP" /usr/bin/rustc --crate-type lib lib.rs 2> config.err
expect_one_error 2 config.err "clifwrap.toml:2"

step "unknown key names file, line and key"
printf 'backend = "llvm"\nfalback = "off"\n' > clifwrap.toml
run "$CLIFWRAP" /usr/bin/rustc --crate-type lib lib.rs 2> key.err
expect_one_error 2 key.err "clifwrap.toml:2: unknown key \`falback\`"
rm clifwrap.toml

step "a bad value in the environment names the variable"
run env CLIFWRAP_FALLBACK=sometimes "$CLIFWRAP" /usr/bin/rustc --crate-type lib lib.rs 2> env.err
expect_one_error 2 env.err "CLIFWRAP_FALLBACK"

step "a relative path in the environment is an error naming the variable, and nothing is written there"
mkdir -p crate-dir
for setting in CLIFWRAP_LOG=../relative.log CLIFWRAP_CACHE_DIR=cache CLIFWRAP_CONFIG=clifwrap.toml \
  CLIFWRAP_SYSROOT=sysroot CLIFWRAP_BACKEND=./librustc_codegen_cranelift.so CLIFWRAP_WRAPPER=bin/sccache; do
  (cd crate-dir && run env "$setting" "$CLIFWRAP" /usr/bin/rustc --crate-type lib ../lib.rs 2> ../relative.err; echo "$status" > ../relative.status)
  status=$(cat relative.status)
  expect_one_error 2 relative.err "${setting%%=*}: \`${setting#*=}\` is a relative path"
  expect_contains relative.err "${setting%%=*}=\"\$PWD/${setting#*=}\""
done
[ ! -e relative.log ]; [ ! -e crate-dir/cache ]; [ ! -e crate-dir/liblib.rlib ]

step "a relative [link] sysroot in clifwrap.toml is relative to the file's directory"
mkdir -p project/member
printf '[link]\nprofile = "gnu"\nsysroot = "redox-sysroot"\n' > project/clifwrap.toml
(cd project/member && run "$CLIFWRAP" doctor --rustc /usr/bin/rustc > ../../doctor.out)
expect_contains doctor.out "$E2E_SCRATCH/project/redox-sysroot"

step "clifwrap redox-toolchain: a target that is not Redox, a relibc without its build: errors first, nothing written"
run "$CLIFWRAP" redox-toolchain --target x86_64-unknown-linux-gnu --relibc . --out tc 2> tc-target.err
expect_one_error 1 tc-target.err "x86_64-unknown-linux-gnu: not a Redox target"
mkdir -p empty-relibc
run "$CLIFWRAP" redox-toolchain --target x86_64-unknown-redox --relibc empty-relibc --out tc 2> tc-relibc.err
expect_one_error 1 tc-relibc.err "no crt0.o or libcrt0.a in the relibc build"
run "$CLIFWRAP" redox-toolchain --target x86_64-unknown-redox 2> tc-usage.err
expect_one_error 2 tc-usage.err "give --relibc DIR"
[ ! -e tc ]
ls -a > listing
expect_not_contains listing .tc.clifwrap-

step "unknown rustc options pass through untouched: rustc itself rejects them"
"$CLIFWRAP" explain /usr/bin/rustc --frobnicate --crate-type lib lib.rs > explain.out
expect_contains explain.out "--frobnicate (kept as written)"
expect_contains explain.out "runs        /usr/bin/rustc --frobnicate --crate-type lib lib.rs -Zcodegen-backend=llvm"
run "$CLIFWRAP" /usr/bin/rustc --frobnicate --crate-type lib lib.rs 2> unknown.err
[ "$status" = 1 ]
expect_contains unknown.err "Unrecognized option: 'frobnicate'"
expect_not_contains unknown.err "clifwrap"

step "usage errors exit 2; --help and --version exit 0"
run "$CLIFWRAP" 2> none.err
[ "$status" = 2 ]
run "$CLIFWRAP" --bogus 2> bogus.err
[ "$status" = 2 ]
"$CLIFWRAP" --help | grep "CLIFWRAP_BACKEND" > /dev/null
"$CLIFWRAP" --version | grep "^clifwrap " > /dev/null

step "a signal that kills rustc is the wrapper's status too"
cat > sleepy-rustc.sh <<'SH'
#!/bin/bash
case "$1" in -vV) exec /usr/bin/rustc -vV ;; --print) exec /usr/bin/rustc "$@" ;; esac
kill -TERM $$
SH
chmod +x sleepy-rustc.sh
run "$CLIFWRAP" ./sleepy-rustc.sh --crate-type lib lib.rs
[ "$status" = 143 ]

echo "PASS"
