#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "common/files.hpp"
#include "common/temporaries.hpp"

namespace clifwrap {

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
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(list_directory(dir).empty());
  std::filesystem::remove_all(dir);
}

}  // namespace clifwrap
