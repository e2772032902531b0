/*
 * audit.h - the kernel's security-event records, as SYS_AUDIT_READ hands
 * them to the auditor (S4, INV-AUDIT).  Fixed size, fixed width.
 */
#ifndef TESSERA_ABI_AUDIT_H
#define TESSERA_ABI_AUDIT_H

#include <stdint.h>

enum audit_kind {
	AUDIT_SPAWN = 1,      /* a process was created */
	AUDIT_EXIT = 2,       /* a process ended by itself */
	AUDIT_FAULT = 3,      /* a process faulted and was killed */
	AUDIT_DENIED = 4,     /* a request was refused */
	AUDIT_ELF_REJECT = 5, /* a boot module failed validation */
	AUDIT_KILL = 6,       /* a process was killed for another reason */
	AUDIT_REVOKE = 7,     /* a process revoked what it had granted */
	AUDIT_REPORT = 8,     /* a report written by a process (stamped) */
	AUDIT_SIGNATURE = 9,  /* a boot set or module failed signature checks */
};

/* Short stable names for AUDIT_* ("fault"), never NULL. */
static inline const char *audit_kind_name(uint32_t kind)
{
	static const char *const names[] = {
		"?", "spawn", "exit", "fault", "denied", "elf_reject", "kill",
		"revoke", "report", "signature",
	};
	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}

struct audit_record {
	uint64_t seq;     /* 0, 1, 2, ... never reused */
	uint64_t time_ns;
	uint32_t kind;    /* enum audit_kind */
	uint32_t pid;
	int64_t status;   /* ts_status involved, if any */
	uint64_t arg0, arg1;
	char name[32];    /* process or module name */
	char what[48];    /* short reason */
};

#endif
