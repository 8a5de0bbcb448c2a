#include "driver/binutils/strip_face.hpp"

#include "common/error.hpp"
#include "common/process.hpp"

namespace clifwrap {

bool is_strip_name(std::string_view program_name) {
  return program_name.ends_with("-strip");
}

int run_strip_face(const std::vector<std::string>& args) {
  Command strip{{std::string(CLIFWRAP_LLVM_TOOLS_DIR) + "/llvm-strip"}, {}};
  for (const auto& arg : args)
    if (arg != "-v" && arg != "--verbose") strip.argv.push_back(arg);
  Error error = exec_program(strip);
  error.hint = "install llvm-22 (scripts/setup.sh)";
  return report_error(error);
}

}  // namespace clifwrap
