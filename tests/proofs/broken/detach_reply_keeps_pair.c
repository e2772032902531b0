/*
 * detach_reply_keeps_pair.c - a deliberately broken detach_reply (the
 * step of detach that ends a thread's wait for a reply) that forgets the
 * server's side of the pair: the server's reply_to still names the thread
 * after the thread stopped awaiting it, so the server's reply would reach
 * a thread that no longer waits for it (or whatever reuses its slot).
 * Same contract as detach_reply in kernel/endpoint.c; make prove must fail
 * to prove reply_ok / unnamed(j) after it
 * (prove/selftest-detach-keeping-a-reply-pair-detected).  Keep the
 * contract in step with kernel/endpoint.c.
 */
#include "tests/proofs/endpoint.c"

/*@ requires is_t(j) && t == thr(j);
  @ requires reply_ok && ptrs_ok;
  @ assigns t->awaiting, t->awaiting->reply_to;
  @ ensures reply_ok && ptrs_ok && unnamed(j);
  @ ensures lists: \old(lists_ok) ==> lists_ok;
  @ ensures t->awaiting == \null;
  @*/
static void detach_reply_keeps_pair(struct thread *t)
	/*@ ghost (int j) */
{
	if (!t->awaiting)
		return;
	/* BROKEN ON PURPOSE: t->awaiting->reply_to is left naming t. */
	t->awaiting = NULL;
}
