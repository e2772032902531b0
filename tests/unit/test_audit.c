/*
 * Unit tests of the audit ring's watchers (kernel/audit.c, INV-AUDIT):
 * who is signalled when records come, and that no holder of audit/read
 * can take another's wake-up.  notify_signal, klog and time_ns are
 * stand-ins that record what the kernel would have done.
 */
#include <string.h>
#include "tests/unit/check.h"
#include "kernel/audit.h"
#include "kernel/config.h"

/* Stand-ins for the kernel around audit.c. */
#define NOTIFICATIONS 16
static uint64_t signalled[NOTIFICATIONS]; /* bits signalled on each */
static int signals;                       /* notify_signal calls */
static int dead = -1;                     /* this one answers E_DEAD */

ts_status notify_signal(uint64_t object, uint64_t bits)
{
	signals++;
	if ((int)object == dead)
		return TS_E_DEAD;
	if (object < NOTIFICATIONS)
		signalled[object] |= bits;
	return TS_OK;
}

void klog(const char *fmt, ...)
{
	(void)fmt;
}

uint64_t time_ns(void)
{
	return 0;
}

static void reset_signals(void)
{
	memset(signalled, 0, sizeof(signalled));
	signals = 0;
	dead = -1;
}

/* One record, then the signal the kernel sends on its way to user space. */
static void event(void)
{
	audit(AUDIT_DENIED, 7, "attacker", TS_E_DENIED, 0, 0, "test");
	audit_flush_signal();
}

/* Cases share the watcher table; each ends with every binding it made
 * undone through the capability it used (nodes 100.. are the auditor's,
 * 200.. the others'). */

static void nothing_signalled_without_records(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	audit_flush_signal();
	CHECK_EQ(signals, 0);
	event();
	CHECK_EQ(signalled[1], 0x1);
	audit_flush_signal(); /* nothing new: no second signal */
	CHECK_EQ(signals, 1);
	audit_cap_node_freed(100);
}

static void a_second_binder_cannot_take_the_first_ones_wakeup(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK); /* the auditor */
	CHECK_EQ(audit_bind(200, 2, 0x4), TS_OK); /* the shell, or an attacker */
	event();
	CHECK_EQ(signalled[1], 0x1);
	CHECK_EQ(signalled[2], 0x4);
	audit_cap_node_freed(200);
	audit_cap_node_freed(100);
}

static void rebinding_through_the_same_capability_re_aims_it(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	CHECK_EQ(audit_bind(200, 2, 0x1), TS_OK);
	CHECK_EQ(audit_bind(200, 3, 0x2), TS_OK); /* moves 200's, not 100's */
	event();
	CHECK_EQ(signalled[1], 0x1);
	CHECK_EQ(signalled[2], 0);
	CHECK_EQ(signalled[3], 0x2);
	audit_cap_node_freed(200);
	audit_cap_node_freed(100);
}

static void a_full_table_refuses_and_keeps_every_binding(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	for (uint32_t i = 1; i < AUDIT_WATCHERS; i++)
		CHECK_EQ(audit_bind(200 + i, 1 + i, 0x1), TS_OK);
	CHECK_EQ(audit_bind(299, 9, 0x1), TS_E_BUSY);
	/* the one bound first is still told */
	event();
	CHECK_EQ(signalled[1], 0x1);
	CHECK_EQ(signalled[9], 0);
	CHECK_EQ(signals, AUDIT_WATCHERS);
	/* a freed capability frees its place */
	audit_cap_node_freed(201);
	CHECK_EQ(audit_bind(299, 9, 0x1), TS_OK);
	for (uint32_t i = 2; i < AUDIT_WATCHERS; i++)
		audit_cap_node_freed(200 + i);
	audit_cap_node_freed(299);
	audit_cap_node_freed(100);
}

static void no_bits_is_refused(void)
{
	CHECK_EQ(audit_bind(100, 1, 0), TS_E_INVAL);
	reset_signals();
	event();
	CHECK_EQ(signals, 0);
}

static void a_revoked_capability_is_told_nothing_more(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	CHECK_EQ(audit_bind(200, 2, 0x1), TS_OK);
	audit_cap_node_freed(200);
	event();
	CHECK_EQ(signalled[1], 0x1);
	CHECK_EQ(signalled[2], 0);
	audit_cap_node_freed(100);
}

static void a_freed_notification_is_told_nothing_more(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	CHECK_EQ(audit_bind(200, 2, 0x1), TS_OK);
	/* a later notification in slot 2 belongs to someone else */
	audit_notification_freed(2);
	event();
	CHECK_EQ(signalled[1], 0x1);
	CHECK_EQ(signalled[2], 0);
	audit_cap_node_freed(100);
	CHECK_EQ(audit_bind(200, 2, 0x1), TS_OK); /* its place was freed */
	audit_cap_node_freed(200);
}

static void a_dead_notification_is_unbound(void)
{
	reset_signals();
	CHECK_EQ(audit_bind(100, 1, 0x1), TS_OK);
	CHECK_EQ(audit_bind(200, 2, 0x1), TS_OK);
	dead = 2;
	event();
	CHECK_EQ(signals, 2);
	event();
	CHECK_EQ(signals, 3); /* only the auditor's is still signalled */
	CHECK_EQ(signalled[1], 0x1);
	audit_cap_node_freed(100);
}

int main(void)
{
	check_begin("audit");
	CHECK_RUN(nothing_signalled_without_records);
	CHECK_RUN(a_second_binder_cannot_take_the_first_ones_wakeup);
	CHECK_RUN(rebinding_through_the_same_capability_re_aims_it);
	CHECK_RUN(a_full_table_refuses_and_keeps_every_binding);
	CHECK_RUN(no_bits_is_refused);
	CHECK_RUN(a_revoked_capability_is_told_nothing_more);
	CHECK_RUN(a_freed_notification_is_told_nothing_more);
	CHECK_RUN(a_dead_notification_is_unbound);
	return check_done();
}
