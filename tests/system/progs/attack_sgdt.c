/* sgdt in ring 3: UMIP makes it fault instead of leaking the GDT base. */
#include "attack.h"

int main(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) g;

	TRYING("sgdt in ring 3 (UMIP)");
	__asm__ volatile("sgdt %0" : "=m"(g));
	printf("gdt base %lx\n", (unsigned long)g.base);
	survived("read the GDT base");
}
