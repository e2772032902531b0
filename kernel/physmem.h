/*
 * physmem.h - the kernel's one frame allocator, built from the boot memory
 * map, with the kernel image, boot modules and low memory held back.
 */
#ifndef TESSERA_KERNEL_PHYSMEM_H
#define TESSERA_KERNEL_PHYSMEM_H

#include <stdint.h>
#include "include/abi/bootinfo.h"
#include "include/abi/status.h"

/* Physical memory Tessera manages: a build-time bound (no heap for the
 * bitmap either). */
#define PHYSMEM_MAX (4ull << 30)

void physmem_init(const struct boot_info *bi);
uint64_t physmem_top(void);
uint64_t phys_alloc_zeroed(void); /* FRAME_NONE (0) when exhausted */
void phys_free(uint64_t pa);
uint64_t physmem_free_frames(void);
uint64_t physmem_total_frames(void);

#endif
