/*
 * port_attack - started by the kernel with no capabilities, it tries to
 * program the serial port directly: without an I/O-port capability the
 * TSS bitmap denies every port, so the first `out` faults (#GP).
 */
#include "attack.h"

int main(void)
{
	TRYING("outb to COM1 (0x3f8) without a capability");
	__asm__ volatile("outb %%al, %%dx" : : "a"(0x41), "d"(0x3f8));
	survived("wrote to COM1");
}
