#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>

#include "common/files.hpp"

namespace clifwrap {

TEST_CASE("replace_file: the new file in place, never a partial one: a failure keeps the old one") {
  std::string dir = std::filesystem::temp_directory_path() / ("clifwrap-replace-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string to = dir + "/out";

  REQUIRE(write_file_atomically(dir + "/first", "first").has_value());
  REQUIRE(replace_file(dir + "/first", to).has_value());  // no old file
  CHECK(read_file(to).value_or("") == "first");

  REQUIRE(write_file_atomically(dir + "/second", "second").has_value());
  REQUIRE(replace_file(dir + "/second", to).has_value());  // a small old file, removed inline
  CHECK(read_file(to).value_or("") == "second");

  auto missing = replace_file(dir + "/absent", to);
  REQUIRE(!missing.has_value());
  CHECK(missing.error().subject == to);
  CHECK(read_file(to).value_or("") == "second");

  // A large old file is removed by a detached child: only the new file stays.
  REQUIRE(write_file_atomically(to, std::string(9 << 20, 'x')).has_value());
  REQUIRE(write_file_atomically(dir + "/third", "third").has_value());
  REQUIRE(replace_file(dir + "/third", to).has_value());
  CHECK(read_file(to).value_or("") == "third");
  for (int i = 0; i < 200 && std::distance(std::filesystem::directory_iterator(dir), {}) > 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
  std::filesystem::remove_all(dir);
}

}  // namespace clifwrap
