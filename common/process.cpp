#include "common/process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

volatile sig_atomic_t g_child_pid = 0;

void forward_signal(int signal_number) {
  if (g_child_pid > 0) ::kill(g_child_pid, signal_number);
}

constexpr int kForwardedSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void apply_environment(const std::vector<EnvChange>& changes) {
  for (const auto& change : changes) {
    std::string value = change.value;
    if (change.mode == EnvChange::Mode::PrependPath) {
      const char* old = std::getenv(change.name.c_str());
      if (old && *old) value += std::string(":") + old;
    }
    ::setenv(change.name.c_str(), value.c_str(), 1);
  }
}

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
  std::vector<char*> result;
  for (const auto& arg : argv) result.push_back(const_cast<char*>(arg.c_str()));
  result.push_back(nullptr);
  return result;
}

Error start_error(const Command& command, int error_number) {
  const std::string& program = command.argv.empty() ? std::string("<empty>") : command.argv[0];
  std::string hint = error_number == ENOENT ? "check the path, or that it is installed and in PATH"
                                            : "check its permissions";
  return Error{std::string("cannot run: ") + std::strerror(error_number), program, hint};
}

// In the child after fork: only async-signal-safe work until exec. setenv is not strictly so, but
// clifwrap is single-threaded, which makes it safe here.
[[noreturn]] void exec_in_child(const Command& command, int error_pipe) {
  apply_environment(command.env);
  auto argv = c_argv(command.argv);
  ::execvp(argv[0], argv.data());
  int error_number = errno;
  (void)!::write(error_pipe, &error_number, sizeof error_number);
  ::_exit(127);
}

Result<pid_t> spawn(const Command& command, int stdout_fd, int stderr_fd) {
  if (command.argv.empty()) return fail("empty command");
  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) return fail(std::string("pipe: ") + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) return fail(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(error_pipe[0]);
    if (stdout_fd >= 0) ::dup2(stdout_fd, STDOUT_FILENO);
    if (stderr_fd >= 0) ::dup2(stderr_fd, STDERR_FILENO);
    exec_in_child(command, error_pipe[1]);
  }
  ::close(error_pipe[1]);
  int error_number = 0;
  ssize_t n;
  do n = ::read(error_pipe[0], &error_number, sizeof error_number);
  while (n < 0 && errno == EINTR);
  ::close(error_pipe[0]);
  if (n == sizeof error_number) {
    ::waitpid(pid, nullptr, 0);
    return tl::unexpected(start_error(command, error_number));
  }
  return pid;
}

std::string read_all(int fd) {
  std::string text;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) text.append(buffer, static_cast<size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  return text;
}

void read_lines(int fd, const LineSink& sink) {
  std::string pending;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buffer, static_cast<size_t>(n));
    size_t start = 0;
    for (size_t end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1)
      sink(std::string_view(pending).substr(start, end + 1 - start));
    pending.erase(0, start);
  }
  if (!pending.empty()) sink(pending);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

}  // namespace

Error exec_program(const Command& command) {
  if (command.argv.empty()) return Error{"empty command", {}, {}};
  apply_environment(command.env);
  auto argv = c_argv(command.argv);
  ::execvp(argv[0], argv.data());
  return start_error(command, errno);
}

Result<RunResult> run_program(const Command& command, const LineSink* stderr_lines) {
  int stderr_pipe[2] = {-1, -1};
  if (stderr_lines && ::pipe2(stderr_pipe, O_CLOEXEC) != 0)
    return fail(std::string("pipe: ") + std::strerror(errno));

  struct sigaction forward {}, previous[std::size(kForwardedSignals)];
  forward.sa_handler = forward_signal;
  forward.sa_flags = SA_RESTART;
  sigemptyset(&forward.sa_mask);
  for (size_t i = 0; i < std::size(kForwardedSignals); ++i)
    ::sigaction(kForwardedSignals[i], &forward, &previous[i]);

  auto pid = spawn(command, -1, stderr_pipe[1]);
  RunResult result;
  if (pid) {
    g_child_pid = *pid;
    if (stderr_lines) {
      ::close(stderr_pipe[1]);
      read_lines(stderr_pipe[0], *stderr_lines);
      ::close(stderr_pipe[0]);
    }
    result.wait_status = wait_for(*pid);
    g_child_pid = 0;
  } else if (stderr_lines) {
    ::close(stderr_pipe[0]);
    ::close(stderr_pipe[1]);
  }
  for (size_t i = 0; i < std::size(kForwardedSignals); ++i)
    ::sigaction(kForwardedSignals[i], &previous[i], nullptr);
  if (!pid) return tl::unexpected(pid.error());
  return result;
}

Result<std::string> capture_output(const Command& command) {
  // stderr goes to a temporary file (not a second pipe: no risk of both pipes filling up).
  FILE* errors = std::tmpfile();
  if (!errors) return fail(std::string("tmpfile: ") + std::strerror(errno));
  int out_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    std::fclose(errors);
    return fail(std::string("pipe: ") + std::strerror(errno));
  }
  auto pid = spawn(command, out_pipe[1], ::fileno(errors));
  ::close(out_pipe[1]);
  std::string text = pid ? read_all(out_pipe[0]) : std::string();
  ::close(out_pipe[0]);
  int status = pid ? wait_for(*pid) : 0;
  std::rewind(errors);
  std::string error_text = read_all(::fileno(errors));
  std::fclose(errors);
  if (!pid) return tl::unexpected(pid.error());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    // All of it: a rustc that cannot start says why on its last lines, after a first line of context.
    std::string message(without_trailing_newlines(error_text));
    return fail("exited with status " + std::to_string(exit_code_of(status)) + (message.empty() ? "" : ":\n" + message),
                quote_command(command.argv));
  }
  return text;
}

void exit_like(int wait_status) {
  if (WIFSIGNALED(wait_status)) {
    int signal_number = WTERMSIG(wait_status);
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
  }
  std::exit(exit_code_of(wait_status));
}

int exit_code_of(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return 1;
}

bool is_rustup_proxy(const std::string& path) {
  std::string sibling = path.substr(0, path.rfind('/') + 1) + "rustup";
  return path != sibling && same_file(path, sibling);
}

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      struct stat st {};
      if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return candidate;
    }
    start = end + 1;
  }
  return {};
}

std::string quote_command(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) {
    if (!line.empty()) line += ' ';
    bool plain = !arg.empty() && arg.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=+./,:@%") == std::string::npos;
    if (plain) {
      line += arg;
      continue;
    }
    line += '\'';
    for (char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += '\'';
  }
  return line;
}

long long monotonic_ms() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<long long>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

}  // namespace clifwrap
