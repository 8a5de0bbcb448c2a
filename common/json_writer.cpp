#include "common/json_writer.hpp"

#include <cstdio>

namespace clifwrap {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void JsonObject::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  body_ += json_quote(name);
  body_ += ':';
}

JsonObject& JsonObject::field(std::string_view name, std::string_view value) {
  key(name);
  body_ += json_quote(value);
  return *this;
}

JsonObject& JsonObject::field(std::string_view name, const std::optional<std::string>& value) {
  if (!value) {
    key(name);
    body_ += "null";
    return *this;
  }
  return field(name, std::string_view(*value));
}

JsonObject& JsonObject::field(std::string_view name, const std::optional<long long>& value) {
  if (!value) {
    key(name);
    body_ += "null";
    return *this;
  }
  return field(name, *value);
}

JsonObject& JsonObject::field(std::string_view name, long long value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::field(std::string_view name, const std::vector<std::string>& values) {
  key(name);
  body_ += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) body_ += ',';
    body_ += json_quote(values[i]);
  }
  body_ += ']';
  return *this;
}

}  // namespace clifwrap
