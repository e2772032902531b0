/*
 * auditor_attack - holds exactly the auditor's capabilities and tries to
 * use them for more than observing (INV-AUDIT): spawn, kill, send anywhere
 * but its output, write to the audit ring, reach a device.  Every attempt
 * must fail; reading the ring must still work.
 */
#include "attack.h"
#include "user/lib/sysctl.h"

int main(void)
{
	struct audit_record rec[2];
	uint64_t w[4] = { 0 };
	int ok = 1;

	ok &= expect_true(sys_audit_fetch(0, 0, rec, 2) > 0,
			  "the audit ring can be read");
	ok &= expect_true(sys_spawn(0, 0, NULL, 0, 1) == TS_E_TYPE,
			  "spawn through the audit capability -> E_TYPE");
	ok &= expect_true(sys_spawn(5, 0, NULL, 0, 1) == TS_E_NOENT,
			  "spawn through an empty slot -> E_NOENT");
	ok &= expect_true(sys_proc_kill(0, 1) == TS_E_TYPE,
			  "kill init through the audit capability -> E_TYPE");
	ok &= expect_true(ipc_send(0, IPC_INFO(1, 0), w) == TS_E_TYPE,
			  "send on the audit capability -> E_TYPE");
	ok &= expect_true(ipc_send(3, IPC_INFO(1, 0), w) == TS_E_NOENT,
			  "send to any endpoint but its output -> E_NOENT");
	ok &= expect_true(sys_audit_write(0, "forged", 6) == TS_E_RIGHTS,
			  "write a forged audit record -> E_RIGHTS");
	ok &= expect_true(sys_cap_revoke(1) == 0,
			  "revoking its output capability reaches nothing");
	printf("auditor_attack: %s\n", ok ? "every attempt denied" : "FAILED");
	TRYING("port I/O on COM1 without an I/O-port capability");
	__asm__ volatile("outb %%al, %%dx" : : "a"(0x41), "d"(0x3f8));
	survived("wrote to COM1");
}
