/*
 * physmem.c - the frame allocator instance (frame.c holds the pure logic).
 */
#include <string.h>
#include "kernel/physmem.h"
#include "kernel/frame.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/paging.h"

extern char _kernel_end[];

static uint64_t frame_bitmap[PHYSMEM_MAX / FRAME_SIZE / 64];
static struct frame_allocator frames;
static uint64_t top, total;

void physmem_init(const struct boot_info *bi)
{
	frame_allocator_init(&frames, frame_bitmap, PHYSMEM_MAX / FRAME_SIZE);
	for (uint32_t i = 0; i < bi->mem_region_count; i++) {
		const struct boot_mem_region *r = &bi->mem[i];
		if (r->type != BOOT_MEM_USABLE)
			continue;
		frame_release_range(&frames, r->base, r->length);
		if (r->base + r->length > top)
			top = r->base + r->length;
	}
	if (top > PHYSMEM_MAX)
		top = PHYSMEM_MAX;
	/* Low memory (BIOS data, real-mode structures) and the image. */
	frame_reserve_range(&frames, 0, 0x100000);
	frame_reserve_range(&frames, 0x100000,
			    kernel_virt_to_phys(_kernel_end) - 0x100000);
	for (uint32_t i = 0; i < bi->module_count; i++)
		frame_reserve_range(&frames, bi->modules[i].phys_base,
				    bi->modules[i].size);
	total = frames.free_count;
	klog("mem: %lu KiB free of %lu KiB below top", (unsigned long)(total * 4),
	     (unsigned long)(top / 1024));
}

uint64_t physmem_top(void)
{
	return top;
}

uint64_t phys_alloc_zeroed(void)
{
	uint64_t pa = frame_alloc(&frames);

	if (pa != FRAME_NONE)
		memset(phys_to_virt(pa), 0, FRAME_SIZE);
	return pa;
}

void phys_free(uint64_t pa)
{
	if (frame_free(&frames, pa) != TS_OK)
		panic("phys_free: frame %lx was not allocated", (unsigned long)pa);
}

uint64_t physmem_free_frames(void)
{
	return frames.free_count;
}

uint64_t physmem_total_frames(void)
{
	return total;
}
