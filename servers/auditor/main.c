/*
 * auditor - reports the kernel's security events on the trusted console
 * (S4, INV-AUDIT).  It holds exactly three capabilities and nothing else:
 *
 *   slot 0  CAP_AUDIT_READ  read       the kernel's event ring
 *   slot 1  endpoint        send       the console (its only output)
 *   slot 2  notification    send,recv  woken by the kernel on new events
 *
 * No spawn, no other endpoint, no device: if it is compromised, what is
 * lost is visibility, never privilege (checked by auditor_holds_only_its_caps).
 */
#include "user/lib/sysctl.h"
#include "lib/fmt.h"
#include "servers/console/protocol.h"

#define SLOT_AUDIT 0
#define SLOT_CONSOLE 1
#define SLOT_WAKE 2

static void console_line(const char *text, int len)
{
	ipc_call_bytes(SLOT_CONSOLE, CONSOLE_WRITE, text, len > 0 ? (size_t)len : 0,
		       NULL);
}

static void report(const struct audit_record *a)
{
	char line[192];
	int n = fmt_snprintf(line, sizeof(line),
			     "audit: #%lu %s pid=%u %s %s: %s\n",
			     (unsigned long)a->seq, audit_kind_name(a->kind), a->pid,
			     a->name, ts_status_name(a->status), a->what);

	console_line(line, n < (int)sizeof(line) ? n : (int)sizeof(line) - 1);
}

int main(void)
{
	struct audit_record batch[8];
	uint64_t next = 0;
	char line[80];

	if (sys_audit_bind(SLOT_AUDIT, SLOT_WAKE, 1) != TS_OK) {
		int n = fmt_snprintf(line, sizeof(line), "auditor: cannot bind to the audit ring\n");
		console_line(line, n);
		return 1;
	}
	for (;;) {
		ts_status n = sys_audit_fetch(SLOT_AUDIT, next, batch, 8);
		if (n < 0)
			return 1;
		for (int i = 0; i < n; i++) {
			if (batch[i].seq != next) {
				int k = fmt_snprintf(line, sizeof(line),
						     "audit: %lu records lost\n",
						     (unsigned long)(batch[i].seq - next));
				console_line(line, k);
			}
			report(&batch[i]);
			next = batch[i].seq + 1;
		}
		if (n == 0)
			notify_wait(SLOT_WAKE, NULL);
	}
}
