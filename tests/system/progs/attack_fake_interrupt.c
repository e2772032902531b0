/*
 * Raises the timer's vector with `int $0x20` to pose as a hardware
 * interrupt: every IDT gate is DPL 0, so ring 3 gets #GP instead.
 */
#include "attack.h"

int main(void)
{
	TRYING("int $0x20 (the timer vector) from ring 3");
	__asm__ volatile("int $0x20");
	survived("raised an interrupt vector");
}
