/*
 * pool_double_free.c - a deliberately broken pool_free_index: the check
 * that the slot is allocated is missing, so a free slot would go on the
 * free list twice (and later be handed out twice).  Same contract as
 * pool_free_index in kernel/pool.c.  make prove must fail to prove it
 * (prove/selftest-pool-double-free-detected).  Keep the contract in step
 * with kernel/pool.c.
 */
#include "kernel/pool.c"

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
ts_status pool_free_index_twice(struct pool *p, uint32_t i)
{
	if (i >= p->count)
		return TS_E_INVAL;
	/* BROKEN ON PURPOSE: no check that the slot is allocated. */
	p->link[i] = p->free_head;
	p->free_head = i;
	p->in_use--;
	return TS_OK;
}
