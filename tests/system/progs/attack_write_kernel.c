/* Writes into the kernel's direct map of RAM: not mapped in user tables. */
#include "attack.h"

int main(void)
{
	TRYING("write kernel direct map at 0xffff800000100000");
	*(volatile uint64_t *)0xffff800000100000ull = 0x4141414141414141ull;
	survived("wrote kernel memory");
}
