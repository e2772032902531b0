/*
 * pool.h - fixed-size object pools: the only way the kernel gets objects.
 *
 * Each pool is a static array of `count` slots of `objsize` bytes and a
 * parallel array of links.  A slot's link is either POOL_ALLOCATED or the
 * index of the next free slot (POOL_NIL ends the list).  There is no heap:
 * exhaustion is an ordinary NULL return, never a panic.  Not locked; the
 * caller holds the lock that guards the pool.
 *
 * Written index-based and loop-simple so that Frama-C WP can be pointed at
 * it: an object is never handed out twice, freeing a slot that is not
 * allocated is refused, every index stays below count.
 */
#ifndef TESSERA_KERNEL_POOL_H
#define TESSERA_KERNEL_POOL_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/status.h"

#define POOL_NIL 0xffffffffu
#define POOL_ALLOCATED 0xfffffffeu

struct pool {
	const char *name;
	uint8_t *storage;	/* count * objsize bytes */
	uint32_t *link;		/* per slot: next free index, or POOL_ALLOCATED */
	uint32_t objsize, count, in_use, free_head;
};

/*
 * Defines `struct pool var` with static room for n objects of type; call
 * pool_init(&var) once before use.  The objects are declared with their
 * own type so they are aligned for it.
 */
#define POOL_DEFINE(var, type, n)					\
	_Static_assert((n) > 0 && (n) < POOL_ALLOCATED, "pool size");	\
	static type var##_objects[(n)];					\
	static uint32_t var##_links[(n)];				\
	struct pool var = {						\
		.name = #var,						\
		.storage = (uint8_t *)var##_objects,			\
		.link = var##_links,					\
		.objsize = sizeof(type),				\
		.count = (n),						\
		.in_use = 0,						\
		.free_head = POOL_NIL,					\
	}

/*
 * ACSL for Frama-C WP (tests/proofs/prove.mk; comments to the compiler).
 * pool_mem: the memory a pool names is there and does not overlap, and
 * the slot offsets fit in 64 bits.  pool_links_ok: P1 and the shape of P2
 * (every link is ALLOCATED, NIL or a slot index; the head is NIL or a
 * slot index).  pool_slot_addr: obj is, as an integer address, the start
 * of slot i.
 */
/*@ predicate pool_mem(struct pool *p) =
  @   \valid(p) && p->count < POOL_ALLOCATED &&
  @   p->count * p->objsize <= 0xffffffffffffffff &&
  @   \valid(p->link + (0 .. p->count - 1)) &&
  @   \valid(p->storage + (0 .. p->count * p->objsize - 1)) &&
  @   \separated(p, p->link + (0 .. p->count - 1),
  @     p->storage + (0 .. p->count * p->objsize - 1));
  @
  @ predicate pool_links_ok(struct pool *p) =
  @   (p->free_head == POOL_NIL || p->free_head < p->count) &&
  @   \forall integer j; 0 <= j < p->count ==>
  @     (p->link[j] == POOL_ALLOCATED || p->link[j] == POOL_NIL ||
  @      p->link[j] < p->count);
  @
  @ predicate pool_slot_addr(struct pool *p, void *obj, integer i) =
  @   0 <= i < p->count &&
  @   (uintptr_t)obj == (uintptr_t)p->storage + i * p->objsize;
  @*/

void pool_init(struct pool *p);
void *pool_alloc(struct pool *p);
int64_t pool_alloc_index(struct pool *p);
ts_status pool_free(struct pool *p, void *obj);
ts_status pool_free_index(struct pool *p, uint32_t i);
int64_t pool_index(const struct pool *p, const void *obj);
bool pool_check(const struct pool *p);

#endif
