// Interrupt entry shaped like Redox's (src/arch/x86_64/interrupt/*.rs in redox-os/kernel): a naked
// entry stub per vector saves the scratch registers, counts itself in a static named by `sym`, and
// calls a Rust handler named by `sym`; the handler lives in another module, so rustc may put it in
// another codegen unit (or keep it local to the stub's). `int $3` in Intel syntax raises the
// breakpoint, as Redox's stop.rs writes it.
use core::sync::atomic::Ordering;

use crate::interrupt_handlers::{breakpoint, BREAKPOINT_ENTRIES, HANDLED};

#[repr(C, packed)]
struct IdtPointer {
    limit: u16,
    base: u64,
}

#[derive(Clone, Copy)]
#[repr(C)]
struct IdtEntry {
    offset_low: u16,
    selector: u16,
    ist: u8,
    attributes: u8,
    offset_middle: u16,
    offset_high: u32,
    reserved: u32,
}

const MISSING: IdtEntry =
    IdtEntry { offset_low: 0, selector: 0, ist: 0, attributes: 0, offset_middle: 0, offset_high: 0, reserved: 0 };

static mut IDT: [IdtEntry; 32] = [MISSING; 32];

/// The breakpoint vector's entry: the CPU pushed five words (RSP 16-byte aligned before), nine
/// pushes more keep the call aligned.
#[unsafe(naked)]
extern "C" fn breakpoint_entry() {
    core::arch::naked_asm!(
        "push rax", "push rcx", "push rdx", "push rsi", "push rdi", "push r8", "push r9", "push r10", "push r11",
        "lock inc qword ptr [rip + {entries}]",
        "mov rdi, rsp",
        "call {handler}",
        "pop r11", "pop r10", "pop r9", "pop r8", "pop rdi", "pop rsi", "pop rdx", "pop rcx", "pop rax",
        "iretq",
        entries = sym BREAKPOINT_ENTRIES,
        handler = sym breakpoint,
    );
}

pub fn init() {
    let address = breakpoint_entry as *const () as u64;
    let entry = IdtEntry {
        offset_low: address as u16,
        selector: 0x08, // the boot GDT's code segment
        ist: 0,
        attributes: 0x8e, // present, ring 0, interrupt gate
        offset_middle: (address >> 16) as u16,
        offset_high: (address >> 32) as u32,
        reserved: 0,
    };
    unsafe {
        let idt = &raw mut IDT;
        (*idt)[3] = entry;
        let pointer = IdtPointer { limit: (core::mem::size_of::<[IdtEntry; 32]>() - 1) as u16, base: idt as u64 };
        core::arch::asm!("lidt [{}]", in(reg) &pointer, options(readonly, nostack));
    }
}

/// Raises `count` breakpoints; returns how many reached the entry stub and the handler.
pub fn raise_breakpoints(count: u64) -> (u64, u64) {
    for _ in 0..count {
        unsafe { core::arch::asm!("int $3") };
    }
    (BREAKPOINT_ENTRIES.load(Ordering::SeqCst), HANDLED.load(Ordering::SeqCst))
}
