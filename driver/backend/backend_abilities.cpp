#include "driver/backend/backend_abilities.hpp"

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/process.hpp"

namespace clifwrap {
namespace {

struct Question {
  const char* source;
  const char* refusal;  // cg_clif's words when it refuses (driver/wrapper/cranelift_limits.cpp)
};

// Each compiles for the host with codegen (the refusals come from codegen): global_asm! with a
// `sym` of a function, and a C-variadic definition that reads its list (cg_clif refuses both).
constexpr Question kSymQuestion = {
    "#![no_std]\n"
    "pub extern \"C\" fn clifwrap_question_target() {}\n"
    "core::arch::global_asm!(\".pushsection .data\\n.quad {f}\\n.popsection\", f = sym clifwrap_question_target);\n",
    "sym operands are not yet supported"};
constexpr Question kVariadicQuestion = {
    "#![no_std]\n#![feature(c_variadic)]\n"
    "pub unsafe extern \"C\" fn clifwrap_question(n: i32, mut args: ...) -> i32 { n + unsafe { args.arg::<i32>() } }\n",
    "Defining variadic functions is not yet supported"};

// Whether the backend compiles the question's crate. A failure for another reason counts as a
// refusal: a wrong "refuses" costs a crate its pipelining, a wrong "compiles" a stopped build.
bool compiles(const Question& question, const Backend& backend, const RustcFacts& facts, const std::string& dir) {
  std::string source = dir + "/question.rs";
  if (!write_file_atomically(source, question.source)) return false;
  Command command{{facts.rustc, "--edition=2021", "--crate-name=clifwrap_question", "--crate-type=lib", "--emit=obj", "-o",
                   dir + "/question.o", "-Zcodegen-backend=" + backend.codegen_backend, source},
                  {{"RUSTC_BOOTSTRAP", "1"}}};
  if (!backend.library_dir.empty())
    command.env.push_back({"LD_LIBRARY_PATH", backend.library_dir, EnvChange::Mode::PrependPath});
  auto output = capture_output(command);
  return output.has_value();
}

}  // namespace

BackendAbilities backend_abilities(const Backend& backend, const RustcFacts& facts, const std::string& identity,
                                   const std::string& cache_dir) {
  if (backend.kind != Backend::Kind::Cranelift) return {};
  std::string record = cache_dir + "/backends/" + hash_hex(identity);
  if (auto known = read_file(record)) {
    return {known->find("sym_operands=yes") != std::string::npos,
            known->find("variadic_definitions=yes") != std::string::npos};
  }
  BackendAbilities abilities;
  if (!make_directories(cache_dir + "/backends")) return abilities;
  auto scratch = TemporaryDirectory::create(cache_dir + "/backends", "question");
  if (!scratch) return abilities;
  abilities.sym_operands = compiles(kSymQuestion, backend, facts, scratch->path());
  abilities.variadic_definitions = compiles(kVariadicQuestion, backend, facts, scratch->path());
  auto yes_no = [](bool b) { return b ? "yes" : "no"; };
  (void)write_file_atomically(record, std::string("backend ") + identity +
                                          "\nsym_operands=" + yes_no(abilities.sym_operands) +
                                          "\nvariadic_definitions=" + yes_no(abilities.variadic_definitions) + "\n");
  return abilities;
}

}  // namespace clifwrap
