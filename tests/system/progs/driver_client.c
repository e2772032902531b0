/*
 * driver_client - keeps calling a driver that init restarts after it dies
 * mid-call (flaky_driver).  The call in flight when the driver dies must
 * come back with E_DEAD (an error, never a hang), and calls made after
 * the restart must be served by the new copy through the same capability.
 */
#include "attack.h"

int main(void)
{
	uint64_t w[4] = { 0 };
	struct msg r;
	int dead = 0, ok_after = 0, ok = 0;

	for (int i = 1; i <= 40 && ok_after < 3; i++) {
		ts_status s;

		w[0] = (uint64_t)i;
		ipc_header()->timeout_ns = 3ull * 1000 * 1000 * 1000;
		s = ipc_call(0, IPC_INFO(1, 0), w, &r);
		if (s == TS_OK && r.w[0] == (uint64_t)i + 1) {
			ok++;
			ok_after += dead > 0;
		} else {
			printf("driver_client: call %d: %s\n", i, ts_status_name(s));
			dead += s == TS_E_DEAD;
		}
	}
	expect_true(ok >= 5, "the driver answered before it died");
	expect_true(dead >= 1, "the call in flight when the driver died ended with E_DEAD");
	expect_true(ok_after >= 3, "the restarted driver serves the same capability");
	printf("driver_client: done (%d ok, %d E_DEAD)\n", ok, dead);
	return 0;
}
