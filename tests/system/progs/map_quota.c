/*
 * Exercises SYS_MAP/SYS_UNMAP: bad arguments, the per-process quota
 * running out (E_NOMEM, not a crash), double mapping, and that unmapped
 * memory is really gone (touching it faults, last).
 */
#include "attack.h"
#include "user/lib/sysctl.h"

#define MEMORY_SLOT 0 /* cap 0 memory, from tests/system/manifests/mapquota */
#define SPAWN_SLOT 1  /* only to read the frame counters */

#define BASE 0x20000000ull

int main(void)
{
	int good = 0, pages = 0;
	ts_status s;

	good += expect_true(sys_map(MEMORY_SLOT, BASE + 1, 4096, PROT_READ) == TS_E_INVAL,
			    "misaligned map -> E_INVAL");
	good += expect_true(sys_map(MEMORY_SLOT, BASE, 4096, PROT_WRITE) == TS_E_INVAL,
			    "map without read -> E_INVAL");
	good += expect_true(sys_map(MEMORY_SLOT, 0xffff800000000000ull, 4096, PROT_READ) ==
			    TS_E_RANGE, "map in kernel half -> E_RANGE");
	good += expect_true(sys_map(MEMORY_SLOT, 0x400000, 4096, PROT_READ) == TS_E_EXISTS,
			    "map over own text -> E_EXISTS");
	while ((s = sys_map(MEMORY_SLOT, BASE + (uint64_t)pages * 4096, 4096,
			    PROT_READ | PROT_WRITE)) == TS_OK)
		*(volatile uint64_t *)(BASE + (uint64_t)pages++ * 4096) = 1;
	good += expect_true(s == TS_E_NOMEM && pages > 0, "quota runs out with E_NOMEM");
	printf("mapped %d pages before the quota\n", pages);
	good += expect_true(sys_unmap(BASE, (uint64_t)pages * 4096) == TS_OK,
			    "unmap all");
	good += expect_true(sys_map(MEMORY_SLOT, BASE, 4096, PROT_READ | PROT_WRITE) == TS_OK,
			    "map again after unmap");
	good += expect_true(*(volatile uint64_t *)BASE == 0, "fresh page is zeroed");
	/* Map and unmap one page in 200 different GiB-sized regions: the
	 * page tables each one needs must go back too (no quota counts them). */
	struct sys_info before, after;
	sys_sys_info(SPAWN_SLOT, &before);
	for (uint64_t i = 0; i < 200; i++) {
		uint64_t va = 0x100000000000ull + (i << 30);
		if (sys_map(MEMORY_SLOT, va, 4096, PROT_READ) != TS_OK ||
		    sys_unmap(va, 4096) != TS_OK)
			break;
	}
	sys_sys_info(SPAWN_SLOT, &after);
	printf("frames free %lu before 200 map/unmap rounds, %lu after\n",
	       (unsigned long)before.frames_free, (unsigned long)after.frames_free);
	good += expect_true(before.frames_free != 0 &&
			    after.frames_free == before.frames_free,
			    "map/unmap in new regions leaves no page tables behind");
	printf("map checks: %d of 9 ok\n", good);
	sys_unmap(BASE, 4096);
	TRYING("touch unmapped memory");
	(void)*(volatile uint64_t *)BASE;
	survived("read an unmapped page");
}
