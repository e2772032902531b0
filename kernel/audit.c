/*
 * audit.c - the security-event ring.
 */
#include <string.h>
#include "kernel/audit.h"
#include "kernel/endpoint.h"
#include "kernel/config.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/status.h"

static struct audit_record ring[AUDIT_RING_SIZE];

/* The auditor's notification, signalled (outside the recording path, see
 * audit_flush_signal) whenever records were added. */
static struct {
	uint64_t notification, bits;
	bool bound, pending;
} watcher;

static uint64_t recorded; /* records ever written: the next seq */

/* Command line "audit_quiet" (make soak): records go to the ring only, not
 * to COM1, so ten million refused syscalls are not ten million lines. */
bool audit_quiet;

static void copy_field(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;

	memcpy(dst, src, n);
	dst[n] = '\0';
}

void audit(enum audit_kind kind, uint32_t pid, const char *name, int64_t status,
	   uint64_t arg0, uint64_t arg1, const char *what)
{
	struct audit_record *r = &ring[recorded % AUDIT_RING_SIZE];

	r->seq = recorded++;
	r->time_ns = time_ns();
	r->kind = kind;
	r->pid = pid;
	r->status = status;
	r->arg0 = arg0;
	r->arg1 = arg1;
	copy_field(r->name, sizeof(r->name), name);
	copy_field(r->what, sizeof(r->what), what);
	watcher.pending = true;
	if (audit_quiet)
		return;
	klog("AUDIT seq=%lu kind=%s pid=%u name=%s status=%s a0=%lx a1=%lx what=%s",
	     (unsigned long)r->seq, audit_kind_name(kind), pid, r->name,
	     ts_status_name(status), (unsigned long)arg0, (unsigned long)arg1,
	     r->what);
}

uint64_t audit_count(void)
{
	return recorded;
}

/*
 * Copies up to max records with seq >= from_seq that are still in the
 * ring; records already overwritten are skipped (their loss shows as a gap
 * in seq).  *next_seq is where the next read should start.
 */
uint64_t audit_read(uint64_t from_seq, struct audit_record *out, uint64_t max,
		    uint64_t *next_seq)
{
	uint64_t oldest = recorded > AUDIT_RING_SIZE ? recorded - AUDIT_RING_SIZE : 0;
	uint64_t seq = from_seq < oldest ? oldest : from_seq, n = 0;

	for (; seq < recorded && n < max; seq++, n++)
		out[n] = ring[seq % AUDIT_RING_SIZE];
	*next_seq = seq;
	return n;
}

void audit_bind(uint64_t notification, uint64_t bits)
{
	watcher.notification = notification;
	watcher.bits = bits;
	watcher.bound = true;
}

void audit_flush_signal(void)
{
	if (watcher.bound && watcher.pending &&
	    notify_signal(watcher.notification, watcher.bits) == TS_E_DEAD)
		watcher.bound = false;
	watcher.pending = false;
}
