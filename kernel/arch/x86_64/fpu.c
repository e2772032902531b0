/*
 * fpu.c - saving and restoring user x87/SSE state with FXSAVE/FXRSTOR.
 *
 * The kernel is built without SSE and never touches these registers, so
 * the state only has to move when the thread going to ring 3 changes.
 * AVX and later extensions stay disabled (CR4.OSXSAVE clear: their
 * instructions raise #UD, checked by attack_avx), so the 512-byte FXSAVE
 * image is the whole of a thread's register state.
 *
 * XSAVE is not used: under the paravirtual KVM of this project's machines
 * XGETBV/XSETBV/XSAVE end the VM with an emulation failure.
 */
#include <string.h>
#include "kernel/arch/x86_64/fpu.h"
#include "kernel/arch/x86_64/x86.h"
#include "kernel/log.h"

static struct fpu_state initial;

static void save(struct fpu_state *s)
{
	__asm__ volatile("fxsave64 %0" : "+m"(s->area));
}

static void restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstor64 %0" : : "m"(s->area));
}

void fpu_init(void)
{
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP);
	write_cr4((read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT) & ~CR4_OSXSAVE);
	/* fninit resets x87; MXCSR keeps its reset value, 0x1f80 (all SSE
	 * exceptions masked).  Both are captured as every thread's start. */
	__asm__ volatile("fninit");
	memset(&initial, 0, sizeof(initial));
	save(&initial);
}

/* A new thread starts from the clean state captured at boot. */
void fpu_init_state(struct fpu_state *s)
{
	memcpy(s, &initial, sizeof(*s));
}

/* Saves the registers into from (if any) and loads to. */
void fpu_switch(struct fpu_state *from, const struct fpu_state *to)
{
	if (from)
		save(from);
	restore(to);
}

const char *fpu_mode(void)
{
	return "fxsave";
}
