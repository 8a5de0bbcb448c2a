// QEMU's virt machine starts the kernel at EL1 with the MMU off, where every access is to Device
// memory and must be aligned. The stub turns on the MMU with one identity-mapped level-1 table:
// the first GiB (the PL011 UART) as Device memory, the second (RAM) as Normal cacheable memory.
// It lets Rust code use the FP/SIMD registers, sets the stack, and calls kernel_main.
core::arch::global_asm!(
    r#"
    .section .text.boot, "ax"
    .globl _start
_start:
    ldr x0, =boot_stack_top
    mov sp, x0

    mov x0, #(3 << 20)          /* CPACR_EL1.FPEN: no FP/SIMD traps */
    msr cpacr_el1, x0

    ldr x0, =0xff00              /* MAIR: attr0 Device-nGnRnE, attr1 Normal write-back */
    msr mair_el1, x0
    ldr x0, =((25) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 32))  /* T0SZ 25, WB, inner shareable, 4K, 40-bit PA */
    msr tcr_el1, x0
    adrp x0, boot_level1_table
    msr ttbr0_el1, x0
    isb
    mrs x0, sctlr_el1
    orr x0, x0, #(1 << 0)        /* MMU */
    orr x0, x0, #(1 << 2)        /* data cache */
    orr x0, x0, #(1 << 12)       /* instruction cache */
    msr sctlr_el1, x0
    isb

    bl kernel_main
1:
    wfe
    b 1b

    .section .data
    .balign 4096
boot_level1_table:
    .quad 0x00000000 | (1 << 10) | (0 << 2) | 1                 /* 0-1 GiB: Device, access flag, block */
    .quad 0x40000000 | (1 << 10) | (3 << 8) | (1 << 2) | 1      /* 1-2 GiB: Normal, inner shareable */
    .fill 510, 8, 0

    .section .bss
    .balign 16
    .skip 65536
boot_stack_top:
    "#
);
