#!/usr/bin/env bash
# How ctest runs one fuzz target: run_fuzz.sh TARGET LOG ARTIFACT_PREFIX [libFuzzer arguments...]
# libFuzzer's progress (a line per new unit, thousands of them) goes to LOG. The test prints the
# final statistics when the run is clean; when it is not, the report and each failing input in
# base64, so that what CI shows is enough to reproduce the failure:
#   base64 -d > input; TARGET input
set -uo pipefail
target=$1 log=$2 artifacts=$3
shift 3
rm -f "$artifacts"*
# stdin is closed: an input may name /dev/stdin as a response file.
"$target" -artifact_prefix="$artifacts" "$@" < /dev/null > "$log" 2>&1
status=$?
if [[ $status -eq 0 ]]; then
  grep -a -E '^(Done|stat::)' "$log"
  exit 0
fi
echo "$(basename "$target") failed (exit $status); its whole output is in $log"
# The report starts at the sanitizer's or libFuzzer's first error line, or our own message.
awk '/==[0-9]+==ERROR|ERROR: libFuzzer|runtime error:|read back:|^SUMMARY/ { found = 1 } found' "$log" | head -60
for input in "$artifacts"*; do
  [[ -f $input ]] || continue
  echo "failing input $input ($(stat -c %s "$input") bytes), base64:"
  base64 -w 0 "$input"
  echo
done
exit "$status"
