// A link as plain data. Both command-line dialects rustc hands a linker (the gcc driver's and GNU
// ld's) become one LinkPlan; a sysroot profile adds the files a gcc driver would add; then the plan
// is printed (--print-plan), compared (tests) or turned into lld's argv and run.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clifwrap {

enum class LinkDialect { GccDriver, GnuLd };

enum class LinkKind {
  Pie,           // dynamic position-independent executable (gcc's default here)
  DynamicNoPie,  // dynamic executable at a fixed address
  StaticPie,     // static position-independent executable (-static-pie)
  Static,        // static executable at a fixed address
  Shared,        // shared library
  Relocatable,   // one object from many (-r)
};

bool is_executable(LinkKind kind);

// The positional switches of GNU ld that are in force where an input appears.
struct InputState {
  bool as_needed = false;      // --as-needed
  bool whole_archive = false;  // --whole-archive
  bool static_only = false;    // -Bstatic: -l finds only archives
  int group = 0;               // inside --start-group number `group`; 0 is none

  bool operator==(const InputState&) const = default;
};

struct LinkInput {
  enum class Kind { File, Library };  // a path, or -l<name>
  enum class Origin { CommandLine, Profile };
  Kind kind = Kind::File;
  std::string value;  // the path, or the name after -l (may be ":libfoo.a")
  InputState state;
  Origin origin = Origin::CommandLine;

  bool operator==(const LinkInput&) const = default;
};

// Which kind switches were given; derive_link_kind turns them into one LinkKind.
struct KindSwitches {
  std::optional<bool> pie;  // last of -pie / -no-pie
  bool static_link = false;  // gcc -static, or ld -static/-Bstatic before any input
  bool static_pie = false;   // gcc -static-pie
  bool shared = false;
  bool relocatable = false;
  bool no_dynamic_linker = false;
};

struct LinkPlan {
  LinkDialect dialect = LinkDialect::GccDriver;
  LinkKind kind = LinkKind::Pie;
  KindSwitches switches;
  std::string output = "a.out";
  std::optional<std::string> emulation;        // -m elf_x86_64
  std::optional<std::string> dynamic_linker;   // -dynamic-linker
  std::vector<LinkInput> inputs;               // in link order, start and end files included
  std::vector<std::string> search_paths;       // -L, in order
  // Options passed to lld as they are, each as its argv tokens ({"-z", "relro"}, {"--gc-sections"}).
  std::vector<std::vector<std::string>> options;
  // Driver switches: which of the files a gcc driver adds are wanted.
  bool start_files = true;    // -nostartfiles / -nostdlib turn it off
  bool default_libs = true;   // -nodefaultlibs / -nostdlib turn it off
  // The state after the last command-line input: where end files and default libs go.
  InputState final_state;
  // What the planner did not understand; a plan with any is never linked by lld.
  std::vector<std::string> unknown;
  // Options dropped on purpose (gcc-only switches such as -fuse-ld=), with the reason.
  std::vector<std::string> dropped;
};

// The kind the plan's switches ask for. For the gcc driver a plain executable is a PIE (Debian's
// gcc default); for GNU ld it is dynamic when it names a dynamic linker, else static.
LinkKind derive_link_kind(const LinkPlan& plan);

const char* link_kind_name(LinkKind kind);

}  // namespace clifwrap
