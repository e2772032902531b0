/*
 * cut_keeps_tail.c - a deliberately broken cut (the step of dequeue and
 * unlink that takes a thread off its list) that leaves the list's tail
 * naming the thread it took off when that thread was the last one, under
 * the contract and assertions of cut in kernel/endpoint.c.  make prove
 * must fail to prove the assertions about the new tail
 * (prove/selftest-cut-keeping-a-stale-tail-detected).  Keep the contract
 * in step with kernel/endpoint.c.
 */
#include "tests/proofs/endpoint.c"

/*@ requires is_q(e, s) && q == queue(e, s) && is_t(j) && c == thr(j);
  @ requires lists_ok;
  @ requires at: 0 <= i < ipc_gq_len[e][s] && ipc_gq[e][s][i] == j;
  @ requires after: (i == 0 ==> prev == \null) &&
  @   (i > 0 ==> prev == thr(ipc_gq[e][s][i - 1]));
  @ assigns q->head, q->tail, prev->ep_next, c->ep_next, c->ep,
  @   ipc_gq[e][s][0 .. MAX_THREADS - 1], ipc_gq_len[e][s], ipc_on_ep[j];
  @ ensures lists_ok;
  @ ensures untagged: ipc_on_ep[j] == -1;
  @ ensures detached: c->ep == \null && c->ep_next == \null;
  @*/
static void cut_keeps_tail(struct thread_queue *q, struct thread *prev,
			   struct thread *c)
	/*@ ghost (int e, int s, int i, int j) */
{
	/*@ assert this_ok: queue_ok(e, s); */
	/*@ assert apart: \forall integer e2, s2, k; is_q(e2, s2) &&
	  @   0 <= k < ipc_gq_len[e2][s2] && (e2 != e || s2 != s || k != i) ==>
	  @   ipc_gq[e2][s2][k] != j;
	  @*/
	/*@ assert next: (i + 1 == ipc_gq_len[e][s] ==> c->ep_next == \null) &&
	  @   (i + 1 < ipc_gq_len[e][s] ==> c->ep_next == thr(ipc_gq[e][s][i + 1]));
	  @*/
	/*@ assert tail_is_c: q->tail == c <==> i + 1 == ipc_gq_len[e][s]; */
	if (prev)
		prev->ep_next = c->ep_next;
	else
		q->head = c->ep_next;
	/* BROKEN ON PURPOSE: the tail is left naming c when c was the last
	 * thread, so the next enqueue would link a new thread behind a
	 * thread that is on no list. */
	c->ep_next = NULL;
	c->ep = NULL;
	/*@ ghost ipc_on_ep[j] = -1; */
	/*@ assert members: members_but(e, s, i); */
	/*@ assert links: links_but(e, s, i); */
	/*@ assert one_left: ipc_gq_len[e][s] == 1 ==>
	  @   q->head == \null && q->tail == \null;
	  @*/
	/*@ assert head_next: i == 0 && ipc_gq_len[e][s] >= 2 ==>
	  @   q->head == thr(ipc_gq[e][s][1]);
	  @*/
	/*@ assert head_kept: i > 0 ==> q->head == thr(ipc_gq[e][s][0]); */
	/*@ assert new_tail: ipc_gq_len[e][s] >= 2 && i == ipc_gq_len[e][s] - 1 ==>
	  @   q->tail == thr(ipc_gq[e][s][ipc_gq_len[e][s] - 2]) &&
	  @   thr(ipc_gq[e][s][ipc_gq_len[e][s] - 2])->ep_next == \null;
	  @*/
	/*@ assert old_tail: ipc_gq_len[e][s] >= 2 && i < ipc_gq_len[e][s] - 1 ==>
	  @   q->tail == thr(ipc_gq[e][s][ipc_gq_len[e][s] - 1]) &&
	  @   thr(ipc_gq[e][s][ipc_gq_len[e][s] - 1])->ep_next == \null;
	  @*/
	/*@ assert ends: ends_but(e, s, i); */
	/*@ ghost gq_remove(e, s, i); */
	/*@ assert others_same: \forall integer e2, s2; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) ==> q_same{Pre, Here}(e2, s2);
	  @*/
	/*@ assert threads: \forall integer k; is_t(k) ==> thread_ok(k); */
}
