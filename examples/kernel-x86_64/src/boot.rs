// QEMU starts a PVH kernel in 32-bit protected mode at the address its Xen note names. This stub
// builds identity page tables for the first GiB, turns on PAE and long mode, and jumps to Rust.
core::arch::global_asm!(
    r#"
    .section .note.Xen, "a", @note
    .balign 4
    .long 4             /* name size: "Xen\0" */
    .long 4             /* descriptor size */
    .long 18            /* XEN_ELFNOTE_PHYS32_ENTRY */
    .asciz "Xen"
    .balign 4
    .long _start32

    .section .text.boot, "ax"
    .code32
    .globl _start32
_start32:
    cli
    movl $boot_stack_top, %esp

    /* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] -> 2 MiB page i: the first GiB, identity mapped. */
    movl $boot_pdpt, %eax
    orl $0x3, %eax
    movl %eax, boot_pml4
    movl $boot_pd, %eax
    orl $0x3, %eax
    movl %eax, boot_pdpt
    xorl %ecx, %ecx
1:
    movl %ecx, %eax
    shll $21, %eax
    orl $0x83, %eax
    movl %eax, boot_pd(,%ecx,8)
    incl %ecx
    cmpl $512, %ecx
    jne 1b

    movl $boot_pml4, %eax
    movl %eax, %cr3
    movl %cr4, %eax
    orl $(1 << 5), %eax         /* PAE */
    /* SSE on (OSFXSR, OSXMMEXCPT): Cranelift ignores the soft-float ABI and target features of
       x86_64-unknown-none and emits SSE instructions, which fault while SSE is off. */
    orl $((1 << 9) | (1 << 10)), %eax
    movl %eax, %cr4
    movl $0xC0000080, %ecx      /* EFER */
    rdmsr
    orl $(1 << 8), %eax         /* long mode */
    wrmsr
    movl %cr0, %eax
    andl $~(1 << 2), %eax       /* no FPU emulation (EM), for SSE */
    orl $0x80000003, %eax       /* paging, protection, monitor coprocessor (MP) */
    movl %eax, %cr0

    lgdt boot_gdt_pointer
    ljmp $0x08, $start64

    .code64
start64:
    movw $0x10, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    movq $boot_stack_top, %rsp
    call kernel_main
2:
    hlt
    jmp 2b

    .section .rodata
    .balign 8
boot_gdt:
    .quad 0
    .quad 0x00af9a000000ffff    /* 64-bit code */
    .quad 0x00cf92000000ffff    /* data */
boot_gdt_pointer:
    .word boot_gdt_pointer - boot_gdt - 1
    .long boot_gdt

    .section .bss
    .balign 4096
boot_pml4:
    .skip 4096
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4096
    .skip 65536
boot_stack_top:
    "#,
    options(att_syntax)
);
