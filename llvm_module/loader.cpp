#include "llvm_module/loader.hpp"

#include <dlfcn.h>

#include <cstdio>

#include "common/files.hpp"

namespace clifwrap {
namespace {

constexpr const char* kModuleName = "clifwrap-llvm.so";

template <class Function>
Function symbol(void* handle, const char* name) {
  return reinterpret_cast<Function>(dlsym(handle, name));
}

Result<LlvmModule> load() {
  std::string tried;
  for (const auto& path : llvm_module_candidates()) {
    if (!is_regular_file(path)) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    // Lazy binding: resolving all of libLLVM.so's symbols up front costs milliseconds a link never uses.
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr)
      return fail(std::string("cannot load LLVM: ") + dlerror(), path, "reinstall clifwrap (scripts/build.sh builds it)");
    auto version = symbol<clifwrap_abi_version_fn>(handle, "clifwrap_abi_version");
    LlvmModule module{symbol<clifwrap_lld_link_fn>(handle, "clifwrap_lld_link"),
                      symbol<clifwrap_archive_read_fn>(handle, "clifwrap_archive_read"),
                      symbol<clifwrap_archive_write_fn>(handle, "clifwrap_archive_write"),
                      symbol<clifwrap_object_check_fn>(handle, "clifwrap_object_check"),
                      symbol<clifwrap_fp_scan_fn>(handle, "clifwrap_fp_scan")};
    if (version == nullptr || version() != CLIFWRAP_LLVM_MODULE_ABI_VERSION || module.lld_link == nullptr ||
        module.archive_read == nullptr || module.archive_write == nullptr || module.object_check == nullptr ||
        module.fp_scan == nullptr)
      return fail("this LLVM module belongs to another clifwrap version", path, "reinstall clifwrap with its module");
    return module;
  }
  return fail("clifwrap's LLVM module is missing (looked at " + tried + ")", kModuleName,
              "it is built next to clifwrap by scripts/build.sh; install both together");
}

}  // namespace

std::vector<std::string> llvm_module_candidates() {
  std::string dir = parent_directory(executable_path());
  return {dir + "/" + kModuleName, dir + "/../lib/clifwrap/" + kModuleName};
}

Result<const LlvmModule*> llvm_module() {
  static const Result<LlvmModule> loaded = load();
  if (!loaded) return tl::unexpected(loaded.error());
  return &*loaded;
}

namespace {

void write_through(void*, int stream, const char* text, size_t size) {
  std::fwrite(text, 1, size, stream == 1 ? stdout : stderr);
  if (stream == 2) std::fflush(stderr);
}

}  // namespace

void collect_text(void* text_output, int stream, const char* text, size_t size) {
  auto* output = static_cast<TextOutput*>(text_output);
  (stream == 1 ? output->out : output->err).append(text, size);
}

namespace {
// After a fatal error or a crash lld's global state is spoiled: it must not run again here.
bool spoiled = false;
}  // namespace

bool lld_state_spoiled() { return spoiled; }

Result<LldOutcome> run_lld(const std::vector<std::string>& argv, LldRun run) {
  if (spoiled)
    return fail("lld cannot link again in this process after a fatal error", "ld.lld", "run clifwrap again");
  auto module = llvm_module();
  if (!module) return tl::unexpected(module.error());
  bool one_shot = run == LldRun::OneShot;
  std::vector<const char*> raw;
  raw.reserve(argv.size() + 1);
  for (const auto& arg : argv) raw.push_back(arg.c_str());
  // On lld's worker threads a fatal error (a corrupt input) would end this process (found by
  // fuzz_archive_fold); on one thread it comes back as an error. Partial links are small.
  if (!one_shot) raw.push_back("--threads=1");
  TextOutput text;
  int can_run_again = 1;
  LldOutcome outcome;
  outcome.exit_code = (*module)->lld_link(static_cast<int>(raw.size()), raw.data(), one_shot ? CLIFWRAP_LLD_ONE_SHOT : 0,
                                          one_shot ? write_through : collect_text, &text, &can_run_again);
  outcome.output = std::move(text.out);
  outcome.errors = std::move(text.err);
  outcome.can_run_again = can_run_again != 0;
  spoiled = !outcome.can_run_again;
  return outcome;
}

}  // namespace clifwrap
