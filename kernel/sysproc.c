/*
 * sysproc.c - syscalls about processes, for the one who started them.
 *
 * Authority: the spawn capability plus ancestry.  A process may inspect,
 * stop or cut back only processes it started (directly or through its
 * children): the granter of everything they hold (A3).  With the spawn
 * capability it may also read system figures.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/audit.h"
#include "kernel/kmain.h"
#include "kernel/cap.h"
#include "kernel/endpoint.h"
#include "kernel/physmem.h"
#include "kernel/uaccess.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/syscall.h"

static ts_status spawn_cap(struct proc *p, uint64_t slot)
{
	const struct capnode *c;
	ts_status s = cap_lookup(p, slot, CAP_SPAWN, CAP_R_SEND, &c);

	if (s != TS_OK)
		audit(AUDIT_DENIED, p->pid, p->name, s, slot, CAP_SPAWN, "process control");
	return s;
}

/* The process pid, if the caller started it (directly or not). */
static ts_status descendant(struct proc *p, uint64_t pid, struct proc **out)
{
	struct proc *q = pid <= 0xffffffffu ? proc_by_pid((uint32_t)pid) : NULL;

	if (!q)
		return TS_E_NOENT;
	if (!proc_is_ancestor(p->pid, q)) {
		audit(AUDIT_DENIED, p->pid, p->name, TS_E_DENIED, pid, 0,
		      "not a descendant");
		return TS_E_DENIED;
	}
	*out = q;
	return TS_OK;
}

static unsigned caps_held(const struct proc *q)
{
	unsigned n = 0;
	const struct capnode *c;

	for (unsigned slot = 0; slot < CAP_SLOTS; slot++)
		n += cap_lookup(q, slot, CAP_NONE, 0, &c) == TS_OK;
	return n;
}

static ts_status proc_info(struct proc *p, uint64_t index, uint64_t buf)
{
	struct proc_info info;
	uint64_t seen = 0;

	for (unsigned i = 0; i < MAX_PROCS; i++) {
		struct proc *q = proc_by_slot(i);
		if (!q || seen++ != index)
			continue;
		memset(&info, 0, sizeof(info));
		info.pid = q->pid;
		info.parent_pid = q->parent_pid;
		info.state = q->thread->state;
		info.priority = q->thread->priority;
		info.pages_used = q->pages_used;
		info.caps_held = caps_held(q);
		memcpy(info.name, q->name, sizeof(info.name) - 1);
		memcpy(info.principal, q->principal, sizeof(info.principal));
		return copy_to_user(p, buf, &info, sizeof(info));
	}
	return TS_E_NOENT;
}

static ts_status sys_info(struct proc *p, uint64_t buf)
{
	struct sys_info info = {
		.frames_free = physmem_free_frames(),
		.frames_total = physmem_total_frames(),
		.cap_nodes_used = cap_nodes_in_use(),
		.audit_records = audit_count(),
		.uptime_ns = time_ns(),
	};

	const char *cmd = kernel_cmdline();
	memcpy(info.cmdline, cmd, strnlen(cmd, sizeof(info.cmdline) - 1));
	return copy_to_user(p, buf, &info, sizeof(info));
}

/* A report from user space (init refusing a manifest entry, ...): stamped
 * with the writer's pid and name like every other record. */
static ts_status audit_write(struct proc *p, uint64_t slot, uint64_t text,
			     uint64_t len)
{
	const struct capnode *c;
	char what[48];
	ts_status s = cap_lookup(p, slot, CAP_AUDIT_READ, CAP_R_WRITE, &c);

	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, slot, 0, "audit write");
		return s;
	}
	if (len >= sizeof(what))
		len = sizeof(what) - 1;
	s = copy_from_user(p, what, text, len);
	if (s != TS_OK)
		return s;
	what[len] = '\0';
	audit(AUDIT_REPORT, p->pid, p->name, TS_OK, 0, 0, what);
	return TS_OK;
}

static ts_status child_notify(struct proc *p, uint64_t slot, uint64_t bits)
{
	const struct capnode *c;
	ts_status s = cap_lookup(p, slot, CAP_NOTIFICATION, CAP_R_SEND, &c);

	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, slot, 0, "child notify");
		return s;
	}
	p->child_ntf = c->object;
	p->child_bits = bits;
	return TS_OK;
}

ts_status sys_proc(struct thread *t, int op)
{
	struct proc *p = t->proc, *q;
	struct trap_frame *c = &t->ctx;
	struct cap_info info;
	ts_status s;

	if (op == SYS_CHILD_NOTIFY)
		return child_notify(p, c->rdi, c->rsi);
	if (op == SYS_AUDIT_WRITE)
		return audit_write(p, c->rdi, c->rsi, c->rdx);
	s = spawn_cap(p, c->rdi);
	if (s != TS_OK)
		return s;
	if (op == SYS_PROC_INFO)
		return proc_info(p, c->rsi, c->rdx);
	if (op == SYS_SYS_INFO)
		return sys_info(p, c->rsi);
	s = descendant(p, c->rsi, &q);
	if (s != TS_OK)
		return s;
	switch (op) {
	case SYS_PROC_KILL:
		audit(AUDIT_KILL, q->pid, q->name, TS_OK, p->pid, 0, "killed by ancestor");
		proc_kill(q, "killed by an ancestor");
		return TS_OK;
	case SYS_PROC_CAP:
		if (c->rdx >= CAP_SLOTS)
			return TS_E_RANGE;
		cap_info(q, (unsigned)c->rdx, &info);
		return copy_to_user(p, c->r10, &info, sizeof(info));
	case SYS_PROC_REVOKE:
		if (c->rdx >= CAP_SLOTS)
			return TS_E_RANGE;
		s = cap_delete(q, (unsigned)c->rdx);
		audit(AUDIT_REVOKE, q->pid, q->name, s, c->rdx, p->pid,
		      "revoked by ancestor");
		return s;
	}
	return TS_E_NOSYS;
}
