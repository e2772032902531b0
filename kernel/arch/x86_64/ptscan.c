/*
 * ptscan.c - the page-table scanner (INV-MEM, K3 self-check).
 *
 * Walks the kernel template and both PML4s of every process and counts:
 *   - any leaf whose effective permission (all levels) is W and X;
 *   - any kernel-half leaf with the U bit, or user-half leaf without it;
 *   - a user PML4 with a kernel-half entry other than the trampoline slot,
 *     or a trampoline slot that maps anything outside .entry.*;
 *   - a process kernel PML4 whose kernel half differs from the template;
 *   - a user PML4 whose user half differs from its kernel PML4's.
 * Runs at boot and, in test runs, after every mapping change.  Checked by
 * the system tests ptscan_clean and ptscan_catches_planted_wx.
 *
 * It also counts the frames the tables account for (ptscan_result), for
 * the frame-accounting identity of kcheck.c: the trampoline tables once,
 * not once per process that shares them.
 */
#include "kernel/ptscan.h"
#include "kernel/proc.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/pte.h"

struct scan {
	struct ptscan_result r;
	const char *space;
	uint32_t pid;
	bool trampoline_only; /* leaves must be trampoline pages */
	uint64_t *tables;     /* table frames counted here, or NULL */
};

static void violation(struct scan *s, uint64_t va, const char *why)
{
	s->r.violations++;
	klog("PTSCAN violation space=%s pid=%u va=%lx: %s", s->space, s->pid,
	     (unsigned long)va, why);
}

static uint64_t sign_extend(uint64_t va)
{
	return va & (1ull << 47) ? va | 0xffff000000000000ull : va;
}

static void check_leaf(struct scan *s, uint64_t va, const uint64_t *chain,
		       int levels)
{
	unsigned eff = pte_effective(chain, levels);
	bool kernel_half = va >= 0xffff800000000000ull;

	s->r.leaves++;
	if (!kernel_half && (chain[levels - 1] & PTE_SW_OWNED))
		s->r.process_frames++;
	if (pte_effective_is_wx(eff))
		violation(s, va, "W+X page");
	if (kernel_half && (eff & MAP_USER))
		violation(s, va, "user bit on a kernel page");
	if (!kernel_half && !(eff & MAP_USER))
		violation(s, va, "supervisor page in the user half");
	if (s->trampoline_only && !paging_is_trampoline_va(va))
		violation(s, va, "kernel page in a user PML4");
}

static void walk_table(struct scan *s, uint64_t table_pa, int level,
		       uint64_t va_base, uint64_t *chain)
{
	const uint64_t *t = phys_to_virt(table_pa & PTE_ADDR_MASK);
	int shift = 12 + 9 * (level - 1);

	if (s->tables)
		(*s->tables)++;
	for (int i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		uint64_t va = sign_extend(va_base | ((uint64_t)i << shift));
		chain[4 - level] = t[i];
		if (level == 1 || (t[i] & PTE_PS))
			check_leaf(s, va, chain, 5 - level);
		else
			walk_table(s, t[i], level - 1, va, chain);
	}
}

static void walk_range(struct scan *s, uint64_t pml4, int from, int to)
{
	const uint64_t *t = phys_to_virt(pml4);
	uint64_t chain[4];

	for (int i = from; i < to; i++) {
		if (!(t[i] & PTE_P))
			continue;
		chain[0] = t[i];
		walk_table(s, t[i], 3, sign_extend((uint64_t)i << 39), chain);
	}
}

/* Upper-level entries compared as the kernel wrote them: the CPU sets the
 * accessed (and dirty) bits on its own. */
static bool same_entry(uint64_t a, uint64_t b)
{
	return ((a ^ b) & ~(PTE_A | PTE_D)) == 0;
}

static void scan_process(struct scan *s, struct proc *p)
{
	const uint64_t *k = phys_to_virt(p->as.kernel_pml4);
	const uint64_t *u = phys_to_virt(p->as.user_pml4);
	const uint64_t *tmpl = phys_to_virt(paging_template_pml4());

	s->pid = p->pid;
	s->space = "kernel-pml4";
	s->r.spaces++;
	s->r.process_frames += 2; /* the two PML4s */
	s->tables = &s->r.process_frames;
	for (int i = 256; i < 512; i++)
		if (!same_entry(k[i], tmpl[i]))
			violation(s, sign_extend((uint64_t)i << 39),
				  "kernel half differs from the template");
	walk_range(s, p->as.kernel_pml4, 0, 256);

	s->space = "user-pml4";
	s->r.spaces++;
	for (int i = 0; i < 256; i++)
		if (!same_entry(u[i], k[i]))
			violation(s, (uint64_t)i << 39, "user half differs");
	for (int i = 256; i < 511; i++)
		if (u[i] & PTE_P)
			violation(s, sign_extend((uint64_t)i << 39),
				  "kernel page in a user PML4");
	if (!same_entry(u[511], paging_trampoline_pml4e()))
		violation(s, sign_extend(511ull << 39), "trampoline slot replaced");
	s->trampoline_only = true;
	s->tables = NULL; /* shared: counted once, in scan_all */
	walk_range(s, p->as.user_pml4, 511, 512);
	s->trampoline_only = false;
}

static struct ptscan_result scan_all(const char *when, bool quiet)
{
	struct scan s = { .space = "kernel", .pid = 0 };
	uint64_t chain[4] = { paging_trampoline_pml4e() };

	s.r.spaces++;
	s.tables = &s.r.kernel_tables;
	s.r.kernel_tables++; /* the template PML4 */
	walk_range(&s, paging_template_pml4(), 0, 512);
	/* The trampoline PML4 (a frame of its own) and its tables. */
	s.r.kernel_tables++;
	s.space = "trampoline";
	s.trampoline_only = true;
	walk_table(&s, chain[0], 3, sign_extend(511ull << 39), chain);
	s.trampoline_only = false;
	for (unsigned slot = 0; slot < MAX_PROCS; slot++) {
		struct proc *p = proc_by_slot(slot);
		if (p)
			scan_process(&s, p);
	}
	if (!quiet || s.r.violations)
		klog("PTSCAN when=%s spaces=%lu leaves=%lu violations=%lu", when,
		     (unsigned long)s.r.spaces, (unsigned long)s.r.leaves,
		     (unsigned long)s.r.violations);
	if (s.r.violations)
		panic("page-table invariant violated (%lu violations)",
		      (unsigned long)s.r.violations);
	return s.r;
}

struct ptscan_result ptscan_all(const char *when)
{
	return scan_all(when, false);
}

struct ptscan_result ptscan_quiet(const char *when)
{
	return scan_all(when, true);
}
