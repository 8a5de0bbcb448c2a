#include <doctest/doctest.h>

#include "common/rustc_facts.hpp"

using namespace clifwrap;

// `rustc -vV` as printed by Debian's rustc-web and by the nightly on the image.
constexpr const char* kDebian =
    "rustc 1.96.0 (ac68faa20 2026-05-25) (built from a source tarball)\nbinary: rustc\n"
    "commit-hash: ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96\ncommit-date: 2026-05-25\n"
    "host: x86_64-unknown-linux-gnu\nrelease: 1.96.0\nLLVM version: 22.1.8\n";
constexpr const char* kNightly =
    "rustc 1.97.0-nightly (0f7a9c1d2 2026-06-30)\nbinary: rustc\ncommit-hash: 0f7a9c1d2\n"
    "commit-date: 2026-06-30\nhost: aarch64-apple-darwin\nrelease: 1.97.0-nightly\nLLVM version: 22.1.8\n";

TEST_CASE("rustc -vV: release, commit, host, nightly or not") {
  auto debian = parse_version_verbose(kDebian);
  REQUIRE(debian.has_value());
  CHECK(debian->release == "1.96.0");
  CHECK(debian->commit_hash == "ac68faa20c58cbccd01ee7208bf3b6e93a7d7f96");
  CHECK(debian->host == "x86_64-unknown-linux-gnu");
  CHECK_FALSE(debian->is_nightly);

  auto nightly = parse_version_verbose(kNightly);
  REQUIRE(nightly.has_value());
  CHECK(nightly->is_nightly);
  CHECK(nightly->host == "aarch64-apple-darwin");
}

TEST_CASE("output that is not rustc -vV is refused") {
  CHECK_FALSE(parse_version_verbose("hello\n").has_value());
  CHECK_FALSE(parse_version_verbose("").has_value());
}
