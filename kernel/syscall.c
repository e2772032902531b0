/*
 * syscall.c - decode, check, act (seL4 style): each handler checks every
 * argument before it changes anything, and returns one ts_status.
 *
 * A4 note: SYS_MAP still draws on a per-process page quota fixed at spawn
 * rather than on a memory capability (docs/SYSCALLS.md, docs/STATUS.md).
 * There is no print path: user programs write to a log or console server
 * over IPC, and the kernel's own lines go to the ring in log.c.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/audit.h"
#include "kernel/frame.h"
#include "kernel/kcheck.h"
#include "kernel/kmain.h"
#include "kernel/log.h"
#include "kernel/physmem.h"
#include "kernel/ptscan.h"
#include "kernel/cap.h"
#include "kernel/cap_rules.h"
#include "kernel/endpoint.h"
#include "kernel/irq.h"
#include "kernel/principal.h"
#include "kernel/sched.h"
#include "kernel/uaccess.h"
#include "kernel/verify.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/syscall.h"

static ts_status check_map_args(struct proc *p, uint64_t va, uint64_t len,
				uint64_t prot)
{
	if ((va & (PAGE_SIZE - 1)) || (len & (PAGE_SIZE - 1)) || len == 0)
		return TS_E_INVAL;
	if (prot & ~(uint64_t)(PROT_READ | PROT_WRITE | PROT_EXEC) ||
	    !(prot & PROT_READ))
		return TS_E_INVAL;
	if ((prot & PROT_WRITE) && (prot & PROT_EXEC))
		return TS_E_WX;
	if (!user_range_ok(va, len))
		return TS_E_RANGE;
	if (len / PAGE_SIZE > p->pages_quota - p->pages_used)
		return TS_E_NOMEM;
	for (uint64_t off = 0; off < len; off += PAGE_SIZE)
		if (as_page_mapped(&p->as, va + off))
			return TS_E_EXISTS;
	return TS_OK;
}

static ts_status sys_unmap(struct proc *p, uint64_t va, uint64_t len)
{
	uint32_t owned = 0;

	if ((va & (PAGE_SIZE - 1)) || (len & (PAGE_SIZE - 1)) || len == 0)
		return TS_E_INVAL;
	if (!user_range_ok(va, len))
		return TS_E_RANGE;
	/* The kernel writes the IPC buffer through the frames it noted at
	 * spawn (endpoint.c): freeing them would hand out memory the kernel
	 * still writes (found by sysfuzz; unmap_ipc_buffer_refused). */
	if (va < IPC_BUFFER_VA + IPC_BUFFER_PAGES * PAGE_SIZE &&
	    va + len > IPC_BUFFER_VA) {
		audit(AUDIT_DENIED, p->pid, p->name, TS_E_DENIED, va, len,
		      "unmap of the IPC buffer");
		return TS_E_DENIED;
	}
	for (uint64_t off = 0; off < len; off += PAGE_SIZE)
		if (!as_page_mapped(&p->as, va + off))
			return TS_E_NOENT;
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		owned += as_page_owned(&p->as, va + off);
		as_unmap_page(&p->as, va + off);
	}
	p->pages_used -= p->pages_used < owned ? p->pages_used : owned;
	if (kernel_selfcheck)
		kcheck_all("unmap");
	return TS_OK;
}

/* Looks a capability up for a syscall; a refusal is a security event. */
static ts_status lookup(struct proc *p, uint64_t slot, uint32_t type,
			uint32_t rights, const struct capnode **out, const char *what)
{
	ts_status s = cap_lookup(p, slot, type, rights, out);

	if (s != TS_OK)
		audit(AUDIT_DENIED, p->pid, p->name, s, slot, type, what);
	return s;
}

/* A4: fresh memory needs a CAP_MEMORY capability (READ, and WRITE for a
 * writable mapping); the amount is the process's page quota. */
static ts_status sys_map(struct proc *p, uint64_t slot, uint64_t va, uint64_t len,
			 uint64_t prot)
{
	const struct capnode *c;
	unsigned perms = MAP_R | (prot & PROT_WRITE ? MAP_W : 0) |
			 (prot & PROT_EXEC ? MAP_X : 0);
	ts_status s = lookup(p, slot, CAP_MEMORY,
			     CAP_R_READ | (prot & PROT_WRITE ? CAP_R_WRITE : 0), &c, "map");

	if (s != TS_OK)
		return s;
	s = check_map_args(p, va, len, prot);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, va, prot, "map");
		return s;
	}
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t pa = phys_alloc_zeroed();
		if (pa != FRAME_NONE)
			s = as_map_page(&p->as, va + off, pa, perms);
		else
			s = TS_E_NOMEM;
		if (s != TS_OK) {
			if (pa != FRAME_NONE)
				phys_free(pa);
			/* Unwind the pages this call mapped. */
			for (uint64_t back = 0; back < off; back += PAGE_SIZE)
				as_unmap_page(&p->as, va + back);
			return s;
		}
	}
	p->pages_used += (uint32_t)(len / PAGE_SIZE);
	if (kernel_selfcheck)
		ptscan_all("map");
	return TS_OK;
}

/*
 * Maps the start of a CAP_FRAME capability's physical range (a device
 * window such as the TPM's) at va, uncached and never executable.  The
 * pages are not the process's: they do not count against its quota and
 * unmapping them frees nothing (MAP_DEVICE).
 */
static ts_status sys_map_frame(struct proc *p, uint64_t slot, uint64_t va,
			       uint64_t len, uint64_t prot)
{
	const struct capnode *c;
	uint32_t need = CAP_R_READ | (prot & PROT_WRITE ? CAP_R_WRITE : 0);
	unsigned perms = MAP_R | MAP_UNCACHED | MAP_DEVICE |
			 (prot & PROT_WRITE ? MAP_W : 0);
	ts_status s = lookup(p, slot, CAP_FRAME, need, &c, "map_frame");

	if (s != TS_OK)
		return s;
	if ((va & (PAGE_SIZE - 1)) || (len & (PAGE_SIZE - 1)) || len == 0 ||
	    (prot & ~(uint64_t)(PROT_READ | PROT_WRITE | PROT_EXEC)) ||
	    !(prot & PROT_READ))
		s = TS_E_INVAL;
	else if (prot & PROT_EXEC)
		s = TS_E_WX; /* device memory is data */
	else if (len / PAGE_SIZE > FRAME_PAGES(c->object) || !user_range_ok(va, len))
		s = TS_E_RANGE;
	for (uint64_t off = 0; s == TS_OK && off < len; off += PAGE_SIZE)
		if (as_page_mapped(&p->as, va + off))
			s = TS_E_EXISTS;
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, va, len, "map_frame");
		return s;
	}
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		s = as_map_page(&p->as, va + off, FRAME_BASE(c->object) + off, perms);
		if (s != TS_OK) {
			for (uint64_t back = 0; back < off; back += PAGE_SIZE)
				as_unmap_page(&p->as, va + back);
			return s;
		}
	}
	if (kernel_selfcheck)
		ptscan_all("map_frame");
	return TS_OK;
}

static ts_status sys_ipc(struct thread *t, int op)
{
	struct proc *p = t->proc;
	const struct capnode *c;
	uint32_t need = op == SYS_RECV ? CAP_R_RECV : CAP_R_SEND;
	ts_status s;

	if (IPC_INFO_LEN(t->ctx.rsi) > IPC_PAYLOAD_MAX) {
		audit(AUDIT_DENIED, p->pid, p->name, TS_E_INVAL, t->ctx.rsi, 0,
		      "ipc payload too long");
		return TS_E_INVAL;
	}
	if (op == SYS_REPLY)
		return ipc_reply(t);
	if (op == SYS_REPLY_RECV) {
		s = ipc_reply(t);
		if (s != TS_OK && s != TS_E_NOENT)
			return s;
		need = CAP_R_RECV;
	}
	s = lookup(p, t->ctx.rdi, CAP_ENDPOINT, need, &c, "ipc");
	if (s != TS_OK)
		return s;
	t->wait_cap = cap_index(c);
	if (op == SYS_RECV || op == SYS_REPLY_RECV)
		return ipc_recv(t, c->object);
	return ipc_send(t, c->object, c->badge, op == SYS_CALL);
}

static ts_status sys_notify(struct thread *t, int op)
{
	struct proc *p = t->proc;
	const struct capnode *c;
	ts_status s = lookup(p, t->ctx.rdi, CAP_NOTIFICATION,
			     op == SYS_NOTIFY_WAIT ? CAP_R_RECV : CAP_R_SEND, &c,
			     "notify");

	if (s != TS_OK)
		return s;
	t->wait_cap = cap_index(c);
	if (op == SYS_NOTIFY_WAIT)
		return notify_wait(t, c->object);
	return notify_signal(c->object, t->ctx.rsi);
}

/*
 * Checks a whole spawn request before anything is created (A2): the spawn
 * capability covers the module, every grant names a capability the
 * spawner holds with GRANT, asks for no right it lacks, forges no badge,
 * and lands in a distinct slot of the child.
 */
static ts_status check_spawn(struct proc *p, const struct capnode *spawn,
			     uint64_t module, const struct cap_grant *g,
			     uint64_t count, uint64_t priority)
{
	uint64_t used = 0;

	if (module >= 64 || !(spawn->object & (1ull << module)) ||
	    !kernel_boot_module(module) || module_is_sealed(kernel_boot_module(module)))
		return TS_E_DENIED;
	if (priority > p->thread->priority)
		return TS_E_RIGHTS;
	for (uint64_t i = 0; i < count; i++) {
		const struct capnode *src;
		ts_status s = cap_lookup(p, g[i].from_slot, CAP_NONE, 0, &src);
		if (s != TS_OK)
			return s;
		s = cap_grant_allowed(src, g[i].rights, g[i].badge);
		if (s != TS_OK)
			return s;
		if (g[i].to_slot >= CAP_SLOTS || (used & (1ull << g[i].to_slot)))
			return TS_E_INVAL;
		used |= 1ull << g[i].to_slot;
	}
	return TS_OK;
}

static ts_status sys_spawn(struct thread *t)
{
	struct proc *p = t->proc, *child;
	struct trap_frame *c = &t->ctx;
	struct cap_grant grants[CAP_SLOTS];
	const struct capnode *spawn;
	const struct boot_module *m;
	uint8_t principal[PRINCIPAL_BYTES];
	uint64_t count = c->r10;
	ts_status s = lookup(p, c->rdi, CAP_SPAWN, CAP_R_SEND, &spawn, "spawn");

	if (s != TS_OK)
		return s;
	if (count > CAP_SLOTS)
		return TS_E_INVAL;
	s = copy_from_user(p, grants, c->rdx, count * sizeof(grants[0]));
	if (s == TS_OK)
		s = check_spawn(p, spawn, c->rsi, grants, count, c->r8);
	if (s == TS_OK)
		s = principal_check_spawn(p, spawn->rights, c->r9, principal);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, c->rsi, count, "spawn request");
		return s;
	}
	if (verify_module_refusal(c->rsi)) {
		audit(AUDIT_SIGNATURE, p->pid, p->name, TS_E_SIGNATURE, c->rsi, 0,
		      verify_module_refusal(c->rsi));
		return TS_E_SIGNATURE;
	}
	m = kernel_boot_module(c->rsi);
	s = proc_spawn_elf(m->name, phys_to_virt(m->phys_base), m->size,
			   (unsigned)c->r8, &child);
	if (s != TS_OK)
		return s; /* proc_spawn_elf audited why */
	child->parent_pid = p->pid;
	principal_bind(child, principal);
	for (uint64_t i = 0; i < count && s == TS_OK; i++)
		s = cap_derive(p, grants[i].from_slot, child, grants[i].to_slot,
			       grants[i].rights, grants[i].badge);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, c->rsi, count,
		      "spawn: capabilities could not be granted");
		proc_kill(child, "capabilities could not be granted");
		return s;
	}
	if (kernel_selfcheck)
		ptscan_all("spawn");
	return child->pid;
}

static ts_status sys_cap(struct thread *t, int op)
{
	struct proc *p = t->proc;
	uint64_t slot = t->ctx.rdi;
	struct cap_info info;
	ts_status s;

	if (slot >= CAP_SLOTS) {
		audit(AUDIT_DENIED, p->pid, p->name, TS_E_RANGE, slot, 0, "cap slot");
		return TS_E_RANGE;
	}
	if (op == SYS_CAP_INFO) {
		cap_info(p, (unsigned)slot, &info);
		s = copy_to_user(p, t->ctx.rsi, &info, sizeof(info));
		if (s != TS_OK)
			audit(AUDIT_DENIED, p->pid, p->name, s, t->ctx.rsi, 0,
			      "cap_info buffer");
		return s;
	}
	if (op == SYS_CAP_DELETE)
		return cap_delete(p, (unsigned)slot);
	s = cap_lookup(p, slot, CAP_NONE, 0, &(const struct capnode *){ 0 });
	if (s != TS_OK)
		return s;
	s = (ts_status)cap_revoke_derived(p, (unsigned)slot);
	audit(AUDIT_REVOKE, p->pid, p->name, TS_OK, slot, (uint64_t)s, "revoke");
	return s;
}

/* Notification binding and interrupts (I3). */
static ts_status sys_bind(struct thread *t, int op)
{
	struct proc *p = t->proc;
	struct trap_frame *c = &t->ctx;
	const struct capnode *src, *ntf;
	ts_status s;

	if (op == SYS_NOTIFY_BIND) {
		s = lookup(p, c->rdi, CAP_NOTIFICATION, CAP_R_RECV, &ntf, "notify bind");
		return s == TS_OK ? notify_bind(t, ntf->object) : s;
	}
	if (op == SYS_IRQ_ACK) {
		s = lookup(p, c->rdi, CAP_IRQ, CAP_R_RECV, &src, "irq ack");
		return s == TS_OK ? irq_ack((unsigned)src->object, cap_index(src)) : s;
	}
	s = lookup(p, c->rdi, op == SYS_IRQ_BIND ? CAP_IRQ : CAP_AUDIT_READ,
		   op == SYS_IRQ_BIND ? CAP_R_RECV : CAP_R_READ, &src, "bind");
	if (s == TS_OK)
		s = lookup(p, c->rsi, CAP_NOTIFICATION, CAP_R_SEND, &ntf, "bind");
	if (s != TS_OK)
		return s;
	if (op == SYS_IRQ_BIND)
		s = irq_bind((unsigned)src->object, cap_index(src), ntf->object, c->rdx);
	else
		s = audit_bind(cap_index(src), ntf->object, c->rdx);
	/* A line or the watcher table taken by another: a security event. */
	if (s == TS_E_BUSY)
		audit(AUDIT_DENIED, p->pid, p->name, s, c->rdi, op,
		      op == SYS_IRQ_BIND ? "irq bind: line taken" : "audit bind: watchers full");
	return s;
}

/* S4: the auditor reads the ring; reading is all the capability allows. */
static ts_status sys_audit_read(struct thread *t)
{
	struct proc *p = t->proc;
	struct trap_frame *c = &t->ctx;
	struct audit_record batch[8];
	const struct capnode *cap;
	uint64_t max = c->r10, next, n;
	ts_status s = lookup(p, c->rdi, CAP_AUDIT_READ, CAP_R_READ, &cap, "audit read");

	if (s != TS_OK)
		return s;
	if (max > sizeof(batch) / sizeof(batch[0]))
		max = sizeof(batch) / sizeof(batch[0]);
	n = audit_read(c->rsi, batch, max, &next);
	s = copy_to_user(p, c->rdx, batch, n * sizeof(batch[0]));
	return s == TS_OK ? (ts_status)n : s;
}

/*
 * The kernel's log ring (log.c), read with the audit capability: copies
 * up to len bytes from the offset in *offset_ptr and writes the offset
 * after them back (older bytes already overwritten are skipped: the
 * reader sees the jump).  Returns the number of bytes copied.
 */
static ts_status sys_klog_read(struct thread *t)
{
	struct proc *p = t->proc;
	struct trap_frame *c = &t->ctx;
	const struct capnode *cap;
	char chunk[512];
	uint64_t off, n;
	ts_status s = lookup(p, c->rdi, CAP_AUDIT_READ, CAP_R_READ, &cap, "klog read");

	if (s != TS_OK)
		return s;
	s = copy_from_user(p, &off, c->rsi, sizeof(off));
	if (s == TS_OK)
		s = as_check_user_range(&p->as, c->rdx, c->r10 < sizeof(chunk) ?
					c->r10 : sizeof(chunk), true);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, c->rsi, c->rdx, "klog read");
		return s;
	}
	n = klog_copy(&off, chunk, c->r10 < sizeof(chunk) ? c->r10 : sizeof(chunk));
	s = copy_to_user(p, c->rdx, chunk, n);
	if (s == TS_OK)
		s = copy_to_user(p, c->rsi, &off, sizeof(off));
	return s == TS_OK ? (ts_status)n : s;
}

/* Boot modules, seen through the spawn capability that covers them. */
static ts_status sys_module(struct thread *t, int op)
{
	struct proc *p = t->proc;
	struct trap_frame *c = &t->ctx;
	const struct capnode *spawn;
	const struct boot_module *m;
	struct module_info info;
	uint64_t off = c->rdx, len = c->r8;
	ts_status s = lookup(p, c->rdi, CAP_SPAWN, CAP_R_SEND, &spawn, "module");

	if (s != TS_OK)
		return s;
	m = kernel_boot_module(c->rsi);
	if (c->rsi >= 64 || !(spawn->object & (1ull << c->rsi)) || !m)
		return TS_E_NOENT;
	if (op == SYS_MODULE_READ && module_is_sealed(m)) {
		audit(AUDIT_DENIED, p->pid, p->name, TS_E_DENIED, c->rsi, 0,
		      "sealed module read");
		return TS_E_DENIED;
	}
	if (op == SYS_MODULE_INFO) {
		memset(&info, 0, sizeof(info));
		memcpy(info.name, m->name, sizeof(info.name) - 1);
		info.size = m->size;
		return copy_to_user(p, c->rdx, &info, sizeof(info));
	}
	if (verify_module_refusal(c->rsi)) {
		audit(AUDIT_SIGNATURE, p->pid, p->name, TS_E_SIGNATURE, c->rsi, 0,
		      verify_module_refusal(c->rsi));
		return TS_E_SIGNATURE;
	}
	if (off >= m->size)
		return 0;
	if (len > m->size - off)
		len = m->size - off;
	s = copy_to_user(p, c->r10, (const uint8_t *)phys_to_virt(m->phys_base) + off,
			 len);
	return s == TS_OK ? (ts_status)len : s;
}

void syscall_dispatch(struct thread *t)
{
	struct trap_frame *c = &t->ctx;
	uint64_t nr = c->rax;
	struct proc *p = t->proc;
	ts_status r;

	switch (c->rax) {
	case SYS_EXIT:
		proc_exit(p, (int64_t)c->rdi);
		return;
	case SYS_YIELD:
		sched_yield();
		r = TS_OK;
		break;
	case SYS_MAP:
		r = sys_map(p, c->rdi, c->rsi, c->rdx, c->r10);
		break;
	case SYS_UNMAP:
		r = sys_unmap(p, c->rdi, c->rsi);
		break;
	case SYS_MAP_FRAME:
		r = sys_map_frame(p, c->rdi, c->rsi, c->rdx, c->r10);
		break;
	case SYS_GETPID:
		r = p->pid;
		break;
	case SYS_TIME_NS:
		r = (ts_status)time_ns();
		break;
	case SYS_SEND:
	case SYS_RECV:
	case SYS_CALL:
	case SYS_REPLY_RECV:
	case SYS_REPLY:
		r = sys_ipc(t, (int)c->rax);
		break;
	case SYS_NOTIFY_SIGNAL:
	case SYS_NOTIFY_WAIT:
		r = sys_notify(t, (int)c->rax);
		break;
	case SYS_SPAWN:
		r = sys_spawn(t);
		break;
	case SYS_CAP_INFO:
	case SYS_CAP_REVOKE:
	case SYS_CAP_DELETE:
		r = sys_cap(t, (int)c->rax);
		break;
	case SYS_NOTIFY_BIND:
	case SYS_IRQ_BIND:
	case SYS_IRQ_ACK:
	case SYS_AUDIT_BIND:
		r = sys_bind(t, (int)c->rax);
		break;
	case SYS_AUDIT_READ:
		r = sys_audit_read(t);
		break;
	case SYS_KLOG_READ:
		r = sys_klog_read(t);
		break;
	case SYS_MODULE_INFO:
	case SYS_MODULE_READ:
		r = sys_module(t, (int)c->rax);
		break;
	case SYS_PRINCIPAL:
		r = sys_principal(p, c->rdi);
		break;
	case SYS_SEALED_TAKE:
		r = sys_sealed_take(p, c->rdi, c->rsi);
		break;
	case SYS_PROC_INFO:
	case SYS_PROC_KILL:
	case SYS_PROC_CAP:
	case SYS_PROC_REVOKE:
	case SYS_SYS_INFO:
	case SYS_CHILD_NOTIFY:
	case SYS_AUDIT_WRITE:
		r = sys_proc(t, (int)c->rax);
		break;
	default:
		r = TS_E_NOSYS;
		audit(AUDIT_DENIED, p->pid, p->name, r, c->rax, 0, "no such syscall");
		break;
	}
	/* A thread that blocked gets its status when it is woken. */
	if (t->state == THREAD_RUNNING)
		c->rax = (uint64_t)r;
	if (kernel_selfcheck && !cap_tree_ok())
		panic("capability tree invariant broken after syscall %lu",
		      (unsigned long)nr);
	kcheck_after_syscall();
}
