#!/usr/bin/env bash
# Proves the README's two commands on a fresh machine: a new Debian bookworm root (debootstrap,
# minbase) in a folder of its own, a clean clone of this repository's HEAD in it, and inside a
# chroot (with /proc, /sys and /dev mounted, nothing of the host's toolchains visible, no rustup:
# only Debian's packages and crates.io) `./scripts/main-job.sh` and then `./scripts/test.sh`, each
# with its result and time. Too slow for CI (tens of minutes); run it before a change to setup,
# build or test scripts lands. Needs root (debootstrap, mount, chroot).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/fresh-machine-check.sh [--host-toolchain] [--new-base] [--keep]

  --host-toolchain  bind-mount the host's built Cranelift toolchain (scripts/toolchain.sh) into the
                    root, so the check does not build it again (about 20 minutes on 2 cores)
  --new-base        debootstrap again instead of unpacking the cached minbase tarball
  --keep            leave the root in place afterwards (default: removed when the check passes)

environment:
  CLIFWRAP_CACHE_DIR  cache root (default: ~/.cache/clifwrap): keeps fresh-machine/bookworm-minbase.tar
  CLIFWRAP_FRESH_DIR  where the root and the logs go (default: build/fresh-machine)
EOF
}

host_toolchain=0 new_base=0 keep=0
for arg in "$@"; do
  case $arg in
    --host-toolchain) host_toolchain=1 ;;
    --new-base) new_base=1 ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'fresh-machine-check: unknown argument %q\n' "$arg" >&2; usage >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CLIFWRAP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clifwrap}
base_tar=$cache/fresh-machine/bookworm-minbase.tar
dir=${CLIFWRAP_FRESH_DIR:-$root/build/fresh-machine}
rootfs=$dir/root
readonly mirror=http://deb.debian.org/debian

die() { printf 'fresh-machine-check: error: %s\n' "$*" >&2; exit 1; }
started=$SECONDS
say() { printf '[fresh %3dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount and chroot); run it as root"
if [ "$host_toolchain" -eq 1 ]; then
  host_toolchains=$cache/toolchains
  "$root/scripts/toolchain.sh" path > /dev/null ||
    die "--host-toolchain: no built toolchain under $host_toolchains; run scripts/toolchain.sh build first"
fi

unmount_all() {
  # Deepest first; a root left mounted must never be removed, so removal waits for this to succeed.
  local m
  for m in $(awk -v r="$rootfs/" 'index($2, r) == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount -l "$m" || return 1
  done
}
trap 'unmount_all || echo "fresh-machine-check: could not unmount under $rootfs" >&2' EXIT

if [ -d "$dir" ]; then
  unmount_all || die "mounts under $rootfs are busy; unmount them, then remove $dir"
  rm -rf --one-file-system "$dir"
fi
mkdir -p "$rootfs"

# 1. A plain bookworm root. The minbase tarball is Debian's alone (nothing of the project), so
#    keeping it between checks keeps the check fresh and saves debootstrap's few minutes.
if [ "$new_base" -eq 1 ] || [ ! -f "$base_tar" ]; then
  command -v debootstrap > /dev/null || {
    say "installing debootstrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap > /dev/null
  }
  say "debootstrap --variant=minbase bookworm (log: $dir/debootstrap.log)"
  mkdir -p "$(dirname "$base_tar")"
  debootstrap --variant=minbase --make-tarball="$base_tar.partial" bookworm "$dir/tarball-work" "$mirror" \
    > "$dir/debootstrap.log" 2>&1 || die "debootstrap --make-tarball failed; see $dir/debootstrap.log"
  rm -rf "$dir/tarball-work"
  mv "$base_tar.partial" "$base_tar"
fi
say "unpacking and installing the minbase root from $base_tar"
debootstrap --variant=minbase --unpack-tarball="$base_tar" bookworm "$rootfs" "$mirror" \
  >> "$dir/debootstrap.log" 2>&1 || die "debootstrap --unpack-tarball failed; see $dir/debootstrap.log"

# The same archive suites as a Debian bookworm machine: bookworm, its updates and its security suite (where
# LLVM 22 and rustc-web 1.96 come from).
cat > "$rootfs/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# The network's own certificate authorities (a machine here may reach crates.io through a
# TLS proxy whose CA it trusts): they belong to the network, not to the project, so the root gets
# them too; ca-certificates, which setup.sh installs, adds them to the bundle.
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  mkdir -p "$rootfs/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
fi

# 2. A clean clone of what is committed: the check proves HEAD, not the work tree.
git clone --quiet --no-hardlinks "$root" "$rootfs/root/clifwrap"
say "cloned $(git -C "$root" rev-parse --short HEAD) into the root"

mount -t proc proc "$rootfs/proc"
mount -t sysfs sysfs "$rootfs/sys"
mount --rbind /dev "$rootfs/dev"
mount --make-rslave "$rootfs/dev"
if [ "$host_toolchain" -eq 1 ]; then
  mkdir -p "$rootfs/root/.cache/clifwrap/toolchains"
  mount --bind "$host_toolchains" "$rootfs/root/.cache/clifwrap/toolchains"
  say "the host's Cranelift toolchain is mounted at /root/.cache/clifwrap/toolchains"
fi

# 3. The README's two commands, in order, each with a clean environment.
failed=0
run_in_root() { # NAME COMMAND
  local name=$1 command=$2 log=$dir/$1.log t0=$SECONDS rc=0
  say "$command (log: $log)"
  env -i HOME=/root TERM=dumb LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    chroot "$rootfs" /bin/bash -c "cd /root/clifwrap && $command" > "$log" 2>&1 || rc=$?
  local took=$((SECONDS - t0))
  if [ "$rc" -eq 0 ]; then
    say "$command: passed in $((took / 60)) min $((took % 60)) s"
  else
    say "$command: FAILED (exit $rc) after $((took / 60)) min $((took % 60)) s; its last lines:"
    tail -n 25 "$log" | sed 's/^/    /'
    failed=1
  fi
}
run_in_root main-job ./scripts/main-job.sh
run_in_root test ./scripts/test.sh

unmount_all || die "could not unmount under $rootfs"
trap - EXIT
if [ "$failed" -eq 0 ] && [ "$keep" -eq 0 ]; then
  rm -rf --one-file-system "$rootfs"
  say "both commands passed; root removed, logs kept in $dir"
elif [ "$failed" -eq 0 ]; then
  say "both commands passed; root kept in $rootfs"
else
  say "a command failed; root kept in $rootfs for a look (chroot $rootfs /bin/bash)"
  exit 1
fi
