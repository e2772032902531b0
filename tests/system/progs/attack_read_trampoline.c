/*
 * Reads the entry trampoline, the one piece of kernel text that user page
 * tables map (KPTI): it is mapped supervisor-only, so ring 3 still faults.
 * The address is the kernel's real symbol (fixed layout, no KASLR), taken
 * from kernel.elf at build time.
 */
#include "attack.h"
#include "kernel_syms.h"

int main(void)
{
	printf("trying: read trampoline text at %lx\n",
	       (unsigned long)KSYM_ENTRY_TEXT);
	volatile uint64_t v = *(volatile uint64_t *)KSYM_ENTRY_TEXT;
	printf("read %lx\n", (unsigned long)v);
	survived("read the trampoline");
}
