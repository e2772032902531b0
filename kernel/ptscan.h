/*
 * ptscan.h - the page-table scanner: a kernel self-check that walks every
 * address space and counts W+X pages and kernel pages that leaked into a
 * user PML4 (INV-MEM, K3).
 */
#ifndef TESSERA_KERNEL_PTSCAN_H
#define TESSERA_KERNEL_PTSCAN_H

#include <stdint.h>

struct ptscan_result {
	uint64_t spaces, leaves, violations;
	/* Frames the tables account for: page-table frames (the kernel's,
	 * the trampoline's, and each process's two PML4s and user tables)
	 * and user leaves the address space owns (PTE_SW_OWNED). */
	uint64_t kernel_tables, process_frames;
};

/* Scans everything; prints one PTSCAN line (and one per violation).  A
 * violation panics: the invariant is broken and nothing is trustworthy. */
struct ptscan_result ptscan_all(const char *when);
/* The same scan, printing only violations (the periodic check, kcheck.c). */
struct ptscan_result ptscan_quiet(const char *when);

#endif
