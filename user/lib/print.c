/*
 * print.c - formatted output.  There is no kernel print path: a program
 * prints by sending CONSOLE_WRITE messages (servers/console/protocol.h)
 * to the endpoint in LOG_SLOT, when it holds one (the test logger gives
 * one to everything it starts; a real boot gives none, so a server's
 * stray printf goes nowhere and the console stays the only voice).
 */
#include <stdarg.h>
#include <string.h>
#include "user/lib/tessera.h"
#include "servers/console/protocol.h"
#include "lib/fmt.h"

/*
 * One log message.  The call borrows the IPC buffer, so the caller's
 * payload and the last message's header (sender, timeout) are put back
 * afterwards: printing between a receive and reading what came must not
 * change what came.
 */
static void log_write(const char *s, size_t n)
{
	struct cap_info ci;
	struct ipc_header saved_header;
	char saved_payload[256];

	if (n > sizeof(saved_payload))
		n = sizeof(saved_payload);
	if (n == 0 || sys_cap_info(LOG_SLOT, &ci) != TS_OK ||
	    ci.type != CAP_ENDPOINT || ci.state != TS_OK)
		return;
	saved_header = *ipc_header();
	memcpy(saved_payload, ipc_payload(), n);
	ipc_header()->timeout_ns = 0;
	ipc_call_bytes(LOG_SLOT, CONSOLE_WRITE, s, n, NULL);
	memcpy(ipc_payload(), saved_payload, n);
	*ipc_header() = saved_header;
}

int printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	log_write(buf, (size_t)n);
	return n;
}

void puts_raw(const char *s)
{
	log_write(s, strlen(s));
}

/* Busy-waits: preemption, not cooperation, gives others the CPU. */
void spin_ns(uint64_t ns)
{
	uint64_t end = sys_time_ns() + ns;

	while (sys_time_ns() < end)
		;
}
