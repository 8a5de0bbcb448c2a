#include "targets/spec_derivation.hpp"

#include <algorithm>
#include <cmath>

#include <llvm/Support/Error.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include "common/strings.hpp"

namespace clifwrap {
namespace {

std::string text_of(const llvm::json::Value* value) {
  if (!value) return "(absent)";
  if (auto s = value->getAsString()) return s->str();
  std::string out;
  llvm::raw_string_ostream stream(out);
  stream << *value;
  return out;
}

// llvm::json writes a non-finite number as `inf`, which is not JSON: a spec holding one (1e999
// parses as infinity) would come out unreadable (found by fuzz_spec_derivation).
bool has_non_finite_number(const llvm::json::Value& value) {
  if (auto number = value.getAsNumber(); number && !value.getAsInteger()) return !std::isfinite(*number);
  if (const auto* array = value.getAsArray())
    return std::any_of(array->begin(), array->end(), has_non_finite_number);
  if (const auto* object = value.getAsObject())
    return std::any_of(object->begin(), object->end(), [](const auto& member) { return has_non_finite_number(member.second); });
  return false;
}

void cap_atomic_width(llvm::json::Object& spec, std::vector<SpecChange>& changes) {
  const llvm::json::Value* width = spec.get("max-atomic-width");
  if (!width) return;
  auto value = width->getAsInteger();
  if (!value || *value <= 64) return;
  changes.push_back({"max-atomic-width", text_of(width), "64",
                     "Cranelift cannot compile 128-bit atomics (fatal in cg_clif)"});
  spec["max-atomic-width"] = 64;
}

void add_elf_environment(llvm::json::Object& spec, std::vector<SpecChange>& changes) {
  auto triple = spec.getString("llvm-target");
  if (!triple) return;
  auto parts = split(*triple, '-');  // arch-vendor-os[-environment]
  if (parts.size() != 3 || parts[2] != "none") return;
  std::string after = triple->str() + "-elf";
  changes.push_back({"llvm-target", triple->str(), after,
                     "cg_clif reads the object format from the triple; OS none without -elf panics"});
  spec["llvm-target"] = after;
}

void set_x86_64_cpu(llvm::json::Object& spec, std::vector<SpecChange>& changes) {
  auto arch = spec.getString("arch");
  if (!arch || *arch != "x86_64") return;
  const llvm::json::Value* cpu = spec.get("cpu");
  auto name = cpu ? cpu->getAsString() : std::nullopt;
  if (cpu && name && *name != "generic") return;
  changes.push_back({"cpu", text_of(cpu), "x86-64",
                     "cg_clif enables the cpu as a Cranelift preset on x86_64; \"generic\" is none"});
  spec["cpu"] = "x86-64";
}

}  // namespace

Result<SpecTraits> spec_traits(std::string_view spec_json, const std::string& source) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(spec_json);
  if (!parsed) return fail("malformed target spec JSON: " + llvm::toString(parsed.takeError()), source);
  const llvm::json::Object* spec = parsed->getAsObject();
  if (!spec) return fail("a target spec must be a JSON object", source);
  auto field = [spec](llvm::StringRef key) { return spec->getString(key).value_or(""); };
  SpecTraits traits;
  traits.without_os = field("os").empty() || field("os") == "none";
  llvm::SmallVector<llvm::StringRef, 16> features;
  field("features").split(features, ',');
  traits.soft_float = field("rustc-abi") == "x86-softfloat" || field("rustc-abi") == "softfloat" ||
                      field("abi") == "softfloat" || llvm::is_contained(features, "+soft-float") ||
                      llvm::is_contained(features, "-fp-armv8");
  return traits;
}

Result<DerivedSpec> derive_spec(std::string_view spec_json, const std::string& source) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(spec_json);
  if (!parsed) {
    std::string message = llvm::toString(parsed.takeError());
    return fail("malformed target spec JSON: " + message, source, "a target spec is a JSON object as rustc prints it");
  }
  llvm::json::Object* spec = parsed->getAsObject();
  if (!spec) return fail("a target spec must be a JSON object", source);
  if (has_non_finite_number(*parsed))
    return fail("a number in the spec is out of range", source, "rustc takes integers such as \"max-atomic-width\": 64");
  if (const auto* width = spec->get("max-atomic-width"); width && !width->getAsInteger())
    return fail("\"max-atomic-width\" is not an integer", source, "rustc takes an integer, such as 64");
  if (!spec->getString("llvm-target") || !spec->getString("arch"))
    return fail("not a target spec: no \"llvm-target\" or \"arch\"", source,
                "compare with `rustc -Zunstable-options --print target-spec-json --target <triple>`");

  DerivedSpec derived;
  cap_atomic_width(*spec, derived.changes);
  add_elf_environment(*spec, derived.changes);
  set_x86_64_cpu(*spec, derived.changes);
  if (derived.changes.empty()) return derived;

  llvm::raw_string_ostream stream(derived.json);
  stream << llvm::formatv("{0:2}", llvm::json::Value(std::move(*spec)));
  stream.flush();
  derived.json += "\n";
  return derived;
}

}  // namespace clifwrap
