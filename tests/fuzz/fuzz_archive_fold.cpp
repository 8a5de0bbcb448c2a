// Archives: any bytes as a staticlib after rustc, folded (each `.rcgu.asm.o` member partial-linked
// into its unit through LLVM and lld). Nothing may crash, and a failed fold leaves the file as it was.
#include <cstdlib>

#include "common/files.hpp"
#include "crt/archive.hpp"
#include "crt/archive_fold.hpp"
#include "fuzz_input.hpp"

using namespace clifwrap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  static const fuzz::ScratchFile scratch("lib.a");
  const std::string& path = scratch.path();
  if (!write_file_atomically(path, bytes)) return 0;
  (void)is_archive(path);
  auto folded = fold_asm_members(path);
  if (!folded && read_file(path).value_or("") != bytes) std::abort();
  (void)read_archive(path);
  return 0;
}
