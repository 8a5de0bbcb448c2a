#include "driver/log/log_reader.hpp"

#include <algorithm>
#include <set>
#include <type_traits>
#include <variant>

#include <llvm/Support/JSON.h>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

std::optional<std::string> optional_string(const llvm::json::Object& object, llvm::StringRef key) {
  if (auto value = object.getString(key)) return value->str();
  return std::nullopt;
}

std::vector<std::string> strings(const llvm::json::Object& object, llvm::StringRef key) {
  std::vector<std::string> values;
  if (const auto* array = object.getArray(key))
    for (const auto& item : *array)
      if (auto text = item.getAsString()) values.push_back(text->str());
  return values;
}

}  // namespace

Result<LoggedCall> parse_log_line(std::string_view line) {
  auto parsed = llvm::json::parse(llvm::StringRef(line.data(), line.size()));
  if (!parsed) {
    std::string message = llvm::toString(parsed.takeError());
    return fail("not a JSON log line: " + message);
  }
  const auto* object = parsed->getAsObject();
  if (!object || !object->getString("kind")) return fail("not a clifwrap log line: no \"kind\"");
  LoggedCall call;
  for (const auto& field : log_fields()) {
    llvm::StringRef key(field.name.data(), field.name.size());
    std::visit(
        [&](auto member) {
          using Value = std::remove_reference_t<decltype(call.*member)>;
          if constexpr (std::is_same_v<Value, std::string>) call.*member = optional_string(*object, key).value_or("");
          else if constexpr (std::is_same_v<Value, std::optional<std::string>>) call.*member = optional_string(*object, key);
          else if constexpr (std::is_same_v<Value, std::vector<std::string>>) call.*member = strings(*object, key);
          else if constexpr (std::is_same_v<Value, std::optional<long long>>) call.*member = object->getInteger(key);
          else call.*member = object->getInteger(key).value_or(0);
        },
        field.member);
  }
  return call;
}

Result<std::vector<LoggedCall>> read_log(const std::string& path) {
  auto text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  std::vector<LoggedCall> calls;
  size_t number = 0;
  for (const auto& line : split(*text, '\n')) {
    ++number;
    if (line.empty()) continue;
    auto call = parse_log_line(line);
    if (!call)
      return fail(call.error().message, path + ":" + std::to_string(number), "is it a CLIFWRAP_LOG file?");
    call->line_number = number;
    calls.push_back(std::move(*call));
  }
  return calls;
}

Result<LoggedCall> last_compile_of(const std::string& crate, const std::string& path) {
  auto calls = read_log(path);
  if (!calls) return tl::unexpected(calls.error());
  std::string wanted = crate;
  std::replace(wanted.begin(), wanted.end(), '-', '_');
  std::optional<LoggedCall> last;
  std::set<std::string> others;
  for (auto& call : *calls) {
    if (call.kind != "target" && call.kind != "host") continue;
    if (call.crate == wanted) last = std::move(call);
    else others.insert(call.crate);
  }
  if (last) return *last;
  std::string names;
  for (const auto& name : others) names += (names.empty() ? " " : ", ") + name;
  return fail("no compile of crate `" + wanted + "` in the log", path,
              names.empty() ? "the log holds no compiles" : "it has:" + names);
}

}  // namespace clifwrap
