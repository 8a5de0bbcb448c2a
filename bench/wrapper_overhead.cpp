// The wrapper's pass-through cost: runs `rustc -vV` and `clifwrap rustc -vV` alternately (so both
// see the same machine load) and prints the median of each and the median added time. The goal in
// DESIGN.md is at most 2 ms. Not a test: machines here are shared and noisy, so it only reports.
//
//   bench_wrapper_overhead <clifwrap> [rustc=/usr/bin/rustc] [runs=200]
#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double now_ms() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double time_run(std::vector<std::string> argv) {
  std::vector<char*> c_argv;
  for (auto& arg : argv) c_argv.push_back(arg.data());
  c_argv.push_back(nullptr);
  double start = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    execv(c_argv[0], c_argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  double elapsed = now_ms() - start;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "bench: %s failed\n", argv[0].c_str());
    std::exit(1);
  }
  return elapsed;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <clifwrap> [rustc] [runs]\n", argv[0]);
    return 2;
  }
  std::string clifwrap = argv[1];
  std::string rustc = argc > 2 ? argv[2] : "/usr/bin/rustc";
  int runs = argc > 3 ? std::atoi(argv[3]) : 200;

  std::vector<double> direct, wrapped, added;
  for (int i = 0; i < 5; ++i) time_run({rustc, "-vV"});  // warm the page cache
  for (int i = 0; i < runs; ++i) {
    double d = time_run({rustc, "-vV"});
    double w = time_run({clifwrap, rustc, "-vV"});
    direct.push_back(d);
    wrapped.push_back(w);
    added.push_back(w - d);
  }
  std::printf("runs                        %d (alternating)\n", runs);
  std::printf("rustc -vV           median  %7.2f ms\n", median(direct));
  std::printf("clifwrap rustc -vV  median  %7.2f ms\n", median(wrapped));
  std::printf("added by clifwrap   median  %7.2f ms   (goal: <= 2 ms)\n", median(added));
  std::printf("ratio wrapped/direct        %7.3f\n", median(wrapped) / median(direct));
  return 0;
}
