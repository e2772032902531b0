/*
 * ipc_grandchild - spawned by ipc_client with capabilities derived from
 * the client's (two endpoints and the log endpoint).  It outlives the
 * client; once the client has exited, every derived capability must be
 * revoked (exit revokes what was derived) -- its log endpoint too, so it
 * reports through its exit code, which the kernel audits: 0xbbaa with
 * aa = -status of a send through slot 0, bb = through slot 1, and 0x10000
 * added if its log endpoint still works.
 */
#include "user/lib/tessera.h"

int main(void)
{
	uint64_t w[4] = { 0 };
	struct cap_info ci;
	ts_status s0, s1;
	int64_t code;

	/*
	 * Wait until the client has exited (its exit revokes the log endpoint
	 * it gave us), at most about 30 s.  A send made earlier could block
	 * on a still-live capability and then be woken by the revocation
	 * (E_REVOKED, but no refusal at lookup to audit): seen under the slow
	 * paravirtual KVM, where a fixed 400 ms was too short.
	 */
	for (int i = 0; i < 3000; i++) {
		if (sys_cap_info(LOG_SLOT, &ci) == TS_OK && ci.state == TS_E_REVOKED)
			break;
		spin_ns(10ull * 1000 * 1000);
	}
	s0 = ipc_send(0, IPC_INFO(3, 0), w);
	s1 = ipc_send(1, IPC_INFO(99, 0), w);
	code = (int64_t)(-s0) | ((int64_t)(-s1) << 8);
	if (sys_cap_info(LOG_SLOT, &ci) != TS_OK || ci.state != TS_E_REVOKED)
		code |= 0x10000;
	printf("grandchild: this line must never be seen\n");
	sys_exit(code);
}
