#!/usr/bin/env bash
# Re-captures the link command lines in this directory from the real rustc 1.96 and gcc.
# For each case: <case>.args holds what rustc handed its linker (one argument per line, linker
# name first), <case>.gcc what gcc's driver passes on to the linker for the same arguments
# (`gcc -###`, the collect2 line, one argument per line). Scratch paths become /src.
# Usage: tests/data/link-1.96/capture.sh   (needs rustc-web, rust-web-src, gcc; about 30 s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d /tmp/clifwrap-capture.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
export PATH=/usr/bin:$PATH CARGO_HOME=$scratch/cargo-home LC_ALL=C
unset LIBRARY_PATH   # gcc turns it into -L options that belong to this machine only

# The linker rustc runs: writes its arguments down, then does nothing else (no output file is needed).
cat >"$scratch/record-link" <<'REC'
#!/bin/sh
out=$CAPTURE_TO; : >"$out"
printf '%s\n' "$(basename "$0")" >>"$out"
for a in "$@"; do printf '%s\n' "$a" >>"$out"; done
REC
chmod +x "$scratch/record-link"

sanitize() { sed -e "s|$scratch|/src|g" -e 's|/rustc[A-Za-z0-9]\{6\}/|/rustc-tmp/|g'; }

capture_gnu_cc() {  # case, rustc flags...
  local case=$1; shift
  mkdir -p "$scratch/$case" && cd "$scratch/$case"
  printf 'fn main() { println!("hi"); }\n' >main.rs
  [[ " $* " == *" cdylib "* ]] && printf '#[no_mangle] pub extern "C" fn hi() -> i32 { 7 }\n' >main.rs
  CAPTURE_TO=$scratch/$case.raw rustc -C linker="$scratch/record-link" -C save-temps "$@" main.rs
  sanitize <"$scratch/$case.raw" | sed '1s/.*/cc/' >"$here/$case.args"
  # gcc -### prints the collect2 command quoted, one line; split it into one argument per line.
  tail -n +2 "$scratch/$case.raw" | tr '\n' '\0' | xargs -0 gcc -### 2>&1 | grep '/collect2 ' |
    xargs -n1 printf '%s\n' | sanitize | sed -e 's|/tmp/cc[A-Za-z0-9]*\.res|/tmp/cc-tmp.res|' >"$here/$case.gcc"
}

capture_gnu_cc gnu-cc-pie
capture_gnu_cc gnu-cc-no-pie -C relocation-model=static
capture_gnu_cc gnu-cc-static-pie -C target-feature=+crt-static
capture_gnu_cc gnu-cc-static -C target-feature=+crt-static -C relocation-model=static
capture_gnu_cc gnu-cc-cdylib --crate-type cdylib

# gcc's default libraries (rustc always turns them off with -nodefaultlibs; a build system may not).
capture_plain_gcc() {  # case, gcc arguments...
  local case=$1; shift
  { echo cc; printf '%s\n' "$@"; } >"$here/$case.args"
  gcc -### "$@" 2>&1 | grep '/collect2 ' | xargs -n1 printf '%s\n' |
    sed -e 's|/tmp/cc[A-Za-z0-9]*\.res|/tmp/cc-tmp.res|' >"$here/$case.gcc"
}
capture_plain_gcc gcc-plain-pie -o prog main.o -lm
capture_plain_gcc gcc-plain-static -static -o prog main.o -lm

# gnu-lld: a no_std binary for x86_64-unknown-none, core built offline by cargo -Zbuild-std.
mkdir -p "$scratch/bare/src" "$scratch/bare/.cargo" && cd "$scratch/bare"
cat >Cargo.toml <<'TOML'
[package]
name = "bare"
version = "0.1.0"
edition = "2021"
[profile.release]
panic = "abort"
TOML
cat >src/main.rs <<'RS'
#![no_std]
#![no_main]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn _start() -> ! { loop {} }
RS
cat >.cargo/config.toml <<TOML
[source.crates-io]
replace-with = "rust-library-vendor"
[source.rust-library-vendor]
directory = "/usr/src/rustc-1.96.0/library/vendor"
TOML
CAPTURE_TO=$scratch/gnu-lld-none.raw RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_X86_64_UNKNOWN_NONE_LINKER="$scratch/record-link" \
  cargo build -q --offline --release -Zbuild-std=core --target x86_64-unknown-none
sanitize <"$scratch/gnu-lld-none.raw" | sed '1s/.*/rust-lld/' >"$here/gnu-lld-none.args"
echo "captured into $here"
