/*
 * entry64.S - the kernel's entry from Tessera's UEFI loader (boot/uefi).
 *
 * The loader copies kernel.bin to physical 0x100000, zeroes up to
 * _bss_end_phys, exits boot services and calls the entry named in the
 * image header below, in 64-bit long mode under the firmware's identity
 * page tables, with the physical address of a struct boot_info in rdi.
 *
 * From here on the path is the Multiboot one's (boot.S): the same early
 * tables (identity map and higher-half alias of the first GiB), the same
 * GDT, the kernel stack, then kmain_uefi() in the higher half.  Nothing of
 * the firmware's is used once cr3 is loaded, except boot_info (below 1 GiB,
 * so still reachable through the identity map).
 */
#include "kernel/arch/x86_64/layout.h"
#include "include/abi/bootinfo.h"

#define PHYS(x) ((x) - KERNEL_VMA)

	/*
	 * The image header the loader reads (struct kernel_uefi_header), at
	 * KERNEL_UEFI_HEADER_OFFSET in kernel.bin, right after the Multiboot
	 * header: kernel.ld places this section there.
	 */
	.section .uefi_header, "a"
	.align 8
	.quad KERNEL_UEFI_MAGIC
	.quad _start64_uefi             /* entry (physical) */
	.quad _image_phys_start         /* where kernel.bin must be placed */
	.quad _load_end_phys            /* end of the file's bytes */
	.quad _bss_end_phys             /* end of what must be zeroed */

	.section .boot.text, "ax"
	.code64
	.global _start64_uefi
_start64_uefi:
	cli
	cld
	movq %rdi, %r12                 /* boot_info (physical) */

	/* Early tables in .bss, zeroed by the loader; as in boot.S. */
	movl $PHYS(early_pdpt_low), %eax
	orl $3, %eax
	movq %rax, PHYS(early_pml4)
	movl $PHYS(early_pdpt_high), %eax
	orl $3, %eax
	movq %rax, PHYS(early_pml4) + 511 * 8
	movl $PHYS(early_pd), %eax
	orl $3, %eax
	movq %rax, PHYS(early_pdpt_low)
	movq %rax, PHYS(early_pdpt_high) + 510 * 8
	xorl %ecx, %ecx
1:	movq %rcx, %rax
	shlq $21, %rax
	orq $0x83, %rax                 /* present, writable, 2 MiB */
	movq %rax, PHYS(early_pd)(,%rcx,8)
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	/* A known CR4 (PAE only: the kernel sets the rest), NX, WP. */
	movl $(1 << 5), %eax
	movq %rax, %cr4
	movl $0xc0000080, %ecx
	rdmsr
	orl $(1 << 11), %eax
	wrmsr
	movq %cr0, %rax
	orl $(1 << 16), %eax
	movq %rax, %cr0
	movl $PHYS(early_pml4), %eax
	movq %rax, %cr3                 /* this code is identity-mapped there */

	lgdt uefi_gdt_ptr
	movabsq $kernel_stack_top, %rsp
	pushq $SEL_KCODE
	movabsq $start64_uefi_high, %rax
	pushq %rax
	lretq

	.section .boot.data, "aw"
	.align 16
uefi_gdt_ptr:                           /* lgdt in long mode: 8-byte base */
	.word 3 * 8 - 1                 /* boot.S's early_gdt: null, code, data */
	.quad early_gdt

	.text
start64_uefi_high:
	movw $SEL_KDATA, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorl %eax, %eax
	movw %ax, %fs
	movw %ax, %gs
	xorl %ebp, %ebp
	movq %r12, %rdi
	call kmain_uefi
	ud2
