#include "linkplan/link_planner.hpp"

#include <algorithm>
#include <optional>

#include "common/files.hpp"
#include "linkplan/gcc_options.hpp"
#include "linkplan/ld_options.hpp"

namespace clifwrap {
namespace {

constexpr int kMaxResponseFileDepth = 32;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Result<void> expand_into(const std::vector<std::string>& args, int depth, std::vector<std::string>& out) {
  for (const auto& arg : args) {
    if (arg.size() < 2 || arg[0] != '@') {
      out.push_back(arg);
      continue;
    }
    std::string path = arg.substr(1);
    if (depth >= kMaxResponseFileDepth)
      return fail("response files nest more than " + std::to_string(kMaxResponseFileDepth) + " deep", path,
                  "a response file probably names itself");
    auto text = read_file(path);
    if (!text) return fail("cannot read the response file", path, text.error().message);
    if (auto nested = expand_into(split_response_text(*text), depth + 1, out); !nested) return nested;
  }
  return {};
}

// --- the gcc driver -------------------------------------------------------------------------------

// The gcc driver's arguments as GNU ld arguments, in command-line order; driver facts (kind, start
// files, emulation, dropped and unknown options) go straight into the plan.
std::vector<std::string> translate_gcc(const std::vector<std::string>& args, LinkPlan& plan) {
  std::vector<std::string> ld;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.empty() || arg[0] != '-' || arg == "-") {
      ld.push_back(arg);
      continue;
    }
    const GccOptionSpec* spec = find_gcc_option(arg);
    if (spec == nullptr) {
      plan.unknown.push_back(arg);
      continue;
    }
    std::optional<std::string> value;
    std::string_view spelling = spec->spelling;
    switch (spec->arity) {
      case GccArity::Flag:
        break;
      case GccArity::Joined:
        value = arg.substr(spelling.size());
        break;
      case GccArity::JoinedOrSeparate:
      case GccArity::Separate:
        if (arg.size() > spelling.size()) {
          value = arg.substr(spelling.size());
        } else if (i + 1 < args.size()) {
          value = args[++i];
        } else {
          plan.unknown.push_back(arg + " (its value is missing)");
          continue;
        }
        break;
    }
    switch (spec->action) {
      case GccAction::LinkerArgs: {
        size_t start = 0;
        while (true) {
          size_t comma = value->find(',', start);
          ld.push_back(value->substr(start, comma - start));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
        break;
      }
      case GccAction::LinkerArg: ld.push_back(*value); break;
      case GccAction::ToLinker:
        ld.emplace_back(spelling);
        if (value) ld.push_back(*value);
        break;
      case GccAction::ExportDynamic: ld.emplace_back("--export-dynamic"); break;
      case GccAction::Emulation: plan.emulation = std::string(spec->value); break;
      case GccAction::Pie: plan.switches.pie = true; break;
      case GccAction::NoPie: plan.switches.pie = false; break;
      case GccAction::Static: plan.switches.static_link = true; break;
      case GccAction::StaticPie: plan.switches.static_pie = true; break;
      case GccAction::Shared: plan.switches.shared = true; break;
      case GccAction::NoStartFiles: plan.start_files = false; break;
      case GccAction::NoDefaultLibs: plan.default_libs = false; break;
      case GccAction::NoStdLib: plan.start_files = plan.default_libs = false; break;
      case GccAction::Drop: plan.dropped.push_back(arg + ": " + std::string(spec->value)); break;
      case GccAction::CompileOnly: plan.dropped.push_back(arg + ": a compile option, which gcc ignores on a link line"); break;
    }
  }
  return ld;
}

// --- GNU ld ---------------------------------------------------------------------------------------

class LdParser {
 public:
  LdParser(LinkPlan& plan, InputState initial, LinkInput::Origin origin) : plan_(plan), state_(initial), origin_(origin) {}

  void parse(const std::vector<std::string>& args) {
    for (size_t i = 0; i < args.size(); ++i) i = parse_one(args, i);
  }

  InputState state() const { return state_; }

 private:
  // Returns the index of the last argument it consumed.
  size_t parse_one(const std::vector<std::string>& args, size_t i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg[0] != '-') {
      add_input(LinkInput::Kind::File, arg);
      return i;
    }
    bool double_dash = arg.starts_with("--");
    std::string_view body = std::string_view(arg).substr(double_dash ? 2 : 1);
    std::optional<std::string> value;
    const LdOptionSpec* spec = find_ld_option(body);
    // `name=value` is for long names only: a one-letter option takes the rest as its value, so
    // `-l=` names the library "=" and `-L=/lib` the sysroot-relative /lib, as for ld and lld
    // (found by fuzz_link_plan: `-l=` had become an empty name).
    if (spec == nullptr) {
      if (size_t equals = body.find('='); equals != std::string_view::npos && equals > 1) {
        spec = find_ld_option(body.substr(0, equals));
        if (spec != nullptr && spec->arity != LdArity::Flag) value = std::string(body.substr(equals + 1));
        else spec = nullptr;
      }
    }
    if (spec == nullptr && !double_dash && body.size() > 1) {  // one-letter option, value joined: -lc, -zrelro
      spec = find_ld_option(body.substr(0, 1));
      if (spec != nullptr && spec->arity == LdArity::Value) value = std::string(body.substr(1));
      else spec = nullptr;
    }
    if (spec == nullptr) {
      plan_.unknown.push_back(arg);
      return i;
    }
    std::vector<std::string> tokens = {arg};
    if (spec->arity == LdArity::Value && !value) {
      if (i + 1 >= args.size()) {
        plan_.unknown.push_back(arg + " (its value is missing)");
        return i;
      }
      value = args[++i];
      tokens.push_back(*value);
    }
    apply(*spec, arg, value, std::move(tokens));
    return i;
  }

  void apply(const LdOptionSpec& spec, const std::string& arg, const std::optional<std::string>& value,
             std::vector<std::string> tokens) {
    auto& s = plan_.switches;
    switch (spec.action) {
      case LdAction::Output: plan_.output = *value; break;
      // An empty name would come out as a bare -l/-L that takes the next argument as its value
      // (found by fuzz_link_plan): refused, never a different link.
      case LdAction::LibraryPath:
        if (value->empty()) plan_.unknown.push_back(arg + " (an empty directory)");
        else plan_.search_paths.push_back(*value);
        break;
      case LdAction::Library:
        if (value->empty()) plan_.unknown.push_back(arg + " (an empty library name)");
        else add_input(LinkInput::Kind::Library, *value);
        break;
      case LdAction::AsNeeded: state_.as_needed = true; break;
      case LdAction::NoAsNeeded: state_.as_needed = false; break;
      case LdAction::WholeArchive: state_.whole_archive = true; break;
      case LdAction::NoWholeArchive: state_.whole_archive = false; break;
      case LdAction::Bstatic:
        state_.static_only = true;
        // A leading -static is how gcc asks ld for a static executable.
        if (spec.name == "static" && !seen_input_) s.static_link = true;
        break;
      case LdAction::Bdynamic: state_.static_only = false; break;
      case LdAction::StartGroup:
        if (state_.group != 0) plan_.unknown.push_back(arg + " (groups do not nest)");
        state_.group = next_group_number();
        break;
      case LdAction::EndGroup:
        if (state_.group == 0) plan_.unknown.push_back(arg + " (no group is open)");
        state_.group = 0;
        break;
      case LdAction::PushState: pushed_.push_back(state_); break;
      case LdAction::PopState:
        if (pushed_.empty()) {
          plan_.unknown.push_back(arg + " (no state was pushed)");
        } else {
          int group = state_.group;  // groups are not part of the pushed state
          state_ = pushed_.back();
          state_.group = group;
          pushed_.pop_back();
        }
        break;
      case LdAction::Pie: s.pie = true; break;
      case LdAction::NoPie: s.pie = false; break;
      case LdAction::Shared: s.shared = true; break;
      case LdAction::Relocatable: s.relocatable = true; break;
      case LdAction::NoDynamicLinker: s.no_dynamic_linker = true; break;
      case LdAction::DynamicLinker: plan_.dynamic_linker = *value; break;
      case LdAction::Emulation: plan_.emulation = *value; break;
      case LdAction::Pass: plan_.options.push_back(std::move(tokens)); break;
      case LdAction::Drop: plan_.dropped.push_back(arg + (value ? " " + *value : "") + ": " + std::string(spec.why)); break;
    }
  }

  void add_input(LinkInput::Kind kind, const std::string& value) {
    seen_input_ = true;
    plan_.inputs.push_back(LinkInput{kind, value, state_, origin_});
  }

  LinkPlan& plan_;
  InputState state_;
  LinkInput::Origin origin_;
  std::vector<InputState> pushed_;
  bool seen_input_ = false;
  // Numbered across the whole plan, so the profile's groups follow the command line's.
  int next_group_number() const {
    int highest = 0;
    for (const auto& input : plan_.inputs) highest = std::max(highest, input.state.group);
    return highest + 1;
  }
};

// What a gcc driver adds around the command line, from the profile.
Result<void> add_profile(LinkPlan& plan, const SysrootProfile& profile, InputState initial, const FileExists& exists) {
  if (profile.name == "none") return {};
  bool gcc = plan.dialect == LinkDialect::GccDriver;
  if (gcc) {
    std::vector<std::vector<std::string>> leading;
    for (const auto& option : profile.leading_options) leading.push_back({option});
    if (profile.eh_frame_hdr && plan.kind != LinkKind::Static) leading.push_back({"--eh-frame-hdr"});
    plan.options.insert(plan.options.begin(), leading.begin(), leading.end());
    if (!plan.emulation && !profile.emulation.empty()) plan.emulation = profile.emulation;
  }
  bool dynamic_executable = plan.kind == LinkKind::Pie || plan.kind == LinkKind::DynamicNoPie;
  if (dynamic_executable && !plan.dynamic_linker && !profile.dynamic_linker.empty())
    plan.dynamic_linker = profile.dynamic_linker;
  plan.search_paths.insert(plan.search_paths.end(), profile.library_dirs.begin(), profile.library_dirs.end());

  ProfileFiles files = profile_files(profile, plan.kind);
  auto present = [&](const std::vector<std::string>& paths) -> Result<std::vector<std::string>> {
    std::vector<std::string> kept;
    for (const auto& path : paths) {
      if (exists(path)) {
        kept.push_back(path);
        continue;
      }
      bool optional = std::find(files.optional.begin(), files.optional.end(), path) != files.optional.end();
      if (!optional)
        return fail("the " + profile.name + " profile has no " + file_name(path), path,
                    "sysroot " + profile.root + (profile.name == "redox" ? "; lay it out with `clifwrap sysroot`" : "") +
                        ", or pass -nostartfiles and the start files yourself");
    }
    return kept;
  };
  // A dynamic Redox program without relibc's libc.so would take libc.a instead, and lld would stop
  // on the Rust runtime symbols both it and std define ("duplicate symbol: ...rust_begin_unwind").
  bool dynamic = dynamic_executable || plan.kind == LinkKind::Shared;
  if (profile.name == "redox" && plan.start_files && dynamic && !exists(profile.crt_dir + "/libc.so"))
    return fail("relibc's libc.so is missing: a dynamic link needs it", profile.crt_dir,
                "build relibc's libc.so (its Makefile's `make libs`) and lay out the sysroot again (`clifwrap "
                "sysroot`, or `clifwrap redox-toolchain`), or link statically (-C target-feature=+crt-static)");
  if (plan.start_files) {
    auto start = present(files.start);
    if (!start) return tl::unexpected(start.error());
    std::vector<LinkInput> leading;
    for (const auto& path : *start) leading.push_back({LinkInput::Kind::File, path, initial, LinkInput::Origin::Profile});
    plan.inputs.insert(plan.inputs.begin(), leading.begin(), leading.end());
  }
  InputState state = plan.final_state;
  if (gcc && plan.default_libs) {
    LdParser libs(plan, state, LinkInput::Origin::Profile);
    bool static_libs = plan.kind == LinkKind::Static || plan.kind == LinkKind::StaticPie;
    libs.parse(static_libs ? profile.default_libs_static : profile.default_libs_dynamic);
    state = libs.state();
  }
  if (plan.start_files) {
    auto end = present(files.end);
    if (!end) return tl::unexpected(end.error());
    for (const auto& path : *end) plan.inputs.push_back({LinkInput::Kind::File, path, state, LinkInput::Origin::Profile});
  }
  return {};
}

}  // namespace

std::vector<std::string> split_response_text(std::string_view text) {
  std::vector<std::string> args;
  std::string current;
  bool in_argument = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_space(c)) {
      if (in_argument) args.push_back(std::move(current)), current.clear();
      in_argument = false;
      continue;
    }
    in_argument = true;
    if (c == '\\' && i + 1 < text.size()) {
      current += text[++i];
    } else if (c == '\'' || c == '"') {
      char quote = c;
      for (++i; i < text.size() && text[i] != quote; ++i) {
        if (quote == '"' && text[i] == '\\' && i + 1 < text.size()) ++i;
        current += text[i];
      }
    } else {
      current += c;
    }
  }
  if (in_argument) args.push_back(std::move(current));
  return args;
}

Result<std::vector<std::string>> expand_response_files(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  if (auto expanded = expand_into(args, 0, out); !expanded) return tl::unexpected(expanded.error());
  return out;
}

LinkDialect detect_dialect(const std::vector<std::string>& args) {
  return args.size() >= 2 && args[0] == "-flavor" && args[1] == "gnu" ? LinkDialect::GnuLd : LinkDialect::GccDriver;
}

Result<LinkPlan> plan_link(const std::vector<std::string>& args, const SysrootProfile& profile, const FileExists& exists) {
  LinkPlan plan;
  plan.dialect = detect_dialect(args);
  std::vector<std::string> ld_arguments;
  if (plan.dialect == LinkDialect::GnuLd) {
    ld_arguments.assign(args.begin() + 2, args.end());
  } else {
    ld_arguments = translate_gcc(args, plan);
    if (plan.switches.static_pie) plan.options.push_back({"-z", "text"});  // as gcc does for -static-pie
  }

  // Where the command line starts: gcc's leading -static / --as-needed are in force from the first input.
  InputState initial;
  if (plan.dialect == LinkDialect::GccDriver) {
    LinkKind driver_kind = derive_link_kind(plan);
    initial.static_only = driver_kind == LinkKind::Static || driver_kind == LinkKind::StaticPie;
    initial.as_needed = profile.as_needed_by_default;
  }
  LdParser parser(plan, initial, LinkInput::Origin::CommandLine);
  parser.parse(ld_arguments);
  plan.final_state = parser.state();
  plan.kind = derive_link_kind(plan);

  if (auto added = add_profile(plan, profile, initial, exists); !added) return tl::unexpected(added.error());
  return plan;
}

}  // namespace clifwrap
