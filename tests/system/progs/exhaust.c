/*
 * exhaust - stands in for init (boot with "init") and runs the kernel's
 * fixed pools dry on purpose: it spawns sleepers with 40 capabilities each
 * until the capability-node pool (or the process pool) is exhausted.  The
 * kernel must refuse with E_NOMEM, leave nothing half-made, and recover
 * once the sleepers are killed.
 */
#include "attack.h"
#include "user/lib/sysctl.h"

#define GRANTS 40
#define MAX_CHILDREN 40

static struct cap_grant grants[GRANTS];
static ts_status pids[MAX_CHILDREN];

int main(void)
{
	int n = 0, ok = 1;
	ts_status s = TS_OK;
	struct sys_info before, after;

	for (int i = 0; i < GRANTS; i++)
		grants[i] = (struct cap_grant){ ROOT_SLOT_ENDPOINT0, (uint16_t)i,
						CAP_R_SEND, 0 };
	int sleeper = module_find(ROOT_SLOT_SPAWN, "sleeper");

	sys_sys_info(ROOT_SLOT_SPAWN, &before);
	while (n < MAX_CHILDREN) {
		s = sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)sleeper, grants, GRANTS, 1);
		if (s < 0)
			break;
		pids[n++] = s;
	}
	printf("exhaust: spawned %d sleepers, then %s\n", n, ts_status_name(s));
	ok &= expect_true(s == TS_E_NOMEM && n > 0, "the pools ran out with E_NOMEM");
	for (int i = 0; i < n; i++)
		sys_proc_kill(ROOT_SLOT_SPAWN, (uint64_t)pids[i]);
	sys_sys_info(ROOT_SLOT_SPAWN, &after);
	ok &= expect_true(after.cap_nodes_used == before.cap_nodes_used,
			  "every capability node came back");
	s = sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)sleeper, grants, GRANTS, 1);
	ok &= expect_true(s > 0, "spawning works again afterwards");
	if (s > 0)
		sys_proc_kill(ROOT_SLOT_SPAWN, (uint64_t)s);
	printf("exhaust: %s\n", ok ? "recovered" : "FAILED");
	return ok ? 0 : 1;
}
