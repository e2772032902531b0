/*
 * audit.h - the kernel's security-event ring (INV-AUDIT, S4).
 *
 * A fixed ring of fixed-size records: recording never allocates and never
 * fails; when the ring is full the oldest record is overwritten and the
 * loss is counted.  Every record is also written to the kernel's log ring
 * as one "AUDIT" line (not under audit_quiet).  The auditor server reads
 * the records with SYS_AUDIT_READ, woken through a watcher (audit_bind).
 */
#ifndef TESSERA_KERNEL_AUDIT_H
#define TESSERA_KERNEL_AUDIT_H

#include <stdint.h>

#include <stdbool.h>
#include "include/abi/audit.h"
#include "include/abi/status.h"

void audit(enum audit_kind kind, uint32_t pid, const char *name, int64_t status,
	   uint64_t arg0, uint64_t arg1, const char *what);
uint64_t audit_count(void);
uint64_t audit_read(uint64_t from_seq, struct audit_record *out, uint64_t max,
		    uint64_t *next_seq);
/* Adds a watcher bound through audit capability node cap_node, or re-aims
 * the one already bound through it: TS_OK; TS_E_INVAL (no bits);
 * TS_E_BUSY (AUDIT_WATCHERS others are bound). */
ts_status audit_bind(uint32_t cap_node, uint64_t notification, uint64_t bits);
/* Signals every watcher if records came since the last call. */
void audit_flush_signal(void);
/* The capability or the notification of a binding is gone: unbind it. */
void audit_cap_node_freed(uint32_t node);
void audit_notification_freed(uint64_t notification);
/* Command line "audit_quiet": records are kept in the ring, not printed. */
extern bool audit_quiet;

#endif
