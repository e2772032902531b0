/*
 * Passes bad buffers to a syscall: kernel addresses, unmapped pages, a
 * range that wraps, a range that runs off the end of its mapping.  Each
 * must come back as E_FAULT with the process alive.
 */
#include "attack.h"

int main(void)
{
	int good = 0;
	static const char msg[] = "hello";

	TRYING("kernel and unmapped pointers as syscall buffers");
	good += expect_true(sys_debug_write((void *)0xffffffff80101000ull, 16) ==
			    TS_E_FAULT, "kernel text pointer -> E_FAULT");
	good += expect_true(sys_debug_write((void *)0xffff800000100000ull, 16) ==
			    TS_E_FAULT, "direct-map pointer -> E_FAULT");
	good += expect_true(sys_debug_write((void *)0x20000000ull, 16) ==
			    TS_E_FAULT, "unmapped pointer -> E_FAULT");
	good += expect_true(sys_debug_write((void *)(USER_SPACE_END - 0x800), 0x1000) ==
			    TS_E_FAULT, "range past user space -> E_FAULT");
	good += expect_true(sys_debug_write((void *)(USER_STACK_TOP - 8), 64) ==
			    TS_E_FAULT, "range off the end of the stack -> E_FAULT");
	good += expect_true(sys_debug_write((void *)0xfffffffffffff800ull, 0x1000) ==
			    TS_E_FAULT, "wrapping range -> E_FAULT");
	good += expect_true(sys_debug_write(msg, 5) == 5, "good pointer still works");
	good += expect_true(syscall6(0x7777, 0, 0, 0, 0, 0, 0) == TS_E_NOSYS,
			    "unknown syscall -> E_NOSYS");
	printf("syscall pointer checks: %d of 8 ok\n", good);
	return good == 8 ? 0 : 1;
}
