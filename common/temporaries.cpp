#include "common/temporaries.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "common/files.hpp"

namespace clifwrap {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kSlots = 64;  // a process holds a handful at once; more are not registered
std::atomic<char*> g_slots[kSlots];

constexpr int kMaxTreeDepth = 16;

// The handler below uses system calls only: a signal handler must not allocate (nftw and opendir
// do; found by e2e.interruption: a signal in the middle of a malloc left malloc's state corrupt,
// and the process aborted instead of dying by the signal).

// Calls remove(name) for each entry of the directory open as fd, reading it again until a pass
// removes nothing (removing entries while reading a directory may skip some).
template <class Remove>
void remove_entries(int fd, Remove remove) {
  alignas(8) char buffer[2048];
  for (int pass = 0; pass < 8; ++pass) {
    bool removed = false;
    ::lseek(fd, 0, SEEK_SET);
    ssize_t size;
    while ((size = ::getdents64(fd, buffer, sizeof buffer)) > 0) {
      for (ssize_t offset = 0; offset < size;) {
        const auto* entry = reinterpret_cast<const struct dirent64*>(buffer + offset);
        offset += entry->d_reclen;
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
          removed = remove(entry->d_name) || removed;
      }
    }
    if (!removed) return;
  }
}

void remove_contents(int fd, int depth) {
  remove_entries(fd, [&](const char* name) {
    if (::unlinkat(fd, name, 0) == 0) return true;
    if (errno != EISDIR || depth >= kMaxTreeDepth) return false;
    int child = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (child < 0) return false;
    remove_contents(child, depth + 1);
    ::close(child);
    return ::unlinkat(fd, name, AT_REMOVEDIR) == 0;
  });
}

// lld and LLVM's archive writer write through temporaries of their own named after ours
// (`<ours>.tmpXXXXXXX`, `<ours>.temp-archive-XXXXXXX.a`), created before LLVM's own handler is
// installed (seen in e2e.interruption): they go with ours.
void remove_derived(const char* path) {
  char directory[PATH_MAX] = ".";
  const char* base = path;
  if (const char* slash = std::strrchr(path, '/'); slash != nullptr) {
    size_t size = slash == path ? 1 : static_cast<size_t>(slash - path);
    if (size >= sizeof directory) return;
    std::memcpy(directory, path, size);
    directory[size] = '\0';
    base = slash + 1;
  }
  size_t base_size = std::strlen(base);
  if (base_size == 0) return;
  int fd = ::open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  remove_entries(fd, [&](const char* name) {
    return std::strncmp(name, base, base_size) == 0 && name[base_size] == '.' && ::unlinkat(fd, name, 0) == 0;
  });
  ::close(fd);
}

void remove_path(const char* path) {
  remove_derived(path);
  if (::unlink(path) == 0 || errno != EISDIR) return;
  int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  remove_contents(fd, 0);
  ::close(fd);
  ::rmdir(path);
}

// The handler each of ours replaced, if it was a function: LLVM's, which removes the temporaries
// of lld and of LLVM's archive writer. Ours is reinstalled at a later registration and LLVM never
// installs its own twice, so without the chain those were left behind (e2e.interruption).
struct sigaction g_replaced[NSIG];
std::atomic<bool> g_handling{false};

void on_signal(int signal, siginfo_t* info, void* context) {
  // Once: a chained handler may raise the signal again, and it must then end the process.
  if (!g_handling.exchange(true)) {
    for (auto& slot : g_slots)
      if (char* path = slot.load()) remove_path(path);
    const struct sigaction& replaced = g_replaced[signal];
    if ((replaced.sa_flags & SA_SIGINFO) != 0) {
      if (replaced.sa_sigaction != nullptr) replaced.sa_sigaction(signal, info, context);
    } else if (replaced.sa_handler != SIG_DFL && replaced.sa_handler != SIG_IGN) {
      replaced.sa_handler(signal);
    }
  }
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// Checked at every registration, not once: whoever changed a handler since (a library such as
// LLVM, a test framework) has not restored it; theirs is kept to be chained.
void install_handlers() {
  struct sigaction action {};
  action.sa_sigaction = on_signal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  for (int signal : kSignals) {
    struct sigaction current;
    if (::sigaction(signal, nullptr, &current) != 0) continue;
    if ((current.sa_flags & SA_SIGINFO) != 0 && current.sa_sigaction == on_signal) continue;
    if ((current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_IGN) continue;  // nohup stays nohup
    g_replaced[signal] = current;
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace

std::string temporary_name_for(const std::string& path) {
  return path + ".clifwrap-" + std::to_string(::getpid()) + ".tmp";
}

RemoveOnSignal::RemoveOnSignal(const std::string& path) : slot_(-1) {
  install_handlers();
  char* copy = ::strdup(path.c_str());
  for (int i = 0; i < kSlots && copy != nullptr; ++i) {
    char* expected = nullptr;
    if (g_slots[i].compare_exchange_strong(expected, copy)) {
      slot_ = i;
      return;
    }
  }
  std::free(copy);
}

RemoveOnSignal::~RemoveOnSignal() {
  if (slot_ >= 0) std::free(g_slots[slot_].exchange(nullptr));
}

TemporaryFile::TemporaryFile(std::string destination)
    : destination_(std::move(destination)), path_(temporary_name_for(destination_)), on_signal_(path_) {
  ::unlink(path_.c_str());  // left by an earlier process that had this pid
}

TemporaryFile::~TemporaryFile() {
  if (!committed_) ::unlink(path_.c_str());
}

Result<void> TemporaryFile::commit(Commit how) {
  if (how == Commit::Replace) {
    auto replaced = replace_file(path_, destination_);
    committed_ = replaced.has_value();
    return replaced;
  }
  if (::rename(path_.c_str(), destination_.c_str()) != 0)
    return fail(std::string("cannot rename the temporary file into place: ") + std::strerror(errno), destination_);
  committed_ = true;
  return {};
}

long temporary_owner(const std::string& name) {
  size_t at = name.find(".clifwrap-");
  if (at == std::string::npos) return 0;
  size_t i = at + std::string_view(".clifwrap-").size();
  size_t word = i;
  while (word < name.size() && name[word] >= 'a' && name[word] <= 'z') ++word;
  if (word > i && word < name.size() && name[word] == '-') i = word + 1;
  long pid = 0;
  size_t digits = i;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9' && pid < 100000000)
    pid = pid * 10 + (name[digits++] - '0');
  return digits > i ? pid : 0;
}

int sweep_abandoned_temporaries(const std::string& dir) {
  int removed = 0;
  for (const auto& name : list_directory(dir)) {
    long pid = temporary_owner(name);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) continue;  // its process still runs
    remove_path((dir + "/" + name).c_str());
    ++removed;
  }
  return removed;
}

}  // namespace clifwrap
