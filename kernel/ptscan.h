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
};

/* Scans everything; prints one PTSCAN line (and one per violation).  A
 * violation panics: the invariant is broken and nothing is trustworthy. */
struct ptscan_result ptscan_all(const char *when);

#endif
