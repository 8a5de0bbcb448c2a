// clifwrap-llvm.so, lld part: lld's ELF driver behind the C boundary of llvm_module_abi.h.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <lld/Common/Driver.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/raw_ostream.h>

#include "linkplan/llvm_module_abi.h"

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

// lld builds its input sections in thread-local allocators, destroyed when their thread ends. A
// fatal error leaves lld through the crash recovery context with a section half built, and its
// destructor then crashes in exit() (found by fuzz_archive_fold: `clifwrap partial-link` of a
// corrupt object failed cleanly, then died on the way out). Reusable links therefore run on a
// thread of the module's own that never ends: the process ends without tearing those allocators
// down, as ld.lld itself ends. The thread's own state is never destroyed either: it waits on it.
class LinkThread {
 public:
  static LinkThread& instance() {
    static LinkThread* thread = new LinkThread;
    return *thread;
  }

  // Callers are serialized by clifwrap_lld_link's lock.
  void run(const std::function<void()>& job) {
    std::unique_lock lock(mutex_);
    job_ = &job;
    job_ready_.notify_one();
    job_done_.wait(lock, [&] { return job_ == nullptr; });
  }

 private:
  LinkThread() { std::thread([this] { serve(); }).detach(); }

  [[noreturn]] void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      job_ready_.wait(lock, [&] { return job_ != nullptr; });
      const std::function<void()>& job = *job_;
      lock.unlock();
      job();
      lock.lock();
      job_ = nullptr;
      job_done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable job_ready_, job_done_;
  const std::function<void()>* job_ = nullptr;
};

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
  lld::Result result{1, false};
  if ((flags & CLIFWRAP_LLD_ONE_SHOT) != 0)
    result = link_once(args, out, err);  // the caller ends the process with _exit after it
  else
    LinkThread::instance().run([&] { result = lld::lldMain(args, out, err, {{lld::Gnu, &lld::elf::link}}); });
  *can_run_again = result.canRunAgain ? 1 : 0;
  return result.retCode;
}
