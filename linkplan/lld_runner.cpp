#include "linkplan/lld_runner.hpp"

#include <dlfcn.h>

#include "common/files.hpp"
#include "linkplan/lld_module_abi.h"

namespace clifwrap {
namespace {

struct LoadedModule {
  clifwrap_lld_link_fn link = nullptr;
};

Result<LoadedModule> load_module() {
  static Result<LoadedModule> loaded = []() -> Result<LoadedModule> {
    std::string tried;
    for (const auto& path : lld_module_candidates()) {
      if (!is_regular_file(path)) {
        tried += (tried.empty() ? "" : ", ") + path;
        continue;
      }
      // Lazy binding: resolving all of libLLVM.so's symbols up front costs milliseconds a link never uses.
      void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
      if (handle == nullptr) return fail(std::string("cannot load lld: ") + dlerror(), path, "reinstall clifwrap (scripts/build.sh builds it)");
      auto version = reinterpret_cast<clifwrap_lld_abi_version_fn>(dlsym(handle, "clifwrap_lld_abi_version"));
      auto link = reinterpret_cast<clifwrap_lld_link_fn>(dlsym(handle, "clifwrap_lld_link"));
      if (version == nullptr || link == nullptr || version() != CLIFWRAP_LLD_ABI_VERSION)
        return fail("this lld module belongs to another clifwrap version", path, "reinstall clifwrap with its module");
      return LoadedModule{link};
    }
    return fail("clifwrap's lld module is missing (looked at " + tried + ")", "clifwrap-lld.so",
                "it is built next to clifwrap by scripts/build.sh; install both together");
  }();
  return loaded;
}

void collect(void* context, int stream, const char* text, size_t size) {
  auto* outcome = static_cast<LldOutcome*>(context);
  (stream == 1 ? outcome->output : outcome->errors).append(text, size);
}

}  // namespace

std::vector<std::string> lld_module_candidates() {
  std::string dir = parent_directory(executable_path());
  return {dir + "/clifwrap-lld.so", dir + "/../lib/clifwrap/clifwrap-lld.so"};
}

Result<LldOutcome> run_lld(const std::vector<std::string>& argv, LldRun run) {
  auto module = load_module();
  if (!module) return tl::unexpected(module.error());
  std::vector<const char*> raw;
  raw.reserve(argv.size());
  for (const auto& arg : argv) raw.push_back(arg.c_str());
  LldOutcome outcome;
  int can_run_again = 1;
  int flags = run == LldRun::OneShot ? CLIFWRAP_LLD_ONE_SHOT : 0;
  outcome.exit_code = module->link(static_cast<int>(raw.size()), raw.data(), flags, collect, &outcome, &can_run_again);
  outcome.can_run_again = can_run_again != 0;
  return outcome;
}

}  // namespace clifwrap
