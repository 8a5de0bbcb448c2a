#include "common/temporaries.hpp"

#include <ftw.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "common/files.hpp"

namespace clifwrap {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kSlots = 64;  // a process holds a handful at once; more are not registered
std::atomic<char*> g_slots[kSlots];

int remove_entry(const char* path, const struct stat*, int, struct FTW*) {
  ::remove(path);
  return 0;
}

void remove_path(const char* path) {
  struct stat status;
  if (::lstat(path, &status) != 0) return;
  if (S_ISDIR(status.st_mode)) ::nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  else ::unlink(path);
}

void on_signal(int signal) {
  for (auto& slot : g_slots)
    if (char* path = slot.load()) remove_path(path);
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// Checked at every registration, not once: whoever changed a handler since (a test framework,
// a library) has not restored it.
void install_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int signal : kSignals) {
    struct sigaction current;
    if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler == on_signal) continue;
    if (current.sa_handler == SIG_IGN) continue;  // a signal someone chose to ignore (nohup) stays ignored
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
