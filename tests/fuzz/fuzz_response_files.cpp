// Response files: the input is an @file's text, expanded the gcc/lld way (quotes, backslashes,
// nested @files) and the rustc way (one argument per line).
#include "common/files.hpp"
#include "driver/rustc/rustc_invocation.hpp"
#include "fuzz_input.hpp"
#include "linkplan/link_planner.hpp"

using namespace clifwrap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)split_response_text(text);
  static const fuzz::ScratchFile scratch("args");
  const std::string& path = scratch.path();
  if (!write_file_atomically(path, text)) return 0;
  (void)expand_response_files({"-o", "out", "@" + path});
  (void)expand_argfiles({"--crate-name", "x", "@" + path});
  return 0;
}
