#include "linkplan/lld_command.hpp"

#include "common/process.hpp"

namespace clifwrap {
namespace {

void emit_state_change(const InputState& from, const InputState& to, std::vector<std::string>& argv) {
  if (from.group != to.group) {
    if (from.group != 0) argv.emplace_back("--end-group");
    if (to.group != 0) argv.emplace_back("--start-group");
  }
  if (from.as_needed != to.as_needed) argv.emplace_back(to.as_needed ? "--as-needed" : "--no-as-needed");
  if (from.whole_archive != to.whole_archive) argv.emplace_back(to.whole_archive ? "--whole-archive" : "--no-whole-archive");
  if (from.static_only != to.static_only) argv.emplace_back(to.static_only ? "-Bstatic" : "-Bdynamic");
}

std::string describe_state(const InputState& state) {
  std::string text;
  auto add = [&](const char* word) { text += text.empty() ? word : std::string(",") + word; };
  if (state.as_needed) add("as-needed");
  if (state.whole_archive) add("whole-archive");
  if (state.static_only) add("Bstatic");
  if (state.group != 0) add(("group" + std::to_string(state.group)).c_str());
  return text.empty() ? "-" : text;
}

// lld takes long options after one dash too: `-library x` is --library with the value x, and
// `-library=x` the library x. A library whose name starts with "ibrary" is therefore passed as
// `-l <name>` (found by fuzz_link_plan: gcc's `-library` names the library "ibrary"). Other long
// options beginning with "l" (--lto-*, --load-pass-plugin=) take two dashes in lld 22: `-lto-O2`
// is the library "to-O2" there, as in our GNU ld parser.
bool joined_library_reads_as_another_option(std::string_view name) { return name.starts_with("ibrary"); }

}  // namespace

std::vector<std::string> lld_arguments(const LinkPlan& plan, const std::string& output_path) {
  std::vector<std::string> argv = {"ld.lld"};
  if (plan.emulation) argv.insert(argv.end(), {"-m", *plan.emulation});
  switch (plan.kind) {
    case LinkKind::Pie: argv.emplace_back("-pie"); break;
    case LinkKind::StaticPie: argv.insert(argv.end(), {"-pie", "--no-dynamic-linker"}); break;
    case LinkKind::Shared: argv.emplace_back("-shared"); break;
    case LinkKind::Relocatable: argv.emplace_back("-r"); break;
    case LinkKind::DynamicNoPie:
    case LinkKind::Static: break;  // lld's default; a static link is one without shared inputs
  }
  if (plan.dynamic_linker) argv.insert(argv.end(), {"-dynamic-linker", *plan.dynamic_linker});
  argv.insert(argv.end(), {"-o", output_path});
  for (const auto& path : plan.search_paths) argv.push_back("-L" + path);
  InputState current;
  for (const auto& input : plan.inputs) {
    emit_state_change(current, input.state, argv);
    current = input.state;
    if (input.kind != LinkInput::Kind::Library) argv.push_back(input.value);
    else if (joined_library_reads_as_another_option(input.value)) argv.insert(argv.end(), {"-l", input.value});
    else argv.push_back("-l" + input.value);
  }
  if (current.group != 0) argv.emplace_back("--end-group");
  for (const auto& option : plan.options) argv.insert(argv.end(), option.begin(), option.end());
  return argv;
}

std::string describe_plan(const LinkPlan& plan, const SysrootProfile& profile) {
  std::string text;
  auto line = [&](const std::string& key, const std::string& value) { text += key + ": " + value + "\n"; };
  line("dialect", plan.dialect == LinkDialect::GccDriver ? "gcc driver" : "GNU ld");
  line("kind", link_kind_name(plan.kind));
  line("output", plan.output);
  line("profile", profile.name + (profile.root.empty() ? "" : " (" + profile.root + ")"));
  if (plan.emulation) line("emulation", *plan.emulation);
  if (plan.dynamic_linker) line("dynamic linker", *plan.dynamic_linker);
  for (const auto& path : plan.search_paths) line("search path", path);
  text += "inputs (state, origin, input):\n";
  for (const auto& input : plan.inputs)
    text += "  " + describe_state(input.state) + "  " + (input.origin == LinkInput::Origin::Profile ? "profile " : "command ") +
            (input.kind == LinkInput::Kind::Library ? "-l" + input.value : input.value) + "\n";
  for (const auto& option : plan.options) line("option", quote_command(option));
  for (const auto& dropped : plan.dropped) line("dropped", dropped);
  for (const auto& unknown : plan.unknown) line("unknown", unknown);
  line("lld", quote_command(lld_arguments(plan, plan.output)));
  return text;
}

}  // namespace clifwrap
