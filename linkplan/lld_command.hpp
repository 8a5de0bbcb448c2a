// A LinkPlan as lld's argv, and as text for `clifwrap-link --print-plan`.
#pragma once

#include <string>
#include <vector>

#include "linkplan/link_plan.hpp"
#include "linkplan/sysroot_profile.hpp"

namespace clifwrap {

// argv[0] is "ld.lld"; the output is written to `output_path` (clifwrap-link passes a temporary
// name and renames it). Positional switches are emitted only where an input's state changes.
std::vector<std::string> lld_arguments(const LinkPlan& plan, const std::string& output_path);

std::string describe_plan(const LinkPlan& plan, const SysrootProfile& profile);

}  // namespace clifwrap
