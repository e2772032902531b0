/* Executes hlt in ring 3: a general-protection fault. */
#include "attack.h"

int main(void)
{
	TRYING("hlt in ring 3");
	__asm__ volatile("hlt");
	survived("halted the CPU");
}
