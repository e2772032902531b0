/*
 * Asks for a W+X page (must be refused with E_WX), then maps a fresh RW
 * page, writes code into it and jumps there (must fault: NX).
 */
#include "attack.h"

#define MEMORY_SLOT 0 /* cap 0 memory, from tests/system/manifests/execmapped */

#define PAGE 0x10000000ull

int main(void)
{
	ts_status s;

	TRYING("map a writable+executable page");
	s = sys_map(MEMORY_SLOT, PAGE, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
	expect_true(s == TS_E_WX, "W+X map refused with E_WX");
	if (s == TS_OK)
		survived("got a W+X page");
	s = sys_map(MEMORY_SLOT, PAGE, 4096, PROT_READ | PROT_WRITE);
	expect_true(s == TS_OK, "RW map granted");
	*(volatile uint8_t *)PAGE = 0xc3;
	TRYING("execute from a freshly mapped RW page");
	((code_fn)(uintptr_t)PAGE)();
	survived("executed a fresh page");
}
