/*
 * proc.c - creating processes from boot-module ELF images and ending them.
 *
 * A process's pages are private copies: the module's bytes are copied into
 * fresh frames, segment by segment, with the segment's permission (never
 * W+X: elf_parse refuses it and pte_leaf would too).
 */
#include <string.h>
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/audit.h"
#include "kernel/frame.h"
#include "kernel/physmem.h"
#include "kernel/pool.h"
#include "kernel/endpoint.h"
#include "kernel/kcheck.h"
#include "kernel/kmain.h"
#include "kernel/log.h"
#include "lib/elf/elf.h"
#include "lib/fmt.h"
#include "include/abi/syscall.h"
#include "kernel/arch/x86_64/x86.h"

POOL_DEFINE(proc_pool, struct proc, MAX_PROCS);
POOL_DEFINE(thread_pool, struct thread, MAX_THREADS);

static struct proc *procs_by_slot[MAX_PROCS];
static uint32_t next_pid = 1;

void proc_init(void)
{
	pool_init(&proc_pool);
	pool_init(&thread_pool);
}

unsigned proc_count(void)
{
	return proc_pool.in_use;
}

struct proc *proc_by_slot(unsigned slot)
{
	return slot < MAX_PROCS ? procs_by_slot[slot] : NULL;
}

struct proc *proc_by_pid(uint32_t pid)
{
	for (unsigned i = 0; i < MAX_PROCS; i++)
		if (procs_by_slot[i] && procs_by_slot[i]->pid == pid)
			return procs_by_slot[i];
	return NULL;
}

/*
 * True if the process with pid ancestor started p, or started one of p's
 * ancestors: the granter of everything p holds.  Pids are never reused, so
 * a dead link ends the walk safely.
 */
bool proc_is_ancestor(uint32_t ancestor, const struct proc *p)
{
	for (unsigned depth = 0; p && depth < MAX_PROCS; depth++) {
		if (p->parent_pid == ancestor)
			return true;
		p = proc_by_pid(p->parent_pid);
	}
	return false;
}

/* The live thread in thread-pool slot i, or NULL. */
struct thread *proc_thread_by_index(unsigned i)
{
	if (i >= MAX_THREADS || thread_pool.link[i] != POOL_ALLOCATED)
		return NULL;
	return (struct thread *)(thread_pool.storage +
				 (uint64_t)i * thread_pool.objsize);
}

/* Pool accounting: every live process has exactly one live thread. */
bool proc_accounting_ok(void)
{
	unsigned live = 0;

	for (unsigned i = 0; i < MAX_PROCS; i++)
		if (procs_by_slot[i])
			live++;
	return pool_check(&proc_pool) && pool_check(&thread_pool) &&
	       live == proc_pool.in_use && thread_pool.in_use == proc_pool.in_use;
}

static unsigned elf_prot_to_map(uint32_t prot)
{
	return MAP_R | (prot & PROT_WRITE ? MAP_W : 0) |
	       (prot & PROT_EXEC ? MAP_X : 0);
}

/* Maps one segment: fresh zeroed frames, file bytes copied in. */
static ts_status load_segment(struct proc *p, const uint8_t *image,
			      const struct elf_segment *seg)
{
	uint64_t start = seg->vaddr & ~0xfffull, end = seg->vaddr + seg->memsz;

	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		uint64_t pa = phys_alloc_zeroed();
		if (pa == FRAME_NONE)
			return TS_E_NOMEM;
		/* The part of the file that falls in this page. */
		uint64_t lo = va > seg->vaddr ? va : seg->vaddr;
		uint64_t hi = va + PAGE_SIZE;
		uint64_t file_end = seg->vaddr + seg->filesz;
		if (hi > file_end)
			hi = file_end;
		if (lo < hi)
			memcpy((uint8_t *)phys_to_virt(pa) + (lo - va),
			       image + seg->file_offset + (lo - seg->vaddr), hi - lo);
		ts_status s = as_map_page(&p->as, va, pa, elf_prot_to_map(seg->prot));
		if (s != TS_OK) {
			phys_free(pa);
			return s;
		}
	}
	return TS_OK;
}

/* Maps fresh zeroed RW pages; returns their frames in pa_out if given. */
static ts_status map_fresh(struct proc *p, uint64_t va, unsigned pages,
			   uint64_t *pa_out)
{
	for (unsigned i = 0; i < pages; i++) {
		uint64_t pa = phys_alloc_zeroed();
		if (pa == FRAME_NONE)
			return TS_E_NOMEM;
		ts_status s = as_map_page(&p->as, va + i * PAGE_SIZE, pa,
					  MAP_R | MAP_W);
		if (s != TS_OK) {
			phys_free(pa);
			return s;
		}
		if (pa_out)
			pa_out[i] = pa;
	}
	return TS_OK;
}

/* The stack (below USER_STACK_TOP, guard page under it) and the IPC
 * buffer, whose frames the kernel keeps for delivering messages. */
static ts_status map_stack_and_ipc_buffer(struct proc *p)
{
	ts_status s = map_fresh(p, USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE,
				USER_STACK_PAGES, NULL);

	if (s != TS_OK)
		return s;
	return map_fresh(p, IPC_BUFFER_VA, IPC_BUFFER_PAGES, p->ipcbuf_pa);
}

static void init_context(struct thread *t, uint64_t entry)
{
	memset(&t->ctx, 0, sizeof(t->ctx));
	t->ctx.rip = entry;
	t->ctx.rsp = USER_STACK_TOP - 8; /* as if called: rsp + 8 is 16-aligned */
	t->ctx.cs = SEL_UCODE;
	t->ctx.ss = SEL_UDATA;
	t->ctx.rflags = RFLAGS_IF | RFLAGS_RESERVED1;
}

/* Unwinds a half-built process (xv6 style: reverse order of set-up). */
static void spawn_unwind(struct proc *p, struct thread *t, bool as_made)
{
	if (as_made)
		as_destroy(&p->as);
	if (t)
		pool_free(&thread_pool, t);
	pool_free(&proc_pool, p);
}

/*
 * Creates a process from an ELF image and makes its thread ready.  Every
 * refusal is audited; on any error nothing of the process remains.
 */
ts_status proc_spawn_elf(const char *name, const uint8_t *image, uint64_t size,
			 unsigned priority, struct proc **out)
{
	struct elf_image elf;
	const char *why = "";
	struct proc *p;
	struct thread *t;
	ts_status s;

	s = elf_parse(image, size, USER_SPACE_BASE, USER_STACK_TOP -
		      (USER_STACK_PAGES + 1) * PAGE_SIZE, &elf, &why);
	if (s != TS_OK) {
		audit(AUDIT_ELF_REJECT, 0, name, s, size, 0, why);
		return s;
	}
	p = pool_alloc(&proc_pool);
	if (!p) {
		audit(AUDIT_DENIED, 0, name, TS_E_NOMEM, 0, 0, "process pool empty");
		return TS_E_NOMEM;
	}
	t = pool_alloc(&thread_pool);
	if (!t) {
		spawn_unwind(p, NULL, false);
		audit(AUDIT_DENIED, 0, name, TS_E_NOMEM, 0, 0, "thread pool empty");
		return TS_E_NOMEM;
	}
	p->slot = (unsigned)pool_index(&proc_pool, p);
	s = as_create(&p->as, p->slot);
	if (s != TS_OK) {
		spawn_unwind(p, t, false);
		audit(AUDIT_DENIED, 0, name, s, 0, 0, "no frames for tables");
		return s;
	}
	for (uint32_t i = 0; i < elf.segment_count && s == TS_OK; i++)
		s = load_segment(p, image, &elf.seg[i]);
	if (s == TS_OK)
		s = map_stack_and_ipc_buffer(p);
	if (s != TS_OK) {
		spawn_unwind(p, t, true);
		audit(AUDIT_DENIED, 0, name, s, 0, 0, "cannot map image");
		return s;
	}
	p->pid = next_pid++;
	size_t n = strnlen(name, PROC_NAME_MAX - 1);
	memcpy(p->name, name, n);
	p->name[n] = '\0';
	p->pages_quota = PROC_DEFAULT_PAGE_QUOTA;
	p->thread = t;
	cap_table_clear(p->caps);
	t->wait_cap = CAPNODE_NIL;
	t->proc = p;
	t->priority = priority < SCHED_PRIORITIES ? priority : SCHED_PRIORITIES - 1;
	init_context(t, elf.entry);
	fpu_init_state(&t->fpu);
	procs_by_slot[p->slot] = p;
	audit(AUDIT_SPAWN, p->pid, p->name, TS_OK, elf.entry, size, "boot module");
	sched_make_ready(t);
	if (out)
		*out = p;
	return TS_OK;
}

/* Tells p's parent, if it asked, that one of its children ended. */
static void tell_parent(const struct proc *p)
{
	struct proc *parent = proc_by_pid(p->parent_pid);

	if (parent && parent->child_bits)
		notify_signal(parent->child_ntf, parent->child_bits);
}

/* Frees everything the process holds.  Leaves the CPU on the template
 * tables, since the process's own may be the ones loaded. */
static void proc_destroy(struct proc *p)
{
	struct thread *t = p->thread;

	sched_remove(t);
	ipc_thread_gone(t);
	t->state = THREAD_DEAD;
	cap_release_all(p);
	if (current == t)
		current = NULL;
	arch_thread_gone(t);
	as_switch_to_template();
	as_destroy(&p->as);
	procs_by_slot[p->slot] = NULL;
	tell_parent(p);
	if (pool_free(&thread_pool, t) != TS_OK || pool_free(&proc_pool, p) != TS_OK)
		panic("proc: pool accounting broken for pid %u", p->pid);
	if (kernel_selfcheck)
		kcheck_all("exit");
}

void proc_kill(struct proc *p, const char *why)
{
	klog("kernel: killed %s (pid %u): %s", p->name, p->pid, why);
	proc_destroy(p);
}

void proc_exit(struct proc *p, int64_t code)
{
	audit(AUDIT_EXIT, p->pid, p->name, TS_OK, (uint64_t)code, 0, "exit");
	proc_destroy(p);
}
