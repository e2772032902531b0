/* ipc_dying_server - takes one call and dies before replying. */
#include "user/lib/tessera.h"

int main(void)
{
	struct msg m;

	if (ipc_recv(0, &m) == TS_OK) {
		printf("dying: got a call, now faulting (ud2)\n");
		__asm__ volatile("ud2");
	}
	return 1;
}
