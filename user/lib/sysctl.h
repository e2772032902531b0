/*
 * sysctl.h - stubs for the syscalls of init and the auditor: boot modules,
 * process control (spawn capability + ancestry), audit reports.
 */
#ifndef TESSERA_USER_SYSCTL_H
#define TESSERA_USER_SYSCTL_H

#include "user/lib/tessera.h"
#include "include/abi/audit.h"

ts_status sys_module_info(uint64_t spawn_slot, uint64_t index, struct module_info *out);
ts_status sys_module_read(uint64_t spawn_slot, uint64_t index, uint64_t offset,
			  void *buf, uint64_t len);
ts_status sys_proc_info(uint64_t spawn_slot, uint64_t index, struct proc_info *out);
ts_status sys_proc_kill(uint64_t spawn_slot, uint64_t pid);
ts_status sys_proc_cap(uint64_t spawn_slot, uint64_t pid, uint64_t slot,
		       struct cap_info *out);
ts_status sys_proc_revoke(uint64_t spawn_slot, uint64_t pid, uint64_t slot);
ts_status sys_sys_info(uint64_t spawn_slot, struct sys_info *out);
ts_status sys_child_notify(uint64_t ntf_slot, uint64_t bits);
ts_status sys_audit_write(uint64_t audit_slot, const char *text, uint64_t len);
ts_status sys_audit_bind(uint64_t audit_slot, uint64_t ntf_slot, uint64_t bits);
ts_status sys_audit_fetch(uint64_t audit_slot, uint64_t from_seq,
			  struct audit_record *out, uint64_t max);
/* The index of the boot module called name, as the spawn capability in
 * spawn_slot sees it, or -1. */
int module_find(uint64_t spawn_slot, const char *name);

/* Kernel log bytes from *offset on (SYS_KLOG_READ); *offset advances. */
ts_status sys_klog_read(uint64_t audit_slot, uint64_t *offset, char *buf,
			uint64_t len);

#endif
