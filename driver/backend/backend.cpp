#include "driver/backend/backend.hpp"

#include <sys/stat.h>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/strings.hpp"
#include "driver/backend/elf_needed.hpp"

namespace clifwrap {
namespace {

constexpr std::string_view kDriverPrefix = "librustc_driver-";
constexpr std::string_view kCraneliftPrefix = "librustc_codegen_cranelift";

bool is_dylib_path(const std::string& setting) {
  return setting.find('/') != std::string::npos || setting.find('.') != std::string::npos;
}

Result<Backend> rustup_component(const RustcFacts& facts) {
  std::string dir = facts.sysroot + "/lib/rustlib/" + facts.host + "/codegen-backends";
  for (const auto& name : list_directory(dir))
    if (std::string_view(name).starts_with(kCraneliftPrefix))
      return Backend{Backend::Kind::Cranelift, "cranelift", {}, dir + "/" + name};
  return fail("no Cranelift backend: looked for " + std::string(kCraneliftPrefix) + "* in " + dir,
              facts.rustc + " " + facts.release,
              "build rustc with Cranelift here (scripts/toolchain.sh build) and use its rustc; on a rustup "
              "nightly run `rustup component add rustc-codegen-cranelift-preview`; with a self-built cg_clif set "
              "CLIFWRAP_BACKEND=/path/to/dist/lib/librustc_codegen_cranelift.so; CLIFWRAP_BACKEND=llvm runs the "
              "same pipeline with LLVM");
}

Result<Backend> backend_dylib(const std::string& path, const RustcFacts& facts) {
  if (!is_regular_file(path))
    return fail("backend dylib does not exist", path,
                "build cg_clif (./y.sh build) and point CLIFWRAP_BACKEND at dist/lib/librustc_codegen_cranelift.so");
  auto driver = find_sysroot_driver(facts.sysroot);
  if (!driver) return tl::unexpected(driver.error());
#ifndef __APPLE__
  auto needed = read_elf_needed(path);
  if (!needed) return tl::unexpected(needed.error());
  std::string wanted = rustc_driver_dependency(*needed);
  if (wanted.empty())
    return fail("not a rustc codegen backend: it does not depend on librustc_driver", path,
                "CLIFWRAP_BACKEND must name librustc_codegen_cranelift.so");
  if (wanted != driver->name)
    return fail("backend was built for " + wanted + ", but " + facts.rustc + " (" + facts.release + ", sysroot " +
                    facts.sysroot + ") has " + driver->name,
                path,
                "rebuild cg_clif for this rustc, or run the toolchain the backend was built with "
                "(cargo +nightly-<date> as in cg_clif's rust-toolchain file)");
#endif
  return Backend{Backend::Kind::Cranelift, path, driver->directory, path};
}

}  // namespace

std::string Backend::describe() const {
  switch (kind) {
    case Kind::Cranelift: return "cranelift (" + codegen_backend + ")";
    case Kind::LlvmStandIn: return "llvm (standing in for Cranelift)";
    case Kind::Llvm: return "llvm";
  }
  return {};
}

Backend llvm_backend(Backend::Kind kind) {
  Backend backend;
  backend.kind = kind;
  backend.codegen_backend = "llvm";
  return backend;
}

std::string backend_identity(const Backend& backend, const RustcFacts& facts) {
  if (backend.kind != Backend::Kind::Cranelift) return "llvm " + facts.release;
  auto stamp = backend.dylib.empty() ? std::nullopt : file_stamp(backend.dylib);
  if (!stamp) return "cranelift " + backend.codegen_backend + " (not found)";
  return backend.dylib + " " + *stamp;
}

std::string backend_content_hash(const Backend& backend, const std::string& identity, const std::string& cache_dir) {
  std::string record = cache_dir + "/backends/" + hash_hex(identity) + ".content";
  if (auto known = read_file(record)) return std::string(without_trailing_newlines(*known));
  auto bytes = read_file(backend.dylib);
  std::string content = bytes ? hash_hex(*bytes) + "-" + std::to_string(bytes->size()) : hash_hex(identity);
  // Not cached when unreadable: the identity stands in, and the next call tries again.
  if (bytes && make_directories(cache_dir + "/backends")) (void)write_file_atomically(record, content + "\n");
  return content;
}

std::string rustc_driver_dependency(const std::vector<std::string>& needed) {
  for (const auto& name : needed)
    if (std::string_view(name).starts_with(kDriverPrefix)) return name;
  return {};
}

Result<SysrootDriver> find_sysroot_driver(const std::string& sysroot) {
  std::string lib = sysroot + "/lib";
  std::vector<std::string> dirs = {lib};
  for (const auto& name : list_directory(lib))
    if (name.find("-linux-") != std::string::npos && is_directory(lib + "/" + name)) dirs.push_back(lib + "/" + name);
  for (const auto& dir : dirs)
    for (const auto& name : list_directory(dir))
      if (std::string_view(name).starts_with(kDriverPrefix)) return SysrootDriver{name, dir};
  return fail("no librustc_driver-*.so under " + lib, sysroot,
              "is this the sysroot of a rustc toolchain? check `rustc --print sysroot`");
}

Result<Backend> resolve_backend(const std::string& setting, const RustcFacts& facts) {
  if (setting == "llvm") return llvm_backend(Backend::Kind::LlvmStandIn);
  if (setting == "cranelift") return rustup_component(facts);
  if (is_dylib_path(setting)) return backend_dylib(setting, facts);
  return tl::unexpected(Error{"`" + setting + "` is not a backend", "CLIFWRAP_BACKEND",
                              "use cranelift, llvm, or a path to librustc_codegen_cranelift.so", 2});
}

}  // namespace clifwrap
