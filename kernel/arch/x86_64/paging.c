/*
 * paging.c - building and changing page tables.
 *
 * INV-MEM / K3, kept here and checked by ptscan.c after every change in
 * test runs (system tests ptscan_clean, ptscan_catches_planted_wx):
 *   - every leaf comes from pte_leaf(), which refuses W+X;
 *   - the kernel half (PML4 256..511) is identical in every kernel PML4 and
 *     absent from every user PML4 except slot 511, which points at the
 *     trampoline tables (entry.S text, GDT/IDT/TSS, entry stacks);
 *   - no kernel page has the U bit; nothing is global (G) so a KPTI switch
 *     really leaves the kernel's translations behind.
 */
#include <string.h>
#include "kernel/arch/x86_64/paging.h"
#include "kernel/arch/x86_64/x86.h"
#include "kernel/arch/x86_64/trap.h"
#include "kernel/frame.h"
#include "kernel/physmem.h"
#include "kernel/log.h"
#include "kernel/config.h"
#include "kernel/uaccess.h"
#include "include/abi/syscall.h"

#define USER_HALF_ENTRIES 256
#define PML4_INDEX(va) (((va) >> 39) & 511)

extern char _text_start[], _text_end[], _entry_text_start[], _entry_text_end[];
extern char _rodata_start[], _rodata_end[], _entry_rodata_start[],
	_entry_rodata_end[];
extern char _data_start[], _data_end[], _entry_data_start[], _entry_data_end[];
extern char _bss_start[], _bss_end[], _entry_bss_start[], _entry_bss_end[];
extern char kernel_stack_guard[];

static bool dmap_ready;
static uint64_t template_pml4;     /* kernel half only */
static uint64_t trampoline_pml4;   /* scratch PML4 whose slot 511 is shared */
static uint64_t mmio_next = MMIO_BASE;

void *phys_to_virt(uint64_t pa)
{
	/* Before the switch the boot tables identity-map the first GiB. */
	return (void *)(uintptr_t)(dmap_ready ? pa + DMAP_BASE : pa);
}

uint64_t kernel_virt_to_phys(const void *va)
{
	uint64_t v = (uint64_t)(uintptr_t)va;

	if (v >= KERNEL_VMA)
		return v - KERNEL_VMA;
	return v - DMAP_BASE;
}

static uint64_t *table_at(uint64_t pa)
{
	return phys_to_virt(pa & PTE_ADDR_MASK);
}

/*
 * Returns a pointer to the leaf entry for va in the tables rooted at pml4,
 * creating missing intermediate tables if create is set; NULL when a table
 * is missing (and not created), when a frame cannot be had, or when a large
 * page is in the way.
 */
static uint64_t *walk(uint64_t pml4, uint64_t va, bool create)
{
	uint64_t *table = table_at(pml4);
	bool user = va < 0x0000800000000000ull;

	for (int shift = 39; shift > 12; shift -= 9) {
		uint64_t *e = &table[(va >> shift) & 511];
		if (!(*e & PTE_P)) {
			if (!create)
				return NULL;
			uint64_t pa = phys_alloc_zeroed();
			if (pa == FRAME_NONE)
				return NULL;
			*e = pte_table(pa, user);
		} else if (*e & PTE_PS) {
			return NULL;
		}
		table = table_at(*e);
	}
	return &table[(va >> 12) & 511];
}

static ts_status map_in(uint64_t pml4, uint64_t va, uint64_t pa, unsigned perms)
{
	uint64_t entry, *e;
	ts_status s = pte_leaf(pa, perms, &entry);

	if (s != TS_OK)
		return s;
	e = walk(pml4, va, true);
	if (!e)
		return TS_E_NOMEM;
	if (*e & PTE_P)
		return TS_E_EXISTS;
	*e = entry;
	return TS_OK;
}

static void map_kernel_range(uint64_t pml4, const char *start, const char *end,
			     unsigned perms)
{
	for (uint64_t va = (uint64_t)start; va < (uint64_t)end; va += PAGE_SIZE) {
		if (va == (uint64_t)kernel_stack_guard)
			continue; /* the guard stays unmapped */
		if (map_in(pml4, va, va - KERNEL_VMA, perms) != TS_OK)
			panic("paging: cannot map kernel page %lx", (unsigned long)va);
	}
}

/* The direct map: all RAM below physmem_top(), RW, NX, 2 MiB pages. */
static void map_direct(uint64_t pml4)
{
	uint64_t top = (physmem_top() + (2ull << 20) - 1) & ~((2ull << 20) - 1);

	for (uint64_t pa = 0; pa < top; pa += 2ull << 20) {
		uint64_t va = DMAP_BASE + pa, *table = table_at(pml4);
		for (int shift = 39; shift > 21; shift -= 9) {
			uint64_t *e = &table[(va >> shift) & 511];
			if (!(*e & PTE_P)) {
				uint64_t t = phys_alloc_zeroed();
				if (t == FRAME_NONE)
					panic("paging: no frame for the direct map");
				*e = pte_table(t, false);
			}
			table = table_at(*e);
		}
		table[(va >> 21) & 511] = pa | PTE_P | PTE_W | PTE_PS | PTE_NX;
	}
}

static uint64_t alloc_table_or_panic(void)
{
	uint64_t pa = phys_alloc_zeroed();

	if (pa == FRAME_NONE)
		panic("paging: out of frames at boot");
	return pa;
}

static void map_trampoline(uint64_t pml4)
{
	map_kernel_range(pml4, _entry_text_start, _entry_text_end, MAP_R | MAP_X);
	map_kernel_range(pml4, _entry_rodata_start, _entry_rodata_end, MAP_R);
	map_kernel_range(pml4, _entry_data_start, _entry_data_end, MAP_R | MAP_W);
	map_kernel_range(pml4, _entry_bss_start, _entry_bss_end, MAP_R | MAP_W);
}

void paging_init(void)
{
	uint64_t *t;

	template_pml4 = alloc_table_or_panic();
	/* Pre-create both kernel-half PDPTs so every later kernel mapping
	 * lands below a PML4 entry all processes already share. */
	t = table_at(template_pml4);
	t[256] = pte_table(alloc_table_or_panic(), false);
	t[511] = pte_table(alloc_table_or_panic(), false);

	map_kernel_range(template_pml4, _text_start, _text_end, MAP_R | MAP_X);
	map_kernel_range(template_pml4, _rodata_start, _rodata_end, MAP_R);
	map_kernel_range(template_pml4, _data_start, _data_end, MAP_R | MAP_W);
	map_kernel_range(template_pml4, _bss_start, _bss_end, MAP_R | MAP_W);
	map_trampoline(template_pml4);
	map_direct(template_pml4);

	trampoline_pml4 = alloc_table_or_panic();
	map_trampoline(trampoline_pml4);

	kernel_template_cr3 = template_pml4;
	write_cr3(template_pml4);
	dmap_ready = true;

}

/*
 * Test-only (build flag TEST_HOOKS, cmdline plant_wx): writes one W+X leaf
 * directly, bypassing pte_leaf(), so the scanner's negative test has
 * something real to find.  Refuses in every normal build.
 */
ts_status paging_plant_wx_for_test(void)
{
	uint64_t pa = phys_alloc_zeroed(), *e;

	if (!TEST_HOOKS_ENABLED)
		return TS_E_NOTSUP;
	if (pa == FRAME_NONE)
		return TS_E_NOMEM;
	e = walk(template_pml4, MMIO_BASE - PAGE_SIZE, true);
	if (!e)
		return TS_E_NOMEM;
	*e = pa | PTE_P | PTE_W;
	klog("paging: TEST BUILD planted a W+X page at %lx",
	     (unsigned long)(MMIO_BASE - PAGE_SIZE));
	return TS_OK;
}

void *mmio_map(uint64_t phys, uint64_t len)
{
	uint64_t base = mmio_next, off = phys & (PAGE_SIZE - 1);

	for (uint64_t p = phys - off; p < phys + len; p += PAGE_SIZE) {
		if (map_in(template_pml4, mmio_next, p,
			   MAP_R | MAP_W | MAP_UNCACHED) != TS_OK)
			panic("paging: cannot map MMIO %lx", (unsigned long)p);
		mmio_next += PAGE_SIZE;
	}
	return (void *)(uintptr_t)(base + off);
}

ts_status as_create(struct addrspace *as, unsigned slot)
{
	uint64_t kp = phys_alloc_zeroed(), up;
	uint64_t *k, *u;

	if (kp == FRAME_NONE)
		return TS_E_NOMEM;
	up = phys_alloc_zeroed();
	if (up == FRAME_NONE) {
		phys_free(kp);
		return TS_E_NOMEM;
	}
	k = table_at(kp);
	u = table_at(up);
	memcpy(&k[USER_HALF_ENTRIES], &table_at(template_pml4)[USER_HALF_ENTRIES],
	       USER_HALF_ENTRIES * sizeof(uint64_t));
	u[511] = table_at(trampoline_pml4)[511];
	as->kernel_pml4 = kp;
	as->user_pml4 = up;
	as->pcid = (uint16_t)(1 + 2 * slot);
	/* A PCID may have served an earlier process: flush on first use. */
	as->flush_kernel = as->flush_user = true;
	return TS_OK;
}

static void free_user_tables(uint64_t table_pa, int level)
{
	uint64_t *t = table_at(table_pa);

	for (int i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 1)
			free_user_tables(t[i] & PTE_ADDR_MASK, level - 1);
		else if (t[i] & PTE_SW_OWNED)
			phys_free(t[i] & PTE_ADDR_MASK);
	}
	phys_free(table_pa);
}

/* The caller must not be running on as's tables (see as_switch_to_template). */
void as_destroy(struct addrspace *as)
{
	uint64_t *k = table_at(as->kernel_pml4);

	for (int i = 0; i < USER_HALF_ENTRIES; i++)
		if (k[i] & PTE_P)
			free_user_tables(k[i] & PTE_ADDR_MASK, 3);
	phys_free(as->kernel_pml4);
	phys_free(as->user_pml4);
	as->kernel_pml4 = as->user_pml4 = 0;
}

/*
 * Maps one user page.  MAP_DEVICE marks a page the process does not own
 * (an MMIO window from a CAP_FRAME capability): unmapping or destroying
 * the address space leaves its frame alone, so device memory never
 * reaches the frame allocator.
 */
ts_status as_map_page(struct addrspace *as, uint64_t va, uint64_t pa,
		      unsigned perms)
{
	uint64_t *k = table_at(as->kernel_pml4), *u = table_at(as->user_pml4);
	unsigned idx = PML4_INDEX(va);
	ts_status s;

	if (va < USER_SPACE_BASE || va >= USER_SPACE_END || (va & 0xfff))
		return TS_E_RANGE;
	s = map_in(as->kernel_pml4, va, pa, (perms & ~(unsigned)MAP_DEVICE) | MAP_USER);
	if (s != TS_OK)
		return s;
	/* A new top-level user table must appear in the user PML4 too. */
	u[idx] = k[idx];
	if (!(perms & MAP_DEVICE))
		*walk(as->kernel_pml4, va, false) |= PTE_SW_OWNED;
	return TS_OK;
}

static bool table_empty(const uint64_t *t)
{
	for (int i = 0; i < 512; i++)
		if (t[i])
			return false;
	return true;
}

/*
 * After va's leaf is cleared: frees the page table, directory and PDPT
 * above it that became empty, bottom up, so mapping and unmapping in ever
 * new regions cannot pile up table frames no quota counts (found by the
 * syscall fuzzer).  A freed PDPT is also dropped from the user PML4,
 * which shares it (KPTI).  The caller flushes the TLB.
 */
static void free_empty_tables(struct addrspace *as, uint64_t va)
{
	uint64_t *entry[4]; /* PML4E, PDPTE, PDE, PTE on the path to va */
	uint64_t *table = table_at(as->kernel_pml4);

	for (int level = 0, shift = 39; level < 4; level++, shift -= 9) {
		entry[level] = &table[(va >> shift) & 511];
		if (level < 3) {
			if (!(*entry[level] & PTE_P) || (*entry[level] & PTE_PS))
				return;
			table = table_at(*entry[level]);
		}
	}
	for (int level = 2; level >= 0; level--) {
		uint64_t *child = table_at(*entry[level]);
		if (!table_empty(child))
			return;
		phys_free(*entry[level] & PTE_ADDR_MASK);
		*entry[level] = 0;
		if (level == 0)
			table_at(as->user_pml4)[PML4_INDEX(va)] = 0;
	}
}

ts_status as_unmap_page(struct addrspace *as, uint64_t va)
{
	uint64_t *e;

	if (va < USER_SPACE_BASE || va >= USER_SPACE_END || (va & 0xfff))
		return TS_E_RANGE;
	e = walk(as->kernel_pml4, va, false);
	if (!e || !(*e & PTE_P))
		return TS_E_NOENT;
	if (*e & PTE_SW_OWNED)
		phys_free(*e & PTE_ADDR_MASK);
	*e = 0;
	free_empty_tables(as, va);
	invlpg(va); /* current PCID, if as is loaded */
	as->flush_user = true;
	as->flush_kernel = true;
	return TS_OK;
}

bool as_page_mapped(const struct addrspace *as, uint64_t va)
{
	uint64_t *e = walk(as->kernel_pml4, va, false);

	return e && (*e & PTE_P);
}

/* Mapped and backed by a frame the process owns (not a device window). */
bool as_page_owned(const struct addrspace *as, uint64_t va)
{
	uint64_t *e = walk(as->kernel_pml4, va, false);

	return e && (*e & PTE_P) && (*e & PTE_SW_OWNED);
}

/*
 * K6: a user range is acceptable only if it lies wholly in user space
 * without wrapping and every page is present, user-accessible and (for
 * writes) writable.  One CPU and no preemption in ring 0 mean the tables
 * cannot change between this check and the copy that follows it.
 */
ts_status as_check_user_range(const struct addrspace *as, uint64_t va,
			      uint64_t len, bool write)
{
	uint64_t end;

	if (len == 0)
		return TS_OK;
	if (!user_range_ok(va, len))
		return TS_E_FAULT;
	end = va + len;
	for (uint64_t p = va & ~0xfffull; p < end; p += PAGE_SIZE) {
		uint64_t *e = walk(as->kernel_pml4, p, false);
		if (!e || !(*e & PTE_P) || !(*e & PTE_U))
			return TS_E_FAULT;
		if (write && !(*e & PTE_W))
			return TS_E_FAULT;
	}
	return TS_OK;
}

/* Physical address backing user va (any offset), or 0 if the page is not
 * present, not user, or (write) not writable. */
uint64_t as_user_phys(const struct addrspace *as, uint64_t va, bool write)
{
	uint64_t *e = walk(as->kernel_pml4, va & ~0xfffull, false);

	if (!e || !(*e & PTE_P) || !(*e & PTE_U) || (write && !(*e & PTE_W)))
		return 0;
	return (*e & PTE_ADDR_MASK) | (va & 0xfff);
}

static uint64_t make_cr3(uint64_t pml4, uint16_t pcid, bool *flush)
{
	uint64_t v = pml4;

	if (!cpu_has_pcid())
		return v;
	v |= pcid;
	if (!*flush)
		v |= CR3_NOFLUSH;
	*flush = false;
	return v;
}

uint64_t as_kernel_cr3(struct addrspace *as)
{
	return make_cr3(as->kernel_pml4, as->pcid, &as->flush_kernel);
}

uint64_t as_user_cr3(struct addrspace *as)
{
	return make_cr3(as->user_pml4, (uint16_t)(as->pcid + 1), &as->flush_user);
}

void as_switch_to_template(void)
{
	write_cr3(template_pml4);
}

uint64_t paging_template_pml4(void)
{
	return template_pml4;
}

uint64_t paging_trampoline_pml4e(void)
{
	return table_at(trampoline_pml4)[511];
}

bool paging_is_trampoline_va(uint64_t va)
{
	return (va >= (uint64_t)_entry_text_start && va < (uint64_t)_entry_text_end) ||
	       (va >= (uint64_t)_entry_rodata_start &&
		va < (uint64_t)_entry_rodata_end) ||
	       (va >= (uint64_t)_entry_data_start && va < (uint64_t)_entry_data_end) ||
	       (va >= (uint64_t)_entry_bss_start && va < (uint64_t)_entry_bss_end);
}
