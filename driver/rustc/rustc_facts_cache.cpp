#include "driver/rustc/rustc_facts_cache.hpp"

#include <sys/stat.h>

#include <cstdlib>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/process.hpp"

namespace clifwrap {
namespace {


Result<std::string> cache_key(const std::string& rustc, const EnvLookup& env) {
  std::string path = find_program(rustc);
  auto stamp = path.empty() ? std::nullopt : file_stamp(path);
  if (!stamp) return fail("rustc not found", rustc, "give cargo a rustc that exists (RUSTC or PATH)");
  std::string real = real_path(path);
  if (real.empty()) real = path;
  std::string key = real + '\n' + *stamp + '\n' + env("RUSTUP_TOOLCHAIN").value_or("");
  // A rustup proxy's toolchain depends on RUSTUP_TOOLCHAIN and on rust-toolchain files above here.
  if (is_rustup_proxy(path)) key += '\n' + current_directory();
  return hash_hex(key);
}

std::string serialize(const RustcFacts& facts) {
  return "release: " + facts.release + "\ncommit-hash: " + facts.commit_hash + "\nhost: " + facts.host +
         "\nsysroot: " + facts.sysroot + "\n";
}

Result<RustcFacts> parse_cached(std::string_view text, const std::string& rustc) {
  auto facts = parse_version_verbose(text);
  if (!facts) return facts;
  facts->sysroot = version_field(text, "sysroot");
  facts->rustc = rustc;
  if (facts->sysroot.empty()) return fail("cache entry without sysroot");
  return facts;
}

}  // namespace

Result<RustcFacts> rustc_facts(const std::string& rustc, const std::string& cache_dir, const EnvLookup& env) {
  auto key = cache_key(rustc, env);
  if (!key) return tl::unexpected(key.error());
  std::string cache_file = cache_dir + "/rustc/" + *key + ".facts";
  if (auto cached = read_file(cache_file)) {
    if (auto facts = parse_cached(*cached, rustc)) return facts;
  }

  auto version = capture_output({{rustc, "-vV"}, {}});
  if (!version) return tl::unexpected(version.error());
  auto facts = parse_version_verbose(*version);
  if (!facts) {
    facts.error().subject = rustc + " -vV";
    return facts;
  }
  auto sysroot = capture_output({{rustc, "--print", "sysroot"}, {}});
  if (!sysroot) return tl::unexpected(sysroot.error());
  facts->sysroot = sysroot->substr(0, sysroot->find('\n'));
  facts->rustc = rustc;

  // A cache that cannot be written only costs time, so it is not an error.
  if (make_directories(cache_dir + "/rustc")) (void)write_file_atomically(cache_file, serialize(*facts));
  return facts;
}

}  // namespace clifwrap
