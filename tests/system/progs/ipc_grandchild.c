/*
 * ipc_grandchild - spawned by ipc_client with a capability derived from
 * the client's.  It outlives the client; once the client has exited, the
 * derived capability must be revoked (exit revokes what was derived).
 */
#include "user/lib/tessera.h"

int main(void)
{
	uint64_t w[4] = { 0 };
	ts_status s;

	spin_ns(400ull * 1000 * 1000);
	s = ipc_send(0, IPC_INFO(3, 0), w);
	printf("grandchild: send after the client exited: %s\n", ts_status_name(s));
	s = ipc_send(1, IPC_INFO(99, 0), w);
	printf("grandchild: report through a derived capability: %s\n",
	       ts_status_name(s));
	return 0;
}
