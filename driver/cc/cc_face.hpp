// The C compiler face: `<gnu-target>-gcc` (and `-cc`) as a cross gcc for Redox without gcc. A call
// that compiles, preprocesses or assembles runs Debian's clang-22 for the target, with the
// toolchain directory's sysroot (relibc's headers) and what Redox's gcc predefines; the queries
// build systems make (-dumpmachine, -print-libgcc-file-name, ...) are answered as that gcc would.
// A call that also links compiles its C sources to objects first and leaves the link, with the
// objects in place of the sources, to the linker face. C++ is not handled (no libstdc++ for Redox
// here): a C++ source is an error that says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/files.hpp"
#include "driver/config/config.hpp"

namespace clifwrap {

struct CcOutcome {
  std::optional<int> exit_code;          // the call is done: answered, or compiled without linking
  std::vector<std::string> link_args;    // otherwise: the link, sources replaced by their objects
  std::optional<TemporaryDirectory> objects;  // where those objects are, removed after the link
};

// Whether a `<gnu-target>-gcc` command line is the C compiler's rather than a link: it names a C
// or assembly source, compiles only (-c, -S, -E), or asks a question (-dumpmachine, -print-*, -v or
// --version alone).
bool is_compiler_call(const std::vector<std::string>& args);

Result<CcOutcome> run_cc_face(const std::string& invoked_as, const std::vector<std::string>& args, const EnvLookup& env);

}  // namespace clifwrap
