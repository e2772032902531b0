/*
 * test_pool.c - fixed-size object pools, including 10,000 random
 * operations checked against a shadow model.
 */
#include <stdint.h>
#include <string.h>

#include "kernel/pool.h"
#include "tests/unit/check.h"

struct thing {
	uint64_t a, b;
	uint32_t c;
};	/* 24 bytes: slots are not a power of two apart */

#define NTHINGS 16
POOL_DEFINE(things, struct thing, NTHINGS);
POOL_DEFINE(bytes, uint8_t, 3);
POOL_DEFINE(single, struct thing, 1);

static void init_check(void)
{
	pool_init(&things);
	CHECK(pool_check(&things));
	CHECK_EQ(things.in_use, 0);
	CHECK_EQ(things.count, NTHINGS);
	CHECK_EQ(things.objsize, sizeof(struct thing));
	CHECK(strcmp(things.name, "things") == 0);
}

/* Every slot comes out once, then NULL, and the pool stays sound. */
static void alloc_until_exhausted(void)
{
	void *seen[NTHINGS];
	int i, j;

	pool_init(&things);
	for (i = 0; i < NTHINGS; i++) {
		seen[i] = pool_alloc(&things);
		CHECK(seen[i] != NULL);
		CHECK(pool_check(&things));
		for (j = 0; j < i; j++)
			CHECK(seen[j] != seen[i]);
	}
	CHECK_EQ(things.in_use, NTHINGS);
	CHECK(pool_alloc(&things) == NULL);
	CHECK(pool_alloc(&things) == NULL);
	CHECK_EQ(things.in_use, NTHINGS);
	CHECK(pool_check(&things));
}

/* Objects come back zeroed even after being dirtied and freed. */
static void alloc_returns_zeroed(void)
{
	struct thing *t;

	pool_init(&things);
	t = pool_alloc(&things);
	CHECK(t != NULL);
	memset(t, 0xff, sizeof(*t));
	CHECK_EQ(pool_free(&things, t), TS_OK);
	t = pool_alloc(&things);
	CHECK(t != NULL);
	CHECK(t->a == 0 && t->b == 0 && t->c == 0);
}

/* Objects are aligned for their type and lie inside the storage. */
static void objects_aligned_and_inside(void)
{
	struct thing *t;
	int i;

	pool_init(&things);
	for (i = 0; i < NTHINGS; i++) {
		t = pool_alloc(&things);
		CHECK(t != NULL);
		CHECK((uintptr_t)t % _Alignof(struct thing) == 0);
		CHECK_EQ(pool_index(&things, t),
		    ((uint8_t *)t - things.storage) / (int64_t)sizeof(*t));
		CHECK(pool_index(&things, t) < NTHINGS);
	}
}

static void free_then_realloc(void)
{
	void *a, *b, *c;

	pool_init(&things);
	a = pool_alloc(&things);
	b = pool_alloc(&things);
	CHECK(a != NULL && b != NULL);
	CHECK_EQ(pool_free(&things, a), TS_OK);
	CHECK_EQ(things.in_use, 1);
	c = pool_alloc(&things);
	CHECK(c == a);		/* LIFO reuse */
	CHECK_EQ(things.in_use, 2);
	CHECK(pool_check(&things));
}

/* After exhaustion, one free makes exactly one alloc possible. */
static void free_after_exhaustion(void)
{
	void *objs[NTHINGS];
	int i;

	pool_init(&things);
	for (i = 0; i < NTHINGS; i++)
		objs[i] = pool_alloc(&things);
	CHECK_EQ(pool_free(&things, objs[7]), TS_OK);
	CHECK(pool_alloc(&things) == objs[7]);
	CHECK(pool_alloc(&things) == NULL);
}

static void double_free_refused(void)
{
	void *a;

	pool_init(&things);
	a = pool_alloc(&things);
	CHECK_EQ(pool_free(&things, a), TS_OK);
	CHECK_EQ(pool_free(&things, a), TS_E_NOENT);
	CHECK_EQ(things.in_use, 0);
	CHECK(pool_check(&things));
}

/* A slot that was never handed out cannot be freed. */
static void free_never_allocated(void)
{
	pool_init(&things);
	CHECK_EQ(pool_free(&things, things.storage + 3 * sizeof(struct thing)),
	    TS_E_NOENT);
	CHECK(pool_check(&things));
}

static void foreign_pointer_refused(void)
{
	struct thing local;
	void *other, *end, *before;

	pool_init(&things);
	pool_init(&single);
	other = pool_alloc(&single);
	CHECK_EQ(pool_free(&things, &local), TS_E_INVAL);
	CHECK_EQ(pool_free(&things, other), TS_E_INVAL);
	CHECK_EQ(pool_free(&things, NULL), TS_E_INVAL);
	end = things.storage + NTHINGS * sizeof(struct thing);
	before = (void *)((uintptr_t)things.storage - sizeof(struct thing));
	CHECK_EQ(pool_free(&things, end), TS_E_INVAL);
	CHECK_EQ(pool_free(&things, before), TS_E_INVAL);
	CHECK_EQ(pool_index(&things, &local), -1);
	CHECK(pool_check(&things));
}

static void mid_object_pointer_refused(void)
{
	uint8_t *a;

	pool_init(&things);
	a = pool_alloc(&things);
	CHECK_EQ(pool_free(&things, a + 1), TS_E_INVAL);
	CHECK_EQ(pool_free(&things, a + sizeof(struct thing) - 1), TS_E_INVAL);
	CHECK_EQ(pool_index(&things, a + 8), -1);
	CHECK_EQ(things.in_use, 1);
	CHECK_EQ(pool_free(&things, a), TS_OK);
}

/* One-byte objects and a one-slot pool work at the edges. */
static void tiny_pools(void)
{
	uint8_t *x, *y, *z;

	pool_init(&bytes);
	x = pool_alloc(&bytes);
	y = pool_alloc(&bytes);
	z = pool_alloc(&bytes);
	CHECK(x && y && z && pool_alloc(&bytes) == NULL);
	CHECK_EQ(pool_index(&bytes, z), 2);
	pool_init(&single);
	CHECK(pool_alloc(&single) != NULL);
	CHECK(pool_alloc(&single) == NULL);
	CHECK(pool_check(&single));
}

/* pool_check notices corruption: a cycle, a bad index, a wrong count. */
static void check_detects_corruption(void)
{
	pool_init(&things);
	things.link[5] = 2;	/* 2 -> 3 -> 4 -> 5 -> 2 ... */
	CHECK(!pool_check(&things));
	pool_init(&things);
	things.link[0] = NTHINGS + 3;
	CHECK(!pool_check(&things));
	pool_init(&things);
	things.in_use = 1;
	CHECK(!pool_check(&things));
	pool_init(&things);
	things.link[NTHINGS - 1] = POOL_ALLOCATED;	/* on list yet marked */
	CHECK(!pool_check(&things));
}

/* A corrupted free head never makes pool_alloc hand out a bad slot. */
static void alloc_refuses_corrupt_head(void)
{
	pool_init(&things);
	things.free_head = NTHINGS;
	CHECK(pool_alloc(&things) == NULL);
	pool_init(&things);
	things.link[0] = POOL_ALLOCATED;
	CHECK(pool_alloc(&things) == NULL);
}

/*
 * 10,000 random allocs and frees (some bogus) against a shadow model of
 * which slots are out; pool_check after each.  This checks "never handed
 * out twice" and "freeing what is not allocated is refused".
 */
static void random_ops_vs_shadow(void)
{
	bool out[NTHINGS] = { false };
	uint32_t in_use = 0;
	uint64_t s = 0xfeedface;
	uint8_t *obj;
	int64_t idx;
	int i;
	uint64_t r;
	ts_status st;

	pool_init(&things);
	for (i = 0; i < 10000; i++) {
		r = check_rand(&s);
		if (r % 3 == 0) {
			obj = pool_alloc(&things);
			if (in_use == NTHINGS) {
				CHECK(obj == NULL);
			} else {
				CHECK(obj != NULL);
				idx = pool_index(&things, obj);
				CHECK(idx >= 0 && idx < NTHINGS);
				CHECK(!out[idx]);
				out[idx] = true;
				in_use++;
			}
		} else {
			idx = (int64_t)((r >> 8) % NTHINGS);
			obj = things.storage + idx * (int64_t)sizeof(struct thing);
			if ((r >> 4) % 8 == 0)
				obj += 1 + (r >> 16) % (sizeof(struct thing) - 1);
			st = pool_free(&things, obj);
			if (obj != things.storage + idx * (int64_t)sizeof(struct thing)) {
				CHECK_EQ(st, TS_E_INVAL);
			} else if (out[idx]) {
				CHECK_EQ(st, TS_OK);
				out[idx] = false;
				in_use--;
			} else {
				CHECK_EQ(st, TS_E_NOENT);
			}
		}
		CHECK_EQ(things.in_use, in_use);
		CHECK(pool_check(&things));
	}
}

int main(void)
{
	check_begin("pool");
	CHECK_RUN(init_check);
	CHECK_RUN(alloc_until_exhausted);
	CHECK_RUN(alloc_returns_zeroed);
	CHECK_RUN(objects_aligned_and_inside);
	CHECK_RUN(free_then_realloc);
	CHECK_RUN(free_after_exhaustion);
	CHECK_RUN(double_free_refused);
	CHECK_RUN(free_never_allocated);
	CHECK_RUN(foreign_pointer_refused);
	CHECK_RUN(mid_object_pointer_refused);
	CHECK_RUN(tiny_pools);
	CHECK_RUN(check_detects_corruption);
	CHECK_RUN(alloc_refuses_corrupt_head);
	CHECK_RUN(random_ops_vs_shadow);
	return check_done();
}
