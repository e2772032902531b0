/*
 * ipc_client - the attacker and the ordinary client of the IPC tests.
 * Slots (granted by captest): 0 echo SEND badge 0x42; 1 endpoint RECV
 * only; 2 report to captest (SEND|GRANT, badge 1); 3 notification RECV;
 * 4 spawn; 5 endpoint SEND|GRANT; 6 dying server SEND; 7 endpoint
 * SEND|GRANT badge 0x77.
 */
#include "attack.h"
#include "user/lib/sysctl.h"

static int M_GRANDCHILD; /* found by name: the logger is module 0 */

static int ok = 1;

static void check(int cond, const char *what)
{
	ok &= expect_true(cond, what);
}

static void roundtrip(void)
{
	uint64_t w[4] = { 1, 2, 3, 4 }, sum = 0;
	uint8_t *p = ipc_payload();
	struct msg r;
	ts_status s;

	for (unsigned i = 0; i < IPC_PAYLOAD_MAX; i++) {
		p[i] = (uint8_t)(i * 7);
		sum += p[i];
	}
	s = ipc_call(0, IPC_INFO(7, IPC_PAYLOAD_MAX), w, &r);
	check(s == TS_OK, "call to the echo server");
	check(r.w[0] == 0x42, "the server saw the badge captest granted (0x42)");
	check(r.w[1] == (uint64_t)sys_getpid(), "the server saw our pid, stamped by the kernel");
	check(r.w[2] == 10 && r.w[3] == sum, "4 words and a 4 KiB payload arrived intact");
	check(IPC_INFO_LABEL(r.info) == 8 && IPC_INFO_LEN(r.info) == IPC_PAYLOAD_MAX,
	      "the reply carries label 8 and 4096 bytes");
	check(p[100] == (uint8_t)(100 * 7 + 1), "the reply payload came back changed");
	check(r.badge == 0, "a reply carries no badge");
}

static void attacks(void)
{
	uint64_t w[4] = { 0 };
	struct cap_grant more[] = { { 5, 0, CAP_R_SEND | CAP_R_RECV, 0 } };
	struct cap_grant nogrant[] = { { 0, 0, CAP_R_SEND, 0 } };
	struct cap_grant forged[] = { { 7, 0, CAP_R_SEND, 0x99 } };

	check(ipc_call(0, IPC_INFO(7, IPC_PAYLOAD_MAX + 1), w, NULL) == TS_E_INVAL,
	      "payload of 4097 bytes -> E_INVAL");
	check(ipc_send(1, IPC_INFO(1, 0), w) == TS_E_RIGHTS,
	      "send on a receive-only capability -> E_RIGHTS");
	check(sys_spawn(4, M_GRANDCHILD, more, 1, 1) == TS_E_RIGHTS,
	      "granting a child more rights than we hold -> E_RIGHTS");
	check(sys_spawn(4, M_GRANDCHILD, nogrant, 1, 1) == TS_E_RIGHTS,
	      "passing on a capability without GRANT -> E_RIGHTS");
	check(sys_spawn(4, M_GRANDCHILD, forged, 1, 1) == TS_E_DENIED,
	      "re-badging a badged endpoint -> E_DENIED");
}

int main(void)
{
	uint64_t w[4] = { 0 };
	struct cap_grant child[] = {
		{ 5, 0, CAP_R_SEND, 0 }, { 2, 1, CAP_R_SEND, 0 },
		{ LOG_SLOT, LOG_SLOT, CAP_R_SEND, 0 },
	};
	struct msg r;

	M_GRANDCHILD = module_find(4, "ipc_grandchild");
	roundtrip();
	attacks();
	check(sys_spawn(4, M_GRANDCHILD, child, 3, 1) > 0,
	      "spawned a grandchild with a subset of our capabilities");

	/* Ask captest to revoke what it derived from endpoint 0, wait. */
	ipc_send(2, IPC_INFO(1, 0), w);
	notify_wait(3, NULL);
	check(ipc_call(0, IPC_INFO(7, 0), w, &r) == TS_E_REVOKED,
	      "call through a revoked capability -> E_REVOKED");
	check(ipc_call(6, IPC_INFO(7, 0), w, &r) == TS_E_DEAD,
	      "the server died mid-call -> E_DEAD");

	w[0] = ok;
	ipc_send(2, IPC_INFO(99, 0), w);
	printf("client: %s\n", ok ? "all checks ok" : "FAILED checks");
	return ok ? 0 : 1;
}
