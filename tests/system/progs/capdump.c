/*
 * capdump - prints every capability slot it holds, so a test can compare
 * a process's whole table with what the manifest gave it.
 */
#include "user/lib/tessera.h"

static const char *type_name(uint32_t t)
{
	static const char *const names[] = {
		"none", "endpoint", "notification", "frame", "irq", "ioport",
		"spawn", "audit", "memory",
	};
	return t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

int main(void)
{
	struct cap_info ci;
	int held = 0;

	for (unsigned slot = 0; slot < CAP_SLOTS; slot++) {
		if (sys_cap_info(slot, &ci) != TS_OK || ci.type == CAP_NONE)
			continue;
		if (slot == LOG_SLOT) { /* the test logger's, passed on by init */
			printf("capdump: slot %u is the log endpoint (rights %x)\n",
			       slot, ci.rights);
			continue;
		}
		held++;
		printf("capdump: slot %u %s rights %x badge %lx\n", slot,
		       type_name(ci.type), ci.rights, (unsigned long)ci.badge);
	}
	printf("capdump: %d capabilities held\n", held);
	return 0;
}
