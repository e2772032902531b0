/*
 * paging.h - address spaces: the kernel's tables and one pair of PML4s per
 * process (KPTI).
 *
 * Each process has a kernel PML4 (its user half + the shared kernel half,
 * used while the kernel works for it, so stac/clac copies reach its pages)
 * and a user PML4 (the same user half + only the entry trampoline).  Both
 * point at the same lower-level user tables, so a mapping made once is seen
 * through both.
 */
#ifndef TESSERA_X86_PAGING_H
#define TESSERA_X86_PAGING_H

#include <stdbool.h>
#include <stdint.h>
#include "include/abi/bootinfo.h"
#include "include/abi/status.h"
#include "kernel/arch/x86_64/layout.h"
#include "kernel/arch/x86_64/pte.h"

/* Software bit in a leaf: the frame belongs to the address space and is
 * freed with it (device pages, later, will not carry it). */
#define PTE_SW_OWNED (1ull << 9)

struct addrspace {
	uint64_t kernel_pml4; /* physical */
	uint64_t user_pml4;   /* physical */
	uint16_t pcid;        /* kernel tables use pcid, user tables pcid + 1 */
	bool flush_kernel;    /* next load of that PCID must flush the TLB */
	bool flush_user;
};

void paging_init(void);
void *phys_to_virt(uint64_t pa);
uint64_t kernel_virt_to_phys(const void *va);
void *mmio_map(uint64_t phys, uint64_t len);

ts_status as_create(struct addrspace *as, unsigned slot);
void as_destroy(struct addrspace *as);
ts_status as_map_page(struct addrspace *as, uint64_t va, uint64_t pa,
		      unsigned perms);
ts_status as_unmap_page(struct addrspace *as, uint64_t va);
bool as_page_mapped(const struct addrspace *as, uint64_t va);
bool as_page_owned(const struct addrspace *as, uint64_t va);
ts_status as_check_user_range(const struct addrspace *as, uint64_t va,
			      uint64_t len, bool write);
uint64_t as_user_phys(const struct addrspace *as, uint64_t va, bool write);
uint64_t as_kernel_cr3(struct addrspace *as);
uint64_t as_user_cr3(struct addrspace *as);
void as_switch_to_template(void);

/* The page-table scanner (ptscan.c) walks what paging.c builds. */
uint64_t paging_template_pml4(void);
uint64_t paging_trampoline_pml4e(void);
bool paging_is_trampoline_va(uint64_t va);
ts_status paging_plant_wx_for_test(void);

#endif
