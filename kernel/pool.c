/*
 * pool.c - fixed-size object pools (see pool.h).
 *
 * Invariants, checked by pool_check and by the unit tests named beside
 * the code that keeps them:
 *   P1 every index on the free list is < count;
 *   P2 a slot is on the free list iff its link is not POOL_ALLOCATED;
 *   P3 the free list holds exactly count - in_use slots and ends in NIL.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi/status.h"
#include "kernel/pool.h"

/*
 * Chains every slot into the free list in index order (0 first) and marks
 * the pool empty.  Establishes P1-P3 (pool/init_check).
 */
void pool_init(struct pool *p)
{
	uint32_t i;

	for (i = 0; i < p->count; i++)
		p->link[i] = i + 1 < p->count ? i + 1 : POOL_NIL;
	p->free_head = p->count > 0 ? 0 : POOL_NIL;
	p->in_use = 0;
}

/*
 * Returns a zeroed object from the head of the free list, or NULL when
 * the pool is exhausted (pool/alloc_until_exhausted).  The slot is marked
 * POOL_ALLOCATED before it is returned, so it cannot be handed out again
 * until freed (pool/random_ops_vs_shadow).  A head that breaks P1 or P2
 * means corrupted state; refusing is safer than trusting it
 * (pool/alloc_refuses_corrupt_head).
 */
void *pool_alloc(struct pool *p)
{
	uint32_t i = p->free_head;
	uint8_t *obj;

	if (i == POOL_NIL || i >= p->count || p->link[i] == POOL_ALLOCATED)
		return NULL;
	p->free_head = p->link[i];
	p->link[i] = POOL_ALLOCATED;
	p->in_use++;
	obj = p->storage + (uint64_t)i * p->objsize;
	memset(obj, 0, p->objsize);
	return obj;
}

/*
 * Returns the slot index of obj, or -1 if obj is not the start of a slot
 * of this pool (pool/foreign_pointer_refused,
 * pool/mid_object_pointer_refused).  Compares addresses as integers, so
 * a pointer into some other object is not undefined behaviour here.
 */
int64_t pool_index(const struct pool *p, const void *obj)
{
	uintptr_t base = (uintptr_t)p->storage;
	uintptr_t addr = (uintptr_t)obj;
	uint64_t off;

	if (p->objsize == 0 || addr < base)
		return -1;
	off = addr - base;
	if (off >= (uint64_t)p->count * p->objsize || off % p->objsize != 0)
		return -1;
	return (int64_t)(off / p->objsize);
}

/*
 * Puts obj back at the head of the free list.  Returns TS_E_INVAL if obj
 * is not a slot of this pool, TS_E_NOENT if the slot is not allocated
 * (pool/double_free_refused); the pool is unchanged in both cases.
 */
ts_status pool_free(struct pool *p, void *obj)
{
	int64_t idx = pool_index(p, obj);
	uint32_t i;

	if (idx < 0)
		return TS_E_INVAL;
	i = (uint32_t)idx;
	if (p->link[i] != POOL_ALLOCATED)
		return TS_E_NOENT;
	p->link[i] = p->free_head;
	p->free_head = i;
	p->in_use--;
	return TS_OK;
}

/*
 * Returns true if P1-P3 hold.  The walk stops after count + 1 steps, so a
 * cycle is reported instead of looping; a walk that reaches NIL in
 * exactly count - in_use steps visited no slot twice (a repeat would be a
 * cycle).  Used by pool/random_ops_vs_shadow after every operation.
 */
bool pool_check(const struct pool *p)
{
	uint32_t i, steps = 0, allocated = 0;

	if (p->in_use > p->count)
		return false;
	for (i = 0; i < p->count; i++)
		if (p->link[i] == POOL_ALLOCATED)
			allocated++;
	if (allocated != p->in_use)
		return false;
	for (i = p->free_head; i != POOL_NIL; i = p->link[i]) {
		if (i >= p->count || p->link[i] == POOL_ALLOCATED)
			return false;
		if (++steps > p->count - p->in_use)
			return false;
	}
	return steps == p->count - p->in_use;
}
