/*
 * frame.h - the physical frame allocator: one bit per 4 KiB frame.
 *
 * A set bit means "used".  The allocator starts with every frame used;
 * boot code releases the usable ranges of the firmware memory map, then
 * reserves what is taken (kernel image, modules, the bitmap itself).
 * Frame 0 is never handed out, so FRAME_NONE (0) can mean "no frame".
 * Frames are not zeroed here; the kernel does that through its direct map.
 * Not locked; the caller serialises access.
 */
#ifndef TESSERA_KERNEL_FRAME_H
#define TESSERA_KERNEL_FRAME_H

#include <stdint.h>

#include "abi/status.h"

#define FRAME_SIZE 4096ull
#define FRAME_NONE 0ull

struct frame_allocator {
	uint64_t *bitmap;	/* (nframes + 63) / 64 words; bit set = used */
	uint64_t nframes;
	uint64_t free_count;
	uint64_t hint;		/* a word index at or before the first free bit */
};

/* Number of bitmap words needed for nframes frames. */
#define FRAME_BITMAP_WORDS(nframes) (((nframes) + 63) / 64)

void frame_allocator_init(struct frame_allocator *fa, uint64_t *bitmap,
    uint64_t nframes);
void frame_release_range(struct frame_allocator *fa, uint64_t base,
    uint64_t len);
void frame_reserve_range(struct frame_allocator *fa, uint64_t base,
    uint64_t len);
uint64_t frame_alloc(struct frame_allocator *fa);
ts_status frame_free(struct frame_allocator *fa, uint64_t phys);

#endif
