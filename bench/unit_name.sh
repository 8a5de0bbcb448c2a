#!/bin/sh
# RUSTC_WRAPPER for bench/time_split.sh: names each rustc call on stderr before its -Ztime-passes
# lines (cargo forwards both), so each block of them is credited to its crate.
name=?
previous=
for arg in "$@"; do
  [ "$previous" = --crate-name ] && name=$arg
  previous=$arg
done
echo "time_split unit: $name" >&2
exec "$@"
