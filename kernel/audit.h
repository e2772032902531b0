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

#include <stdbool.h>
#include "include/abi/audit.h"

void audit(enum audit_kind kind, uint32_t pid, const char *name, int64_t status,
	   uint64_t arg0, uint64_t arg1, const char *what);
uint64_t audit_count(void);
uint64_t audit_read(uint64_t from_seq, struct audit_record *out, uint64_t max,
		    uint64_t *next_seq);
void audit_bind(uint64_t notification, uint64_t bits);
void audit_flush_signal(void);
/* Command line "audit_quiet": records are kept in the ring, not printed. */
extern bool audit_quiet;

#endif
