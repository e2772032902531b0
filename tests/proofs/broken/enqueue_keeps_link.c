/*
 * enqueue_keeps_link.c - a deliberately broken enqueue that does not clear
 * the thread's old link, under the contract of enqueue in
 * kernel/endpoint.c.  make prove must fail to prove it
 * (prove/selftest-enqueue-keeping-a-stale-link-detected).  Keep the
 * contract in step with kernel/endpoint.c.
 */
#include "tests/proofs/endpoint.c"

/*@ requires \valid(q) && \valid(t);
  @ requires q->tail == \null || \valid(q->tail);
  @ requires \separated(q, t);
  @ requires not_queued: q->tail != t;
  @ requires q->tail != \null ==> \separated(q, q->tail);
  @ assigns t->ep_next, q->head, q->tail, q->tail->ep_next;
  @ ensures at_tail: q->tail == t && t->ep_next == \null;
  @ ensures linked: \old(q->tail) != \null ==> \old(q->tail)->ep_next == t;
  @ ensures first: \old(q->tail) == \null ==> q->head == t;
  @ ensures head_kept: \old(q->tail) != \null ==> q->head == \old(q->head);
  @*/
static void enqueue_keeps_link(struct thread_queue *q, struct thread *t)
{
	/* BROKEN ON PURPOSE: t->ep_next is not cleared, so a stale link
	 * from an earlier wait would chain other threads behind t. */
	if (q->tail)
		q->tail->ep_next = t;
	else
		q->head = t;
	q->tail = t;
}
