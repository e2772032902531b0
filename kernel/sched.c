/*
 * sched.c - preemptive priority round-robin (K5).
 *
 * One FIFO run queue per priority; the highest non-empty queue runs.  The
 * timer tick moves the running thread to the back of its queue, so equal
 * priorities share the CPU and an endless loop cannot starve its peers.
 * User threads always run with IF set (trap.c forces it on every return).
 */
#include "kernel/sched.h"
#include "kernel/kmain.h"
#include "kernel/endpoint.h"
#include "kernel/audit.h"
#include "kernel/log.h"
#include "kernel/ptscan.h"
#include "kernel/arch/x86_64/apic.h"
#include "kernel/arch/x86_64/x86.h"

struct thread *current;

static struct {
	struct thread *head, *tail;
} runq[SCHED_PRIORITIES];
static uint64_t ticks;
static bool need_resched;

void sched_make_ready(struct thread *t)
{
	t->state = THREAD_READY;
	t->next = NULL;
	if (runq[t->priority].tail)
		runq[t->priority].tail->next = t;
	else
		runq[t->priority].head = t;
	runq[t->priority].tail = t;
}

void sched_remove(struct thread *t)
{
	struct thread **pp = &runq[t->priority].head, *prev = NULL;

	for (; *pp; prev = *pp, pp = &(*pp)->next) {
		if (*pp != t)
			continue;
		*pp = t->next;
		if (runq[t->priority].tail == t)
			runq[t->priority].tail = prev;
		t->next = NULL;
		return;
	}
}

static struct thread *pick_next(void)
{
	for (int p = SCHED_PRIORITIES - 1; p >= 0; p--) {
		struct thread *t = runq[p].head;
		if (t) {
			runq[p].head = t->next;
			if (!runq[p].head)
				runq[p].tail = NULL;
			t->next = NULL;
			return t;
		}
	}
	return NULL;
}

void sched_tick(void)
{
	ticks++;
	need_resched = true;
	ipc_check_timeouts(time_ns());
}

void sched_yield(void)
{
	need_resched = true;
}

uint64_t sched_ticks(void)
{
	return ticks;
}

/* Nothing to run: halt with interrupts on until something is. */
static void idle(void)
{
	if (proc_count() == 0) {
		klog("kernel: no processes left");
		if (kernel_exit_when_idle)
			qemu_exit(QEMU_EXIT_CLEAN);
		halt_forever();
	}
	/* Every live thread is blocked (later: on IPC); wait for a tick. */
	as_switch_to_template();
	sti_hlt();
	cli();
}

/*
 * Leaves the kernel: resumes the current thread, or after a tick or a yield
 * the next one of the highest priority.  Never returns.
 */
void sched_return_to_user(void)
{
	audit_flush_signal();
	for (;;) {
		if (current && current->state == THREAD_RUNNING && need_resched) {
			sched_make_ready(current);
			current = NULL;
		}
		need_resched = false;
		if (!current || current->state != THREAD_RUNNING) {
			current = pick_next();
			if (current)
				current->state = THREAD_RUNNING;
		}
		if (current)
			arch_return_to_user(current);
		idle();
	}
}
