/* Reads the kernel image's first page: not mapped in user tables (KPTI). */
#include "attack.h"

int main(void)
{
	TRYING("read kernel text at 0xffffffff80101000");
	volatile uint64_t v = *(volatile uint64_t *)0xffffffff80101000ull;
	printf("read %lx\n", (unsigned long)v);
	survived("read kernel memory");
}
