/*
 * pte.h - pure x86-64 page-table-entry logic.
 *
 * Builds leaf and table entries from permissions and computes what a
 * chain of entries (PML4E down to the leaf) effectively allows.  No
 * hardware access: the paging code and the W^X page-table scanner call
 * these, and tests/unit/test_pte.c checks them on the host.
 */
#ifndef TESSERA_KERNEL_ARCH_PTE_H
#define TESSERA_KERNEL_ARCH_PTE_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/status.h"

#define PTE_P (1ull << 0)
#define PTE_W (1ull << 1)
#define PTE_U (1ull << 2)
#define PTE_PWT (1ull << 3)
#define PTE_PCD (1ull << 4)
#define PTE_A (1ull << 5)
#define PTE_D (1ull << 6)
#define PTE_PS (1ull << 7)
#define PTE_G (1ull << 8)
#define PTE_NX (1ull << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000ull

enum map_perm {
	MAP_R = 1,
	MAP_W = 2,
	MAP_X = 4,
	MAP_USER = 8,
	MAP_UNCACHED = 16,
	MAP_DEVICE = 32, /* as_map_page only: not owned, never freed */
};

#define MAP_ALL (MAP_R | MAP_W | MAP_X | MAP_USER | MAP_UNCACHED)

ts_status pte_leaf(uint64_t phys, unsigned perms, uint64_t *out);
uint64_t pte_table(uint64_t table_phys, bool user);
unsigned pte_effective(const uint64_t *chain, int levels);
bool pte_effective_is_wx(unsigned eff);

#endif
