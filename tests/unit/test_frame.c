/*
 * test_frame.c - the bitmap frame allocator, including random operations
 * checked against a shadow model.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "kernel/frame.h"
#include "tests/unit/check.h"

#define MAXFRAMES 1000
#define MiB (1ull << 20)

static uint64_t bitmap[FRAME_BITMAP_WORDS(MAXFRAMES) + 1];
static struct frame_allocator fa;

/* Returns the number of clear bits below nframes (what free_count claims). */
static uint64_t count_free(void)
{
	uint64_t f, n = 0;

	for (f = 0; f < fa.nframes; f++)
		n += !((fa.bitmap[f / 64] >> (f % 64)) & 1);
	return n;
}

/* Returns true if frame f is free. */
static bool is_free(uint64_t f)
{
	return !((fa.bitmap[f / 64] >> (f % 64)) & 1);
}

static void init_all_used(void)
{
	bitmap[FRAME_BITMAP_WORDS(MAXFRAMES)] = 0x1234;	/* sentinel */
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	CHECK_EQ(fa.free_count, 0);
	CHECK_EQ(count_free(), 0);
	CHECK_EQ(frame_alloc(&fa), FRAME_NONE);
	CHECK_HEX(bitmap[FRAME_BITMAP_WORDS(MAXFRAMES)], 0x1234);
}

/*
 * A PC-like map: [0, 0x9f000) usable, hole to 1 MiB, usable to 3 MiB,
 * a hole, usable [3.5 MiB, end).  Frame 0 is never freed.
 */
static void init_from_memory_map_with_holes(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 0x9f000);
	frame_release_range(&fa, 1 * MiB, 2 * MiB);
	frame_release_range(&fa, 3 * MiB + MiB / 2, 100 * MiB);
	CHECK(!is_free(0));
	CHECK(is_free(1) && is_free(0x9e));
	CHECK(!is_free(0x9f) && !is_free(0xff));
	CHECK(is_free(0x100) && is_free(0x2ff));
	CHECK(!is_free(0x300) && !is_free(0x37f));
	CHECK(is_free(0x380) && is_free(MAXFRAMES - 1));
	CHECK_EQ(fa.free_count, (0x9f - 1) + 0x200 + (MAXFRAMES - 0x380));
	CHECK_EQ(fa.free_count, count_free());
}

/* Partial frames at the edges of a released range stay used. */
static void release_partial_edges(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0x10800, 0x3000);	/* frames 0x11, 0x12 whole */
	CHECK(!is_free(0x10));
	CHECK(is_free(0x11) && is_free(0x12));
	CHECK(!is_free(0x13));
	CHECK_EQ(fa.free_count, 2);
	frame_release_range(&fa, 0x20001, 0xffe);	/* no whole frame */
	CHECK_EQ(fa.free_count, 2);
	frame_release_range(&fa, 0x30000, 0);
	CHECK_EQ(fa.free_count, 2);
}

/* Releases past nframes are clipped; huge lengths do not wrap. */
static void release_past_end(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, (MAXFRAMES - 2) * FRAME_SIZE, 1000 * FRAME_SIZE);
	CHECK_EQ(fa.free_count, 2);
	frame_release_range(&fa, (MAXFRAMES + 5) * FRAME_SIZE, FRAME_SIZE);
	CHECK_EQ(fa.free_count, 2);
	frame_release_range(&fa, 0x5000, UINT64_MAX);
	CHECK_EQ(fa.free_count, MAXFRAMES - 5);
	frame_release_range(&fa, UINT64_MAX - 100, UINT64_MAX);
	CHECK_EQ(fa.free_count, count_free());
	CHECK_HEX(bitmap[FRAME_BITMAP_WORDS(MAXFRAMES) - 1] >> (MAXFRAMES % 64),
	    ~0ull >> (MAXFRAMES % 64));	/* padding bits stay set */
}

/* Releasing twice counts once. */
static void release_idempotent(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, FRAME_SIZE, 10 * FRAME_SIZE);
	frame_release_range(&fa, FRAME_SIZE, 10 * FRAME_SIZE);
	CHECK_EQ(fa.free_count, 10);
}

/* Frame 0 is never freed, allocated, or accepted by frame_free. */
static void frame_zero(void)
{
	uint64_t p;

	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 4 * FRAME_SIZE);
	CHECK(!is_free(0));
	CHECK_EQ(fa.free_count, 3);
	CHECK_EQ(frame_free(&fa, 0), TS_E_INVAL);
	while ((p = frame_alloc(&fa)) != FRAME_NONE)
		CHECK(p != 0);
	CHECK_EQ(fa.free_count, 0);
}

/* A reserve marks every frame the range touches, even partly. */
static void reserve_partial_edges(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, MAXFRAMES * FRAME_SIZE);
	frame_reserve_range(&fa, 0x10fff, 2);	/* touches 0x10 and 0x11 */
	CHECK(is_free(0xf));
	CHECK(!is_free(0x10) && !is_free(0x11));
	CHECK(is_free(0x12));
	CHECK_EQ(fa.free_count, MAXFRAMES - 1 - 2);
	frame_reserve_range(&fa, 0x50000, 0);	/* empty: nothing */
	CHECK(is_free(0x50));
	frame_reserve_range(&fa, 0x60000, 1);
	CHECK(!is_free(0x60) && is_free(0x61));
}

/* Overlapping reserves count each frame once. */
static void reserve_overlapping(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, MAXFRAMES * FRAME_SIZE);
	frame_reserve_range(&fa, 0x100000, 0x10000);	/* 0x100..0x10f */
	frame_reserve_range(&fa, 0x108000, 0x10000);	/* 0x108..0x117 */
	frame_reserve_range(&fa, 0x0ff800, 0x20000);	/* 0xff..0x11f */
	CHECK(is_free(0xfe) && !is_free(0xff) && !is_free(0x11f) && is_free(0x120));
	CHECK_EQ(fa.free_count, MAXFRAMES - 1 - 0x21);
	CHECK_EQ(fa.free_count, count_free());
}

/* Reserves past the end and with wrapping lengths are clipped. */
static void reserve_past_end(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, MAXFRAMES * FRAME_SIZE);
	frame_reserve_range(&fa, (MAXFRAMES - 1) * FRAME_SIZE, UINT64_MAX);
	CHECK_EQ(fa.free_count, MAXFRAMES - 2);
	frame_reserve_range(&fa, UINT64_MAX - 10, 100);
	CHECK_EQ(fa.free_count, MAXFRAMES - 2);
	CHECK_EQ(fa.free_count, count_free());
}

/* Allocation hands out every free frame exactly once, then FRAME_NONE. */
static void exhaustion(void)
{
	static bool seen[MAXFRAMES];
	uint64_t p, n = 0;

	memset(seen, 0, sizeof(seen));
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 300 * FRAME_SIZE);
	frame_release_range(&fa, 700 * FRAME_SIZE, 300 * FRAME_SIZE);
	while ((p = frame_alloc(&fa)) != FRAME_NONE) {
		CHECK(p % FRAME_SIZE == 0);
		CHECK(p / FRAME_SIZE < MAXFRAMES);
		CHECK(!seen[p / FRAME_SIZE]);
		CHECK((p / FRAME_SIZE < 300) || (p / FRAME_SIZE >= 700));
		seen[p / FRAME_SIZE] = true;
		n++;
	}
	CHECK_EQ(n, 299 + 300);
	CHECK_EQ(fa.free_count, 0);
	CHECK_EQ(frame_alloc(&fa), FRAME_NONE);
}

/* The lowest free frame comes first, also after a free below the hint. */
static void alloc_lowest_first(void)
{
	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, MAXFRAMES * FRAME_SIZE);
	CHECK_HEX(frame_alloc(&fa), 1 * FRAME_SIZE);
	CHECK_HEX(frame_alloc(&fa), 2 * FRAME_SIZE);
	frame_reserve_range(&fa, 0, 500 * FRAME_SIZE);
	CHECK_HEX(frame_alloc(&fa), 500 * FRAME_SIZE);
	CHECK_EQ(frame_free(&fa, 7 * FRAME_SIZE), TS_OK);
	CHECK_HEX(frame_alloc(&fa), 7 * FRAME_SIZE);
	CHECK_HEX(frame_alloc(&fa), 501 * FRAME_SIZE);
}

/* nframes not a multiple of 64: the last frame is usable, none past it. */
static void odd_frame_count(void)
{
	uint64_t p, last = 0;

	frame_allocator_init(&fa, bitmap, 67);
	frame_release_range(&fa, 0, UINT64_MAX);
	CHECK_EQ(fa.free_count, 66);
	while ((p = frame_alloc(&fa)) != FRAME_NONE)
		last = p;
	CHECK_HEX(last, 66 * FRAME_SIZE);
	CHECK_EQ(frame_free(&fa, 67 * FRAME_SIZE), TS_E_INVAL);
}

static void double_free(void)
{
	uint64_t p;

	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 10 * FRAME_SIZE);
	p = frame_alloc(&fa);
	CHECK_EQ(frame_free(&fa, p), TS_OK);
	CHECK_EQ(frame_free(&fa, p), TS_E_NOENT);
	CHECK_EQ(frame_free(&fa, 5 * FRAME_SIZE), TS_E_NOENT);	/* never allocated */
	CHECK_EQ(fa.free_count, 9);
}

static void free_invalid(void)
{
	uint64_t p;

	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 10 * FRAME_SIZE);
	p = frame_alloc(&fa);
	CHECK_EQ(frame_free(&fa, p + 1), TS_E_INVAL);
	CHECK_EQ(frame_free(&fa, p + FRAME_SIZE / 2), TS_E_INVAL);
	CHECK_EQ(frame_free(&fa, MAXFRAMES * FRAME_SIZE), TS_E_INVAL);
	CHECK_EQ(frame_free(&fa, UINT64_MAX & ~(FRAME_SIZE - 1)), TS_E_INVAL);
	CHECK_EQ(fa.free_count, 8);
	CHECK(!is_free(p / FRAME_SIZE));
}

/* free_count always equals the clear bits, through every kind of call. */
static void free_count_accounting(void)
{
	uint64_t a, b;

	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	frame_release_range(&fa, 0, 200 * FRAME_SIZE);
	CHECK_EQ(fa.free_count, count_free());
	a = frame_alloc(&fa);
	b = frame_alloc(&fa);
	CHECK_EQ(fa.free_count, 197);
	frame_reserve_range(&fa, 50 * FRAME_SIZE, 10 * FRAME_SIZE);
	CHECK_EQ(fa.free_count, 187);
	CHECK_EQ(frame_free(&fa, a), TS_OK);
	CHECK_EQ(frame_free(&fa, b), TS_OK);
	CHECK_EQ(fa.free_count, 189);
	CHECK_EQ(fa.free_count, count_free());
}

/*
 * 20,000 random allocs, frees (valid, double, misaligned, out of range),
 * releases and reserves checked against a shadow array of used frames.
 */
static void random_ops_vs_shadow(void)
{
	static bool used[MAXFRAMES];
	uint64_t s = 0xabcdef, r, f, p, len, nfree = 0, i, k;
	ts_status st;

	frame_allocator_init(&fa, bitmap, MAXFRAMES);
	for (f = 0; f < MAXFRAMES; f++)
		used[f] = true;
	for (i = 0; i < 20000; i++) {
		r = check_rand(&s);
		f = (r >> 8) % (MAXFRAMES + 20);
		switch (r % 5) {
		case 0:
			p = frame_alloc(&fa);
			if (nfree == 0) {
				CHECK_EQ(p, FRAME_NONE);
				break;
			}
			CHECK(p != FRAME_NONE && p % FRAME_SIZE == 0);
			CHECK(p / FRAME_SIZE < MAXFRAMES && !used[p / FRAME_SIZE]);
			for (k = 1; k < p / FRAME_SIZE; k++)
				CHECK(used[k]);		/* lowest first */
			used[p / FRAME_SIZE] = true;
			nfree--;
			break;
		case 1:
			p = f * FRAME_SIZE + ((r >> 40) % 16 == 0 ? 8 : 0);
			st = frame_free(&fa, p);
			if (p % FRAME_SIZE || f == 0 || f >= MAXFRAMES) {
				CHECK_EQ(st, TS_E_INVAL);
			} else if (!used[f]) {
				CHECK_EQ(st, TS_E_NOENT);
			} else {
				CHECK_EQ(st, TS_OK);
				used[f] = false;
				nfree++;
			}
			break;
		case 2:
		case 3:
			p = f * FRAME_SIZE + (r >> 32) % FRAME_SIZE;
			len = (r >> 20) % (8 * FRAME_SIZE);
			if (r % 5 == 2) {
				frame_release_range(&fa, p, len);
				for (k = (p + FRAME_SIZE - 1) / FRAME_SIZE;
				    k < (p + len) / FRAME_SIZE && k < MAXFRAMES; k++)
					if (k != 0 && used[k]) {
						used[k] = false;
						nfree++;
					}
			} else {
				frame_reserve_range(&fa, p, len);
				for (k = p / FRAME_SIZE; len > 0 &&
				    k < (p + len + FRAME_SIZE - 1) / FRAME_SIZE &&
				    k < MAXFRAMES; k++)
					if (!used[k]) {
						used[k] = true;
						nfree--;
					}
			}
			break;
		default:
			break;
		}
		CHECK_EQ(fa.free_count, nfree);
		if (i % 97 == 0) {
			for (k = 0; k < MAXFRAMES; k++)
				CHECK_EQ(is_free(k), !used[k]);
		}
	}
}

int main(void)
{
	check_begin("frame");
	CHECK_RUN(init_all_used);
	CHECK_RUN(init_from_memory_map_with_holes);
	CHECK_RUN(release_partial_edges);
	CHECK_RUN(release_past_end);
	CHECK_RUN(release_idempotent);
	CHECK_RUN(frame_zero);
	CHECK_RUN(reserve_partial_edges);
	CHECK_RUN(reserve_overlapping);
	CHECK_RUN(reserve_past_end);
	CHECK_RUN(exhaustion);
	CHECK_RUN(alloc_lowest_first);
	CHECK_RUN(odd_frame_count);
	CHECK_RUN(double_free);
	CHECK_RUN(free_invalid);
	CHECK_RUN(free_count_accounting);
	CHECK_RUN(random_ops_vs_shadow);
	return check_done();
}
