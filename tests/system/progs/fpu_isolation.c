/*
 * fpu_isolation - run as two (or more) processes at once.  Each loads a
 * value of its own into xmm0 and the x87 stack, then for a while keeps
 * checking that the value is still there while the timer switches the
 * other instance in and out.  Without per-thread FPU state the instances
 * would read each other's registers.
 */
#include "user/lib/tessera.h"

static uint64_t read_xmm0(void)
{
	uint64_t v;

	__asm__ volatile("movq %%xmm0, %0" : "=r"(v));
	return v;
}

static uint64_t read_st0(void)
{
	uint64_t v;

	/* fist stores st0 as an integer without popping it */
	__asm__ volatile("fistpll %0; fildll %0" : "=m"(v));
	return v;
}

int main(void)
{
	uint64_t mine = 0x1111111111111111ull * (uint64_t)sys_getpid();
	uint64_t x87 = 1000 + (uint64_t)sys_getpid();
	uint64_t end = sys_time_ns() + 300ull * 1000 * 1000;
	uint64_t checks = 0;

	__asm__ volatile("movq %0, %%xmm0" : : "r"(mine));
	__asm__ volatile("fildll %0" : : "m"(x87));
	while (sys_time_ns() < end) {
		uint64_t v = read_xmm0(), f = read_st0();
		checks++;
		if (v != mine || f != x87) {
			printf("FAILED: xmm0 %lx st0 %lu, expected %lx %lu\n",
			       (unsigned long)v, (unsigned long)f,
			       (unsigned long)mine, (unsigned long)x87);
			return 1;
		}
	}
	printf("fpu: registers kept across %lu checks\n", (unsigned long)checks);
	return 0;
}
