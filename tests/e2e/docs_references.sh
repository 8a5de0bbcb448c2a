# Every file of the project that the docs, the README or a source file's comments name exists: a
# path under one of the project's top folders (driver/x.cpp, docs/x.md, tests/e2e/x.sh, …), as
# written in the text. Globs and placeholders (<name>, `specs-*`) are left out.
source "$(dirname "$0")/lib.sh"
cd "$CLIFWRAP_SOURCE_DIR"

step "paths named in README.md, docs/ and the sources' comments"
git ls-files README.md 'docs/*.md' '*.hpp' '*.cpp' '*.h' > "$E2E_SCRATCH/texts"
# A path starts the word (not the tail of another path, nor $build/…) and is not cut short by a glob.
grep -ohP '(?<![\w/$.-])(common|driver|targets|linkplan|llvm_module|crt|tests|examples|bench|scripts|docs)/[\w./-]*\w(?![\w*<{-])' \
  $(cat "$E2E_SCRATCH/texts") | sort -u > "$E2E_SCRATCH/named"
missing=0
while read -r path; do
  case $path in *'*'* | *'<'* | tests/e2e-scratch* | */target/*) continue ;; esac
  [ -e "$path" ] || [ -e "${path%.}" ] || { echo "named but missing: $path" >&2; missing=1; }
done < "$E2E_SCRATCH/named"
# A source file named alone (decision.cpp), as file headers do: it exists somewhere in the tree.
git ls-files | sed 's#.*/##' | sort -u > "$E2E_SCRATCH/files"
grep -ohP '(?<![\w/.<-])[A-Za-z][\w-]*\.(cpp|hpp|h|sh)\b(?![\w<-])' $(cat "$E2E_SCRATCH/texts") | sort -u > "$E2E_SCRATCH/bare"
while read -r name; do
  grep -qxF -- "$name" "$E2E_SCRATCH/files" || { echo "named but missing: $name" >&2; missing=1; }
done < "$E2E_SCRATCH/bare"
echo "$(wc -l < "$E2E_SCRATCH/named") paths and $(wc -l < "$E2E_SCRATCH/bare") file names named"
[ "$missing" = 0 ]
echo "PASS"
