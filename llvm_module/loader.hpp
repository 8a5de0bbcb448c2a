// clifwrap-llvm.so, loaded on first use from beside the clifwrap executable (or
// <prefix>/lib/clifwrap/ when installed): lld in-process, LLVM's archive reader and writer, and
// the ELF object check.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "llvm_module/abi.h"

namespace clifwrap {

struct LlvmModule {
  clifwrap_lld_link_fn lld_link = nullptr;
  clifwrap_archive_read_fn archive_read = nullptr;
  clifwrap_archive_write_fn archive_write = nullptr;
  clifwrap_object_check_fn object_check = nullptr;
  clifwrap_fp_scan_fn fp_scan = nullptr;
};

// Loads the module once per process; an Error names where it looked and what to do.
Result<const LlvmModule*> llvm_module();

// Where the module is looked for, in order.
std::vector<std::string> llvm_module_candidates();

// Collects what the module prints: the sink for clifwrap_text_sink.
struct TextOutput {
  std::string out;
  std::string err;
};
void collect_text(void* text_output, int stream, const char* text, size_t size);

struct LldOutcome {
  int exit_code = 0;
  // Reusable only (OneShot printed them already): lld's stdout, and its stderr, prefixed "ld.lld:".
  std::string output;
  std::string errors;
  bool can_run_again = true;
};

// OneShot (linker mode, the process ends after this link): lld's memory is not torn down, and what
// lld prints goes straight to this process's stdout and stderr — a fatal error on one of lld's
// threads ends the process at once, and its message must be out by then.
// Reusable (partial links, folds): lld runs on one thread, where a fatal error stays inside the
// crash recovery context and comes back as an outcome; what it prints is collected.
enum class LldRun { OneShot, Reusable };

// True after a fatal lld error in this process. lld then holds half-built objects in thread-local
// allocators whose destructors crash in exit() (found by fuzz_archive_fold: `clifwrap
// partial-link` of a corrupt object failed cleanly, then died on the way out): such a process
// must end with _exit, as ld.lld itself ends.
bool lld_state_spoiled();

// An Error only when lld could not be loaded; a failed link is an outcome with a non-zero code.
Result<LldOutcome> run_lld(const std::vector<std::string>& argv, LldRun run);

}  // namespace clifwrap
