# Every option and variable the code accepts is in the help and in docs/configuration.md: the
# CLIFWRAP_* names and the long options are read out of the sources (string literals), so a new
# one that nobody documented fails here. Each subcommand's own --help works.
source "$(dirname "$0")/lib.sh"
src=$CLIFWRAP_SOURCE_DIR
link=$(dirname "$CLIFWRAP")/clifwrap-link

step "clifwrap --help and clifwrap-link --help"
"$CLIFWRAP" --help > help.out
"$link" --help >> help.out

step "what the code accepts, from its string literals"
git -C "$src" ls-files -- '*.cpp' '*.hpp' ':!tests' ':!bench' | sed "s#^#$src/#" > sources
grep -ohE '"CLIFWRAP_[A-Z_]+"' $(cat sources) | tr -d '"' | sort -u > variables
grep -ohE '"--[a-z][a-z-]*"|\{"-[a-z]",' "$src"/driver/{main.cpp,commands/side_commands.cpp,link/link_mode.cpp} |
  grep -oE '"-[^"]+"' | tr -d '"' | sort -u > options
[ "$(wc -l < variables)" -ge 12 ] || { echo "found too few variables, is the pattern stale?" >&2; cat variables >&2; exit 1; }
[ "$(wc -l < options)" -ge 10 ] || { echo "found too few options, is the pattern stale?" >&2; cat options >&2; exit 1; }

step "each is in the help and in docs/configuration.md"
missing=0
while read -r name; do
  grep -qF -- "$name" help.out || { echo "missing from --help: $name" >&2; missing=1; }
  grep -qF -- "$name" "$src/docs/configuration.md" || { echo "missing from docs/configuration.md: $name" >&2; missing=1; }
done < <(cat variables options)
[ "$missing" = 0 ]

step "each subcommand has its own --help"
for command in doctor explain report target partial-link sysroot redox-toolchain; do
  "$CLIFWRAP" "$command" --help > "$command.help"
  expect_contains "$command.help" "usage: clifwrap $command"
  grep -qF "clifwrap $command" help.out
done
echo "help_complete: $(wc -l < variables) variables and $(wc -l < options) options, all documented"
