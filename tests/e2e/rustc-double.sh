#!/usr/bin/env bash
# A rustc with cg_clif loaded, for the tests: the backend dylib cannot exist here, so this double
# takes its place. Given -Zcodegen-backend=<path to a .so>, it checks what the real rustc would
# need to load it (the toolchain's lib dir on LD_LIBRARY_PATH, -Z allowed), fails the crate named
# by $DOUBLE_FAIL_CRATE with cg_clif's exact variadic error, and otherwise compiles with the real
# rustc and LLVM. Every other call goes to the real rustc untouched. $DOUBLE_TRACE records calls.
set -u
real=/usr/bin/rustc
args=("$@")
crate="" backend="" error_format=human
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --crate-name) crate=${args[i+1]} ;;
    -Zcodegen-backend=*) backend=${args[i]#-Zcodegen-backend=}; backend_index=$i ;;
    --error-format=*) error_format=${args[i]#--error-format=} ;;
  esac
done
[ -n "${DOUBLE_TRACE:-}" ] && [ -n "$crate" ] && echo "$crate ${backend:-none}" >> "$DOUBLE_TRACE"

case "$backend" in
  *.so)
    if [ "${RUSTC_BOOTSTRAP:-}" != 1 ]; then
      echo "error: the option \`Z\` is only accepted on the nightly compiler" >&2; exit 1
    fi
    if [[ ":${LD_LIBRARY_PATH:-}:" != *":/usr/lib/x86_64-linux-gnu:"* ]]; then
      echo "error: couldn't load codegen backend $backend: librustc_driver not found" >&2; exit 1
    fi
    if [ "$crate" = "${DOUBLE_FAIL_CRATE:-}" ]; then
      message="Defining variadic functions is not yet supported by Cranelift"
      if [ "$error_format" = json ]; then
        printf '{"$message_type":"diagnostic","message":"%s","code":null,"level":"error","spans":[],"children":[],"rendered":"error: %s\\n\\n"}\n' "$message" "$message" >&2
      else
        printf 'error: %s\n\n' "$message" >&2
      fi
      exit 1
    fi
    args[backend_index]=-Zcodegen-backend=llvm
    ;;
esac
exec "$real" "${args[@]}"
