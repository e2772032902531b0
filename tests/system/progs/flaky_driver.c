/*
 * flaky_driver - a driver that answers 5 requests and then dies (a
 * fault) while holding the 6th caller, mid-call.  init restarts it
 * (manifest driverrestart: restart yes); the new copy serves the same
 * endpoint and dies the same way after 5 more.
 */
#include "user/lib/tessera.h"

int main(void)
{
	uint64_t w[4] = { 0 };
	struct msg m;
	ts_status s;
	int served = 0;

	ipc_header()->timeout_ns = 0;
	s = ipc_recv(0, &m);
	while (s == TS_OK) {
		if (++served == 6) {
			printf("flaky_driver: dying with a caller waiting\n");
			/* An unmapped address the compiler cannot see through. */
			uintptr_t nowhere = (uintptr_t)sys_getpid() << 40;
			*(volatile uint64_t *)nowhere = 1; /* the caller must get E_DEAD */
		}
		w[0] = m.w[0] + 1;
		s = ipc_reply_recv(0, IPC_INFO(1, 0), w, &m);
	}
	printf("flaky_driver: receive failed: %s\n", ts_status_name(s));
	return 1;
}
