/* ipc_bench_server - answers every call at once, echoing the words. */
#include "user/lib/tessera.h"

int main(void)
{
	struct msg m;
	ts_status s = ipc_recv(0, &m);

	while (s == TS_OK)
		s = ipc_reply_recv(0, m.info, m.w, &m);
	return 0;
}
