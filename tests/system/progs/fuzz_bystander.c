/*
 * fuzz_bystander - the innocent process of the syscall fuzzer cases: while
 * three fuzzers run, it keeps calling the echo server and checks every
 * reply (badge, stamped pid, words, payload), and between rounds listens
 * on the marker endpoint for each fuzzer's "done" message (badge = the
 * fuzzer's instance, stamped by the kernel).  No fuzzer holds anything
 * that names it, the echo server or their endpoint: confinement is what
 * the case tests.  Slots: 0 echo SEND badge 0x77; 1 marker RECV.
 * Spawned without them (a fuzzer may spawn this module) it just exits.
 */
#include "user/lib/tessera.h"
#include "tests/system/progs/sysfuzz.h"

static int echo_round(unsigned round)
{
	uint8_t *p = ipc_payload();
	uint64_t w[4] = { round, 2, 3, 4 }, sum = 0;
	uint32_t len = 64 + round % 512;
	struct msg r;
	ts_status s;

	for (uint32_t i = 0; i < len; i++) {
		p[i] = (uint8_t)(i * 13 + round);
		sum += p[i];
	}
	ipc_header()->timeout_ns = 0;
	s = ipc_call(0, IPC_INFO(5, len), w, &r);
	if (s != TS_OK) {
		printf("bystander: FAILED call %u: %s\n", round, ts_status_name(s));
		return 0;
	}
	if (r.w[0] != 0x77 || r.w[1] != (uint64_t)sys_getpid() ||
	    r.w[2] != round + 9 || r.w[3] != sum || IPC_INFO_LABEL(r.info) != 6 ||
	    IPC_INFO_LEN(r.info) != len || p[len - 1] != (uint8_t)((len - 1) * 13 + round + 1)) {
		printf("bystander: FAILED reply %u is wrong\n", round);
		return 0;
	}
	return 1;
}

int main(void)
{
	struct cap_info ci;
	unsigned ok = 0, rounds = 0, done_mask = 0;
	struct msg m;

	struct cap_info mark;

	/* A copy a fuzzer spawned holds whatever random grants gave it. */
	if (sys_cap_info(0, &ci) != TS_OK || ci.type != CAP_ENDPOINT ||
	    !(ci.rights & CAP_R_SEND) || ci.badge != 0x77 ||
	    sys_cap_info(1, &mark) != TS_OK || mark.type != CAP_ENDPOINT ||
	    !(mark.rights & CAP_R_RECV)) {
		printf("bystander: not the manifest's bystander: nothing to do\n");
		return 0;
	}
	while (done_mask != 7 || rounds < SYSFUZZ_BYSTANDER_ROUNDS) {
		for (int i = 0; i < 10; i++, rounds++)
			ok += (unsigned)echo_round(rounds);
		ipc_header()->timeout_ns = 50 * 1000 * 1000;
		while (ipc_recv(1, &m) == TS_OK) {
			if (IPC_INFO_LABEL(m.info) != SYSFUZZ_DONE_LABEL ||
			    m.w[0] != SYSFUZZ_DONE_MAGIC || m.badge < 1 || m.badge > 3)
				continue; /* a fuzzer's random send */
			done_mask |= 1u << (m.badge - 1);
			printf("bystander: fuzzer %lu done: %lu calls, %lu oracle failures\n",
			       (unsigned long)m.badge, (unsigned long)m.w[1],
			       (unsigned long)m.w[2]);
		}
	}
	printf("bystander: %u of %u echo calls correct\n", ok, rounds);
	printf("bystander: %s, all fuzzers done\n", ok == rounds ? "done" : "FAILED");
	return ok == rounds ? 0 : 1;
}
