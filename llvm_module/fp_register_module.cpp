// clifwrap-llvm.so, FP/SIMD part: finds floating-point and SIMD registers in the code of a linked
// kernel that Cranelift compiled. A soft-float kernel saves FP state only at a context switch;
// code that uses FP/SIMD registers anywhere else corrupts a user task's registers on an interrupt.
// LLVM honours the target's soft-float; Cranelift ignores it. So the scan:
//  - disassembles the output's executable sections and notes every instruction with an FP/SIMD
//    register operand (implicit uses do not count: fxsave, xsave and the like are how kernels save
//    FP state, and they name no register);
//  - finds from lld's map which input each such address came from, and the function it is in;
//  - keeps only inputs Cranelift made: their `.comment` says "with cranelift" (cg_clif writes it);
//    assembly (`.asm.o`, assembled by LLVM) and code compiled by LLVM (a fallback, C) are the
//    author's own choices.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/Demangle/Demangle.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Object/Archive.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

#include "llvm_module/abi.h"

namespace {

void say(clifwrap_text_sink sink, void* context, int stream, const std::string& text) {
  sink(context, stream, text.data(), text.size());
}

// LLVM's register names: x86's XMM0, YMM0, ZMM0; AArch64's B0, H0, S0, D0, Q0, Z0 and tuples such
// as Q0_Q1. Not x87's ST0 or MMX's MM0: Cranelift emits neither, and they are what data in code
// (Cranelift puts a function's jump tables after its body) decodes to most often in a linear sweep
// (seen in redox-os/kernel: `fsubr %st(1), %st` in a dozen functions, every one a jump table).
bool is_fp_simd_register(llvm::StringRef name, llvm::Triple::ArchType arch) {
  auto digit_after = [&](size_t n) { return name.size() > n && name[n] >= '0' && name[n] <= '9'; };
  if (arch == llvm::Triple::x86_64 || arch == llvm::Triple::x86) {
    for (llvm::StringRef prefix : {"XMM", "YMM", "ZMM"})
      if (name.starts_with(prefix) && digit_after(prefix.size())) return true;
    return false;
  }
  if (arch == llvm::Triple::aarch64)
    return std::string_view("BHSDQZ").find(name.empty() ? '?' : name[0]) != std::string_view::npos && digit_after(1);
  return false;
}

struct InputSection {
  uint64_t address = 0;
  uint64_t size = 0;
  std::string input;  // "lib.rlib(member.o)" or "file.o"
};

struct MapSymbol {
  uint64_t address = 0;
  std::string name;
};

// lld's map: VMA, LMA, Size, Align, then the name indented by its kind: one space after Align for
// an output section, nine for an input section (`file:(section)`), seventeen for a symbol.
void read_map(llvm::StringRef text, std::vector<InputSection>& sections, std::vector<MapSymbol>& symbols) {
  llvm::SmallVector<llvm::StringRef, 0> lines;
  text.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    llvm::StringRef rest = line;
    uint64_t fields[4];
    bool numbers = true;
    for (uint64_t& field : fields) {
      auto [word, after] = rest.ltrim(' ').split(' ');
      numbers = numbers && !word.empty() && !word.getAsInteger(16, field);
      rest = after;  // past the one space after the field: the name's indent remains
    }
    if (!numbers) continue;
    size_t indent = rest.find_first_not_of(' ');
    llvm::StringRef name = rest.substr(indent == llvm::StringRef::npos ? rest.size() : indent);
    if (indent == 8 && name.contains(":(")) {
      sections.push_back({fields[0], fields[2], name.rsplit(":(").first.str()});
    } else if (indent == 16 && !name.empty()) {
      symbols.push_back({fields[0], name.str()});
    }
  }
  auto by_address = [](const auto& a, const auto& b) { return a.address < b.address; };
  std::stable_sort(sections.begin(), sections.end(), by_address);
  std::stable_sort(symbols.begin(), symbols.end(), by_address);
}

// The entry with the greatest address not above `address`, or null.
template <class Entry>
const Entry* at_or_before(const std::vector<Entry>& entries, uint64_t address) {
  auto it = std::upper_bound(entries.begin(), entries.end(), address,
                             [](uint64_t a, const Entry& e) { return a < e.address; });
  return it == entries.begin() ? nullptr : &*std::prev(it);
}

// Whether an input of the link was made by Cranelift, from its `.comment`.
bool made_by_cranelift(const std::string& input) {
  llvm::StringRef path = input, member;
  if (input.ends_with(")") && input.find('(') != std::string::npos) {
    path = llvm::StringRef(input).split('(').first;
    member = llvm::StringRef(input).split('(').second.drop_back();
  }
  if (member.ends_with(".asm.o") || path.ends_with(".asm.o")) return false;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) return false;
  llvm::MemoryBufferRef bytes = (*buffer)->getMemBufferRef();
  std::unique_ptr<llvm::object::Archive> archive;
  if (!member.empty()) {
    auto opened = llvm::object::Archive::create(bytes);
    if (!opened) return llvm::consumeError(opened.takeError()), false;
    archive = std::move(*opened);
    llvm::Error error = llvm::Error::success();
    bool found = false;
    for (const auto& child : archive->children(error)) {
      auto name = child.getName();
      if (!name || *name != member) {
        if (!name) llvm::consumeError(name.takeError());
        continue;
      }
      auto data = child.getMemoryBufferRef();
      if (!data) return llvm::consumeError(data.takeError()), false;
      bytes = *data;
      found = true;
      break;
    }
    llvm::consumeError(std::move(error));
    if (!found) return false;
  }
  auto object = llvm::object::ObjectFile::createObjectFile(bytes);
  if (!object) return llvm::consumeError(object.takeError()), false;
  for (const auto& section : (*object)->sections()) {
    auto name = section.getName();
    if (!name || *name != ".comment") {
      if (!name) llvm::consumeError(name.takeError());
      continue;
    }
    auto contents = section.getContents();
    if (!contents) return llvm::consumeError(contents.takeError()), false;
    return contents->contains("with cranelift");
  }
  return false;
}

// Cranelift puts a jump table right after the indirect branch that uses it, as 32-bit offsets from
// the table's start: x86_64 `lea table(%rip), %r; movslq (%r,%i,4), %i; add %r, %i; jmp *%i`,
// AArch64 `adr x16, table; ldrsw x17, [x16, w, uxtw #2]; add x16, x16, x17; br x16`. Decoded as
// instructions, its entries become anything (`0f 11 00 00` is `movups`). The table ends where
// the code after it starts, which is the nearest target ahead of the entries read so far.
uint64_t jump_table_end(llvm::ArrayRef<uint8_t> bytes, uint64_t base, uint64_t table) {
  uint64_t end = base + bytes.size(), at = table;
  while (at + 4 <= end) {
    uint64_t offset = at - base;
    int32_t entry = static_cast<int32_t>(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 |
                                         static_cast<uint32_t>(bytes[offset + 3]) << 24);
    uint64_t target = table + static_cast<int64_t>(entry);
    at += 4;
    if (target >= at && target < end) end = target;
  }
  return std::min(at, end);
}

// The table an address-forming instruction points at: `lea disp(%rip)` (x86_64), `adr` (AArch64).
std::optional<uint64_t> table_address(const llvm::MCInst& inst, llvm::StringRef opcode, const llvm::MCRegisterInfo& registers,
                                      uint64_t next) {
  // LEA64r's operands: destination, then the address: base, scale, index, displacement, segment.
  if (opcode == "LEA64r" && inst.getNumOperands() >= 5 && inst.getOperand(1).isReg() &&
      llvm::StringRef(registers.getName(inst.getOperand(1).getReg())) == "RIP" && inst.getOperand(4).isImm())
    return next + inst.getOperand(4).getImm();
  if (opcode == "ADR" && inst.getNumOperands() >= 2 && inst.getOperand(1).isImm())
    return next - 4 + inst.getOperand(1).getImm();
  return std::nullopt;
}

struct Finding {
  std::string function;
  std::string instruction;
  std::string input;
};

}  // namespace

extern "C" __attribute__((visibility("default"))) int clifwrap_fp_scan(const char* elf_path, const char* map_path,
                                                                         clifwrap_text_sink sink, void* context) {
  auto binary = llvm::object::ObjectFile::createObjectFile(elf_path);
  if (!binary) {
    say(sink, context, 2, std::string(elf_path) + ": " + llvm::toString(binary.takeError()) + "\n");
    return 1;
  }
  auto map = llvm::MemoryBuffer::getFile(map_path);
  if (!map) {
    say(sink, context, 2, std::string(map_path) + ": " + map.getError().message() + "\n");
    return 1;
  }
  const llvm::object::ObjectFile& file = *binary->getBinary();
  llvm::Triple triple = file.makeTriple();
  if (!is_fp_simd_register("XMM0", triple.getArch()) && !is_fp_simd_register("Q0", triple.getArch()))
    return 0;  // an architecture the scan does not know: nothing to say

  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllDisassemblers();
  std::string lookup_error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, lookup_error);
  if (target == nullptr) {
    say(sink, context, 2, std::string(elf_path) + ": " + lookup_error + "\n");
    return 1;
  }
  // Every FP and SIMD instruction decodes, whatever the kernel's own features turned off.
  std::string features = triple.getArch() == llvm::Triple::aarch64 ? "+neon,+fp-armv8,+sve,+fullfp16" : "+avx512f,+avx512bw";
  std::unique_ptr<llvm::MCRegisterInfo> registers(target->createMCRegInfo(triple));
  llvm::MCTargetOptions options;
  std::unique_ptr<llvm::MCAsmInfo> asm_info(target->createMCAsmInfo(*registers, triple, options));
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(target->createMCSubtargetInfo(triple, "", features));
  std::unique_ptr<llvm::MCInstrInfo> instructions(target->createMCInstrInfo());
  if (!registers || !asm_info || !subtarget || !instructions) {
    say(sink, context, 2, std::string(elf_path) + ": no disassembler for " + triple.str() + "\n");
    return 1;
  }
  llvm::MCContext mc(triple, asm_info.get(), registers.get(), subtarget.get());
  std::unique_ptr<llvm::MCDisassembler> disassembler(target->createMCDisassembler(*subtarget, mc));
  std::unique_ptr<llvm::MCInstPrinter> printer(
      target->createMCInstPrinter(triple, asm_info->getAssemblerDialect(), *asm_info, *instructions, *registers));
  if (!disassembler || !printer) {
    say(sink, context, 2, std::string(elf_path) + ": no disassembler for " + triple.str() + "\n");
    return 1;
  }

  std::vector<InputSection> inputs;
  std::vector<MapSymbol> symbols;
  read_map((*map)->getBuffer(), inputs, symbols);

  // One finding per function: its first FP/SIMD instruction.
  std::map<std::string, Finding> findings;
  std::map<std::string, bool> cranelift_inputs;
  for (const auto& section : file.sections()) {
    if (!section.isText()) continue;
    auto contents = section.getContents();
    if (!contents) {
      llvm::consumeError(contents.takeError());
      continue;
    }
    llvm::ArrayRef<uint8_t> bytes(reinterpret_cast<const uint8_t*>(contents->data()), contents->size());
    uint64_t base = section.getAddress();
    std::optional<uint64_t> table;  // where the last address-forming instruction pointed
    for (uint64_t offset = 0; offset < bytes.size();) {
      llvm::MCInst inst;
      uint64_t size = 0;
      auto status = disassembler->getInstruction(inst, size, bytes.slice(offset), base + offset, llvm::nulls());
      if (size == 0) size = triple.getArch() == llvm::Triple::aarch64 ? 4 : 1;
      uint64_t address = base + offset;
      offset += size;
      if (status != llvm::MCDisassembler::Success) continue;
      llvm::StringRef opcode = instructions->getName(inst.getOpcode());
      if (auto points_at = table_address(inst, opcode, *registers, address + size)) table = points_at;
      if ((opcode == "JMP64r" || opcode == "BR") && table == address + size) {
        offset = jump_table_end(bytes, base, address + size) - base;  // past the table
        table.reset();
        continue;
      }
      bool uses_fp = false;
      for (const auto& operand : inst)
        uses_fp = uses_fp || (operand.isReg() && is_fp_simd_register(registers->getName(operand.getReg()), triple.getArch()));
      if (!uses_fp) continue;
      const InputSection* input = at_or_before(inputs, address);
      if (input == nullptr || address >= input->address + input->size) continue;
      auto known = cranelift_inputs.find(input->input);
      if (known == cranelift_inputs.end()) known = cranelift_inputs.emplace(input->input, made_by_cranelift(input->input)).first;
      if (!known->second) continue;
      const MapSymbol* symbol = at_or_before(symbols, address);
      std::string function = symbol && symbol->address >= input->address ? llvm::demangle(symbol->name) : "?";
      if (findings.count(function)) continue;
      std::string text;
      llvm::raw_string_ostream stream(text);
      printer->printInst(&inst, address, "", *subtarget, stream);
      std::replace(text.begin(), text.end(), '\t', ' ');  // the printer separates operands with a tab
      findings[function] = {function, llvm::StringRef(text).trim().str(), input->input};
    }
  }
  for (const auto& [function, finding] : findings)
    say(sink, context, 1, finding.function + "\t" + finding.input + "\t" + finding.instruction + "\n");
  return 0;
}
