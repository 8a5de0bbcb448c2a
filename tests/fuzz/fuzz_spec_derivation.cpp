// Target specs: any JSON text in, a derived spec or an error out; a derived spec derives again to
// itself (the rules are idempotent).
#include <cstdlib>

#include "targets/spec_derivation.hpp"

using namespace clifwrap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view json(reinterpret_cast<const char*>(data), size);
  auto derived = derive_spec(json, "fuzz.json");
  if (!derived || derived->changes.empty()) return 0;
  auto again = derive_spec(derived->json, "derived.json");
  if (!again || !again->changes.empty()) std::abort();
  return 0;
}
