// Asks a rustc for its facts (common/rustc_facts.hpp). Asking costs two rustc processes
// (~40 ms), so the answer is cached per rustc binary (path, size, mtime, and for rustup
// proxies the toolchain selection) and a build asks once.
#pragma once

#include <string>

#include "common/error.hpp"
#include "common/rustc_facts.hpp"
#include "driver/config/config.hpp"

namespace clifwrap {

Result<RustcFacts> rustc_facts(const std::string& rustc, const std::string& cache_dir, const EnvLookup& env);

}  // namespace clifwrap
