/*
 * unmap_ipc_buffer - found by sysfuzz: the kernel delivers messages and
 * reads the timeout through the IPC buffer frames it noted at spawn, so a
 * process that unmaps its IPC buffer must be refused; otherwise the
 * frames go back to the allocator while the kernel still writes them.
 */
#include "attack.h"

#define MEMORY_SLOT 0 /* cap 0 memory, from tests/system/manifests/unmapipcbuffer */

int main(void)
{
	ts_status s;

	TRYING("unmap the IPC buffer");
	s = sys_unmap(IPC_BUFFER_VA, IPC_BUFFER_PAGES * 4096);
	expect_true(s == TS_E_DENIED, "unmapping the IPC buffer -> E_DENIED");
	s = sys_unmap(IPC_BUFFER_VA + 4096, 4096);
	expect_true(s == TS_E_DENIED, "unmapping the payload page -> E_DENIED");
	s = sys_map(MEMORY_SLOT, 0x10000000, 4096, PROT_READ | PROT_WRITE);
	expect_true(s == TS_OK, "an ordinary map still works");
	ipc_header()->timeout_ns = 1;
	printf("unmap_ipc_buffer: done\n");
	return 0;
}
