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
/*@ requires pool_mem(p);
  @ assigns p->link[0 .. p->count - 1], p->free_head, p->in_use;
  @ ensures chained: \forall integer j; 0 <= j < p->count - 1 ==>
  @   p->link[j] == j + 1;
  @ ensures last: p->count > 0 ==> p->link[p->count - 1] == POOL_NIL;
  @ ensures head: p->free_head == (p->count > 0 ? 0 : POOL_NIL);
  @ ensures empty: p->in_use == 0;
  @ ensures none_allocated: \forall integer j; 0 <= j < p->count ==>
  @   p->link[j] != POOL_ALLOCATED;
  @ ensures links_ok: pool_links_ok(p);
  @*/
/* proved: prove/pool/pool_init */
void pool_init(struct pool *p)
{
	uint32_t i;

	/*@ loop invariant 0 <= i <= p->count;
	  @ loop invariant p->count == \at(p->count, Pre);
	  @ loop invariant \forall integer j; 0 <= j < i ==>
	  @   p->link[j] == (j + 1 < p->count ? j + 1 : POOL_NIL);
	  @ loop assigns i, p->link[0 .. \at(p->count, Pre) - 1];
	  @ loop variant p->count - i;
	  @*/
	for (i = 0; i < p->count; i++)
		p->link[i] = i + 1 < p->count ? i + 1 : POOL_NIL;
	p->free_head = p->count > 0 ? 0 : POOL_NIL;
	p->in_use = 0;
}

/*
 * Takes the slot at the head of the free list and returns its index, or
 * -1 when the pool is exhausted (pool/alloc_until_exhausted).  The slot
 * is marked POOL_ALLOCATED before it is returned, so it cannot be handed
 * out again until freed (pool/random_ops_vs_shadow).  A head that breaks
 * P1 or P2 means corrupted state; refusing is safer than trusting it
 * (pool/alloc_refuses_corrupt_head).  The slot's bytes are left as they
 * are: callers that hold the index (cap.c) write the whole object.
 */
/*@ requires pool_mem(p);
  @ assigns p->free_head, p->in_use, p->link[0 .. p->count - 1];
  @ behavior exhausted:
  @   assumes p->free_head == POOL_NIL || p->free_head >= p->count ||
  @     p->link[p->free_head] == POOL_ALLOCATED;
  @   ensures \result == -1;
  @   ensures unchanged: p->free_head == \old(p->free_head) &&
  @     p->in_use == \old(p->in_use) && \forall integer j;
  @     0 <= j < p->count ==> p->link[j] == \old(p->link[j]);
  @   assigns \nothing;
  @ behavior handed_out:
  @   assumes p->free_head != POOL_NIL && p->free_head < p->count &&
  @     p->link[p->free_head] != POOL_ALLOCATED;
  @   ensures slot: \result == \old(p->free_head);
  @   ensures was_free: \old(p->link[p->free_head]) != POOL_ALLOCATED;
  @   ensures now_allocated: p->link[\old(p->free_head)] == POOL_ALLOCATED;
  @   ensures others: \forall integer j; 0 <= j < p->count &&
  @     j != \old(p->free_head) ==> p->link[j] == \at(p->link[j], Pre);
  @   ensures head: p->free_head == \old(p->link[p->free_head]);
  @   ensures count: p->in_use == (uint32_t)(\old(p->in_use) + 1);
  @   ensures links_ok: \at(pool_links_ok(p), Pre) ==> pool_links_ok(p);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
/* proved: prove/pool/pool_alloc_index (never hands out an allocated slot) */
int64_t pool_alloc_index(struct pool *p)
{
	uint32_t i = p->free_head;

	if (i == POOL_NIL || i >= p->count || p->link[i] == POOL_ALLOCATED)
		return -1;
	p->free_head = p->link[i];
	p->link[i] = POOL_ALLOCATED;
	p->in_use++;
	return i;
}

/*
 * Returns a zeroed object from the head of the free list, or NULL when
 * the pool is exhausted: pool_alloc_index, then the slot's address.
 */
/*@ requires pool_mem(p);
  @ requires p->objsize > 0;
  @ assigns p->free_head, p->in_use, p->link[0 .. p->count - 1],
  @   p->storage[0 .. p->count * p->objsize - 1];
  @ behavior exhausted:
  @   assumes p->free_head == POOL_NIL || p->free_head >= p->count ||
  @     p->link[p->free_head] == POOL_ALLOCATED;
  @   ensures \result == \null;
  @   ensures unchanged: p->free_head == \old(p->free_head) &&
  @     p->in_use == \old(p->in_use) && \forall integer j;
  @     0 <= j < p->count ==> p->link[j] == \old(p->link[j]);
  @ behavior handed_out:
  @   assumes p->free_head != POOL_NIL && p->free_head < p->count &&
  @     p->link[p->free_head] != POOL_ALLOCATED;
  @   ensures slot: \result == p->storage + \old(p->free_head) * p->objsize;
  @   ensures was_free: \old(p->link[p->free_head]) != POOL_ALLOCATED;
  @   ensures now_allocated: p->link[\old(p->free_head)] == POOL_ALLOCATED;
  @   ensures others: \forall integer j; 0 <= j < p->count &&
  @     j != \old(p->free_head) ==> p->link[j] == \at(p->link[j], Pre);
  @   ensures head: p->free_head == \old(p->link[p->free_head]);
  @   ensures count: p->in_use == (uint32_t)(\old(p->in_use) + 1);
  @   ensures links_ok: \at(pool_links_ok(p), Pre) ==> pool_links_ok(p);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
/* proved: prove/pool/pool_alloc */
void *pool_alloc(struct pool *p)
{
	int64_t i = pool_alloc_index(p);
	uint8_t *obj;

	if (i < 0)
		return NULL;
	/*@ assert in_bounds: (i + 1) * p->objsize <= p->count * p->objsize; */
	/*@ assert no_wrap: (uint64_t)i * p->objsize == i * p->objsize; */
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
/*@ requires \valid_read(p);
  @ requires p->count * p->objsize <= 0xffffffffffffffff;
  @ assigns \nothing;
  @ ensures -1 <= \result < p->count;
  @ ensures slot: \result >= 0 ==> pool_slot_addr((struct pool *)p,
  @   (void *)obj, \result);
  @ ensures not_slot: \result == -1 && p->objsize > 0 ==> \forall integer i;
  @   !pool_slot_addr((struct pool *)p, (void *)obj, i);
  @*/
/* proved: prove/pool/pool_index */
int64_t pool_index(const struct pool *p, const void *obj)
{
	uintptr_t base = (uintptr_t)p->storage;
	uintptr_t addr = (uintptr_t)obj;
	uint64_t off;

	if (p->objsize == 0 || addr < base)
		return -1;
	off = addr - base;
	/*@ assert no_slot_past_end: \forall integer i; 0 <= i < p->count ==>
	  @   i * p->objsize < p->count * p->objsize; */
	/*@ assert slots_aligned: \forall integer i; 0 <= i ==>
	  @   (i * p->objsize) % p->objsize == 0; */
	if (off >= (uint64_t)p->count * p->objsize || off % p->objsize != 0)
		return -1;
	return (int64_t)(off / p->objsize);
}

/*
 * Puts slot i back at the head of the free list: pool_free by index, for
 * callers that hold the index (cap.c).  Returns TS_E_INVAL if i is not a
 * slot of this pool, TS_E_NOENT if the slot is not allocated; the pool is
 * unchanged in both cases.
 */
/*@ requires pool_mem(p);
  @ assigns p->free_head, p->in_use, p->link[0 .. p->count - 1];
  @ behavior not_a_slot:
  @   assumes i >= p->count;
  @   ensures \result == TS_E_INVAL;
  @   assigns \nothing;
  @ behavior not_allocated:
  @   assumes i < p->count && p->link[i] != POOL_ALLOCATED;
  @   ensures \result == TS_E_NOENT;
  @   assigns \nothing;
  @ behavior freed:
  @   assumes i < p->count && p->link[i] == POOL_ALLOCATED;
  @   ensures \result == TS_OK;
  @   ensures pushed: p->link[i] == \old(p->free_head) && p->free_head == i;
  @   ensures others: \forall integer j; 0 <= j < p->count && j != i ==>
  @     p->link[j] == \at(p->link[j], Pre);
  @   ensures count: p->in_use == (uint32_t)(\old(p->in_use) - 1);
  @   ensures links_ok: \at(pool_links_ok(p), Pre) ==> pool_links_ok(p);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
/* proved: prove/pool/pool_free_index */
ts_status pool_free_index(struct pool *p, uint32_t i)
{
	if (i >= p->count)
		return TS_E_INVAL;
	if (p->link[i] != POOL_ALLOCATED)
		return TS_E_NOENT;
	p->link[i] = p->free_head;
	p->free_head = i;
	p->in_use--;
	return TS_OK;
}

/*
 * Puts obj back at the head of the free list.  Returns TS_E_INVAL if obj
 * is not a slot of this pool, TS_E_NOENT if the slot is not allocated
 * (pool/double_free_refused); the pool is unchanged in both cases.
 */
/*@ requires pool_mem(p);
  @ requires p->objsize > 0;
  @ assigns p->free_head, p->in_use, p->link[0 .. p->count - 1];
  @ behavior not_a_slot:
  @   assumes \forall integer i; !pool_slot_addr(p, obj, i);
  @   ensures \result == TS_E_INVAL;
  @   assigns \nothing;
  @ behavior not_allocated:
  @   assumes \exists integer i; pool_slot_addr(p, obj, i) &&
  @     p->link[i] != POOL_ALLOCATED;
  @   ensures \result == TS_E_NOENT;
  @   assigns \nothing;
  @ behavior freed:
  @   assumes \exists integer i; pool_slot_addr(p, obj, i) &&
  @     p->link[i] == POOL_ALLOCATED;
  @   ensures \result == TS_OK;
  @   ensures pushed: \forall integer i;
  @     \at(pool_slot_addr(p, obj, i), Pre) ==>
  @     (p->link[i] == \old(p->free_head) && p->free_head == i &&
  @      (\forall integer j; 0 <= j < p->count && j != i ==>
  @        p->link[j] == \at(p->link[j], Pre)));
  @   ensures count: p->in_use == (uint32_t)(\old(p->in_use) - 1);
  @   ensures links_ok: \at(pool_links_ok(p), Pre) ==> pool_links_ok(p);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
/* proved: prove/pool/pool_free (refuses foreign, mid-slot, not-allocated) */
ts_status pool_free(struct pool *p, void *obj)
{
	int64_t idx = pool_index(p, obj);
	uint32_t i;

	if (idx < 0)
		return TS_E_INVAL;
	i = (uint32_t)idx;
	/*@ assert pool_slot_addr(p, obj, i); */
	/*@ assert one_slot: \forall integer j;
	  @   pool_slot_addr(p, obj, j) ==> j == i; */
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
