#include "crt/partial_link.hpp"


#include "common/files.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "linkplan/llvm_module.hpp"

namespace clifwrap {

Result<void> partial_link(const std::vector<std::string>& inputs, const std::string& output) {
  if (inputs.empty()) return fail("nothing to link", output, "give at least one object or archive");
  TemporaryFile temporary(output);
  std::vector<std::string> argv = {"ld.lld", "-r", "-o", temporary.path()};
  for (const auto& input : inputs) {
    if (!is_regular_file(input)) return fail("no such file", input);
    if (is_archive(input)) argv.insert(argv.end(), {"--whole-archive", input, "--no-whole-archive"});
    else argv.push_back(input);
  }
  auto outcome = run_lld(argv, LldRun::Reusable);
  if (!outcome) return tl::unexpected(outcome.error());
  if (outcome->exit_code != 0) {
    std::string errors = outcome->errors;
    while (!errors.empty() && errors.back() == '\n') errors.pop_back();
    return fail("partial link failed: " + errors, output);
  }
  return temporary.commit(TemporaryFile::Commit::Replace);
}

}  // namespace clifwrap
