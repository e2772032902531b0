/*
 * boot.S - the Multiboot (v1) entry: QEMU's -kernel loads us here.
 *
 * QEMU's Multiboot loader refuses ELF64 files, so the header uses the
 * "a.out kludge" (flag bit 16): it gives the physical load addresses and
 * QEMU copies kernel.bin (a flat image made by objcopy) to 1 MiB.
 *
 * We arrive in 32-bit protected mode, paging off, eax = Multiboot magic,
 * ebx = physical address of the Multiboot information.  This file builds
 * throw-away page tables (identity map and the higher-half alias of the
 * first GiB, 2 MiB pages), enters long mode and jumps to the higher half.
 * The kernel replaces these tables with its own (W^X, 4 KiB granularity)
 * before anything else runs: see paging_init().
 */
#include "kernel/arch/x86_64/layout.h"

#define MB_MAGIC 0x1badb002
#define MB_FLAGS ((1 << 0) | (1 << 1) | (1 << 16))
#define PHYS(x) ((x) - KERNEL_VMA)

	.section .multiboot, "a"
	.align 4
multiboot_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long multiboot_header          /* header_addr (identity section) */
	.long _image_phys_start         /* load_addr */
	.long _load_end_phys            /* load_end_addr */
	.long _bss_end_phys             /* bss_end_addr */
	.long _start32                  /* entry_addr */

	.section .boot.text, "ax"
	.code32
	.global _start32
_start32:
	cli
	cld
	movl %eax, %edi                 /* Multiboot magic -> first C argument */
	movl %ebx, %esi                 /* info pointer -> second C argument */
	movl $boot_stack32_top, %esp

	/* Long mode must exist; without it we can only stop. */
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 29), %edx
	jz no_long_mode

	/* Early tables live in .bss (zeroed by the loader up to bss_end). */
	movl $PHYS(early_pdpt_low), %eax
	orl $3, %eax
	movl %eax, PHYS(early_pml4)
	movl $PHYS(early_pdpt_high), %eax
	orl $3, %eax
	movl %eax, PHYS(early_pml4) + 511 * 8
	movl $PHYS(early_pd), %eax
	orl $3, %eax
	movl %eax, PHYS(early_pdpt_low)
	movl %eax, PHYS(early_pdpt_high) + 510 * 8
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $0x83, %eax                 /* present, writable, 2 MiB */
	movl %eax, PHYS(early_pd)(,%ecx,8)
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	movl $PHYS(early_pml4), %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $(1 << 5), %eax             /* PAE */
	movl %eax, %cr4
	movl $0xc0000080, %ecx          /* EFER: long mode + no-execute */
	rdmsr
	orl $((1 << 8) | (1 << 11)), %eax
	wrmsr
	movl %cr0, %eax
	orl $((1 << 31) | (1 << 16) | 1), %eax /* PG, WP, PE */
	movl %eax, %cr0

	lgdt early_gdt_ptr
	ljmp $SEL_KCODE, $start64_low

no_long_mode:
	movw $0x3f8, %dx
	movl $no_lm_msg, %esi
2:	lodsb
	testb %al, %al
	jz 3f
	outb %al, %dx
	jmp 2b
3:	movw $0xf4, %dx                 /* isa-debug-exit, when present */
	movb $0x21, %al
	outb %al, %dx
4:	hlt
	jmp 4b

	.code64
start64_low:
	movw $SEL_KDATA, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorl %eax, %eax
	movw %ax, %fs
	movw %ax, %gs
	movabsq $start64_high, %rax
	jmp *%rax

	.section .boot.data, "aw"
	.align 16
	.global early_gdt                 /* shared with boot/uefi-entry */
early_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 64-bit code */
	.quad 0x00cf92000000ffff        /* data */
early_gdt_end:
early_gdt_ptr:
	.word early_gdt_end - early_gdt - 1
	.long early_gdt
no_lm_msg:
	.asciz "FATAL: CPU lacks long mode\n"
	.align 16
	.skip 256
boot_stack32_top:

	.text
start64_high:
	movabsq $kernel_stack_top, %rsp
	xorl %ebp, %ebp
	movl %edi, %edi
	movl %esi, %esi
	call kmain_multiboot
	ud2

	.section .bss.early, "aw", @nobits
	.align 4096
	.global early_pml4, early_pdpt_low, early_pdpt_high, early_pd
early_pml4:
	.skip 4096
early_pdpt_low:
	.skip 4096
early_pdpt_high:
	.skip 4096
early_pd:
	.skip 4096

	/*
	 * The kernel stack, with an unmapped guard page below it so an
	 * overflow faults (and panics) instead of corrupting .bss.
	 */
	.section .bss.stack, "aw", @nobits
	.align 4096
	.global kernel_stack_guard, kernel_stack_top
kernel_stack_guard:
	.skip 4096
	.skip KERNEL_STACK_SIZE
kernel_stack_top:
