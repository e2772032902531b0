/*
 * syscall.c - decode, check, act (seL4 style): each handler checks every
 * argument before it changes anything, and returns one ts_status.
 *
 * A4 note: until the authority issue lands, SYS_MAP draws on a per-process
 * page quota fixed at spawn rather than on a memory capability, and
 * SYS_DEBUG_WRITE is the temporary log path.  Both are listed as such in
 * docs/SYSCALLS.md and docs/STATUS.md.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/audit.h"
#include "kernel/frame.h"
#include "kernel/kmain.h"
#include "kernel/log.h"
#include "kernel/physmem.h"
#include "kernel/ptscan.h"
#include "kernel/sched.h"
#include "kernel/uaccess.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/syscall.h"
#include "lib/fmt.h"

#define DEBUG_WRITE_MAX 4096

/* Printable ASCII only: a program cannot move the cursor, clear the
 * screen or start a line that looks like the kernel's. */
static void line_put(struct proc *p, char c)
{
	if (c == '\n') {
		proc_flush_line(p);
		return;
	}
	if (c < 0x20 || c > 0x7e)
		c = '?';
	p->line[p->line_len++] = c;
	if (p->line_len == PROC_LINE_MAX)
		proc_flush_line(p);
}

static ts_status sys_debug_write(struct proc *p, uint64_t buf, uint64_t len)
{
	char chunk[256];
	ts_status s;

	if (len > DEBUG_WRITE_MAX)
		return TS_E_INVAL;
	/* Check the whole range first, so a bad tail writes nothing. */
	s = as_check_user_range(&p->as, buf, len, false);
	if (s != TS_OK) {
		audit(AUDIT_DENIED, p->pid, p->name, s, buf, len, "debug_write buffer");
		return s;
	}
	for (uint64_t off = 0; off < len; off += sizeof(chunk)) {
		uint64_t n = len - off < sizeof(chunk) ? len - off : sizeof(chunk);
		s = copy_from_user(p, chunk, buf + off, n);
		if (s != TS_OK)
			return s;
		for (uint64_t i = 0; i < n; i++)
			line_put(p, chunk[i]);
	}
	return (ts_status)len;
}

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

static ts_status sys_map(struct proc *p, uint64_t va, uint64_t len, uint64_t prot)
{
	unsigned perms = MAP_R | (prot & PROT_WRITE ? MAP_W : 0) |
			 (prot & PROT_EXEC ? MAP_X : 0);
	ts_status s = check_map_args(p, va, len, prot);

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
	if (kernel_cmdline_has("test"))
		ptscan_all("map");
	return TS_OK;
}

static ts_status sys_unmap(struct proc *p, uint64_t va, uint64_t len)
{
	if ((va & (PAGE_SIZE - 1)) || (len & (PAGE_SIZE - 1)) || len == 0)
		return TS_E_INVAL;
	if (!user_range_ok(va, len))
		return TS_E_RANGE;
	for (uint64_t off = 0; off < len; off += PAGE_SIZE)
		if (!as_page_mapped(&p->as, va + off))
			return TS_E_NOENT;
	for (uint64_t off = 0; off < len; off += PAGE_SIZE)
		as_unmap_page(&p->as, va + off);
	p->pages_used -= p->pages_used < len / PAGE_SIZE ?
				 p->pages_used : (uint32_t)(len / PAGE_SIZE);
	return TS_OK;
}

void syscall_dispatch(struct thread *t)
{
	struct trap_frame *c = &t->ctx;
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
	case SYS_DEBUG_WRITE:
		r = sys_debug_write(p, c->rdi, c->rsi);
		break;
	case SYS_MAP:
		r = sys_map(p, c->rdi, c->rsi, c->rdx);
		break;
	case SYS_UNMAP:
		r = sys_unmap(p, c->rdi, c->rsi);
		break;
	case SYS_GETPID:
		r = p->pid;
		break;
	case SYS_TIME_NS:
		r = (ts_status)time_ns();
		break;
	default:
		r = TS_E_NOSYS;
		audit(AUDIT_DENIED, p->pid, p->name, r, c->rax, 0, "no such syscall");
		break;
	}
	c->rax = (uint64_t)r;
}
