/*
 * entry.S - the entry trampoline: the only kernel code that user page
 * tables map (KPTI).  Everything in .entry.* is mapped at the same address
 * in the kernel's tables and in every user PML4; nothing else of the kernel
 * is (checked by ptscan: "kernel page in user PML4").
 *
 * Ways in:
 *   - syscall: rip in rcx, rflags in r11, still on the user stack and the
 *     user CR3.  We build an interrupt-style frame on the entry stack.
 *   - interrupts and exceptions: the CPU switches to TSS.rsp0 (the entry
 *     stack) when coming from ring 3, or to an IST stack for NMI, #DF, #MC.
 * Either way a struct trap_frame (trap.h) ends up on the entry stack; we
 * switch to the kernel CR3 and the kernel stack and call C, which copies
 * the frame into the thread and never returns here: it leaves through
 * trampoline_exit with the next thread's frame.
 *
 * Ring 0 always runs with interrupts masked; the only interrupts taken in
 * ring 0 are in the idle loop's hlt (and NMI/#MC, which use IST stacks).
 * No swapgs: there is one CPU and the scratch words are at fixed addresses
 * (SMP will need per-CPU areas through GS).
 */
#include "kernel/arch/x86_64/layout.h"

.macro PUSH_GPRS
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_GPRS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
.endm

	.section .entry.text, "ax"

/* 256 stubs, 16 bytes apart: push a dummy error code where the CPU pushes
 * none, push the vector, join the common path. */
	.align 16
	.global isr_stubs
isr_stubs:
	.set vec, 0
	.rept 256
	.align 16
	.if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
	.else
	pushq $0
	.endif
	pushq $vec
	jmp isr_common
	.set vec, vec + 1
	.endr

isr_common:
	testb $3, 24(%rsp)              /* CS of the interrupted context */
	jz from_kernel
from_user:
	PUSH_GPRS
	movq entry_kernel_cr3(%rip), %rax
	movq %rax, %cr3
	movq %rsp, %rdi                 /* struct trap_frame *, entry stack */
	movabsq $kernel_stack_top, %rsp
	movabsq $trap_from_user, %rax
	call *%rax
	ud2                             /* trap_from_user never returns */

/*
 * From ring 0: the idle loop's hlt, a kernel bug, or an NMI/#MC/#DF.  We
 * may be anywhere, even in trampoline_exit after the switch to the user
 * CR3, so load the kernel template CR3 and put the old one back after.
 */
from_kernel:
	PUSH_GPRS
	movq %cr3, %rax
	pushq %rax
	subq $8, %rsp                   /* keep the C call 16-byte aligned */
	movq kernel_template_cr3(%rip), %rax
	movq %rax, %cr3
	leaq 16(%rsp), %rdi
	movabsq $trap_from_kernel, %rax
	call *%rax
	addq $8, %rsp
	popq %rax
	movq %rax, %cr3
	POP_GPRS
	addq $16, %rsp                  /* vector, error code */
	iretq

/* syscall: IF is already clear (FMASK); build the frame by hand. */
	.global syscall_entry
syscall_entry:
	movq %rsp, entry_user_rsp(%rip)
	leaq entry_stack_top(%rip), %rsp
	pushq $SEL_UDATA                /* ss */
	pushq entry_user_rsp(%rip)      /* rsp */
	pushq %r11                      /* rflags */
	pushq $SEL_UCODE                /* cs */
	pushq %rcx                      /* rip */
	pushq $0                        /* error code */
	pushq $VEC_SYSCALL
	jmp from_user

/*
 * trampoline_exit(user_cr3, use_sysret): the C side has written the frame
 * to restore at entry_stack_top - TRAP_FRAME_SIZE, with cs/ss/rflags
 * already made safe (ring 3 selectors, IF set, IOPL 0) and, for sysret, a
 * canonical user rip.
 */
	.global trampoline_exit
trampoline_exit:
	leaq entry_stack_top - TRAP_FRAME_SIZE(%rip), %rsp
	movq %rdi, %cr3
	testl %esi, %esi
	jnz 1f
	POP_GPRS
	addq $16, %rsp
	iretq
1:	POP_GPRS
	movq 16(%rsp), %rcx             /* rip */
	movq 32(%rsp), %r11             /* rflags */
	movq 40(%rsp), %rsp             /* user stack */
	sysretq

	.section .entry.data, "aw"
	.align 64
	.global entry_kernel_cr3, kernel_template_cr3, entry_user_rsp
entry_kernel_cr3:       .quad 0 /* current process's kernel PML4 (+PCID) */
kernel_template_cr3:    .quad 0 /* kernel-only PML4, used from ring 0 traps */
entry_user_rsp:         .quad 0

	.section .entry.bss, "aw", @nobits
	.align 4096
	.global entry_stack_top, ist_nmi_top, ist_df_top, ist_mc_top
	.skip ENTRY_STACK_SIZE
entry_stack_top:
	.skip IST_STACK_SIZE
ist_nmi_top:
	.skip IST_STACK_SIZE
ist_df_top:
	.skip IST_STACK_SIZE
ist_mc_top:
