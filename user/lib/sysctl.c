/*
 * sysctl.c - see sysctl.h.
 */
#include <string.h>
#include "user/lib/sysctl.h"

#define P(x) ((uint64_t)(uintptr_t)(x))

ts_status sys_module_info(uint64_t spawn_slot, uint64_t index, struct module_info *out)
{
	return syscall6(SYS_MODULE_INFO, spawn_slot, index, P(out), 0, 0, 0);
}

ts_status sys_module_read(uint64_t spawn_slot, uint64_t index, uint64_t offset,
			  void *buf, uint64_t len)
{
	return syscall6(SYS_MODULE_READ, spawn_slot, index, offset, P(buf), len, 0);
}

ts_status sys_proc_info(uint64_t spawn_slot, uint64_t index, struct proc_info *out)
{
	return syscall6(SYS_PROC_INFO, spawn_slot, index, P(out), 0, 0, 0);
}

ts_status sys_proc_kill(uint64_t spawn_slot, uint64_t pid)
{
	return syscall6(SYS_PROC_KILL, spawn_slot, pid, 0, 0, 0, 0);
}

ts_status sys_proc_cap(uint64_t spawn_slot, uint64_t pid, uint64_t slot,
		       struct cap_info *out)
{
	return syscall6(SYS_PROC_CAP, spawn_slot, pid, slot, P(out), 0, 0);
}

ts_status sys_proc_revoke(uint64_t spawn_slot, uint64_t pid, uint64_t slot)
{
	return syscall6(SYS_PROC_REVOKE, spawn_slot, pid, slot, 0, 0, 0);
}

ts_status sys_sys_info(uint64_t spawn_slot, struct sys_info *out)
{
	return syscall6(SYS_SYS_INFO, spawn_slot, P(out), 0, 0, 0, 0);
}

ts_status sys_child_notify(uint64_t ntf_slot, uint64_t bits)
{
	return syscall6(SYS_CHILD_NOTIFY, ntf_slot, bits, 0, 0, 0, 0);
}

ts_status sys_audit_write(uint64_t audit_slot, const char *text, uint64_t len)
{
	return syscall6(SYS_AUDIT_WRITE, audit_slot, P(text), len, 0, 0, 0);
}

ts_status sys_audit_bind(uint64_t audit_slot, uint64_t ntf_slot, uint64_t bits)
{
	return syscall6(SYS_AUDIT_BIND, audit_slot, ntf_slot, bits, 0, 0, 0);
}

ts_status sys_audit_fetch(uint64_t audit_slot, uint64_t from_seq,
			  struct audit_record *out, uint64_t max)
{
	return syscall6(SYS_AUDIT_READ, audit_slot, from_seq, P(out), max, 0, 0);
}

ts_status sys_klog_read(uint64_t audit_slot, uint64_t *offset, char *buf,
			uint64_t len)
{
	return syscall6(SYS_KLOG_READ, audit_slot, (uint64_t)(uintptr_t)offset,
			(uint64_t)(uintptr_t)buf, len, 0, 0);
}

int module_find(uint64_t spawn_slot, const char *name)
{
	struct module_info mi;

	for (uint64_t i = 0; i < 64; i++) {
		ts_status s = sys_module_info(spawn_slot, i, &mi);
		if (s == TS_E_NOENT && i > 0)
			return -1;
		if (s == TS_OK && strcmp(mi.name, name) == 0)
			return (int)i;
	}
	return -1;
}
