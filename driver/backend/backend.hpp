// Which codegen backend a rewritten call gets, found and checked before rustc runs, so a missing or
// mismatched backend is one clear message instead of a rustc panic in the middle of a build.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/rustc_facts.hpp"

namespace clifwrap {

struct Backend {
  enum class Kind {
    Cranelift,    // cg_clif: the rustup component by name, or a dylib by path
    LlvmStandIn,  // CLIFWRAP_BACKEND=llvm: LLVM runs, every other step as for Cranelift
    Llvm,         // a crate configured for LLVM, or the fallback rerun
  };
  Kind kind = Kind::Cranelift;
  std::string codegen_backend;  // the value of -Zcodegen-backend
  std::string library_dir;      // goes on LD_LIBRARY_PATH (self-built dylib only)
  std::string dylib;            // the file resolve_backend found (Cranelift only)

  // A "Cranelift unit": flags cg_clif cannot take are dropped, fallback applies.
  bool treated_as_cranelift() const { return kind != Kind::Llvm; }
  std::string describe() const;
};

// LLVM itself: the fallback rerun and crates set to LLVM (Llvm), or CLIFWRAP_BACKEND=llvm (LlvmStandIn).
Backend llvm_backend(Backend::Kind kind = Backend::Kind::Llvm);

// What identifies the backend's code, for records that must not outlive a rebuilt backend: the
// dylib's path, size and modification time (LLVM: the rustc release). One stat.
std::string backend_identity(const Backend& backend, const RustcFacts& facts);

// A hash of the backend dylib's content, for cache keys that must change when the backend is
// rebuilt under the same rustc (sccache's): computed once per backend identity and kept in
// `<cache>/backends/<identity hash>.content`, so a call costs one small read.
std::string backend_content_hash(const Backend& backend, const std::string& identity, const std::string& cache_dir);

// Resolves a `backend` setting (cranelift, llvm, or a dylib path) against a rustc.
Result<Backend> resolve_backend(const std::string& setting, const RustcFacts& facts);

// The librustc_driver-<hash> name a backend dylib was linked against, from its DT_NEEDED entries.
std::string rustc_driver_dependency(const std::vector<std::string>& needed);

struct SysrootDriver {
  std::string name;       // librustc_driver-<hash>.so
  std::string directory;  // where it lives
};

// rustup puts librustc_driver in <sysroot>/lib, Debian in <sysroot>/lib/<multiarch>.
Result<SysrootDriver> find_sysroot_driver(const std::string& sysroot);

}  // namespace clifwrap
