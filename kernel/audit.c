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

/*
 * Who is told of new records (outside the recording path, see
 * audit_flush_signal): up to AUDIT_WATCHERS notifications, each bound
 * through one audit capability node.  A binding lasts only as long as that
 * capability and that notification (audit_cap_node_freed,
 * audit_notification_freed), and a bind adds a watcher or re-aims the one
 * made through the same capability, never another's: a second holder of
 * audit/read (the shell) can be woken too, but cannot take the auditor's
 * wake-up and leave it blind (checked by unit/audit and the system case
 * audit_bind_cannot_blind_auditor).
 */
static struct audit_watcher {
	uint64_t notification, bits;
	uint32_t cap_node;
	bool bound;
} watchers[AUDIT_WATCHERS];
static bool pending; /* records came since the watchers were last told */

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
	pending = true;
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

ts_status audit_bind(uint32_t cap_node, uint64_t notification, uint64_t bits)
{
	struct audit_watcher *free_w = NULL;

	if (bits == 0)
		return TS_E_INVAL;
	for (unsigned i = 0; i < AUDIT_WATCHERS; i++) {
		struct audit_watcher *w = &watchers[i];
		if (w->bound && w->cap_node == cap_node) {
			w->notification = notification;
			w->bits = bits;
			return TS_OK;
		}
		if (!w->bound && !free_w)
			free_w = w;
	}
	if (!free_w)
		return TS_E_BUSY;
	*free_w = (struct audit_watcher){ notification, bits, cap_node, true };
	return TS_OK;
}

void audit_flush_signal(void)
{
	if (!pending)
		return;
	pending = false;
	for (unsigned i = 0; i < AUDIT_WATCHERS; i++)
		if (watchers[i].bound &&
		    notify_signal(watchers[i].notification, watchers[i].bits) == TS_E_DEAD)
			watchers[i].bound = false;
}

void audit_cap_node_freed(uint32_t node)
{
	for (unsigned i = 0; i < AUDIT_WATCHERS; i++)
		if (watchers[i].bound && watchers[i].cap_node == node)
			watchers[i].bound = false;
}

void audit_notification_freed(uint64_t notification)
{
	for (unsigned i = 0; i < AUDIT_WATCHERS; i++)
		if (watchers[i].bound && watchers[i].notification == notification)
			watchers[i].bound = false;
}
