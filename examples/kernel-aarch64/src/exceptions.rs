// Exception entry shaped like Redox's aarch64 kernel (src/arch/aarch64/vectors.rs and
// interrupt/*.rs in redox-os/kernel): a vector table in global_asm! branches to a naked entry stub
// named by `sym`; the stub saves the scratch registers, counts itself in a static named by `sym`,
// and calls a Rust handler named by `sym` that lives in another module (and so perhaps another
// codegen unit, or local to the stub's). `brk #0` raises a synchronous exception at EL1.
use core::sync::atomic::Ordering;

use crate::exception_handlers::{synchronous, HANDLED, SYNCHRONOUS_ENTRIES};

core::arch::global_asm!(
    r#"
    .section .text.vectors, "ax"
    .balign 2048
    .globl exception_vectors
exception_vectors:
    .rept 4                     /* current EL with SP0: not used */
    .balign 128
    b .
    .endr
    .balign 128
    b {entry}                   /* 0x200: synchronous, current EL with SPx */
    .rept 11                    /* the rest: interrupts, SError, lower ELs */
    .balign 128
    b .
    .endr
    "#,
    entry = sym synchronous_entry,
);

#[unsafe(naked)]
extern "C" fn synchronous_entry() {
    core::arch::naked_asm!(
        "sub sp, sp, #176",
        "stp x0, x1, [sp, #0]", "stp x2, x3, [sp, #16]", "stp x4, x5, [sp, #32]", "stp x6, x7, [sp, #48]",
        "stp x8, x9, [sp, #64]", "stp x10, x11, [sp, #80]", "stp x12, x13, [sp, #96]",
        "stp x14, x15, [sp, #112]", "stp x16, x17, [sp, #128]", "stp x18, x30, [sp, #144]",
        "adrp x9, {entries}",
        "add x9, x9, :lo12:{entries}",
        "ldr x10, [x9]",
        "add x10, x10, #1",
        "str x10, [x9]",
        "mov x0, sp",
        "bl {handler}",
        "ldp x0, x1, [sp, #0]", "ldp x2, x3, [sp, #16]", "ldp x4, x5, [sp, #32]", "ldp x6, x7, [sp, #48]",
        "ldp x8, x9, [sp, #64]", "ldp x10, x11, [sp, #80]", "ldp x12, x13, [sp, #96]",
        "ldp x14, x15, [sp, #112]", "ldp x16, x17, [sp, #128]", "ldp x18, x30, [sp, #144]",
        "add sp, sp, #176",
        "eret",
        entries = sym SYNCHRONOUS_ENTRIES,
        handler = sym synchronous,
    );
}

pub fn init() {
    unsafe extern "C" {
        static exception_vectors: u8;
    }
    unsafe { core::arch::asm!("msr vbar_el1, {}", "isb", in(reg) &raw const exception_vectors) };
}

/// Raises `count` breakpoints; returns how many reached the entry stub and the handler.
pub fn raise_breakpoints(count: u64) -> (u64, u64) {
    for _ in 0..count {
        unsafe { core::arch::asm!("brk #0") };
    }
    (SYNCHRONOUS_ENTRIES.load(Ordering::SeqCst), HANDLED.load(Ordering::SeqCst))
}
