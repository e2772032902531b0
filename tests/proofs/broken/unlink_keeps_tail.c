/*
 * unlink_keeps_tail.c - a deliberately broken unlink that leaves the
 * list's tail naming the thread it took off when that thread was the
 * last one, under the contract (and loop annotations) of unlink in
 * kernel/endpoint.c.  make prove must fail to prove its "ends" post-
 * condition (prove/selftest-unlink-keeping-a-stale-tail-detected).  Keep
 * the contract in step with kernel/endpoint.c.
 */
#include "tests/proofs/endpoint.c"

/*@ requires \valid(q) && \valid(t);
  @ requires \separated(q, t);
  @ requires model: queue_ok(q, ipc_gq_len) && owned(q, ipc_gq_len);
  @ requires complete: complete(q, ipc_gq_len);
  @ assigns q->head, q->tail, t->ep_next,
  @   ipc_gq[0 .. MAX_THREADS - 1], ipc_gq_len, ipc_gq_pos,
  @   ipc_gq[0 .. MAX_THREADS - 1]->ep_next;
  @ ensures valid: q_valid(q, ipc_gq_len);
  @ ensures distinct: q_distinct(ipc_gq_len);
  @ behavior member:
  @   assumes \exists integer i; 0 <= i < ipc_gq_len && ipc_gq[i] == t;
  @   ensures removed: \forall integer p; p == ipc_gq_pos ==>
  @     0 <= p <= ipc_gq_len &&
  @     \old(ipc_gq[p]) == t &&
  @     ipc_gq_len == \old(ipc_gq_len) - 1 &&
  @     (\forall integer k; 0 <= k < p ==>
  @        ipc_gq[k] == \old(ipc_gq[k])) &&
  @     (\forall integer k; p <= k < ipc_gq_len ==>
  @        ipc_gq[k] == \old(ipc_gq[k + 1]));
  @   ensures cleared: t->ep_next == \null;
  @   ensures ends: q_ends(q, ipc_gq_len);
  @   ensures links: q_links(ipc_gq_len);
  @   ensures owned: owned(q, ipc_gq_len);
  @   ensures gone: \forall integer k; 0 <= k < ipc_gq_len ==> ipc_gq[k] != t;
  @ behavior absent:
  @   assumes \forall integer i; 0 <= i < ipc_gq_len ==> ipc_gq[i] != t;
  @   ensures same: ipc_gq_len == \old(ipc_gq_len) &&
  @     q->head == \old(q->head) && q->tail == \old(q->tail);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
static void unlink_keeps_tail(struct thread_queue *q, struct thread *t)
{
	struct thread *prev = NULL;
	/*@ ghost int i = 0; */

	/*@ loop invariant 0 <= i <= ipc_gq_len;
	  @ loop invariant i < ipc_gq_len ==> c == ipc_gq[i];
	  @ loop invariant i == ipc_gq_len ==> c == \null;
	  @ loop invariant i == 0 ==> prev == \null;
	  @ loop invariant i > 0 ==> prev == ipc_gq[i - 1];
	  @ loop invariant \forall integer k; 0 <= k < i ==> ipc_gq[k] != t;
	  @ loop assigns c, prev, i;
	  @ loop variant ipc_gq_len - i;
	  @*/
	for (struct thread *c = q->head; c; prev = c, c = c->ep_next) {
		if (c == t) {
			/*@ assert t_apart: c == ipc_gq[i] &&
			  @   \forall integer k; 0 <= k < ipc_gq_len && k != i ==>
			  @     \separated(t, ipc_gq[k]) && t != ipc_gq[k];
			  @*/
			if (prev)
				prev->ep_next = c->ep_next;
			else
				q->head = c->ep_next;
			/* BROKEN ON PURPOSE: q->tail is not moved back when the
			 * last thread is taken, so it still names t. */
			c->ep_next = NULL;
			/*@ assert relinked: q_links_but(i, ipc_gq_len); */
			/*@ assert still_owned: owned(q, ipc_gq_len); */
			/*@ ghost ipc_gq_pos = i; gq_remove(i); */
			return;
		}
		/*@ ghost i++; */
	}
}
