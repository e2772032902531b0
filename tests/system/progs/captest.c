/*
 * captest - stands in for init in the capability and IPC tests (boot with
 * "init"): it holds the root capabilities, probes them, spawns the other
 * modules with chosen subsets, revokes, and waits for their reports.
 *
 * Boot modules, in order: captest ipc_echo ipc_client ipc_grandchild
 * ipc_dying_server ipc_deadlock.
 */
#include "attack.h"
#include "user/lib/sysctl.h"

/* Module indices, found by name (the test logger is module 0 under the
 * harness). */
static int M_ECHO, M_CLIENT, M_DYING, M_DEADLOCK;
#define LOG_GRANT { LOG_SLOT, LOG_SLOT, CAP_R_SEND | CAP_R_GRANT, 0 }
#define EP(i) (ROOT_SLOT_ENDPOINT0 + (i))
#define NTF(i) (ROOT_SLOT_NOTIFY0 + (i))
#define REPORTS 3 /* client and the two deadlock testers */

static int checks_ok = 1;

static void check(int cond, const char *what)
{
	checks_ok &= expect_true(cond, what);
}

static void probe_own_table(void)
{
	struct cap_info ci;
	struct cap_grant g[2] = {
		{ EP(0), 0, CAP_R_SEND, 0 }, { EP(1), 0, CAP_R_SEND, 0 },
	};

	check(sys_cap_info(ROOT_SLOT_SPAWN, &ci) == TS_OK && ci.type == CAP_SPAWN,
	      "slot 0 holds the spawn capability");
	check(ipc_send(70, 0, NULL) == TS_E_RANGE, "slot 70 -> E_RANGE");
	check(ipc_send(62, 0, NULL) == TS_E_NOENT, "empty slot 62 -> E_NOENT");
	check(ipc_send(ROOT_SLOT_SPAWN, 0, NULL) == TS_E_TYPE,
	      "send on the spawn capability -> E_TYPE");
	check(notify_signal(EP(0), 1) == TS_E_TYPE,
	      "signal through an endpoint -> E_TYPE");
	check(sys_cap_info(0, (struct cap_info *)0xffffffff80101000ull) == TS_E_FAULT,
	      "cap_info into kernel memory -> E_FAULT");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_ECHO,
			(struct cap_grant *)0xffff800000001000ull, 1, 1) == TS_E_FAULT,
	      "spawn with a kernel pointer -> E_FAULT");
	check(sys_spawn(ROOT_SLOT_SPAWN, 40, NULL, 0, 1) == TS_E_DENIED,
	      "spawn of a module the capability does not cover -> E_DENIED");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_ECHO, g, 2, 1) == TS_E_INVAL,
	      "two grants into one child slot -> E_INVAL");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_ECHO, g, 1, 7) == TS_E_RIGHTS,
	      "child priority above the parent's -> E_RIGHTS");
}

static void spawn_all(void)
{
	struct cap_grant echo[] = { { EP(0), 0, CAP_R_RECV, 0 }, LOG_GRANT };
	struct cap_grant client[] = {
		{ EP(0), 0, CAP_R_SEND, 0x42 },            /* to the echo server */
		{ EP(1), 1, CAP_R_RECV, 0 },               /* receive-only */
		{ EP(2), 2, CAP_R_SEND | CAP_R_GRANT, 1 }, /* reports to us */
		{ NTF(0), 3, CAP_R_RECV, 0 },              /* we signal it */
		{ ROOT_SLOT_SPAWN, 4, CAP_R_SEND | CAP_R_GRANT, 0 },
		{ EP(5), 5, CAP_R_SEND | CAP_R_GRANT, 0 }, /* for its child */
		{ EP(6), 6, CAP_R_SEND, 0 },               /* to the dying server */
		{ EP(9), 7, CAP_R_SEND | CAP_R_GRANT, 0x77 },
		LOG_GRANT,
	};
	struct cap_grant dying[] = { { EP(6), 0, CAP_R_RECV, 0 }, LOG_GRANT };
	struct cap_grant dl_a[] = {
		{ EP(7), 0, CAP_R_RECV, 0 }, { EP(8), 1, CAP_R_SEND, 0 },
		{ EP(2), 2, CAP_R_SEND, 3 }, LOG_GRANT,
	};
	struct cap_grant dl_b[] = {
		{ EP(8), 0, CAP_R_RECV, 0 }, { EP(7), 1, CAP_R_SEND, 0 },
		{ EP(2), 2, CAP_R_SEND, 4 }, LOG_GRANT,
	};

	check(sys_spawn(ROOT_SLOT_SPAWN, M_ECHO, echo, 2, 2) > 0, "spawned ipc_echo");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_DYING, dying, 2, 2) > 0,
	      "spawned ipc_dying_server");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_CLIENT, client, 9, 1) > 0,
	      "spawned ipc_client");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_DEADLOCK, dl_a, 4, 1) > 0,
	      "spawned ipc_deadlock A");
	check(sys_spawn(ROOT_SLOT_SPAWN, M_DEADLOCK, dl_b, 4, 1) > 0,
	      "spawned ipc_deadlock B");
}

int main(void)
{
	struct msg m;
	int reports = 0;
	ts_status s;

	M_ECHO = module_find(ROOT_SLOT_SPAWN, "ipc_echo");
	M_CLIENT = module_find(ROOT_SLOT_SPAWN, "ipc_client");
	M_DYING = module_find(ROOT_SLOT_SPAWN, "ipc_dying_server");
	M_DEADLOCK = module_find(ROOT_SLOT_SPAWN, "ipc_deadlock");
	probe_own_table();
	spawn_all();
	ipc_header()->timeout_ns = 20ull * 1000 * 1000 * 1000;
	while (reports < REPORTS) {
		s = ipc_recv(EP(2), &m);
		if (s != TS_OK) {
			printf("FAILED waiting for reports: %s\n", ts_status_name(s));
			return 1;
		}
		if (IPC_INFO_LABEL(m.info) == 1) { /* client: revoke now */
			s = sys_cap_revoke(EP(0));
			check(s == 2, "revoked the 2 capabilities derived from endpoint 0");
			notify_signal(NTF(0), 1);
		} else {
			printf("report from badge %lu: %lu\n", (unsigned long)m.badge,
			       (unsigned long)m.w[0]);
			reports++;
		}
	}
	/* The grandchild reports nothing (its capabilities go with the
	 * client); give it time to finish before our exit revokes the rest. */
	ipc_header()->timeout_ns = 1500ull * 1000 * 1000;
	check(notify_wait(NTF(1), NULL) == TS_E_TIMEOUT,
	      "a notification nobody signals times out");
	printf("captest: %s\n", checks_ok ? "all checks ok" : "FAILED checks");
	return checks_ok ? 0 : 1;
}
