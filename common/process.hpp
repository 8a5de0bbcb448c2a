// Running programs. Three ways, each for one job:
//  - exec_program replaces clifwrap with the program (pass-through: no extra process, the exit
//    status, signals, inherited descriptors such as cargo's jobserver stay the program's own);
//  - run_program starts a child and waits, optionally handing its stderr over line by line (the
//    fallback decides, line by line, what the user sees and when), and forwards
//    SIGINT/SIGTERM/SIGHUP to it;
//  - capture_output collects stdout of a short query such as `rustc -vV`; its stderr becomes part
//    of the error when the query fails.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct EnvChange {
  enum class Mode { Set, PrependPath };
  std::string name;
  std::string value;
  Mode mode = Mode::Set;
};

struct Command {
  std::vector<std::string> argv;  // argv[0] is the program, found in PATH when it has no '/'
  std::vector<EnvChange> env;
};

struct RunResult {
  int wait_status = 0;  // as returned by waitpid
};

// Receives a child's stderr one whole line at a time, with its newline (only a last line cut
// short by the child's end comes without), as soon as the child has written it.
using LineSink = std::function<void(std::string_view line)>;

// Returns only when the program could not be started.
Error exec_program(const Command& command);

// Without a sink the child writes to this process's stderr directly.
Result<RunResult> run_program(const Command& command, const LineSink* stderr_lines = nullptr);

Result<std::string> capture_output(const Command& command);

// Ends this process the way the child ended: same exit code, or the same signal re-raised.
[[noreturn]] void exit_like(int wait_status);

// The exit code a shell would report for the wait status (128+signal for signals).
int exit_code_of(int wait_status);

// The program's path: `name` itself when it holds a '/', else the first match in PATH, else empty.
std::string find_program(const std::string& name);

// Whether `path` is one of rustup's proxies (rustc, cargo, …): rustup installs them as links to the
// `rustup` binary beside them, and they run the toolchain RUSTUP_TOOLCHAIN or rust-toolchain selects.
bool is_rustup_proxy(const std::string& path);

// Renders argv as a shell-readable line (for explain, logs and messages).
std::string quote_command(const std::vector<std::string>& argv);

// Milliseconds on the monotonic clock: the log's durations.
long long monotonic_ms();

}  // namespace clifwrap
