// A minimal JSON object writer for log lines. The log sits on the wrapper's hot path, where loading
// LLVM (llvm::json) would cost more than the whole pass-through budget, so it is written by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clifwrap {

std::string json_quote(std::string_view text);

class JsonObject {
 public:
  JsonObject& field(std::string_view key, std::string_view value);
  JsonObject& field(std::string_view key, const char* value) { return field(key, std::string_view(value)); }
  JsonObject& field(std::string_view key, const std::string& value) { return field(key, std::string_view(value)); }
  JsonObject& field(std::string_view key, const std::optional<std::string>& value);
  JsonObject& field(std::string_view key, long long value);
  JsonObject& field(std::string_view key, const std::optional<long long>& value);  // null when empty
  JsonObject& field(std::string_view key, const std::vector<std::string>& values);
  std::string str() const { return body_.empty() ? "{}" : "{" + body_ + "}"; }

 private:
  void key(std::string_view name);
  std::string body_;
};

}  // namespace clifwrap
