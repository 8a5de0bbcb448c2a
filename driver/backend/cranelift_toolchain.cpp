#include "driver/backend/cranelift_toolchain.hpp"

#include "common/files.hpp"
#include "driver/backend/backend.hpp"

namespace clifwrap {

// scripts/toolchain.sh installs it under this name (its `name`); the two must agree.
constexpr std::string_view kToolchainName = "1.96.0-cranelift";

std::optional<CachedToolchain> find_cached_toolchain(const std::string& cache_dir) {
  std::string root = cache_dir + "/toolchains/" + std::string(kToolchainName);
  if (!is_regular_file(root + "/clifwrap-toolchain.stamp") || !is_regular_file(root + "/bin/rustc")) return std::nullopt;
  return CachedToolchain{root, root + "/bin/rustc"};
}

std::string toolchain_usage(const CachedToolchain& toolchain) {
  return "RUSTC=" + toolchain.rustc + " cargo …, or `rustup toolchain link clifwrap-cranelift " + toolchain.root +
         "` and cargo +clifwrap-cranelift …";
}

Error with_toolchain_hint(Error error, const RustcFacts& facts, const std::string& cache_dir) {
  auto toolchain = find_cached_toolchain(cache_dir);
  if (!toolchain || facts.sysroot == toolchain->root) return error;
  auto ours = find_sysroot_driver(facts.sysroot);
  auto cached = find_sysroot_driver(toolchain->root);
  std::string theirs_name = ours ? ours->name : "its librustc_driver";
  std::string cached_name = cached ? cached->name : "its own librustc_driver";
  error.hint = facts.rustc + " (" + facts.release + ", " + theirs_name + ") cannot load the cached toolchain's backend, "
               "which is built for " + cached_name + "; use that toolchain: " + toolchain_usage(*toolchain);
  return error;
}

}  // namespace clifwrap
