// The objects one rustc call produces under cg_clif: per codegen unit `<stem>.<cgu>.rcgu.o`, and
// when the unit holds assembly (global_asm!, asm!, naked functions) `<stem>.<cgu>.rcgu.asm.o` beside
// it. Plain names in, plain order out: what goes together, and in which order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clifwrap {

bool is_unit_object(std::string_view name);  // *.rcgu.o, not *.rcgu.asm.o
bool is_asm_object(std::string_view name);   // *.rcgu.asm.o

// The unit object an assembly object belongs to: X.rcgu.asm.o -> X.rcgu.o.
std::string unit_of_asm(std::string_view asm_name);

// Units in codegen-unit order (numbers compared as numbers: cgu.2 before cgu.10), each assembly
// object right after its unit; an assembly object without its unit comes after all.
std::vector<std::string> link_order(std::vector<std::string> names);

// The objects of one compile among an archive's members: `<stem>.` followed by a codegen unit.
bool belongs_to_compile(std::string_view member, std::string_view stem);

// A crate's own objects in a staticlib whose hash is not known (`<crate>[-hash].<cgu>.rcgu[.asm].o`),
// not those of core or compiler_builtins.
bool belongs_to_crate(std::string_view member, std::string_view crate);

}  // namespace clifwrap
