/*
 * idserver - D1 test server: for every call on its endpoint (slot 0) it
 * prints the caller's name, pid and principal exactly as the kernel
 * stamped them in the IPC header, replies, and counts the calls.  Its own principal reaches
 * the caller the same way, stamped on the reply.
 */
#include "lib/encode.h"
#include "user/lib/tessera.h"

int main(void)
{
	const struct ipc_header *h = ipc_header();
	char hex[2 * PRINCIPAL_BYTES + 1];
	uint64_t w[4] = { 0 };
	uint8_t acc;
	struct msg m;
	ts_status s;

	for (int calls = 1;; calls++) {
		s = ipc_recv(0, &m);
		if (s != TS_OK) {
			printf("idserver: recv: %s\n", ts_status_name(s));
			return 1;
		}
		acc = 0;
		for (unsigned i = 0; i < PRINCIPAL_BYTES; i++)
			acc |= h->sender_principal[i];
		hex_encode(hex, sizeof(hex), h->sender_principal, PRINCIPAL_BYTES);
		printf("idserver: call from %s:%u principal %s\n", h->sender_name,
		       h->sender_pid, acc ? hex : "none");
		ipc_reply(IPC_INFO(1, 0), w);
		printf("idserver: served %d calls\n", calls);
	}
}
