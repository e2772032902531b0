/*
 * syscalls.c - one stub per syscall (include/abi/syscall.h).
 */
#include "user/lib/tessera.h"

void sys_exit(int64_t code)
{
	syscall6(SYS_EXIT, (uint64_t)code, 0, 0, 0, 0, 0);
	for (;;)
		;
}

ts_status sys_yield(void)
{
	return syscall6(SYS_YIELD, 0, 0, 0, 0, 0, 0);
}

ts_status sys_map(unsigned slot, uint64_t va, uint64_t len, uint32_t prot)
{
	return syscall6(SYS_MAP, slot, va, len, prot, 0, 0);
}

ts_status sys_map_frame(unsigned slot, uint64_t va, uint64_t len, uint32_t prot)
{
	return syscall6(SYS_MAP_FRAME, slot, va, len, prot, 0, 0);
}

ts_status sys_unmap(uint64_t va, uint64_t len)
{
	return syscall6(SYS_UNMAP, va, len, 0, 0, 0, 0);
}

ts_status sys_getpid(void)
{
	return syscall6(SYS_GETPID, 0, 0, 0, 0, 0, 0);
}

uint64_t sys_time_ns(void)
{
	return (uint64_t)syscall6(SYS_TIME_NS, 0, 0, 0, 0, 0, 0);
}
