/*
 * fpu.c - saving and restoring user FPU/vector state.
 *
 * XSAVE with XCR0 = x87 | SSE | AVX where the CPU has them (components
 * beyond AVX are left disabled so the area stays bounded), FXSAVE
 * otherwise.  The kernel itself is built without SSE and never touches
 * these registers, so the state only has to move when the thread in ring 3
 * changes.
 */
#include <string.h>
#include "kernel/arch/x86_64/fpu.h"
#include "kernel/arch/x86_64/x86.h"
#include "kernel/log.h"

#define XCR0_X87 1ull
#define XCR0_SSE 2ull
#define XCR0_AVX 4ull

static int use_xsave;
static uint64_t xcr0;
static struct fpu_state initial;

static void xsetbv(uint32_t reg, uint64_t v)
{
	__asm__ volatile("xsetbv" : : "c"(reg), "a"((uint32_t)v),
			 "d"((uint32_t)(v >> 32)));
}

static void save(struct fpu_state *s)
{
	if (use_xsave)
		__asm__ volatile("xsave64 %0" : "+m"(s->area)
				 : "a"((uint32_t)xcr0), "d"((uint32_t)(xcr0 >> 32)));
	else
		__asm__ volatile("fxsave64 %0" : "+m"(s->area));
}

static void restore(const struct fpu_state *s)
{
	if (use_xsave)
		__asm__ volatile("xrstor64 %0" : : "m"(s->area),
				 "a"((uint32_t)xcr0), "d"((uint32_t)(xcr0 >> 32)));
	else
		__asm__ volatile("fxrstor64 %0" : : "m"(s->area));
}

void fpu_init(void)
{
	uint32_t r[4];
	uint32_t mxcsr = 0x1f80; /* all exceptions masked */

	cpuid(1, 0, r);
	use_xsave = (r[2] >> 26) & 1;
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT |
		  (use_xsave ? CR4_OSXSAVE : 0));
	if (use_xsave) {
		cpuid(0xd, 0, r);
		xcr0 = r[0] & (XCR0_X87 | XCR0_SSE | XCR0_AVX);
		xsetbv(0, xcr0);
		cpuid(0xd, 0, r); /* ebx: size for the XCR0 now set */
		if (r[1] > FPU_AREA_MAX)
			panic("fpu: XSAVE area of %u bytes exceeds %u", r[1],
			      FPU_AREA_MAX);
	}
	__asm__ volatile("fninit; ldmxcsr %0" : : "m"(mxcsr));
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
	if (!use_xsave)
		return "fxsave";
	return xcr0 & XCR0_AVX ? "xsave(x87,sse,avx)" : "xsave(x87,sse)";
}
