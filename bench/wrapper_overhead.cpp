// What the wrapper adds to a rustc call, three ways, each timed alternately with the same call run
// directly (so both see the same machine load); prints the medians and the median added time.
//   pass-through: `rustc -vV`, cargo's probe, which clifwrap hands on before reading any config;
//   rewritten:    a target unit's compile, the backend injected, the fallback off: config, rustc
//                 facts, backend, plan, log line;
//   predicted:    the same with the fallback on: the prediction's source search first, over a
//                 generated crate of `files` sources. "cold" removes the remembered answer before
//                 each run (every call searches, as before prediction_memory); "warm" keeps it.
// The compiles go to a stand-in for rustc that compiles nothing (it writes the dep-info a real
// compile would) and hands every other question to the real rustc, so the added time is
// clifwrap's own, not hidden in a compile's noise. The goal in DESIGN.md is at most 2 ms on a
// pass-through call. Not a test: machines here are shared and noisy, so it only reports.
//
//   bench_wrapper_overhead <clifwrap> <rustc with Cranelift> [runs=100] [files=400]
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

double now_ms() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Run {
  std::vector<std::string> argv;
  std::vector<std::string> env;  // NAME=value, added to this process's environment
};

double time_run(Run run) {
  std::vector<char*> c_argv;
  for (auto& arg : run.argv) c_argv.push_back(arg.data());
  c_argv.push_back(nullptr);
  double start = now_ms();
  pid_t pid = fork();
  if (pid == 0) {
    for (auto& assignment : run.env) putenv(assignment.data());
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execv(c_argv[0], c_argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  double elapsed = now_ms() - start;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "bench: `%s %s ...` failed (status %d)\n", run.argv[0].c_str(),
                 run.argv.size() > 1 ? run.argv[1].c_str() : "", status);
    std::exit(1);
  }
  return elapsed;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Times `wrapped` against `direct` alternately; `before_each` runs untimed before each wrapped call.
void compare(const char* name, const Run& direct, const Run& wrapped, int runs, const std::string& before_each = {}) {
  std::vector<double> d, w, added;
  for (int i = 0; i < 3; ++i) time_run(direct), time_run(wrapped);  // warm the page cache and clifwrap's
  for (int i = 0; i < runs; ++i) {
    double direct_ms = time_run(direct);
    if (!before_each.empty()) (void)std::system(before_each.c_str());
    double wrapped_ms = time_run(wrapped);
    d.push_back(direct_ms);
    w.push_back(wrapped_ms);
    added.push_back(wrapped_ms - direct_ms);
  }
  std::printf("%-16s direct %8.2f ms   through clifwrap %8.2f ms   added %7.2f ms   ratio %.3f\n", name, median(d),
              median(w), median(added), median(w) / median(d));
}

// A crate of `files` modules of ~8 KiB each, mostly comments (cheap for rustc, read all the same by
// the search), nothing the prediction looks for in them.
std::string generate_crate(const std::string& dir, int files) {
  std::ofstream root(dir + "/lib.rs");
  for (int i = 0; i < files; ++i) {
    root << "pub mod m" << i << ";\n";
    std::ofstream module(dir + "/m" + std::to_string(i) + ".rs");
    for (int line = 0; line < 100; ++line)
      module << "// Notes on the arithmetic below, kept long so the file has a real size: " << line << "\n";
    module << "pub fn add(a: u64, b: u64) -> u64 { a.wrapping_add(b) }\n";
  }
  return dir + "/lib.rs";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <clifwrap> <rustc with Cranelift> [runs] [files]\n", argv[0]);
    return 2;
  }
  std::string clifwrap = argv[1];
  std::string rustc = argv[2];
  int runs = argc > 3 ? std::atoi(argv[3]) : 100;
  int files = argc > 4 ? std::atoi(argv[4]) : 400;

  char pattern[] = "/tmp/clifwrap-bench-XXXXXX";
  std::string scratch = mkdtemp(pattern);
  std::string src = scratch + "/src", out = scratch + "/out", cache = scratch + "/cache";
  (void)std::system(("mkdir -p " + src + " " + out).c_str());
  std::string root = generate_crate(src, files);
  // The stand-in: a compile (it names a crate) writes the dep-info rustc would, from the crate's
  // file list; anything else (-vV, --print, the backend's ability probes) is the real rustc's.
  std::string stand_in = scratch + "/rustc";
  {
    std::ofstream script(stand_in);
    script << "#!/bin/sh\ncase \"$*\" in\n  *'--crate-name bench'*)\n"
           << "    { printf '" << out << "/bench.d:'; for f in " << src << "/*.rs; do printf ' %s' \"$f\"; done; echo; } > "
           << out << "/bench.d; exit 0 ;;\nesac\nexec " << rustc << " \"$@\"\n";
  }
  (void)std::system(("chmod +x " + stand_in).c_str());
  std::vector<std::string> compile = {"--crate-name", "bench", "--crate-type", "lib", "--edition", "2021",
                                      "--emit=dep-info,metadata", "--out-dir", out, root};
  Run direct{{stand_in}, {}};
  direct.argv.insert(direct.argv.end(), compile.begin(), compile.end());
  direct.argv.push_back("-Zcodegen-backend=cranelift");
  Run wrapped{{clifwrap, stand_in}, {"CLIFWRAP_CACHE_DIR=" + cache, "CLIFWRAP_FALLBACK=off"}};
  wrapped.argv.insert(wrapped.argv.end(), compile.begin(), compile.end());
  Run predicted = wrapped;
  predicted.env[1] = "CLIFWRAP_FALLBACK=llvm";

  std::printf("runs %d each, alternating; crate of %d files; %s\n", runs, files, rustc.c_str());
  compare("pass-through", Run{{rustc, "-vV"}, {}}, Run{{clifwrap, rustc, "-vV"}, {"CLIFWRAP_CACHE_DIR=" + cache}}, runs);
  compare("rewritten", direct, wrapped, runs);
  compare("predicted cold", direct, predicted, runs, "rm -rf " + cache + "/predictions");
  compare("predicted warm", direct, predicted, runs);
  (void)std::system(("rm -rf " + scratch).c_str());
  return 0;
}
