// clifwrap-llvm.so, lld part: lld's ELF driver behind the C boundary of llvm_module/abi.h.
#include <mutex>
#include <string>
#include <vector>

#include <lld/Common/Driver.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/raw_ostream.h>

#include "llvm_module/abi.h"

LLD_HAS_DRIVER(elf)

extern "C" __attribute__((visibility("default"))) int clifwrap_abi_version() { return CLIFWRAP_LLVM_MODULE_ABI_VERSION; }

namespace {

// Hands every write to the caller's sink at once: lld can end the process from one of its worker
// threads (a fatal error there bypasses the crash recovery context), and what it said must not die
// in a buffer with it.
class SinkStream : public llvm::raw_ostream {
 public:
  SinkStream(clifwrap_text_sink sink, void* context, int stream) : sink_(sink), context_(context), stream_(stream) {
    SetUnbuffered();
  }

 private:
  void write_impl(const char* text, size_t size) override {
    position_ += size;
    sink_(context_, stream_, text, size);
  }
  uint64_t current_pos() const override { return position_; }

  clifwrap_text_sink sink_;
  void* context_;
  int stream_;
  uint64_t position_ = 0;
};

// lld's ELF driver inside a crash recovery context, without lldMain's teardown of lld's memory.
lld::Result link_once(llvm::ArrayRef<const char*> args, llvm::raw_ostream& out, llvm::raw_ostream& err) {
  llvm::CrashRecoveryContext recovery;
  bool linked = false;
  if (recovery.RunSafely([&] { linked = lld::elf::link(args, out, err, /*exitEarly=*/false, /*disableOutput=*/false); }))
    return {linked ? 0 : 1, true};
  // A fatal error (its message already printed) leaves through exitLld with a code; a crash without one.
  if (recovery.RetCode == 0) err << "ld.lld: error: lld crashed\n";
  return {recovery.RetCode != 0 ? recovery.RetCode : 1, false};
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int clifwrap_lld_link(int argc, const char* const* argv, int flags,
                                                                          clifwrap_text_sink sink, void* context,
                                                                          int* can_run_again) {
  // lldMain keeps global state: two links at once crash it (TOOLCHAIN.md).
  static std::mutex one_link_at_a_time;
  std::lock_guard lock(one_link_at_a_time);
  // Without this a fatal lld error (a corrupt input) would exit the whole process.
  static const bool recovery_enabled = (llvm::CrashRecoveryContext::Enable(), true);
  (void)recovery_enabled;

  std::vector<const char*> args(argv, argv + argc);
  SinkStream out(sink, context, 1), err(sink, context, 2);
  lld::Result result = (flags & CLIFWRAP_LLD_ONE_SHOT) != 0 ? link_once(args, out, err)
                                                           : lld::lldMain(args, out, err, {{lld::Gnu, &lld::elf::link}});
  *can_run_again = result.canRunAgain ? 1 : 0;
  return result.retCode;
}
