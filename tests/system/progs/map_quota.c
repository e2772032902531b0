/*
 * Exercises SYS_MAP/SYS_UNMAP: bad arguments, the per-process quota
 * running out (E_NOMEM, not a crash), double mapping, and that unmapped
 * memory is really gone (touching it faults, last).
 */
#include "attack.h"

#define BASE 0x20000000ull

int main(void)
{
	int good = 0, pages = 0;
	ts_status s;

	good += expect_true(sys_map(BASE + 1, 4096, PROT_READ) == TS_E_INVAL,
			    "misaligned map -> E_INVAL");
	good += expect_true(sys_map(BASE, 4096, PROT_WRITE) == TS_E_INVAL,
			    "map without read -> E_INVAL");
	good += expect_true(sys_map(0xffff800000000000ull, 4096, PROT_READ) ==
			    TS_E_RANGE, "map in kernel half -> E_RANGE");
	good += expect_true(sys_map(0x400000, 4096, PROT_READ) == TS_E_EXISTS,
			    "map over own text -> E_EXISTS");
	while ((s = sys_map(BASE + (uint64_t)pages * 4096, 4096,
			    PROT_READ | PROT_WRITE)) == TS_OK)
		*(volatile uint64_t *)(BASE + (uint64_t)pages++ * 4096) = 1;
	good += expect_true(s == TS_E_NOMEM && pages > 0, "quota runs out with E_NOMEM");
	printf("mapped %d pages before the quota\n", pages);
	good += expect_true(sys_unmap(BASE, (uint64_t)pages * 4096) == TS_OK,
			    "unmap all");
	good += expect_true(sys_map(BASE, 4096, PROT_READ | PROT_WRITE) == TS_OK,
			    "map again after unmap");
	good += expect_true(*(volatile uint64_t *)BASE == 0, "fresh page is zeroed");
	printf("map checks: %d of 8 ok\n", good);
	sys_unmap(BASE, 4096);
	TRYING("touch unmapped memory");
	(void)*(volatile uint64_t *)BASE;
	survived("read an unmapped page");
}
