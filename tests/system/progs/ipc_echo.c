/*
 * ipc_echo - a server for the IPC tests.  Replies to each call with the
 * badge and sender pid the kernel stamped, the sum of the words and the
 * payload checksum, and the payload with every byte plus one.
 */
#include "user/lib/tessera.h"

int main(void)
{
	struct msg m;
	ts_status s = ipc_recv(0, &m);

	while (s == TS_OK) {
		uint32_t len = IPC_INFO_LEN(m.info);
		uint8_t *p = ipc_payload();
		uint64_t sum = 0, w[4];

		for (uint32_t i = 0; i < len; i++) {
			sum += p[i];
			p[i]++;
		}
		w[0] = m.badge;
		w[1] = ipc_header()->sender_pid;
		w[2] = m.w[0] + m.w[1] + m.w[2] + m.w[3];
		w[3] = sum;
		s = ipc_reply_recv(0, IPC_INFO(IPC_INFO_LABEL(m.info) + 1, len), w, &m);
	}
	printf("echo: receive ended: %s\n", ts_status_name(s));
	return 0;
}
