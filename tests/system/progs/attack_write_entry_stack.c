/*
 * Writes the entry stack, the kernel's RW page that user tables must map
 * so the CPU can push a frame on entry: supervisor-only, so ring 3 faults.
 */
#include "attack.h"
#include "kernel_syms.h"

int main(void)
{
	printf("trying: write entry stack at %lx\n",
	       (unsigned long)(KSYM_ENTRY_STACK_TOP - 64));
	*(volatile uint64_t *)(KSYM_ENTRY_STACK_TOP - 64) = 0x4141414141414141ull;
	survived("wrote the entry stack");
}
