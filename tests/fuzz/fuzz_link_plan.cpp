// Linker command lines in both dialects (a leading "-flavor\ngnu" selects GNU ld): plan with no
// profile and with a gnu-shaped one, print the plan, build lld's argv. The argv read back must be
// a GNU ld line the planner knows completely, and the same link: output, search path, and every
// input with its kind, value and positional state, in order.
#include <cstdio>
#include <cstdlib>

#include "fuzz_input.hpp"
#include "linkplan/link_planner.hpp"
#include "linkplan/lld_command.hpp"

using namespace clifwrap;

namespace {

SysrootProfile gnu_shaped() {
  SysrootProfile profile;
  profile.name = "gnu";
  profile.root = "/";
  profile.crt_dir = "/usr/lib/x86_64-linux-gnu";
  profile.crtbegin_dir = "/usr/lib/gcc/x86_64-linux-gnu/12";
  profile.library_dirs = {profile.crtbegin_dir, profile.crt_dir};
  profile.dynamic_linker = "/lib64/ld-linux-x86-64.so.2";
  profile.emulation = "elf_x86_64";
  profile.leading_options = {"--build-id"};
  profile.eh_frame_hdr = profile.as_needed_by_default = true;
  profile.default_libs_dynamic = {"-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state", "-lc"};
  profile.default_libs_static = {"--start-group", "-lgcc", "-lc", "--end-group"};
  return profile;
}

bool same_link(const LinkPlan& planned, const LinkPlan& reread) {
  if (planned.output != reread.output || planned.search_paths != reread.search_paths ||
      planned.inputs.size() != reread.inputs.size())
    return false;
  for (size_t i = 0; i < planned.inputs.size(); ++i) {
    const LinkInput& a = planned.inputs[i];
    const LinkInput& b = reread.inputs[i];
    if (a.kind != b.kind || a.value != b.value || !(a.state == b.state)) return false;  // origin may differ
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args = fuzz::lines(data, size);
  static const SysrootProfile none, gnu = gnu_shaped();
  for (const SysrootProfile* profile : {&none, &gnu}) {
    auto plan = plan_link(args, *profile, [](const std::string&) { return true; });
    if (!plan) continue;
    (void)describe_plan(*plan, *profile);
    if (!plan->unknown.empty()) continue;
    std::vector<std::string> lld = lld_arguments(*plan, plan->output);
    std::vector<std::string> again = {"-flavor", "gnu"};
    again.insert(again.end(), lld.begin() + 1, lld.end());
    auto reread = plan_link(again, none, [](const std::string&) { return true; });
    // What clifwrap-link would hand lld is a line it understands itself.
    if (!reread || !reread->unknown.empty()) {
      std::fprintf(stderr, "lld's argv read back: %s\n",
                   !reread ? reread.error().message.c_str() : ("unknown `" + reread->unknown.front() + "`").c_str());
      std::abort();
    }
    if (!same_link(*plan, *reread)) {
      std::fprintf(stderr, "lld's argv read back: a different link\n%s", describe_plan(*reread, none).c_str());
      std::abort();
    }
  }
  return 0;
}
