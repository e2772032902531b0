/*
 * frame_double_free.c - a deliberately broken frame_free: the check that
 * the frame is in use is missing, so a free frame is "freed" again and
 * TS_OK returned.  Same contract as frame_free in kernel/frame.c.  make
 * prove must fail to prove it (prove/selftest-frame-double-free-detected).
 * Keep the contract in step with kernel/frame.c.
 */
#include "kernel/frame.c"

/*@ requires frame_ok(fa);
  @ assigns fa->bitmap[0 .. (fa->nframes + 63) / 64 - 1], fa->free_count,
  @   fa->hint;
  @ behavior invalid:
  @   assumes phys % FRAME_SIZE != 0 || phys / FRAME_SIZE == 0 ||
  @     phys / FRAME_SIZE >= fa->nframes;
  @   ensures \result == TS_E_INVAL;
  @   assigns \nothing;
  @ behavior not_allocated:
  @   assumes phys % FRAME_SIZE == 0 && phys / FRAME_SIZE != 0 &&
  @     phys / FRAME_SIZE < fa->nframes && !used(fa, phys / FRAME_SIZE);
  @   ensures \result == TS_E_NOENT;
  @   assigns \nothing;
  @ behavior freed:
  @   assumes phys % FRAME_SIZE == 0 && phys / FRAME_SIZE != 0 &&
  @     phys / FRAME_SIZE < fa->nframes && used(fa, phys / FRAME_SIZE);
  @   ensures \result == TS_OK;
  @   ensures now_free: !used(fa, phys / FRAME_SIZE);
  @   ensures others: \forall integer g; 0 <= g < fa->nframes &&
  @     g != phys / FRAME_SIZE ==> (used(fa, g) <==> \old(used(fa, g)));
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
ts_status frame_free_twice(struct frame_allocator *fa, uint64_t phys)
{
	uint64_t f = phys / FRAME_SIZE;

	if (phys % FRAME_SIZE != 0 || f == 0 || f >= fa->nframes)
		return TS_E_INVAL;
	/* BROKEN ON PURPOSE: no check that the frame is in use. */
	mark_free(fa, f);
	return TS_OK;
}
