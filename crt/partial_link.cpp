#include "crt/partial_link.hpp"

#include "common/files.hpp"
#include "common/strings.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "llvm_module/loader.hpp"

namespace clifwrap {
namespace {

// A malformed object is a fatal error for lld, after which it cannot link again in this process;
// checked first, it is an ordinary error that names the object.
Result<void> check_object(const std::string& bytes, const std::string& name) {
  auto module = llvm_module();
  if (!module) return tl::unexpected(module.error());
  TextOutput text;
  if ((*module)->object_check(bytes.data(), bytes.size(), collect_text, &text) == 0) return {};
  return fail("not a sound ELF object: " + without_trailing_newlines(text.err), name);
}

Result<void> check_input(const std::string& input, bool archive) {
  if (!archive) {
    auto bytes = read_file(input);
    if (!bytes) return tl::unexpected(bytes.error());
    return check_object(*bytes, input);
  }
  auto members = read_archive(input);
  if (!members) return tl::unexpected(members.error());
  for (const auto& member : *members)
    if (auto checked = check_object(member.data, input + "(" + member.name + ")"); !checked) return checked;
  return {};
}

}  // namespace

Result<void> partial_link(const std::vector<std::string>& inputs, const std::string& output) {
  if (inputs.empty()) return fail("nothing to link", output, "give at least one object or archive");
  TemporaryFile temporary(output);
  std::vector<std::string> argv = {"ld.lld", "-r", "-o", temporary.path()};
  for (const auto& input : inputs) {
    if (!is_regular_file(input)) return fail("no such file", input);
    bool archive = is_archive(input);
    if (auto checked = check_input(input, archive); !checked) return checked;
    if (archive) argv.insert(argv.end(), {"--whole-archive", input, "--no-whole-archive"});
    else argv.push_back(input);
  }
  auto outcome = run_lld(argv, LldRun::Reusable);
  if (!outcome) return tl::unexpected(outcome.error());
  if (outcome->exit_code != 0) return fail("partial link failed: " + without_trailing_newlines(outcome->errors), output);
  return temporary.commit(TemporaryFile::Commit::Replace);
}

}  // namespace clifwrap
