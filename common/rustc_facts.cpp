#include "common/rustc_facts.hpp"

namespace clifwrap {

std::string version_field(std::string_view text, std::string_view key) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == ':') {
      std::string_view value = line.substr(key.size() + 1);
      if (value.starts_with(' ')) value.remove_prefix(1);
      return std::string(value);
    }
    at = end + 1;
  }
  return {};
}

Result<RustcFacts> parse_version_verbose(std::string_view text) {
  RustcFacts facts;
  facts.release = version_field(text, "release");
  facts.commit_hash = version_field(text, "commit-hash");
  facts.host = version_field(text, "host");
  if (facts.release.empty() || facts.host.empty())
    return fail("unexpected `rustc -vV` output (no release or host line)");
  facts.is_nightly = facts.release.find("-nightly") != std::string::npos ||
                     facts.release.find("-dev") != std::string::npos;
  return facts;
}

}  // namespace clifwrap
