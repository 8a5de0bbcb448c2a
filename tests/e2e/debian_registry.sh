# The examples and test fixtures that build offline resolve their crates.io dependencies against Debian's registry
# (/usr/share/cargo/registry, filled by librust-*-dev packages). A fresh machine has only what
# scripts/setup.sh installs, so each locked registry package must be there, and its Debian
# package must be in setup.sh: this fails naming the package to add, before a build fails with
# cargo's "no matching package named ..." somewhere else.
source "$(dirname "$0")/lib.sh"
src=$CLIFWRAP_SOURCE_DIR
registry=/usr/share/cargo/registry

checked=0
for config in "$src"/examples/*/.cargo/config.toml "$src"/tests/e2e/fixtures/*/.cargo/config.toml; do
  grep -qF "$registry" "$config" || continue
  example=$(dirname "$(dirname "$config")")
  step "$(basename "$example"): every locked registry package is in $registry"
  # name and version of each [[package]] whose source is a registry, from Cargo.lock
  python3 - "$example/Cargo.lock" > locked <<'PY'
import sys, tomllib
for package in tomllib.load(open(sys.argv[1], "rb"))["package"]:
    if package.get("source", "").startswith("registry+"):
        print(package["name"], package["version"])
PY
  while read -r name version; do
    debian_package=librust-${name//_/-}-dev
    if [ ! -d "$registry/$name-$version" ]; then
      echo "missing: $name $version is not in $registry; install $debian_package and add it to scripts/setup.sh" >&2
      exit 1
    fi
    grep -qE "(^|[[:space:]])$debian_package([[:space:]]|$)" "$src/scripts/setup.sh" ||
      { echo "$debian_package (for $name $version) is installed here but not in scripts/setup.sh: a fresh machine lacks it" >&2; exit 1; }
    checked=$((checked + 1))
  done < locked
done
[ "$checked" -gt 0 ] || { echo "no example resolved against $registry: is this test stale?" >&2; exit 1; }
echo "debian_registry: $checked locked registry packages present and installed by setup.sh"
