/*
 * fpu.h - per-thread x87/SSE/AVX register state.
 *
 * Every thread owns a save area; the registers are switched whenever a
 * different thread goes back to ring 3, so no process can read another's
 * FPU or vector registers.  (Disabling the unit with CR0.EM is not enough:
 * a paravirtual hypervisor was seen not to enforce it, see STATUS.md.)
 * Checked by the system test fpu_state_isolated.
 */
#ifndef TESSERA_X86_FPU_H
#define TESSERA_X86_FPU_H

#include <stdint.h>

#define FPU_AREA_MAX 512 /* the FXSAVE image: x87 + SSE */

struct fpu_state {
	_Alignas(16) uint8_t area[FPU_AREA_MAX];
};

void fpu_init(void);
void fpu_init_state(struct fpu_state *s);
void fpu_switch(struct fpu_state *from, const struct fpu_state *to);
const char *fpu_mode(void);

#endif
