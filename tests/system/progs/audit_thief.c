/*
 * audit_thief - holds audit/read (as the shell does) and tries to take the
 * auditor's wake-up (INV-AUDIT): it binds notifications of its own to the
 * audit ring, through each of its four audit capabilities, until the
 * kernel refuses.  Before the kernel kept a table of watchers, one bind
 * replaced the auditor's and left it blind to every later record; now the
 * binds add watchers, the one past the table's size is refused with
 * E_BUSY and audited, and the real auditor reports that refusal (which the
 * case checks on its console).  It also tries to take COM1's interrupt,
 * which the uart driver has bound: refused (E_BUSY) and audited too.
 *
 * Slots: 0, 2, 3, 4 audit/read; 1 its own notification (send, recv);
 * 5 IRQ line 4 (recv).
 */
#include "attack.h"
#include "user/lib/sysctl.h"

#define SLOT_WAKE 1
#define SLOT_COM1_IRQ 5
#define WAIT_NS (20ull * 1000 * 1000 * 1000) /* generous: KVM here is slow */

int main(void)
{
	static const uint64_t more[] = { 2, 3 };
	uint64_t bits = 0;
	int ok = 1;

	ok &= expect_true(sys_audit_bind(0, SLOT_WAKE, 1) == TS_OK,
			  "bind its own notification to the audit ring -> OK");
	/* A refused call makes a record; its own binding must wake it. */
	ok &= expect_true(sys_spawn(0, 0, NULL, 0, 1) == TS_E_TYPE,
			  "spawn through the audit capability -> E_TYPE");
	ipc_header()->timeout_ns = WAIT_NS;
	ok &= expect_true(notify_wait(SLOT_WAKE, &bits) == TS_OK && (bits & 1),
			  "woken by its own binding");
	ipc_header()->timeout_ns = 0;
	for (unsigned i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		ok &= expect_true(sys_audit_bind(more[i], SLOT_WAKE, 1) == TS_OK,
				  "bind again through another audit capability -> OK");
	/* The auditor's, slot 0's, 2's and 3's: the table is full. */
	ok &= expect_true(sys_audit_bind(4, SLOT_WAKE, 1) == TS_E_BUSY,
			  "a bind past the watcher table -> E_BUSY");
	ok &= expect_true(sys_audit_bind(0, SLOT_WAKE, 0) == TS_E_INVAL,
			  "a bind with no bits -> E_INVAL");
	ok &= expect_true(sys_irq_bind(SLOT_COM1_IRQ, SLOT_WAKE, 1) == TS_E_BUSY,
			  "bind COM1's interrupt, which the uart driver holds -> E_BUSY");
	printf("audit_thief: %s\n", ok ? "done" : "FAILED");
	return ok ? 0 : 1;
}
