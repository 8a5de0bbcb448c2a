// Archives: any bytes as a staticlib after rustc, folded (each `.rcgu.asm.o` member partial-linked
// into its unit through LLVM and lld). Nothing may crash, and a failed fold leaves the file as it was.
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include "common/files.hpp"
#include "crt/archive.hpp"
#include "crt/archive_fold.hpp"
#include "fuzz_input.hpp"

using namespace clifwrap;

namespace {

void fold_one(const std::string& bytes) {
  static const fuzz::ScratchFile scratch("lib.a");
  const std::string& path = scratch.path();
  if (!write_file_atomically(path, bytes)) return;
  (void)is_archive(path);
  auto folded = fold_asm_members(path);
  if (!folded && read_file(path).value_or("") != bytes) std::abort();
  (void)read_archive(path);
}

// After a fatal lld error the thread that ran lld must never end (its thread-local allocators
// hold half-built objects: llvm_module/loader.hpp, lld_state_spoiled); clifwrap then ends with _exit.
// libFuzzer ends with exit(), so the folds run on a thread of their own that never ends.
class FoldThread {
 public:
  static FoldThread& instance() {
    static FoldThread* thread = new FoldThread;  // never destroyed: the thread waits on it
    return *thread;
  }

  void fold(const std::string& bytes) {
    std::unique_lock lock(mutex_);
    input_ = &bytes;
    ready_.notify_one();
    done_.wait(lock, [&] { return input_ == nullptr; });
  }

 private:
  FoldThread() { std::thread([this] { serve(); }).detach(); }

  [[noreturn]] void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return input_ != nullptr; });
      fold_one(*input_);
      input_ = nullptr;
      done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_, done_;
  const std::string* input_ = nullptr;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FoldThread::instance().fold(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
