/*
 * audit.h - the kernel's security-event ring (INV-AUDIT, S4).
 *
 * A fixed ring of fixed-size records: recording never allocates and never
 * fails; when the ring is full the oldest record is overwritten and the
 * loss is counted.  Every record is also printed as one "AUDIT" line until
 * the auditor server (authority issue) reads the ring instead.
 */
#ifndef TESSERA_KERNEL_AUDIT_H
#define TESSERA_KERNEL_AUDIT_H

#include <stdint.h>

enum audit_kind {
	AUDIT_SPAWN = 1,      /* a process was created */
	AUDIT_EXIT = 2,       /* a process ended by itself */
	AUDIT_FAULT = 3,      /* a process faulted and was killed */
	AUDIT_DENIED = 4,     /* a request was refused (W+X map, bad pointer...) */
	AUDIT_ELF_REJECT = 5, /* a boot module failed validation */
	AUDIT_KILL = 6,       /* a process was killed for another reason */
	AUDIT_REVOKE = 7,     /* a process revoked what it had granted */
};

struct audit_record {
	uint64_t seq;
	uint64_t time_ns;
	uint32_t kind;
	uint32_t pid;
	int64_t status; /* ts_status involved, if any */
	uint64_t arg0, arg1;
	char name[32];  /* process or module name */
	char what[48];  /* short reason */
};

void audit(enum audit_kind kind, uint32_t pid, const char *name, int64_t status,
	   uint64_t arg0, uint64_t arg1, const char *what);
uint64_t audit_count(void);
const char *audit_kind_name(uint32_t kind);

#endif
