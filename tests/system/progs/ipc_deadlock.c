/*
 * ipc_deadlock - run twice, each calling the other and never receiving:
 * without timeouts both would wait for ever.  Slot 1 is the peer, slot 2
 * reports to captest.
 */
#include "user/lib/tessera.h"

int main(void)
{
	struct msg m;
	uint64_t w[4] = { 0 };
	ts_status s;

	ipc_header()->timeout_ns = 200ull * 1000 * 1000;
	s = ipc_call(1, IPC_INFO(5, 0), w, &m);
	printf("deadlock: mutual call ended: %s\n", ts_status_name(s));
	w[0] = (uint64_t)-s;
	ipc_header()->timeout_ns = 0;
	ipc_send(2, IPC_INFO(99, 0), w);
	return 0;
}
