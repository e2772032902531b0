/*
 * kcheck.c - the whole-kernel accounting check of test boots.
 *
 * Compiled always, run only when kernel_selfcheck is set (command line
 * "test"): every KCHECK_EVERY syscalls and whenever a process ends.  It
 * checks, and panics with the broken identity named if any fails:
 *   - the page-table scanner over the kernel and every process (quiet);
 *   - pool_check of every kernel pool, and the process/thread pairing;
 *   - FRAMES  free frames + the kernel's table frames + every frame the
 *             processes' tables account for (tables, both PML4s, owned
 *             leaves) = the frames the allocator started with: nothing
 *             leaked, nothing counted twice;
 *   - IPCBUF  each process's IPC buffer frames (which the kernel writes
 *             through the direct map) are still the ones mapped at
 *             IPC_BUFFER_VA, writable;
 *   - QUOTA   no process uses more SYS_MAP pages than its quota;
 *   - WAITLISTS  the IPC wait lists (ipc_wait_lists_broken): the run-time
 *             form of what prove/endpoint proves, plus completeness,
 *             which it does not.
 * The syscall fuzzer (tests/system/cases/syscall_fuzz.case, make soak)
 * runs with it; kcheck_catches_corrupt_pool.case shows it can fail.
 */
#include "kernel/kcheck.h"
#include "kernel/cap.h"
#include "kernel/config.h"
#include "kernel/endpoint.h"
#include "kernel/kmain.h"
#include "kernel/log.h"
#include "kernel/physmem.h"
#include "kernel/pool.h"
#include "kernel/proc.h"
#include "kernel/ptscan.h"
#include "include/abi/ipc.h"

/* endpoint.c's pools (POOL_DEFINE gives them external linkage); named
 * here rather than in endpoint.c, which carries proofs. */
extern struct pool endpoint_pool, notification_pool;

static uint64_t syscalls_seen;
static uint64_t checks_run;
/* Test-only kernel (TEST_HOOKS): break an identity once, at syscall
 * KCHECK_HOOK_AT, so the negative cases see a running check fail. */
#define KCHECK_HOOK_AT 100
static bool hook_corrupt_pool, hook_leak_frame, hook_break_wait_list;

static void check_process(const struct proc *p)
{
	for (unsigned i = 0; i < IPC_BUFFER_PAGES; i++) {
		uint64_t va = IPC_BUFFER_VA + i * PAGE_SIZE;
		uint64_t pa = as_user_phys(&p->as, va, true) & ~(PAGE_SIZE - 1);
		if (pa != p->ipcbuf_pa[i])
			panic("kcheck: IPCBUF pid %u page %u: the kernel writes "
			      "frame %lx, va %lx maps %lx", p->pid, i,
			      (unsigned long)p->ipcbuf_pa[i], (unsigned long)va,
			      (unsigned long)pa);
	}
	if (p->pages_used > p->pages_quota)
		panic("kcheck: QUOTA pid %u uses %u pages of %u", p->pid,
		      p->pages_used, p->pages_quota);
}

void kcheck_all(const char *when)
{
	struct ptscan_result r = ptscan_quiet(when);
	uint64_t free = physmem_free_frames(), total = physmem_total_frames();
	const char *lists = ipc_wait_lists_broken();

	if (!proc_accounting_ok() || !pool_check(&endpoint_pool) ||
	    !pool_check(&notification_pool) || !cap_tree_ok())
		panic("kcheck (%s): POOL accounting broken (proc %u, endpoint %u, "
		      "notification %u in use)", when, proc_count(),
		      endpoint_pool.in_use, notification_pool.in_use);
	if (free + r.kernel_tables + r.process_frames != total)
		panic("kcheck (%s): FRAMES %lu free + %lu kernel tables + %lu "
		      "process frames != %lu total", when, (unsigned long)free,
		      (unsigned long)r.kernel_tables,
		      (unsigned long)r.process_frames, (unsigned long)total);
	if (lists)
		panic("kcheck (%s): WAITLISTS %s", when, lists);
	for (unsigned slot = 0; slot < MAX_PROCS; slot++)
		if (proc_by_slot(slot))
			check_process(proc_by_slot(slot));
	checks_run++;
}

static void run_hooks(void)
{
	if (hook_corrupt_pool) {
		klog("kcheck: TEST BUILD corrupts the notification pool count");
		notification_pool.in_use++;
	}
	if (hook_leak_frame) {
		klog("kcheck: TEST BUILD leaks frame %lx",
		     (unsigned long)phys_alloc_zeroed());
	}
}

void kcheck_after_syscall(void)
{
	if (!kernel_selfcheck)
		return;
	syscalls_seen++;
	if (TEST_HOOKS_ENABLED) {
		if (syscalls_seen == KCHECK_HOOK_AT)
			run_hooks();
		/* A wait list can only be broken while one has a member:
		 * try each syscall from KCHECK_HOOK_AT on until one has. */
		if (hook_break_wait_list && syscalls_seen >= KCHECK_HOOK_AT &&
		    ipc_test_break_wait_list()) {
			klog("kcheck: TEST BUILD marks a waiting receiver as a sender");
			hook_break_wait_list = false;
			/* Check at once: a message to that receiver before the
			 * next periodic check would take it off the list and
			 * undo the damage (seen under a slow KVM). */
			kcheck_all("syscalls");
		}
	}
	if (syscalls_seen % KCHECK_EVERY == 0)
		kcheck_all("syscalls");
}

void kcheck_test_hooks(void)
{
	hook_corrupt_pool = kernel_cmdline_has("corrupt_pool");
	hook_leak_frame = kernel_cmdline_has("leak_frame");
	hook_break_wait_list = kernel_cmdline_has("break_wait_list");
}

uint64_t kcheck_count(void)
{
	return checks_run;
}
