#include "linkplan/link_plan.hpp"

namespace clifwrap {

bool is_executable(LinkKind kind) { return kind != LinkKind::Shared && kind != LinkKind::Relocatable; }

LinkKind derive_link_kind(const LinkPlan& plan) {
  const KindSwitches& s = plan.switches;
  if (s.relocatable) return LinkKind::Relocatable;
  if (s.shared) return LinkKind::Shared;
  if (s.static_pie) return LinkKind::StaticPie;
  if (s.pie == true) return s.static_link || s.no_dynamic_linker ? LinkKind::StaticPie : LinkKind::Pie;
  if (s.static_link) return LinkKind::Static;
  if (plan.dialect == LinkDialect::GccDriver) return s.pie == false ? LinkKind::DynamicNoPie : LinkKind::Pie;
  return plan.dynamic_linker ? LinkKind::DynamicNoPie : LinkKind::Static;
}

const char* link_kind_name(LinkKind kind) {
  switch (kind) {
    case LinkKind::Pie: return "pie";
    case LinkKind::DynamicNoPie: return "dynamic-no-pie";
    case LinkKind::StaticPie: return "static-pie";
    case LinkKind::Static: return "static";
    case LinkKind::Shared: return "shared";
    case LinkKind::Relocatable: return "relocatable";
  }
  return "?";
}

}  // namespace clifwrap
