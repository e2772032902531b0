/*
 * trap.h - the register frame every kernel entry builds (entry.S) and the
 * arch hooks around it.
 */
#ifndef TESSERA_X86_TRAP_H
#define TESSERA_X86_TRAP_H

#include <stdint.h>
#include "kernel/arch/x86_64/layout.h"

/* Layout fixed by entry.S: GPRs pushed by PUSH_GPRS, then vector and error
 * code, then what the CPU pushes on an interrupt. */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

_Static_assert(sizeof(struct trap_frame) == TRAP_FRAME_SIZE,
	       "entry.S and trap.h disagree on the frame");

/* Exception vectors. */
enum {
	EXC_DE = 0, EXC_DB = 1, EXC_NMI = 2, EXC_BP = 3, EXC_OF = 4,
	EXC_BR = 5, EXC_UD = 6, EXC_NM = 7, EXC_DF = 8, EXC_TS = 10,
	EXC_NP = 11, EXC_SS = 12, EXC_GP = 13, EXC_PF = 14, EXC_MF = 16,
	EXC_AC = 17, EXC_MC = 18, EXC_XM = 19, EXC_VE = 20, EXC_CP = 21,
};

/* entry.S */
extern char isr_stubs[];
extern char syscall_entry[];
extern char entry_stack_top[], ist_nmi_top[], ist_df_top[], ist_mc_top[];
extern uint64_t entry_kernel_cr3, kernel_template_cr3;
void trampoline_exit(uint64_t user_cr3, int use_sysret)
	__attribute__((noreturn));

/* trap.c */
void trap_from_user(struct trap_frame *tf) __attribute__((noreturn));
void trap_from_kernel(struct trap_frame *tf);
const char *trap_vector_name(uint64_t vector);
void trap_dump(const struct trap_frame *tf);

/* cpu.c */
void cpu_init_tables(void);   /* GDT, TSS, IDT; under the boot tables */
void cpu_init_features(void); /* CR0/CR4/EFER policy, syscall MSRs */
int cpu_has_pcid(void);
int cpu_has_feature(const char *name);
#define IO_RANGES_MAX 8
void io_bitmap_load(const uint32_t (*ranges)[2], unsigned n);
void cpu_report(void);

#endif
