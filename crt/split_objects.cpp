#include "crt/split_objects.hpp"

#include <algorithm>
#include <cctype>

namespace clifwrap {
namespace {

constexpr std::string_view kUnitSuffix = ".rcgu.o";
constexpr std::string_view kAsmSuffix = ".rcgu.asm.o";

// "a-cgu.10" after "a-cgu.9": digit runs compare by value.
bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t i_end = i, j_end = j;
      while (i_end < a.size() && std::isdigit(static_cast<unsigned char>(a[i_end]))) ++i_end;
      while (j_end < b.size() && std::isdigit(static_cast<unsigned char>(b[j_end]))) ++j_end;
      std::string_view x = a.substr(i, i_end - i), y = b.substr(j, j_end - j);
      while (x.size() > 1 && x[0] == '0') x.remove_prefix(1);
      while (y.size() > 1 && y[0] == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end, j = j_end;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

bool is_asm_object(std::string_view name) { return name.ends_with(kAsmSuffix); }

bool is_unit_object(std::string_view name) { return name.ends_with(kUnitSuffix); }

std::string unit_of_asm(std::string_view asm_name) {
  return std::string(asm_name.substr(0, asm_name.size() - kAsmSuffix.size())) + std::string(kUnitSuffix);
}

std::vector<std::string> link_order(std::vector<std::string> names) {
  std::vector<std::string> units, asm_objects, ordered;
  for (auto& name : names) (is_asm_object(name) ? asm_objects : units).push_back(std::move(name));
  std::sort(units.begin(), units.end(), natural_less);
  std::sort(asm_objects.begin(), asm_objects.end(), natural_less);
  std::vector<bool> placed(asm_objects.size(), false);
  for (const auto& unit : units) {
    ordered.push_back(unit);
    for (size_t i = 0; i < asm_objects.size(); ++i)
      if (!placed[i] && unit_of_asm(asm_objects[i]) == unit) ordered.push_back(asm_objects[i]), placed[i] = true;
  }
  for (size_t i = 0; i < asm_objects.size(); ++i)
    if (!placed[i]) ordered.push_back(asm_objects[i]);
  return ordered;
}

bool belongs_to_crate(std::string_view member, std::string_view crate) {
  if (!member.starts_with(crate) || member.size() <= crate.size()) return false;
  char next = member[crate.size()];
  return (next == '.' || next == '-') && (is_unit_object(member) || is_asm_object(member));
}

bool belongs_to_compile(std::string_view member, std::string_view stem) {
  return member.size() > stem.size() + 1 && member.starts_with(stem) && member[stem.size()] == '.' &&
         (is_unit_object(member) || is_asm_object(member));
}

}  // namespace clifwrap
