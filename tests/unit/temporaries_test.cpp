#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "common/temporaries.hpp"

namespace clifwrap {

namespace {
void check_died_by_sigterm(pid_t child) {
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
}
}  // namespace

TEST_CASE("temporaries carry their owner's pid") {
  CHECK(temporary_owner("crt0.o.clifwrap-1234.tmp") == 1234);
  CHECK(temporary_owner(".clifwrap-obj-77") == 77);
  CHECK(temporary_owner(".clifwrap-fold-4321-a1B2c3") == 4321);
  CHECK(temporary_owner("big.clifwrap-old-99") == 99);
  CHECK(temporary_owner("libcrt0.a") == 0);
  CHECK(temporary_owner("x.clifwrap-.tmp") == 0);
  CHECK(temporary_name_for("out/prog") == "out/prog.clifwrap-" + std::to_string(getpid()) + ".tmp");
}

TEST_CASE("a later run sweeps what a killed one left, and nothing a live process owns") {
  std::string dir = std::filesystem::temp_directory_path() / ("clifwrap-sweep-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir + "/.clifwrap-obj-999999999/nested");
  pid_t dead = fork();
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  std::string abandoned = dir + "/prog.clifwrap-" + std::to_string(dead) + ".tmp";
  REQUIRE(write_file_atomically(abandoned, "half").has_value());
  REQUIRE(write_file_atomically(dir + "/prog.clifwrap-1.tmp", "pid 1 is alive").has_value());
  REQUIRE(write_file_atomically(dir + "/prog", "the output").has_value());
  CHECK(sweep_abandoned_temporaries(dir) == 2);  // the dead pid's file, and the directory of pid 999999999
  CHECK(list_directory(dir) == std::vector<std::string>{"prog", "prog.clifwrap-1.tmp"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("a signal removes the registered temporaries and ends the process with that signal") {
  std::string dir = std::filesystem::temp_directory_path() / ("clifwrap-signal-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  pid_t child = fork();
  if (child == 0) {
    RemoveOnSignal file(dir + "/a.tmp");
    RemoveOnSignal directory(dir + "/private");
    (void)write_file_atomically(dir + "/a.tmp", "x");
    std::filesystem::create_directories(dir + "/private/deeper");
    ::raise(SIGTERM);
    _exit(0);  // not reached
  }
  check_died_by_sigterm(child);
  CHECK(list_directory(dir).empty());
  std::filesystem::remove_all(dir);
}

namespace {
const char* g_marker = nullptr;
void earlier_handler(int, siginfo_t*, void*) { ::close(::open(g_marker, O_CREAT | O_WRONLY, 0644)); }
}  // namespace

TEST_CASE("a signal also removes what others named after a temporary, and runs the handler ours replaced") {
  std::string dir = std::filesystem::temp_directory_path() / ("clifwrap-derived-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string marker = dir + "/earlier-handler-ran";
  pid_t child = fork();
  if (child == 0) {
    g_marker = marker.c_str();
    struct sigaction earlier {};  // as LLVM installs its own, which removes lld's temporaries
    earlier.sa_sigaction = earlier_handler;
    earlier.sa_flags = SA_SIGINFO;
    ::sigaction(SIGTERM, &earlier, nullptr);
    RemoveOnSignal file(dir + "/out.tmp");
    for (const char* name : {"out.tmp", "out.tmp.tmp4c6bcfc", "out.tmp.temp-archive-2b83927.a", "out.tmpx"})
      (void)write_file_atomically(dir + "/" + name, "x");
    RemoveOnSignal directory(dir + "/private");
    std::filesystem::create_directories(dir + "/private/a/b");
    for (const char* name : {"private/one.o", "private/a/two.o", "private/a/b/three.o"})
      (void)write_file_atomically(dir + "/" + name, "x");
    ::raise(SIGTERM);
    _exit(0);  // not reached
  }
  check_died_by_sigterm(child);
  // lld's and the archive writer's temporaries went with ours; a name that only starts alike stays
  CHECK(list_directory(dir) == std::vector<std::string>{"earlier-handler-ran", "out.tmpx"});
  std::filesystem::remove_all(dir);
}

}  // namespace clifwrap
