/*
 * frame.c - bitmap physical frame allocator (see frame.h).
 *
 * Invariants:
 *   F1 free_count equals the number of clear bits below nframes
 *      (frame/random_ops_vs_shadow, frame/free_count_accounting);
 *   F2 bit 0 is always set: frame 0 is never free (frame/frame_zero);
 *   F3 bits at or above nframes stay set, so a word scan never returns
 *      a frame past the end (frame/odd_frame_count);
 *   F4 no clear bit lies in a word before hint (frame/alloc_lowest_first).
 */
#include <stdbool.h>
#include <stdint.h>

#include "abi/status.h"
#include "kernel/frame.h"

/*
 * ACSL for Frama-C WP (tests/proofs/prove.sh, unit "frame").
 * frame_ok: the allocator's bitmap is there for every frame and does not
 * overlap the allocator.  used(f): frame f's bit is set.
 */
/*@ predicate frame_ok{L}(struct frame_allocator *fa) =
  @   \valid(fa) && fa->nframes <= 0xffffffffffff &&
  @   \valid(fa->bitmap + (0 .. (fa->nframes + 63) / 64 - 1)) &&
  @   \separated(fa, fa->bitmap + (0 .. (fa->nframes + 63) / 64 - 1));
  @
  @ predicate used{L}(struct frame_allocator *fa, integer f) =
  @   ((fa->bitmap[f / 64] >> (f % 64)) & 1) != 0;
  @*/

/* Returns true if frame f is marked used. */
/*@ requires frame_ok(fa);
  @ requires f < fa->nframes;
  @ assigns \nothing;
  @ ensures \result <==> used(fa, f);
  @*/
static bool frame_used(const struct frame_allocator *fa, uint64_t f)
{
	return (fa->bitmap[f / 64] >> (f % 64)) & 1;
}

/* Marks frame f used, keeping F1. */
/*@ requires frame_ok(fa);
  @ requires f < fa->nframes;
  @ assigns fa->bitmap[0 .. (fa->nframes + 63) / 64 - 1], fa->free_count;
  @ ensures same_frames: fa->nframes == \old(fa->nframes) && frame_ok(fa);
  @ ensures now_used: used(fa, f);
  @ ensures others: \forall integer g; 0 <= g < fa->nframes && g != f ==>
  @   (used(fa, g) <==> \old(used(fa, g)));
  @*/
static void mark_used(struct frame_allocator *fa, uint64_t f)
{
	if (!frame_used(fa, f)) {
		fa->bitmap[f / 64] |= 1ull << (f % 64);
		fa->free_count--;
	}
}

/* Marks frame f free, keeping F1, F2 and F4. */
/*@ requires frame_ok(fa);
  @ requires f < fa->nframes;
  @ assigns fa->bitmap[f / 64], fa->free_count, fa->hint;
  @ ensures zero_kept: f == 0 ==> (used(fa, 0) <==> \old(used(fa, 0)));
  @ ensures now_free: f != 0 ==> !used(fa, f);
  @ ensures others: \forall integer g; 0 <= g < fa->nframes && g != f ==>
  @   (used(fa, g) <==> \old(used(fa, g)));
  @*/
static void mark_free(struct frame_allocator *fa, uint64_t f)
{
	if (f == 0 || !frame_used(fa, f))
		return;
	fa->bitmap[f / 64] &= ~(1ull << (f % 64));
	fa->free_count++;
	if (f / 64 < fa->hint)
		fa->hint = f / 64;
}

/* Sets every bit, including the padding past nframes (F2, F3). */
void frame_allocator_init(struct frame_allocator *fa, uint64_t *bitmap,
    uint64_t nframes)
{
	uint64_t i;

	fa->bitmap = bitmap;
	fa->nframes = nframes;
	fa->free_count = 0;
	fa->hint = 0;
	for (i = 0; i < FRAME_BITMAP_WORDS(nframes); i++)
		bitmap[i] = ~0ull;
}

/* Returns base + len, or UINT64_MAX if the sum would overflow. */
/*@ assigns \nothing;
  @ ensures \result == (len > 0xffffffffffffffff - base ?
  @   0xffffffffffffffff : base + len);
  @*/
static uint64_t clip_end(uint64_t base, uint64_t len)
{
	return len > UINT64_MAX - base ? UINT64_MAX : base + len;
}

/*
 * Frees every frame lying wholly inside [base, base + len): the start is
 * rounded up and the end down to a frame boundary, so a partial frame at
 * either edge stays used (frame/release_partial_edges).  Clipped to
 * nframes (frame/release_past_end); frame 0 is skipped (F2).
 */
void frame_release_range(struct frame_allocator *fa, uint64_t base,
    uint64_t len)
{
	uint64_t first, last, f;

	first = base / FRAME_SIZE + (base % FRAME_SIZE != 0);
	last = clip_end(base, len) / FRAME_SIZE;
	if (last > fa->nframes)
		last = fa->nframes;
	for (f = first; f < last; f++)
		mark_free(fa, f);
}

/*
 * Marks used every frame that any byte of [base, base + len) touches
 * (frame/reserve_partial_edges, frame/reserve_overlapping).
 */
/*@ predicate touches(integer g, uint64_t base, uint64_t len) =
  @   len != 0 && g >= base / FRAME_SIZE &&
  @   g * FRAME_SIZE < (len > 0xffffffffffffffff - base ?
  @     0xffffffffffffffff : base + len);
  @*/
/*@ requires frame_ok(fa);
  @ assigns fa->bitmap[0 .. (fa->nframes + 63) / 64 - 1], fa->free_count;
  @ ensures reserved: \forall integer g; 0 <= g < fa->nframes &&
  @   touches(g, base, len) ==> used(fa, g);
  @ ensures others_kept: \forall integer g; 0 <= g < fa->nframes &&
  @   !touches(g, base, len) ==> (used(fa, g) <==> \old(used(fa, g)));
  @*/
/* proved: prove/frame/frame_reserve_range (marks exactly the range) */
void frame_reserve_range(struct frame_allocator *fa, uint64_t base,
    uint64_t len)
{
	uint64_t first, last, end, f;

	if (len == 0)
		return;
	end = clip_end(base, len);
	first = base / FRAME_SIZE;
	last = end / FRAME_SIZE + (end % FRAME_SIZE != 0);
	if (last > fa->nframes)
		last = fa->nframes;
	/*@ assert span: \forall integer g; 0 <= g < fa->nframes ==>
	  @   (touches(g, base, len) <==> first <= g < last); */
	/*@ loop invariant frame_ok(fa);
	  @ loop invariant fa->nframes == \at(fa->nframes, Pre);
	  @ loop invariant fa->bitmap == \at(fa->bitmap, Pre);
	  @ loop invariant last <= fa->nframes && last <= 0xffffffffffff;
	  @ loop invariant first <= f;
	  @ loop invariant f <= last || f == first;
	  @ loop invariant done: \forall integer g; first <= g < f && g < last ==>
	  @   used(fa, g);
	  @ loop invariant kept: \forall integer g; 0 <= g < fa->nframes &&
	  @   !(first <= g < f && g < last) ==>
	  @   (used(fa, g) <==> \at(used(fa, g), LoopEntry));
	  @ loop assigns f, fa->free_count,
	  @   fa->bitmap[0 .. (\at(fa->nframes, Pre) + 63) / 64 - 1];
	  @ loop variant last - f;
	  @*/
	for (f = first; f < last; f++)
		mark_used(fa, f);
}

/* Returns the index of the lowest clear bit in w, or 64 if every bit is
 * set (never, for the words frame_alloc passes: it skips full ones). */
/*@ assigns \nothing;
  @ ensures 0 <= \result <= 64;
  @ ensures clear: \result < 64 ==> ((w >> \result) & 1) == 0;
  @*/
static uint64_t lowest_clear_bit(uint64_t w)
{
	uint64_t b;

	/*@ loop invariant 0 <= b <= 64;
	  @ loop assigns b;
	  @ loop variant 64 - b;
	  @*/
	for (b = 0; b < 64; b++)
		if (!((w >> b) & 1))
			break;
	return b;
}

/*@ predicate padding_used{L}(struct frame_allocator *fa) =
  @   \forall integer g; fa->nframes <= g < (fa->nframes + 63) / 64 * 64 ==>
  @     used(fa, g);
  @*/
/*
 * Returns the physical address of the lowest free frame, now marked used,
 * or FRAME_NONE when none is left (frame/exhaustion).  Scans words from
 * hint; F4 makes everything before hint full, and F3 keeps the result
 * below nframes.
 */
/*@ requires frame_ok(fa);
  @ requires f2: used(fa, 0);
  @ requires f3: padding_used(fa);
  @ requires hint_ok: fa->hint <= (fa->nframes + 63) / 64;
  @ assigns fa->bitmap[0 .. (fa->nframes + 63) / 64 - 1], fa->free_count,
  @   fa->hint;
  @ ensures none: \result == FRAME_NONE ==> \forall integer g;
  @   0 <= g < fa->nframes ==> (used(fa, g) <==> \old(used(fa, g)));
  @ ensures handed_out: \result != FRAME_NONE ==>
  @   \result % FRAME_SIZE == 0 && \result / FRAME_SIZE < fa->nframes &&
  @   !\old(used(fa, \result / FRAME_SIZE)) && used(fa, \result / FRAME_SIZE);
  @ ensures others: \forall integer g; 0 <= g < fa->nframes &&
  @   g != \result / FRAME_SIZE ==> (used(fa, g) <==> \old(used(fa, g)));
  @*/
/* proved: prove/frame/frame_alloc (never hands out a frame in use) */
uint64_t frame_alloc(struct frame_allocator *fa)
{
	uint64_t words = FRAME_BITMAP_WORDS(fa->nframes);
	uint64_t w, b, f;

	if (fa->free_count == 0)
		return FRAME_NONE;
	/*@ loop invariant fa->hint <= w <= words;
	  @ loop assigns w, b;
	  @ loop variant words - w;
	  @*/
	for (w = fa->hint; w < words; w++) {
		if (fa->bitmap[w] == ~0ull)
			continue;
		b = lowest_clear_bit(fa->bitmap[w]);
		if (b == 64)
			continue;	/* not reached: the word has a clear bit */
		f = w * 64 + b;
		/*@ assert word_bit: f / 64 == w && f % 64 == b; */
		/*@ assert was_free: !used(fa, f); */
		/*@ assert in_range: f < fa->nframes; */
		fa->hint = w;
		mark_used(fa, f);
		return f * FRAME_SIZE;
	}
	return FRAME_NONE;	/* F1 broken: free_count said otherwise */
}

/*
 * Frees the frame at phys.  Returns TS_E_INVAL if phys is misaligned,
 * frame 0 or past the end (frame/free_invalid), TS_E_NOENT if the frame
 * is already free (frame/double_free); nothing changes on failure.
 */
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
/* proved: prove/frame/frame_free */
ts_status frame_free(struct frame_allocator *fa, uint64_t phys)
{
	uint64_t f = phys / FRAME_SIZE;

	if (phys % FRAME_SIZE != 0 || f == 0 || f >= fa->nframes)
		return TS_E_INVAL;
	if (!frame_used(fa, f))
		return TS_E_NOENT;
	mark_free(fa, f);
	return TS_OK;
}
