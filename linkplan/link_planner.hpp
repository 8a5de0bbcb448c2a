// From a linker command line to a LinkPlan. Two dialects: the gcc driver's (rustc's gnu-cc targets,
// the cookbook's `<target>-gcc`) and GNU ld's (gnu-lld targets: it starts with `-flavor gnu`).
// The gcc driver's options are translated to GNU ld arguments and driver facts; one GNU ld parser
// then tracks the positional state of every input; the profile adds what gcc would add.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "linkplan/link_plan.hpp"
#include "linkplan/sysroot_profile.hpp"

namespace clifwrap {

// Expands `@file` arguments the way gcc and lld read them: whitespace separates, quotes and
// backslashes escape, nested @files are read too. A missing or unreadable file is an error.
Result<std::vector<std::string>> expand_response_files(const std::vector<std::string>& args);

// One response file's text, split into arguments.
std::vector<std::string> split_response_text(std::string_view text);

LinkDialect detect_dialect(const std::vector<std::string>& args);

using FileExists = std::function<bool(const std::string&)>;

// args: what the linker was given after argv[0], @files expanded. Options the planner does not
// know end up in plan.unknown; a start or end file the profile lacks is an error naming it.
Result<LinkPlan> plan_link(const std::vector<std::string>& args, const SysrootProfile& profile,
                           const FileExists& exists);

}  // namespace clifwrap
