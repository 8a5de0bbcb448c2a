#!/usr/bin/env bash
# A rustc with cg_clif loaded, for the tests: the backend dylib cannot exist here, so this double
# takes its place. Given -Zcodegen-backend=<path to a .so>, it checks what the real rustc would
# need to load it (the toolchain's lib dir on LD_LIBRARY_PATH, -Z allowed), fails the crate named
# by $DOUBLE_FAIL_CRATE with cg_clif's exact variadic error (after its dep-info, as cg_clif), and otherwise compiles with the real
# rustc and LLVM. Every other call goes to the real rustc untouched. $DOUBLE_TRACE records calls.
# With $DOUBLE_ASM_DIR/<crate>.s present, a staticlib of that crate gets that assembly as its own
# member `<unit>.rcgu.asm.o` beside the crate's first unit, assembled the way cg_clif assembles
# global_asm! (rustc -Zcodegen-backend=llvm on a #![no_core] crate): what cg_clif's archives hold.
set -u
real=/usr/bin/rustc
args=("$@")
crate="" backend="" error_format=human out_dir="" extra="" target=()
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --crate-name) crate=${args[i+1]} ;;
    --out-dir) out_dir=${args[i+1]} ;;
    --target) target=(--target "${args[i+1]}") ;;
    extra-filename=*) extra=${args[i]#extra-filename=} ;;
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
      # cg_clif refuses in codegen, after rustc has written the dep-info: so does the double.
      dep_info_args=()
      for arg in "${args[@]}"; do
        case $arg in
          --emit=*) dep_info_args+=(--emit=dep-info) ;;
          -Zcodegen-backend=*) ;;
          *) dep_info_args+=("$arg") ;;
        esac
      done
      "$real" "${dep_info_args[@]}" 2> /dev/null
      message="Defining variadic functions is not yet supported by Cranelift"
      if [ "$error_format" = json ]; then
        printf '{"$message_type":"diagnostic","message":"%s","code":null,"level":"error","spans":[],"children":[],"rendered":"error: %s\\n\\n"}\n' "$message" "$message" >&2
      else
        printf 'error: %s\n\n' "$message" >&2
      fi
      exit 1
    fi
    args[backend_index]=-Zcodegen-backend=llvm
    asm_source=${DOUBLE_ASM_DIR:-/nonexistent}/$crate.s
    archive=$(cd "${out_dir:-.}" && pwd)/lib$crate$extra.a
    if [ -f "$asm_source" ]; then
      "$real" "${args[@]}" || exit
      [ -f "$archive" ] || exit 0
      unit=$(ar t "$archive" | grep -m1 "^$crate$extra\..*\.rcgu\.o\$")
      work=$(mktemp -d)
      {
        printf '#![feature(decl_macro, no_core, rustc_attrs)]\n#![allow(internal_features)]\n#![no_core]\n'
        printf '#[rustc_builtin_macro]\nmacro global_asm() { /* compiler built-in */ }\nglobal_asm!(r###"\n'
        cat "$asm_source"
        printf '"###);\n'
      } > "$work/asm.rs"
      RUSTC_BOOTSTRAP=1 "$real" "${target[@]}" --crate-type staticlib --emit obj -o "$work/${unit%.o}.asm.o" \
        -Abad_asm_style -Zcodegen-backend=llvm "$work/asm.rs" || exit
      (cd "$work" && ar qs "$archive" "${unit%.o}.asm.o") || exit
      rm -rf "$work"
      exit 0
    fi
    ;;
esac
exec "$real" "${args[@]}"
