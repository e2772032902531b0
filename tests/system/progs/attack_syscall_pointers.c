/*
 * Passes bad buffers to a syscall that writes to user memory
 * (SYS_CAP_INFO needs no capability, so any process can try): kernel
 * addresses, unmapped pages, a range that wraps, a range that runs off
 * the end of user space or of its stack.  Each must come back as E_FAULT
 * with the process alive.  Also: the old kernel print syscall is gone.
 */
#include "attack.h"

static ts_status info_at(uint64_t addr)
{
	return sys_cap_info(LOG_SLOT, (struct cap_info *)addr);
}

int main(void)
{
	int good = 0;
	struct cap_info ci;
	uint64_t straddle = sizeof(ci) / 2;

	TRYING("kernel and unmapped pointers as syscall buffers");
	good += expect_true(info_at(0xffffffff80101000ull) == TS_E_FAULT,
			    "kernel text pointer -> E_FAULT");
	good += expect_true(info_at(0xffff800000100000ull) == TS_E_FAULT,
			    "direct-map pointer -> E_FAULT");
	good += expect_true(info_at(0x20000000ull) == TS_E_FAULT,
			    "unmapped pointer -> E_FAULT");
	good += expect_true(info_at(USER_SPACE_END - straddle) == TS_E_FAULT,
			    "range past user space -> E_FAULT");
	good += expect_true(info_at(USER_STACK_TOP - straddle) == TS_E_FAULT,
			    "range off the end of the stack -> E_FAULT");
	good += expect_true(info_at(0xffffffffffffffffull - straddle + 1) ==
			    TS_E_FAULT, "wrapping range -> E_FAULT");
	good += expect_true(info_at(0x400000) == TS_E_FAULT,
			    "read-only text as an output buffer -> E_FAULT");
	good += expect_true(sys_cap_info(LOG_SLOT, &ci) == TS_OK &&
			    ci.type == CAP_ENDPOINT, "good pointer still works");
	good += expect_true(syscall6(2, (uint64_t)"x", 1, 0, 0, 0, 0) == TS_E_NOSYS,
			    "the old kernel print syscall is gone -> E_NOSYS");
	good += expect_true(syscall6(0x7777, 0, 0, 0, 0, 0, 0) == TS_E_NOSYS,
			    "unknown syscall -> E_NOSYS");
	good += expect_true(sys_map(0, 0x20000000ull, 4096, PROT_READ) == TS_E_NOENT,
			    "fresh memory without a memory capability -> E_NOENT");
	printf("syscall pointer checks: %d of 11 ok\n", good);
	return good == 11 ? 0 : 1;
}
