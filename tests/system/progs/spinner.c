/*
 * spinner - an endless loop with no syscalls at all: only the timer can
 * take the CPU away from it (preemption test).
 */
#include "user/lib/tessera.h"

int main(void)
{
	volatile uint64_t n = 0;

	printf("spinner: spinning forever\n");
	for (;;)
		n++;
}
