/*
 * endpoint.c - rendezvous IPC, notifications, and the object side of
 * capabilities.
 *
 * INV-IPC, kept here (system tests ipc_*):
 *   IPC-ONE-LIST  a thread is on at most one wait list, and on one only
 *                 while its state is BLOCKED_SEND or BLOCKED_RECV;
 *   IPC-ONCE      a message is copied exactly once, by deliver(), at the
 *                 moment sender and receiver meet; nothing is stored in
 *                 the kernel in between except the blocked thread itself;
 *   IPC-STAMP     the badge, sender pid, name and principal (D1) the
 *                 receiver sees are written by deliver() from the
 *                 capability and the process, never taken from the
 *                 message.
 */
#include <string.h>
#include "kernel/endpoint.h"
#include "kernel/pool.h"
#include "kernel/irq.h"
#include "kernel/audit.h"
#include "kernel/sched.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/ipc.h"

struct thread_queue {
	struct thread *head, *tail;
};

struct endpoint {
	struct thread_queue senders, receivers;
	uint32_t refs, send_refs, recv_refs; /* capabilities naming it */
};

struct notification {
	uint64_t bits;
	struct thread *waiter; /* blocked in notify_wait */
	struct thread *bound;  /* receives the bits through ipc_recv */
	uint32_t refs;
};

POOL_DEFINE(endpoint_pool, struct endpoint, MAX_ENDPOINTS);
POOL_DEFINE(notification_pool, struct notification, MAX_NOTIFICATIONS);

void ipc_init(void)
{
	pool_init(&endpoint_pool);
	pool_init(&notification_pool);
}

static void *object_at(struct pool *pool, uint64_t object)
{
	if (object >= pool->count || pool->link[object] != POOL_ALLOCATED)
		return NULL;
	return pool->storage + object * pool->objsize;
}

unsigned ipc_endpoints_in_use(void)
{
	return endpoint_pool.in_use;
}

/*
 * The run-time form of the wait-list invariant, plus what the proofs
 * leave out (kcheck WAITLISTS, test boots): every list of every live
 * endpoint is a chain of at most MAX_THREADS threads, each waiting on that
 * list (ep and state), the last one its tail; and the threads waiting on
 * some list (ep set, BLOCKED_SEND or BLOCKED_RECV) are exactly as many as
 * the lists hold, so none is missing from its list (completeness) and,
 * since each member waits on the list it is on, none is on two
 * (IPC-ONE-LIST).  Returns NULL, or what is broken.
 */
const char *ipc_wait_lists_broken(void)
{
	unsigned members = 0, waiting = 0;

	for (unsigned e = 0; e < MAX_ENDPOINTS; e++) {
		struct endpoint *ep = object_at(&endpoint_pool, e);
		if (!ep)
			continue;
		for (int side = 0; side < 2; side++) {
			struct thread_queue *q = side ? &ep->receivers : &ep->senders;
			enum thread_state want = side ? THREAD_BLOCKED_RECV :
							THREAD_BLOCKED_SEND;
			struct thread *last = NULL;
			unsigned n = 0;
			for (struct thread *c = q->head; c; c = c->ep_next) {
				if (++n > MAX_THREADS)
					return "a list is longer than MAX_THREADS (a cycle)";
				if (c->ep != ep || c->state != want)
					return "a list member does not wait on that list";
				last = c;
			}
			if (q->tail != last)
				return "a list's tail is not its last member";
			members += n;
		}
	}
	for (unsigned i = 0; i < MAX_THREADS; i++) {
		struct thread *t = proc_thread_by_index(i);
		if (t && t->ep && (t->state == THREAD_BLOCKED_SEND ||
				   t->state == THREAD_BLOCKED_RECV))
			waiting++;
	}
	if (waiting != members)
		return "a waiting thread is not on its list";
	return NULL;
}

/* Test-only kernel (TEST_HOOKS): breaks IPC-ONE-LIST once (a member of a
 * receive list is marked as sending), so kcheck_catches_broken_wait_list
 * sees the check fire.  Returns false while no list has a member. */
bool ipc_test_break_wait_list(void)
{
	if (!TEST_HOOKS_ENABLED)
		return false;
	for (unsigned e = 0; e < MAX_ENDPOINTS; e++) {
		struct endpoint *ep = object_at(&endpoint_pool, e);
		if (ep && ep->receivers.head) {
			ep->receivers.head->state = THREAD_BLOCKED_SEND;
			return true;
		}
	}
	return false;
}

/*
 * The wait lists and their proof (make prove, unit "endpoint").  The ghost
 * model below (ACSL comments: compiled into nothing) names every list of
 * every endpoint at once, threads and endpoints by their pool index:
 *
 *   ipc_gq[e][s][0 .. ipc_gq_len[e][s])  the threads on side s (0 senders,
 *                                        1 receivers) of endpoint e, head
 *                                        to tail;
 *   ipc_on_ep[j], ipc_on_side[j]         the list thread j is on (ep -1:
 *                                        none).
 *
 * lists_ok, the invariant (INV-IPC's IPC-ONE-LIST, proved part):
 *   queue_ok(e, s)  the chain from head through ep_next is exactly the
 *                   model's sequence: n distinct threads, each linked to the
 *                   next, the last to NULL and named by tail (so the chain
 *                   is finite and acyclic), each tagged with (e, s);
 *   thread_ok(j)    a thread tagged with a list waits on it: its ep is
 *                   that endpoint, its state BLOCKED_SEND or _RECV to
 *                   match the side.
 * A member's tag names one list, so a thread is on at most one list
 * (lemma one_list), and only while it waits on it.
 *
 * Proved (prove/endpoint/...): enqueue, cut, dequeue and unlink keep
 * lists_ok on every list at once and add or remove exactly the thread
 * named; the system calls ipc_send, ipc_recv and ipc_reply keep lists_ok,
 * reply_ok and ptrs_ok (below) and deliver at most one message
 * (IPC-ONCE), under ipc_entry: a running pool thread calls, with the
 * invariants whole.  detach (and its steps), wake_all, ipc_thread_gone,
 * ipc_check_timeouts, ipc_cap_node_freed, the notification calls
 * (notify_bind, notify_wait, notify_signal) and object_cap_removed keep
 * all three too; detach leaves the thread on no list and named by no
 * reply pair, and so does thread death (which also clears the reply it
 * owed).
 * Not proved yet: completeness (every waiting thread is on its list),
 * and so that no thread names a freed endpoint.  Checked at run time instead: kcheck WAITLISTS
 * (ipc_wait_lists_broken above) in every test boot.
 *
 * Assumed (tests/proofs/endpoint.c): the threads are the objects of the
 * thread pool, thread_pool_objects[0 .. MAX_THREADS), as proc.c's
 * POOL_DEFINE makes them, and every struct thread * passed here is one.
 */
/*@ ghost int ipc_gq[MAX_ENDPOINTS][2][MAX_THREADS]; */
/*@ ghost int ipc_gq_len[MAX_ENDPOINTS][2]; */
/*@ ghost int ipc_on_ep[MAX_THREADS]; */
/*@ ghost int ipc_on_side[MAX_THREADS]; */

/*@ logic struct thread *thr(integer j) = &thread_pool_objects[j];
  @ logic struct endpoint *epo(integer e) = &endpoint_pool_objects[e];
  @ logic struct thread_queue *queue(integer e, integer s) =
  @   s == 0 ? &endpoint_pool_objects[e].senders :
  @            &endpoint_pool_objects[e].receivers;
  @ logic integer side_state(integer s) =
  @   s == 0 ? THREAD_BLOCKED_SEND : THREAD_BLOCKED_RECV;
  @ predicate is_q(integer e, integer s) =
  @   0 <= e < MAX_ENDPOINTS && 0 <= s <= 1;
  @ predicate is_t(integer j) = 0 <= j < MAX_THREADS;
  @
  @ predicate q_members{L}(integer e, integer s) =
  @   0 <= ipc_gq_len[e][s] <= MAX_THREADS &&
  @   \forall integer i; 0 <= i < ipc_gq_len[e][s] ==>
  @     is_t(ipc_gq[e][s][i]) && ipc_on_ep[ipc_gq[e][s][i]] == e &&
  @     ipc_on_side[ipc_gq[e][s][i]] == s;
  @ predicate q_distinct{L}(integer e, integer s) =
  @   \forall integer i, k; 0 <= i < k < ipc_gq_len[e][s] ==>
  @     ipc_gq[e][s][i] != ipc_gq[e][s][k];
  @ predicate q_empty{L}(integer e, integer s) =
  @   ipc_gq_len[e][s] == 0 ==>
  @     queue(e, s)->head == \null && queue(e, s)->tail == \null;
  @ predicate q_head{L}(integer e, integer s) =
  @   ipc_gq_len[e][s] > 0 ==> queue(e, s)->head == thr(ipc_gq[e][s][0]);
  @ predicate q_tail{L}(integer e, integer s) =
  @   ipc_gq_len[e][s] > 0 ==>
  @     queue(e, s)->tail == thr(ipc_gq[e][s][ipc_gq_len[e][s] - 1]);
  @ predicate q_last{L}(integer e, integer s) =
  @   ipc_gq_len[e][s] > 0 ==>
  @     thr(ipc_gq[e][s][ipc_gq_len[e][s] - 1])->ep_next == \null;
  @ predicate q_ends{L}(integer e, integer s) =
  @   q_empty(e, s) && q_head(e, s) && q_tail(e, s) && q_last(e, s);
  @ predicate q_links{L}(integer e, integer s) =
  @   \forall integer i; 0 <= i < ipc_gq_len[e][s] - 1 ==>
  @     thr(ipc_gq[e][s][i])->ep_next == thr(ipc_gq[e][s][i + 1]);
  @ predicate queue_ok{L}(integer e, integer s) =
  @   q_members(e, s) && q_distinct(e, s) && q_ends(e, s) && q_links(e, s);
  @
  @ predicate thread_ok{L}(integer j) =
  @   ipc_on_ep[j] == -1 ||
  @   (is_q(ipc_on_ep[j], ipc_on_side[j]) &&
  @    thr(j)->ep == epo(ipc_on_ep[j]) &&
  @    thr(j)->state == side_state(ipc_on_side[j]));
  @
  @ predicate lists_ok{L} =
  @   (\forall integer e, s; is_q(e, s) ==> queue_ok(e, s)) &&
  @   (\forall integer j; is_t(j) ==> thread_ok(j));
  @
  @ // What removing position p leaves queue_ok needing, stated on the
  @ // model before the removal (gq_remove turns these into q_members,
  @ // q_links and q_ends).
  @ predicate members_but{L}(integer e, integer s, integer p) =
  @   0 <= ipc_gq_len[e][s] <= MAX_THREADS &&
  @   \forall integer i; 0 <= i < ipc_gq_len[e][s] && i != p ==>
  @     is_t(ipc_gq[e][s][i]) && ipc_on_ep[ipc_gq[e][s][i]] == e &&
  @     ipc_on_side[ipc_gq[e][s][i]] == s;
  @ predicate links_but{L}(integer e, integer s, integer p) =
  @   (\forall integer i; 0 <= i < p - 1 ==>
  @      thr(ipc_gq[e][s][i])->ep_next == thr(ipc_gq[e][s][i + 1])) &&
  @   (0 < p && p + 1 < ipc_gq_len[e][s] ==>
  @      thr(ipc_gq[e][s][p - 1])->ep_next == thr(ipc_gq[e][s][p + 1])) &&
  @   (\forall integer i; p + 1 <= i < ipc_gq_len[e][s] - 1 ==>
  @      thr(ipc_gq[e][s][i])->ep_next == thr(ipc_gq[e][s][i + 1]));
  @ predicate ends_but{L}(integer e, integer s, integer p) =
  @   (ipc_gq_len[e][s] == 1 ==>
  @      queue(e, s)->head == \null && queue(e, s)->tail == \null) &&
  @   (ipc_gq_len[e][s] >= 2 ==>
  @      queue(e, s)->head == thr(ipc_gq[e][s][p == 0 ? 1 : 0]) &&
  @      queue(e, s)->tail == thr(ipc_gq[e][s][p == ipc_gq_len[e][s] - 1 ?
  @        ipc_gq_len[e][s] - 2 : ipc_gq_len[e][s] - 1]) &&
  @      thr(ipc_gq[e][s][p == ipc_gq_len[e][s] - 1 ?
  @        ipc_gq_len[e][s] - 2 : ipc_gq_len[e][s] - 1])->ep_next == \null);
  @
  @ // q_same: nothing queue_ok(e, s) reads changed between L1 and L2.
  @ predicate q_same{L1, L2}(integer e, integer s) =
  @   \at(ipc_gq_len[e][s], L1) == \at(ipc_gq_len[e][s], L2) &&
  @   \at(queue(e, s)->head, L1) == \at(queue(e, s)->head, L2) &&
  @   \at(queue(e, s)->tail, L1) == \at(queue(e, s)->tail, L2) &&
  @   \forall integer i; 0 <= i < \at(ipc_gq_len[e][s], L1) ==>
  @     \at(ipc_gq[e][s][i], L2) == \at(ipc_gq[e][s][i], L1) &&
  @     \at(ipc_on_ep[\at(ipc_gq[e][s][i], L1)], L2) ==
  @       \at(ipc_on_ep[\at(ipc_gq[e][s][i], L1)], L1) &&
  @     \at(ipc_on_side[\at(ipc_gq[e][s][i], L1)], L2) ==
  @       \at(ipc_on_side[\at(ipc_gq[e][s][i], L1)], L1) &&
  @     \at(thr(\at(ipc_gq[e][s][i], L1))->ep_next, L2) ==
  @       \at(thr(\at(ipc_gq[e][s][i], L1))->ep_next, L1);
  @
  @ lemma frame_members{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_members{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   q_members{L2}(e, s);
  @ lemma frame_distinct{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_distinct{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   q_distinct{L2}(e, s);
  @ lemma frame_empty{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_empty{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   q_empty{L2}(e, s);
  @ lemma frame_head{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_head{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   q_head{L2}(e, s);
  @ lemma frame_tail{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_tail{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   q_tail{L2}(e, s);
  @ lemma frame_last{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_last{L1}(e, s) && q_members{L1}(e, s) &&
  @   q_same{L1, L2}(e, s) ==> q_last{L2}(e, s);
  @ lemma frame_ends{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_ends{L1}(e, s) && q_members{L1}(e, s) &&
  @   q_same{L1, L2}(e, s) ==> q_ends{L2}(e, s);
  @ lemma frame_links{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && q_links{L1}(e, s) && q_members{L1}(e, s) &&
  @   q_same{L1, L2}(e, s) ==> q_links{L2}(e, s);
  @ lemma queue_frame{L1, L2}: \forall integer e, s;
  @   is_q(e, s) && queue_ok{L1}(e, s) && q_same{L1, L2}(e, s) ==>
  @   queue_ok{L2}(e, s);
  @
  @ lemma one_list{L}: lists_ok ==>
  @   \forall integer e1, s1, i1, e2, s2, i2;
  @     is_q(e1, s1) && is_q(e2, s2) &&
  @     0 <= i1 < ipc_gq_len[e1][s1] && 0 <= i2 < ipc_gq_len[e2][s2] &&
  @     ipc_gq[e1][s1][i1] == ipc_gq[e2][s2][i2] ==>
  @     e1 == e2 && s1 == s2 && i1 == i2;
  @*/

/*
 * reply_ok, the invariant of the reply pairs (kept by the system calls
 * below): a thread named by some server's reply_to is on no list,
 * BLOCKED_REPLY, and awaits exactly that server (so one server at most
 * owes it a reply).
 */
/*@ predicate reply_threads{L} =
  @   \forall integer k; is_t(k) ==> thr(k)->reply_to == \null ||
  @     \exists integer j; is_t(j) && thr(k)->reply_to == thr(j);
  @ predicate reply_ok{L} = reply_threads &&
  @   \forall integer k, j; is_t(k) && is_t(j) &&
  @     thr(k)->reply_to == thr(j) ==>
  @     ipc_on_ep[j] == -1 && thr(j)->state == THREAD_BLOCKED_REPLY &&
  @     thr(j)->awaiting == thr(k);
  @ predicate unnamed{L}(integer j) =
  @   \forall integer k; is_t(k) ==> thr(k)->reply_to != thr(j);
  @ // pairs_same: nothing reply_ok reads changed between L1 and L2.
  @ predicate pairs_same{L1, L2} = \forall integer m; is_t(m) ==>
  @   \at(thr(m)->reply_to, L1) == \at(thr(m)->reply_to, L2) &&
  @   \at(thr(m)->awaiting, L1) == \at(thr(m)->awaiting, L2) &&
  @   \at(thr(m)->state, L1) == \at(thr(m)->state, L2) &&
  @   \at(ipc_on_ep[m], L1) == \at(ipc_on_ep[m], L2);
  @ lemma reply_frame{L1, L2}:
  @   reply_ok{L1} && pairs_same{L1, L2} ==> reply_ok{L2};
  @ predicate is_thread(struct thread *t) =
  @   \exists integer k; is_t(k) && t == thr(k);
  @*/

/*
 * ptrs_ok: what the IPC pointers may name (so detach and notify_signal
 * can follow them): a thread's ep an endpoint, its ntf and bound_ntf a
 * notification, its awaiting a thread; a notification's waiter and bound
 * a thread; or NULL.
 * A thread's ep may name an endpoint while it is on no list (wait_on sets
 * it just before enqueue; unlink then finds nothing to take off).
 * live_ok: a wait list holds threads only while its endpoint is allocated
 * (so no thread waits on a freed endpoint, and a slot's lists are empty
 * when endpoint_create hands it out again): enqueue requires the endpoint
 * allocated, and endpoint_cap_removed empties both lists when it frees it.
 */
/*@ predicate is_endpoint(struct endpoint *ep) =
  @   \exists integer e; 0 <= e < MAX_ENDPOINTS && ep == epo(e);
  @ predicate is_notification(struct notification *n) =
  @   \exists integer i; 0 <= i < MAX_NOTIFICATIONS &&
  @     n == &notification_pool_objects[i];
  @ predicate thread_ptrs_ok{L} = \forall integer j; is_t(j) ==>
  @   (thr(j)->ep == \null || is_endpoint(thr(j)->ep)) &&
  @   (thr(j)->ntf == \null || is_notification(thr(j)->ntf)) &&
  @   (thr(j)->awaiting == \null || is_thread(thr(j)->awaiting)) &&
  @   (thr(j)->bound_ntf == \null || is_notification(thr(j)->bound_ntf));
  @ predicate ntf_ptrs_ok{L} = \forall integer i; 0 <= i < MAX_NOTIFICATIONS ==>
  @   (notification_pool_objects[i].waiter == \null ||
  @    is_thread(notification_pool_objects[i].waiter)) &&
  @   (notification_pool_objects[i].bound == \null ||
  @    is_thread(notification_pool_objects[i].bound));
  @ predicate live_ok{L} = \forall integer e, s; is_q(e, s) &&
  @   ipc_gq_len[e][s] > 0 ==> endpoint_pool_links[e] == POOL_ALLOCATED;
  @ predicate ptrs_ok{L} = thread_ptrs_ok && ntf_ptrs_ok && live_ok;
  @
  @ // No thread waits on a freed endpoint: every member of a wait list is
  @ // on the list of an allocated endpoint.
  @ lemma waits_on_live{L}: live_ok ==> \forall integer e, s, i;
  @   is_q(e, s) && 0 <= i < ipc_gq_len[e][s] ==>
  @   endpoint_pool_links[e] == POOL_ALLOCATED;
  @*/


/*@ ghost
  @ /@ requires \exists integer k; is_t(k) && t == thr(k);
  @    assigns \nothing;
  @    ensures is_t(\result) && t == thr(\result);
  @ @/
  @ static int thread_index(struct thread *t)
  @ {
  @   /@ loop invariant 0 <= k <= MAX_THREADS;
  @      loop invariant \forall integer i; 0 <= i < k ==> t != thr(i);
  @      loop assigns k;
  @      loop variant MAX_THREADS - k;
  @   @/
  @   for (int k = 0; k < MAX_THREADS; k++)
  @     if (t == &thread_pool_objects[k])
  @       return k;
  @   return 0;
  @ }
  @*/

/*@ ghost
  @ /@ requires \exists integer k; 0 <= k < MAX_ENDPOINTS && ep == epo(k);
  @    assigns \nothing;
  @    ensures 0 <= \result < MAX_ENDPOINTS && ep == epo(\result);
  @ @/
  @ static int endpoint_index(struct endpoint *ep)
  @ {
  @   /@ loop invariant 0 <= k <= MAX_ENDPOINTS;
  @      loop invariant \forall integer i; 0 <= i < k ==> ep != epo(i);
  @      loop assigns k;
  @      loop variant MAX_ENDPOINTS - k;
  @   @/
  @   for (int k = 0; k < MAX_ENDPOINTS; k++)
  @     if (ep == &endpoint_pool_objects[k])
  @       return k;
  @   return 0;
  @ }
  @*/

/*
 * room: a list never holds every thread when one of them is on no list
 * (pigeonhole).  Proved by building a permutation of the thread indices
 * whose first n entries are the list's members: the untagged thread j
 * then sits at a position >= n, and positions stop at MAX_THREADS.
 */
/*@ ghost
  @ /@ requires is_q(e, s) && is_t(j);
  @    requires q_members(e, s) && q_distinct(e, s);
  @    requires ipc_on_ep[j] == -1;
  @    assigns \nothing;
  @    ensures ipc_gq_len[e][s] < MAX_THREADS;
  @ @/
  @ static void room(int e, int s, int j)
  @ {
  @   int perm[MAX_THREADS];
  @   int inv[MAX_THREADS];
  @   /@ loop invariant 0 <= k <= MAX_THREADS;
  @      loop invariant \forall integer p; 0 <= p < k ==>
  @        perm[p] == p && inv[p] == p;
  @      loop assigns k, perm[0 .. MAX_THREADS - 1], inv[0 .. MAX_THREADS - 1];
  @      loop variant MAX_THREADS - k;
  @   @/
  @   for (int k = 0; k < MAX_THREADS; k++) {
  @     perm[k] = k;
  @     inv[k] = k;
  @   }
  @   /@ loop invariant 0 <= i <= ipc_gq_len[e][s];
  @      loop invariant \forall integer p; 0 <= p < MAX_THREADS ==>
  @        is_t(perm[p]) && inv[perm[p]] == p;
  @      loop invariant \forall integer v; 0 <= v < MAX_THREADS ==>
  @        is_t(inv[v]) && perm[inv[v]] == v;
  @      loop invariant \forall integer p; 0 <= p < i ==>
  @        perm[p] == ipc_gq[e][s][p];
  @      loop assigns i, perm[0 .. MAX_THREADS - 1], inv[0 .. MAX_THREADS - 1];
  @      loop variant ipc_gq_len[e][s] - i;
  @   @/
  @   for (int i = 0; i < ipc_gq_len[e][s]; i++) {
  @     int v = ipc_gq[e][s][i];
  @     int p = inv[v];
  @     /@ assert p >= i; @/
  @     int w = perm[i];
  @     perm[i] = v;
  @     perm[p] = w;
  @     inv[w] = p;
  @     inv[v] = i;
  @   }
  @   /@ assert ipc_gq_len[e][s] <= inv[j]; @/
  @ }
  @*/

/* gq_remove: the model loses position p of list (e, s). */
/*@ ghost
  @ /@ requires is_q(e, s) && 0 <= p < ipc_gq_len[e][s] <= MAX_THREADS;
  @    assigns ipc_gq[e][s][0 .. MAX_THREADS - 1], ipc_gq_len[e][s];
  @    ensures ipc_gq_len[e][s] == \old(ipc_gq_len[e][s]) - 1;
  @    ensures \forall integer k; 0 <= k < p ==>
  @      ipc_gq[e][s][k] == \old(ipc_gq[e][s][k]);
  @    ensures \forall integer k; p <= k < ipc_gq_len[e][s] ==>
  @      ipc_gq[e][s][k] == \old(ipc_gq[e][s][k + 1]);
  @    ensures \old(members_but(e, s, p)) ==> q_members(e, s);
  @    ensures \old(q_distinct(e, s)) ==> q_distinct(e, s);
  @    ensures \old(links_but(e, s, p)) ==> q_links(e, s);
  @    ensures \old(ends_but(e, s, p)) ==> q_ends(e, s);
  @ @/
  @ static void gq_remove(int e, int s, int p)
  @ {
  @   /@ loop invariant p <= i <= ipc_gq_len[e][s] - 1;
  @      loop invariant \forall integer k; 0 <= k < p ==>
  @        ipc_gq[e][s][k] == \at(ipc_gq[e][s][k], Pre);
  @      loop invariant \forall integer k; p <= k < i ==>
  @        ipc_gq[e][s][k] == \at(ipc_gq[e][s][k + 1], Pre);
  @      loop invariant \forall integer k; i <= k < ipc_gq_len[e][s] ==>
  @        ipc_gq[e][s][k] == \at(ipc_gq[e][s][k], Pre);
  @      loop assigns i, ipc_gq[e][s][p .. ipc_gq_len[e][s] - 2];
  @      loop variant ipc_gq_len[e][s] - i;
  @   @/
  @   for (int i = p; i < ipc_gq_len[e][s] - 1; i++)
  @     ipc_gq[e][s][i] = ipc_gq[e][s][i + 1];
  @   ipc_gq_len[e][s]--;
  @ }
  @*/

/* Puts t, already waiting on q (ep and state set), at q's tail. */
/*@ requires is_q(e, s) && is_t(j) && q == queue(e, s) && t == thr(j);
  @ requires lists_ok;
  @ requires untagged: ipc_on_ep[j] == -1;
  @ requires waits: t->ep == epo(e) && t->state == side_state(s);
  @ requires live: endpoint_pool_links[e] == POOL_ALLOCATED;
  @ assigns t->ep_next, q->head, q->tail, q->tail->ep_next,
  @   ipc_gq[e][s][ipc_gq_len[e][s]], ipc_gq_len[e][s],
  @   ipc_on_ep[j], ipc_on_side[j];
  @ ensures lists_ok;
  @ ensures replies: \old(reply_ok) && \old(unnamed(j)) ==> reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures tagged: ipc_on_ep[j] == e && ipc_on_side[j] == s;
  @ ensures at_tail: q->tail == t && t->ep_next == \null;
  @ ensures appended: ipc_gq_len[e][s] == \old(ipc_gq_len[e][s]) + 1 &&
  @   ipc_gq[e][s][\old(ipc_gq_len[e][s])] == j;
  @*/
static void enqueue(struct thread_queue *q, struct thread *t)
	/*@ ghost (int e, int s, int j) */
{
	/*@ ghost room(e, s, j); */
	/*@ ghost int n = ipc_gq_len[e][s]; */
	/*@ ghost int last = n > 0 ? ipc_gq[e][s][n - 1] : j; */
	t->ep_next = NULL;
	if (q->tail)
		q->tail->ep_next = t;
	else
		q->head = t;
	q->tail = t;
	/*@ assert links_kept: \forall integer k; is_t(k) && k != j && k != last ==>
	  @   thr(k)->ep_next == \at(thr(k)->ep_next, Pre);
	  @*/
	/*@ assert ends_kept: \forall integer e2, s2; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) ==>
	  @   queue(e2, s2)->head == \at(queue(e2, s2)->head, Pre) &&
	  @   queue(e2, s2)->tail == \at(queue(e2, s2)->tail, Pre);
	  @*/
	/*@ assert others_apart: \forall integer e2, s2, i; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) && 0 <= i < ipc_gq_len[e2][s2] ==>
	  @   ipc_gq[e2][s2][i] != j && ipc_gq[e2][s2][i] != last;
	  @*/
	/*@ ghost
	  @ ipc_gq[e][s][ipc_gq_len[e][s]] = j;
	  @ ipc_gq_len[e][s]++;
	  @ ipc_on_ep[j] = e;
	  @ ipc_on_side[j] = s;
	  @*/
	/*@ assert model_kept: \forall integer e2, s2; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) ==>
	  @   ipc_gq_len[e2][s2] == \at(ipc_gq_len[e2][s2], Pre) &&
	  @   \forall integer i; 0 <= i < ipc_gq_len[e2][s2] ==>
	  @     ipc_gq[e2][s2][i] == \at(ipc_gq[e2][s2][i], Pre);
	  @*/
	/*@ assert others_same: \forall integer e2, s2; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) ==> q_same{Pre, Here}(e2, s2);
	  @*/
	/*@ assert threads: \forall integer k; is_t(k) ==> thread_ok(k); */
	/*@ assert this_queue: queue_ok(e, s); */
	/*@ assert other_queues: \forall integer e2, s2; is_q(e2, s2) &&
	  @   (e2 != e || s2 != s) ==> queue_ok(e2, s2);
	  @*/
}

/* Takes c, the thread after prev (or the head), off q: it waits on
 * nothing after (ep cleared). */
/*@ requires is_q(e, s) && q == queue(e, s) && is_t(j) && c == thr(j);
  @ requires lists_ok;
  @ requires at: 0 <= i < ipc_gq_len[e][s] && ipc_gq[e][s][i] == j;
  @ requires after: (i == 0 ==> prev == \null) &&
  @   (i > 0 ==> prev == thr(ipc_gq[e][s][i - 1]));
  @ assigns q->head, q->tail, prev->ep_next, c->ep_next, c->ep,
  @   ipc_gq[e][s][0 .. MAX_THREADS - 1], ipc_gq_len[e][s], ipc_on_ep[j];
  @ ensures lists_ok;
  @ ensures replies: \old(reply_ok) ==> reply_ok;
  @ ensures pointers: \old(thread_ptrs_ok) ==> thread_ptrs_ok;
  @ ensures ntfs: \old(ntf_ptrs_ok) ==> ntf_ptrs_ok;
  @ ensures shorter: ipc_gq_len[e][s] == \old(ipc_gq_len[e][s]) - 1;
  @ ensures untagged: ipc_on_ep[j] == -1;
  @ ensures detached: c->ep == \null && c->ep_next == \null;
  @*/
static void cut(struct thread_queue *q, struct thread *prev, struct thread *c)
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
	if (q->tail == c)
		q->tail = prev;
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
	/*@ assert ntfs_same: \forall integer n; 0 <= n < MAX_NOTIFICATIONS ==>
	  @   notification_pool_objects[n].waiter ==
	  @     \at(notification_pool_objects[n].waiter, Pre) &&
	  @   notification_pool_objects[n].bound ==
	  @     \at(notification_pool_objects[n].bound, Pre);
	  @*/
}

/* Takes the thread at q's head off (its ep cleared), or returns NULL. */
/*@ requires is_q(e, s) && q == queue(e, s);
  @ requires lists_ok;
  @ assigns q->head, q->tail, q->head->ep_next, q->head->ep,
  @   ipc_gq[e][s][0 .. MAX_THREADS - 1], ipc_gq_len[e][s],
  @   ipc_on_ep[0 .. MAX_THREADS - 1];
  @ ensures lists_ok;
  @ ensures replies: \old(reply_ok) ==> reply_ok;
  @ ensures replies_same: \forall integer m; is_t(m) ==>
  @   thr(m)->reply_to == \old(thr(m)->reply_to);
  @ ensures pointers: \old(thread_ptrs_ok) ==> thread_ptrs_ok;
  @ ensures ntfs: \old(ntf_ptrs_ok) ==> ntf_ptrs_ok;
  @ ensures live: \old(live_ok) ==> live_ok;
  @ ensures empty: \result == \null ==> \old(ipc_gq_len[e][s]) == 0 &&
  @   ipc_gq_len[e][s] == 0;
  @ ensures shorter: \result != \null ==>
  @   ipc_gq_len[e][s] == \old(ipc_gq_len[e][s]) - 1;
  @ ensures taken: \result != \null ==>
  @   \old(ipc_gq_len[e][s]) > 0 && is_t(\old(ipc_gq[e][s][0])) &&
  @   \old(ipc_on_ep[ipc_gq[e][s][0]]) == e &&
  @   \result == thr(\old(ipc_gq[e][s][0])) &&
  @   ipc_on_ep[\old(ipc_gq[e][s][0])] == -1 &&
  @   \result->ep == \null && \result->ep_next == \null;
  @ ensures tags_kept: \forall integer k; is_t(k) && ipc_on_ep[k] != -1 ==>
  @   ipc_on_ep[k] == \old(ipc_on_ep[k]);
  @*/
static struct thread *dequeue(struct thread_queue *q)
	/*@ ghost (int e, int s) */
{
	struct thread *t = q->head;

	if (t) {
		/*@ assert head: queue_ok(e, s) && ipc_gq_len[e][s] > 0 &&
		  @   t == thr(ipc_gq[e][s][0]);
		  @*/
		/*@ ghost int j = ipc_gq[e][s][0]; */
		cut(q, NULL, t) /*@ ghost (e, s, 0, j) */;
	}
	return t;
}

/* Takes t off q if it is there; either way t is on no list after. */
/*@ requires is_q(e, s) && is_t(j) && q == queue(e, s) && t == thr(j);
  @ requires lists_ok;
  @ requires tag: ipc_on_ep[j] == -1 ||
  @   (ipc_on_ep[j] == e && ipc_on_side[j] == s);
  @ assigns q->head, q->tail, thread_pool_objects[0 .. MAX_THREADS - 1].ep_next,
  @   t->ep, ipc_gq[e][s][0 .. MAX_THREADS - 1], ipc_gq_len[e][s], ipc_on_ep[j];
  @ ensures lists_ok;
  @ ensures replies: \old(reply_ok) ==> reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures untagged: ipc_on_ep[j] == -1;
  @*/
static void unlink(struct thread_queue *q, struct thread *t)
	/*@ ghost (int e, int s, int j) */
{
	struct thread *prev = NULL;
	/*@ ghost int i = 0; */

	/*@ loop invariant 0 <= i <= ipc_gq_len[e][s];
	  @ loop invariant i < ipc_gq_len[e][s] ==> c == thr(ipc_gq[e][s][i]);
	  @ loop invariant i == ipc_gq_len[e][s] ==> c == \null;
	  @ loop invariant i == 0 ==> prev == \null;
	  @ loop invariant i > 0 ==> prev == thr(ipc_gq[e][s][i - 1]);
	  @ loop invariant \forall integer k; 0 <= k < i ==> ipc_gq[e][s][k] != j;
	  @ loop assigns c, prev, i;
	  @ loop variant ipc_gq_len[e][s] - i;
	  @*/
	for (struct thread *c = q->head; c; prev = c, c = c->ep_next) {
		if (c == t) {
			cut(q, prev, c) /*@ ghost (e, s, i, j) */;
			return;
		}
		/*@ ghost i++; */
	}
	/*@ ghost ipc_on_ep[j] = -1; */
	/*@ assert others_same: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   q_same{Pre, Here}(e2, s2);
	  @*/
}

static void detach(struct thread *t) /*@ ghost (int j) */;

/*
 * IPC-ONCE: ipc_deliveries counts deliver() calls in one IPC operation
 * (ipc_send, ipc_recv or ipc_reply; SYS_REPLY_RECV runs two, a reply then
 * a receive, each its own message).  Each operation starts at 0 (a ghost
 * precondition; no code resets it) and deliver requires it to be 0, so a
 * second copy in the same operation is a proof failure, and a sender's
 * message is delivered only once it is off every list (dequeue took it).
 * ipc_user_pages stands for the IPC buffer pages deliver writes.
 */
/*@ ghost int ipc_deliveries; */
/*@ ghost int ipc_user_pages; */


/* ASSUMED contract (not proved: the header is written through the direct
 * map): the bits go to the thread's registers and IPC header page. */
/*@ requires \valid(t) && \valid(n);
  @ assigns t->ctx, ipc_user_pages, n->bits;
  @*/
static void deliver_bits(struct thread *t, struct notification *n);

/* ASSUMED contract (not proved: the body goes through the direct map):
 * the header is readable. */
/*@ requires \valid_read(t);
  @ assigns \nothing;
  @ ensures \valid_read(&\result->timeout_ns);
  @*/
static struct ipc_header *header_of(struct thread *t)
{
	return phys_to_virt(t->proc->ipcbuf_pa[0]);
}

/* Ends a wait: the thread resumes with status in rax. */
/*@ requires is_t(j) && t == thr(j);
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1;
  @ requires unnamed(j);
  @ assigns t->ctx.rax, t->ep, t->ntf, t->deadline_ns, t->state, t->next;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(thread_ptrs_ok) ==> thread_ptrs_ok;
  @ ensures ntfs: \old(ntf_ptrs_ok) ==> ntf_ptrs_ok;
  @ ensures t->ep == \null && t->ntf == \null && t->state == THREAD_READY;
  @*/
static void wake(struct thread *t, ts_status status)
	/*@ ghost (int j) */
{
	t->ctx.rax = (uint64_t)status;
	t->ep = NULL;
	t->ntf = NULL;
	t->deadline_ns = 0;
	sched_make_ready(t);
}

/* Marks t blocked, with the timeout it put in its IPC buffer header. */
/*@ requires is_t(j) && t == thr(j);
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1;
  @ requires state == THREAD_BLOCKED_REPLY || unnamed(j);
  @ assigns t->state, t->deadline_ns;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures t->state == state;
  @*/
static void block(struct thread *t, enum thread_state state)
	/*@ ghost (int j) */
{
	uint64_t timeout = header_of(t)->timeout_ns;

	t->state = state;
	t->deadline_ns = timeout ? time_ns() + timeout : 0;
}

/* IPC-ONCE, IPC-STAMP: the one place a message moves.  ASSUMED contract
 * (not proved: the copy goes through the direct map to the IPC buffer
 * pages, user frames outside every kernel pool, which the proof names
 * ipc_user_pages): it writes only the receiver's registers and those
 * pages, and counts itself. */
/*@ requires \valid(from) && \valid(to);
  @ requires once: ipc_deliveries == 0;
  @ assigns to->ctx, ipc_user_pages, ipc_deliveries;
  @ ensures ipc_deliveries == 1;
  @*/
static void deliver(struct thread *from, struct thread *to, uint64_t badge)
{
	uint64_t info = from->ctx.rsi;
	uint32_t len = IPC_INFO_LEN(info);
	struct ipc_header *h = header_of(to);

	to->ctx.rdi = badge;
	to->ctx.rsi = info;
	to->ctx.rdx = from->ctx.rdx;
	to->ctx.r10 = from->ctx.r10;
	to->ctx.r8 = from->ctx.r8;
	to->ctx.r9 = from->ctx.r9;
	to->ctx.rax = TS_OK;
	if (len)
		memcpy(phys_to_virt(to->proc->ipcbuf_pa[1]),
		       phys_to_virt(from->proc->ipcbuf_pa[1]), len);
	h->sender_pid = from->proc->pid;
	h->sender_badge = badge;
	_Static_assert(sizeof(h->sender_name) >= PROC_NAME_MAX,
		       "the header holds any process name");
	memcpy(h->sender_name, from->proc->name, PROC_NAME_MAX);
	memcpy(h->sender_principal, from->proc->principal, PRINCIPAL_BYTES);
	/*@ ghost ipc_deliveries++; */
}

/* A server that takes a new message without replying abandons the call
 * it owed: that caller is told, not left waiting for ever. */
/*@ requires is_t(k) && server == thr(k);
  @ requires lists_ok && reply_ok;
  @ assigns server->reply_to, server->reply_to->awaiting,
  @   server->reply_to->ctx.rax, server->reply_to->ep, server->reply_to->ntf,
  @   server->reply_to->deadline_ns, server->reply_to->state,
  @   server->reply_to->next;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures server->reply_to == \null;
  @*/
static void abandon_reply(struct thread *server)
	/*@ ghost (int k) */
{
	struct thread *caller = server->reply_to;

	if (!caller)
		return;
	/*@ ghost int j = thread_index(caller); */
	server->reply_to = NULL;
	caller->awaiting = NULL;
	wake(caller, TS_E_DEAD) /*@ ghost (j) */;
}

/* The caller waits for server's reply after its message was delivered. */
/*@ requires is_t(j) && caller == thr(j) && is_t(k) && server == thr(k);
  @ requires j != k;
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1 && ipc_on_ep[k] == -1;
  @ requires unnamed(j) && unnamed(k);
  @ assigns server->reply_to, server->reply_to->awaiting,
  @   server->reply_to->ctx.rax, server->reply_to->ep, server->reply_to->ntf,
  @   server->reply_to->deadline_ns, server->reply_to->state,
  @   server->reply_to->next, caller->awaiting, caller->state;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @*/
static void await_reply(struct thread *caller, struct thread *server)
	/*@ ghost (int j, int k) */
{
	abandon_reply(server) /*@ ghost (k) */;
	/*@ assert untagged: ipc_on_ep[j] == -1; */
	/*@ assert lists_ok; */
	/*@ assert caller_unnamed: unnamed(j); */
	/*@ ghost Abandoned: ; */
	server->reply_to = caller;
	caller->awaiting = server;
	caller->state = THREAD_BLOCKED_REPLY;
	/*@ assert others_named: \forall integer m; is_t(m) && m != k ==>
	  @   thr(m)->reply_to == \at(thr(m)->reply_to, Abandoned);
	  @*/
	/*@ assert others_wait: \forall integer m; is_t(m) && m != j ==>
	  @   thr(m)->awaiting == \at(thr(m)->awaiting, Abandoned) &&
	  @   thr(m)->state == \at(thr(m)->state, Abandoned);
	  @*/
	/*@ assert old_pairs: \forall integer k2, m; is_t(k2) && is_t(m) &&
	  @   k2 != k && thr(k2)->reply_to == thr(m) ==>
	  @   m != j && ipc_on_ep[m] == -1 &&
	  @   thr(m)->state == THREAD_BLOCKED_REPLY && thr(m)->awaiting == thr(k2);
	  @*/
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Abandoned, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
}

/*@ requires \valid_read(t);
  @ assigns \nothing;
  @*/
static ts_status check_payload(const struct thread *t)
{
	return IPC_INFO_LEN(t->ctx.rsi) > IPC_PAYLOAD_MAX ? TS_E_INVAL : TS_OK;
}

/* object_at for endpoints, typed (the proofs follow the pointer). */
/*@ requires endpoint_pool.link == endpoint_pool_links;
  @ assigns \nothing;
  @ ensures \result == \null ||
  @   (object < MAX_ENDPOINTS && \result == epo(object) &&
  @    endpoint_pool_links[object] == POOL_ALLOCATED);
  @*/
static struct endpoint *endpoint_at(uint64_t object)
{
	if (object >= MAX_ENDPOINTS || endpoint_pool.link[object] != POOL_ALLOCATED)
		return NULL;
	return &endpoint_pool_objects[object];
}

/*
 * The contract every IPC system call is proved under (ipc_send, ipc_recv,
 * ipc_reply): the caller t is a running pool thread, the lists and reply
 * pairs are whole, and nothing was delivered yet in this operation; on
 * return they are whole again and at most one message was delivered.
 */
/*@ predicate ipc_entry{L}(struct thread *t) =
  @   is_thread(t) && t->state == THREAD_RUNNING &&
  @   endpoint_pool.link == endpoint_pool_links &&
  @   lists_ok && reply_ok && ptrs_ok && ipc_deliveries == 0;
  @*/

/* The rendezvous of a sender t with a receiver r taken off its list: the
 * message moves, r runs again, and a caller waits for the reply. */
/*@ requires is_t(j) && t == thr(j) && is_t(k) && r == thr(k) && j != k;
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1 && ipc_on_ep[k] == -1;
  @ requires unnamed(j) && unnamed(k);
  @ requires fresh: ipc_deliveries == 0;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures once: ipc_deliveries == 1;
  @*/
static void send_to(struct thread *t, struct thread *r, uint64_t badge,
		    bool call)
	/*@ ghost (int j, int k) */
{
	deliver(t, r, badge);
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	wake(r, TS_OK) /*@ ghost (k) */;
	if (call) {
		block(t, THREAD_BLOCKED_REPLY) /*@ ghost (j) */;
		await_reply(t, r) /*@ ghost (j, k) */;
	}
}

/* t waits on ep (endpoint e): on its receivers if receive, else on its
 * senders. */
/*@ requires is_t(j) && t == thr(j) && 0 <= e < MAX_ENDPOINTS && ep == epo(e);
  @ requires live: endpoint_pool_links[e] == POOL_ALLOCATED;
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1;
  @ requires unnamed(j);
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures none: ipc_deliveries == \old(ipc_deliveries);
  @*/
static void wait_on(struct thread *t, struct endpoint *ep, bool receive)
	/*@ ghost (int e, int j) */
{
	t->ep = ep;
	/*@ assert queues: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   q_same{Pre, Here}(e2, s2);
	  @*/
	/*@ assert queues_ok: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   queue_ok(e2, s2);
	  @*/
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	/*@ assert still_unnamed: unnamed(j); */
	/* before enqueue: t's ep and state name the list it goes on */
	if (receive) {
		block(t, THREAD_BLOCKED_RECV) /*@ ghost (j) */;
		enqueue(&ep->receivers, t) /*@ ghost (e, 1, j) */;
	} else {
		block(t, THREAD_BLOCKED_SEND) /*@ ghost (j) */;
		enqueue(&ep->senders, t) /*@ ghost (e, 0, j) */;
	}
}

/* send and call: deliver to a waiting receiver or wait for one. */
/*@ requires ipc_entry(t);
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures once: ipc_deliveries <= 1;
  @*/
ts_status ipc_send(struct thread *t, uint64_t object, uint64_t badge, bool call)
{
	struct endpoint *ep = endpoint_at(object);
	struct thread *r;
	/*@ ghost int j = thread_index(t); */

	if (!ep)
		return TS_E_DEAD;
	if (check_payload(t) != TS_OK ||
	    IPC_INFO_LABEL(t->ctx.rsi) == IPC_LABEL_NOTIFY)
		return TS_E_INVAL;
	if (ep->recv_refs == 0)
		return TS_E_DEAD; /* nobody can ever receive */
	/*@ assert untagged: ipc_on_ep[j] == -1; */
	/*@ assert unnamed(j); */
	/*@ ghost Before: ; */
	r = dequeue(&ep->receivers) /*@ ghost ((int)object, 1) */;
	if (r) {
		/*@ ghost int k = thread_index(r); */
		/*@ assert head: \let g = \at(ipc_gq[(int)object][1][0], Before);
		  @   is_t(g) && r == thr(g) && \at(ipc_on_ep[g], Before) != -1;
		  @*/
		/*@ assert same: k == \at(ipc_gq[(int)object][1][0], Before); */
		/*@ assert was_tagged: \let kk = k; \at(ipc_on_ep[kk], Before) != -1; */
		/*@ assert other: k != j; */
		/*@ assert was_unnamed: \let kk = k; \at(unnamed(kk), Before); */
		/*@ assert replies_kept: \forall integer m; is_t(m) ==>
		  @   thr(m)->reply_to == \at(thr(m)->reply_to, Before);
		  @*/
		/*@ assert still_unnamed: unnamed(k) && unnamed(j); */
		send_to(t, r, badge, call) /*@ ghost (j, k) */;
		return TS_OK;
	}
	t->ep_badge = badge;
	t->ep_is_call = call;
	/*@ assert replies_kept: \forall integer m; is_t(m) ==>
	  @   thr(m)->reply_to == \at(thr(m)->reply_to, Before);
	  @*/
	/*@ assert still_unnamed: unnamed(j); */
	/*@ assert queues: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   q_same{Before, Here}(e2, s2);
	  @*/
	/*@ assert queues_ok: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   queue_ok(e2, s2);
	  @*/
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	wait_on(t, ep, false) /*@ ghost ((int)object, j) */;
	return TS_OK;
}

/* The rendezvous of a receiver t with a sender s taken off its list: the
 * message moves; s waits for t's reply if it called, else runs again. */
/*@ requires is_t(j) && t == thr(j) && is_t(k) && s == thr(k) && j != k;
  @ requires lists_ok && reply_ok;
  @ requires off_lists: ipc_on_ep[j] == -1 && ipc_on_ep[k] == -1;
  @ requires unnamed(j) && unnamed(k);
  @ requires fresh: ipc_deliveries == 0;
  @ ensures lists_ok && reply_ok;
  @ ensures pointers: \old(ptrs_ok) ==> ptrs_ok;
  @ ensures once: ipc_deliveries == 1;
  @*/
static void recv_from(struct thread *t, struct thread *s)
	/*@ ghost (int j, int k) */
{
	deliver(s, t, s->ep_badge);
	/*@ assert queues: \forall integer e, s2; is_q(e, s2) ==>
	  @   q_same{Pre, Here}(e, s2);
	  @*/
	/*@ assert queues_ok: \forall integer e, s2; is_q(e, s2) ==> queue_ok(e, s2); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	if (s->ep_is_call)
		await_reply(s, t) /*@ ghost (k, j) */;
	else
		wake(s, TS_OK) /*@ ghost (k) */;
}

/* recv (and the receive half of reply-recv): take a waiting sender's
 * message, or a bound notification's bits, or wait. */
/*@ requires ipc_entry(t);
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures once: ipc_deliveries <= 1;
  @*/
ts_status ipc_recv(struct thread *t, uint64_t object)
{
	struct endpoint *ep = endpoint_at(object);
	struct thread *s;
	/*@ ghost int j = thread_index(t); */

	if (!ep)
		return TS_E_DEAD;
	/*@ assert untagged: ipc_on_ep[j] == -1; */
	/*@ assert unnamed(j); */
	abandon_reply(t) /*@ ghost (j) */;
	/*@ assert still_untagged: ipc_on_ep[j] == -1; */
	/*@ assert still_unnamed: unnamed(j); */
	/*@ ghost Ready: ; */
	if (t->bound_ntf && t->bound_ntf->bits) {
		deliver_bits(t, t->bound_ntf);
		/*@ assert queues: \forall integer e, s2; is_q(e, s2) ==>
		  @   q_same{Ready, Here}(e, s2);
		  @*/
		/*@ assert queues_ok: \forall integer e, s2; is_q(e, s2) ==>
		  @   queue_ok(e, s2);
		  @*/
		/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
		/*@ assert pairs: reply_ok; */
		return TS_OK;
	}
	/*@ ghost Before: ; */
	s = dequeue(&ep->senders) /*@ ghost ((int)object, 0) */;
	if (s) {
		/*@ ghost int k = thread_index(s); */
		/*@ assert head: \let g = \at(ipc_gq[(int)object][0][0], Before);
		  @   is_t(g) && s == thr(g) && \at(ipc_on_ep[g], Before) != -1;
		  @*/
		/*@ assert same: k == \at(ipc_gq[(int)object][0][0], Before); */
		/*@ assert was_tagged: \let kk = k; \at(ipc_on_ep[kk], Before) != -1; */
		/*@ assert other: k != j; */
		/*@ assert was_unnamed: \let kk = k; \at(unnamed(kk), Before); */
		/*@ assert replies_kept: \forall integer m; is_t(m) ==>
		  @   thr(m)->reply_to == \at(thr(m)->reply_to, Before);
		  @*/
		/*@ assert both_unnamed: unnamed(k) && unnamed(j); */
		recv_from(t, s) /*@ ghost (j, k) */;
		return TS_OK;
	}
	if (ep->send_refs == 0)
		return TS_E_DEAD; /* nobody can ever send */
	/*@ assert replies_kept: \forall integer m; is_t(m) ==>
	  @   thr(m)->reply_to == \at(thr(m)->reply_to, Before);
	  @*/
	/*@ assert unnamed_now: unnamed(j); */
	wait_on(t, ep, true) /*@ ghost ((int)object, j) */;
	return TS_OK;
}

/*@ requires ipc_entry(t);
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures once: ipc_deliveries <= 1;
  @*/
ts_status ipc_reply(struct thread *t)
{
	struct thread *caller = t->reply_to;
	/*@ ghost int j = thread_index(t); */

	if (!caller)
		return TS_E_NOENT;
	if (check_payload(t) != TS_OK)
		return TS_E_INVAL;
	/*@ ghost int k = thread_index(caller); */
	/*@ assert paired: ipc_on_ep[k] == -1 && caller->awaiting == t; */
	t->reply_to = NULL;
	caller->awaiting = NULL;
	/*@ assert only_t: \forall integer m; is_t(m) && m != j ==>
	  @   thr(m)->reply_to != caller;
	  @*/
	/*@ assert unnamed(k); */
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	deliver(t, caller, 0);
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: reply_ok; */
	wake(caller, TS_OK) /*@ ghost (k) */;
	return TS_OK;
}

/* A receive that returns a bound notification instead of a message:
 * badge = the bits, label IPC_LABEL_NOTIFY, sender pid 0 (the kernel). */
static void deliver_bits(struct thread *t, struct notification *n)
{
	struct ipc_header *h = header_of(t);

	t->ctx.rdi = n->bits;
	t->ctx.rsi = IPC_INFO(IPC_LABEL_NOTIFY, 0);
	t->ctx.rdx = t->ctx.r10 = t->ctx.r8 = t->ctx.r9 = 0;
	h->sender_pid = 0;
	h->sender_badge = n->bits;
	h->sender_name[0] = '\0';
	memset(h->sender_principal, 0, sizeof(h->sender_principal));
	n->bits = 0;
}

/* object_at for notifications, typed (the proofs follow the pointer). */
/*@ requires notification_pool.link == notification_pool_links;
  @ assigns \nothing;
  @ ensures \result == \null || (object < MAX_NOTIFICATIONS &&
  @   \result == &notification_pool_objects[object]);
  @*/
static struct notification *notification_at(uint64_t object)
{
	if (object >= MAX_NOTIFICATIONS ||
	    notification_pool.link[object] != POOL_ALLOCATED)
		return NULL;
	return &notification_pool_objects[object];
}

/* t receives n's bits through ipc_recv from now on (one each way).  The
 * notification's fields are read by none of the IPC invariants. */
/*@ requires ipc_entry(t);
  @ requires notification_pool.link == notification_pool_links;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
ts_status notify_bind(struct thread *t, uint64_t object)
{
	struct notification *n = notification_at(object);

	if (!n)
		return TS_E_DEAD;
	if ((n->bound && n->bound != t) || (t->bound_ntf && t->bound_ntf != n))
		return TS_E_BUSY;
	n->bound = t;
	t->bound_ntf = n;
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert replies: reply_ok; */
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	return TS_OK;
}

/* Sets bits; a bound receiver or a waiter takes them at once.
 * Proved: keeps the lists, the reply pairs and the IPC pointers whole. */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ requires notification_pool.link == notification_pool_links;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
ts_status notify_signal(uint64_t object, uint64_t bits)
{
	struct notification *n = notification_at(object);
	struct thread *w;

	if (!n)
		return TS_E_DEAD;
	n->bits |= bits;
	w = n->bound;
	if (w && n->bits && w->state == THREAD_BLOCKED_RECV) {
		/*@ ghost int j = thread_index(w); */
		/* the bits first: detach has no assigns clause, so nothing
		 * here reads memory after it (as in check_timeout) */
		deliver_bits(w, n);
		/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
		  @   q_same{Pre, Here}(e, s);
		  @*/
		/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==>
		  @   queue_ok(e, s);
		  @*/
		/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
		/*@ assert pairs: pairs_same{Pre, Here}; */
		/*@ assert replies: reply_ok; */
		detach(w) /*@ ghost (j) */;
		wake(w, TS_OK) /*@ ghost (j) */;
		return TS_OK;
	}
	w = n->waiter;
	if (w && n->bits) {
		n->waiter = NULL;
		/* A waiter is BLOCKED_NOTIFY until its wait ends, and every end
		 * of a wait clears n->waiter (detach_notification); a waiter in
		 * any other state would be a stale pointer, dropped unwoken. */
		if (w->state == THREAD_BLOCKED_NOTIFY) {
			/*@ ghost int j = thread_index(w); */
			w->ctx.rdi = n->bits;
			n->bits = 0;
			/*@ assert untagged: ipc_on_ep[j] == -1; */
			/*@ assert unnamed(j); */
			/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
			  @   q_same{Pre, Here}(e, s);
			  @*/
			/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==>
			  @   queue_ok(e, s);
			  @*/
			/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
			/*@ assert pairs: pairs_same{Pre, Here}; */
			/*@ assert replies: reply_ok; */
			wake(w, TS_OK) /*@ ghost (j) */;
		}
	}
	return TS_OK;
}

/* Returns (in rdi) and clears the pending bits, or waits for some. */
/*@ requires ipc_entry(t);
  @ requires notification_pool.link == notification_pool_links;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
ts_status notify_wait(struct thread *t, uint64_t object)
{
	struct notification *n = notification_at(object);
	/*@ ghost int j = thread_index(t); */

	if (!n)
		return TS_E_DEAD;
	if (n->bits) {
		t->ctx.rdi = n->bits;
		n->bits = 0;
		return TS_OK;
	}
	if (n->waiter)
		return TS_E_BUSY;
	/*@ assert untagged: ipc_on_ep[j] == -1; */
	/*@ assert unnamed(j); */
	n->waiter = t;
	t->ntf = n;
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert replies: reply_ok; */
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert still_unnamed: unnamed(j); */
	/*@ assert pointers: ptrs_ok; */
	block(t, THREAD_BLOCKED_NOTIFY) /*@ ghost (j) */;
	return TS_OK;
}

/* detach, step 1: t leaves the endpoint list it is on, if any.  A thread
 * whose ep is NULL is on no list (thread_ok), so there is nothing to do.
 * No assigns clause (so WP assumes it may change anything, and callers
 * rely only on the post-conditions): the solvers time out on the goals
 * that unlink's ranges lie within such a clause (trivial existentials). */
/*@ requires is_t(j) && t == thr(j);
  @ requires lists_ok && ptrs_ok;
  @ ensures lists_ok && ptrs_ok;
  @ ensures replies: \old(reply_ok) ==> reply_ok;
  @ ensures off_lists: ipc_on_ep[j] == -1;
  @ ensures t->ep == \null;
  @*/
static void detach_endpoint(struct thread *t)
	/*@ ghost (int j) */
{
	if (!t->ep)
		return;
	/*@ ghost int e = endpoint_index(t->ep); */
	/*@ assert tag: ipc_on_ep[j] == -1 ||
	  @   (ipc_on_ep[j] == e && t->state == side_state(ipc_on_side[j]));
	  @*/
	if (t->state == THREAD_BLOCKED_SEND)
		unlink(&t->ep->senders, t) /*@ ghost (e, 0, j) */;
	else
		unlink(&t->ep->receivers, t) /*@ ghost (e, 1, j) */;
	/*@ ghost Unlinked: ; */
	t->ep = NULL;
	/*@ assert pairs: pairs_same{Unlinked, Here}; */
	/*@ assert replies: \at(reply_ok, Unlinked) ==> reply_ok; */
	/*@ assert queues: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   q_same{Unlinked, Here}(e2, s2);
	  @*/
	/*@ assert queues_ok: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   queue_ok(e2, s2);
	  @*/
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
}

/* detach, step 2: t stops waiting on a notification.  The notification's
 * fields are read by none of the list invariants. */
/*@ requires is_t(j) && t == thr(j);
  @ requires ptrs_ok;
  @ assigns t->ntf, t->ntf->waiter;
  @ ensures ptrs_ok;
  @ ensures lists: \old(lists_ok) ==> lists_ok;
  @ ensures replies: \old(reply_ok) ==> reply_ok;
  @ ensures t->ntf == \null;
  @*/
static void detach_notification(struct thread *t)
	/*@ ghost (int j) */
{
	if (!t->ntf)
		return;
	if (t->ntf->waiter == t)
		t->ntf->waiter = NULL;
	t->ntf = NULL;
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert threads: \at(lists_ok, Pre) ==>
	  @   \forall integer m; is_t(m) ==> thread_ok(m);
	  @*/
}

/* detach, step 3: t stops awaiting a reply.  Under reply_ok only the
 * server t awaits can name t, so clearing that one leaves t unnamed. */
/*@ requires is_t(j) && t == thr(j);
  @ requires reply_ok && ptrs_ok;
  @ assigns t->awaiting, t->awaiting->reply_to;
  @ ensures reply_ok && ptrs_ok && unnamed(j);
  @ ensures lists: \old(lists_ok) ==> lists_ok;
  @ ensures t->awaiting == \null;
  @*/
static void detach_reply(struct thread *t)
	/*@ ghost (int j) */
{
	if (!t->awaiting)
		return;
	if (t->awaiting->reply_to == t)
		t->awaiting->reply_to = NULL;
	t->awaiting = NULL;
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert threads: \at(lists_ok, Pre) ==>
	  @   \forall integer m; is_t(m) ==> thread_ok(m);
	  @*/
}

/* Takes t off whatever it waits on, without waking it (no assigns
 * clause, like detach_endpoint: callers rely on the post-conditions). */
/*@ requires is_t(j) && t == thr(j);
  @ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures off_lists: ipc_on_ep[j] == -1;
  @ ensures unnamed(j);
  @ ensures waits_on_nothing: t->ep == \null && t->ntf == \null &&
  @   t->awaiting == \null;
  @*/
static void detach(struct thread *t)
	/*@ ghost (int j) */
{
	detach_endpoint(t) /*@ ghost (j) */;
	detach_notification(t) /*@ ghost (j) */;
	detach_reply(t) /*@ ghost (j) */;
}

/* I4: a dying thread's peers are told (E_DEAD), never left hanging.
 * After it, the thread is on no list and no reply pair names it, either
 * way (so its slot can be reused without a dangling reference).  The
 * bound notification is let go first: detach has no assigns clause, so
 * nothing here reads memory after it (WP would not know it valid). */
/*@ requires is_thread(t);
  @ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures gone: \forall integer j; is_t(j) && t == thr(j) ==>
  @   ipc_on_ep[j] == -1 && unnamed(j) && t->reply_to == \null;
  @*/
void ipc_thread_gone(struct thread *t)
{
	/*@ ghost int j = thread_index(t); */
	if (t->bound_ntf) {
		t->bound_ntf->bound = NULL;
		t->bound_ntf = NULL;
	}
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert replies: reply_ok; */
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	detach(t) /*@ ghost (j) */;
	/*@ assert not_self: t->reply_to != t; */
	abandon_reply(t) /*@ ghost (j) */;
	/*@ assert cleared: t->reply_to == \null; */
	/*@ assert still_unnamed: unnamed(j); */
}

/* Thread i's wait ends with E_TIMEOUT if its deadline has passed.  (One
 * thread per call: detach has no assigns clause, so the loop below reads
 * no memory itself.) */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
static void check_timeout(unsigned i, uint64_t now)
{
	struct thread *t = proc_thread_by_index(i);

	if (!t || !t->deadline_ns || now < t->deadline_ns)
		return;
	if (t->state < THREAD_BLOCKED_SEND)
		return;
	/*@ ghost int j = thread_index(t); */
	detach(t) /*@ ghost (j) */;
	wake(t, TS_E_TIMEOUT) /*@ ghost (j) */;
}

/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
void ipc_check_timeouts(uint64_t now)
{
	/*@ loop invariant 0 <= i <= MAX_THREADS;
	  @ loop invariant lists_ok && reply_ok && ptrs_ok;
	  @ loop variant MAX_THREADS - i;
	  @*/
	for (unsigned i = 0; i < MAX_THREADS; i++)
		check_timeout(i, now);
}

/* Thread i, if it waits through capability node `node`, stops: its wait
 * ends with E_REVOKED. */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
static void cap_node_freed_thread(unsigned i, uint32_t node)
{
	struct thread *t = proc_thread_by_index(i);

	if (!t || t->wait_cap != node)
		return;
	t->wait_cap = CAPNODE_NIL;
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert replies: reply_ok; */
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	if (t->state == THREAD_BLOCKED_SEND ||
	    t->state == THREAD_BLOCKED_RECV ||
	    t->state == THREAD_BLOCKED_NOTIFY) {
		/*@ ghost int j = thread_index(t); */
		detach(t) /*@ ghost (j) */;
		wake(t, TS_E_REVOKED) /*@ ghost (j) */;
	}
}

/*
 * A capability was revoked or deleted: a thread that is waiting to send or
 * receive through it must not be served through it any more.
 */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
void ipc_cap_node_freed(uint32_t node)
{
	irq_cap_node_freed(node);
	audit_cap_node_freed(node);
	/*@ loop invariant 0 <= i <= MAX_THREADS;
	  @ loop invariant lists_ok && reply_ok && ptrs_ok;
	  @ loop variant MAX_THREADS - i;
	  @*/
	for (unsigned i = 0; i < MAX_THREADS; i++)
		cap_node_freed_thread(i, node);
}

/* Wakes every thread waiting on list (e, s) with status: the list is
 * empty after, no list grew, no endpoint changed hands, and every
 * invariant still holds (live_ok is not required: endpoint_cap_removed
 * frees the endpoint first). */
/*@ requires is_q(e, s) && q == queue(e, s);
  @ requires lists_ok && reply_ok && thread_ptrs_ok && ntf_ptrs_ok;
  @ ensures lists_ok && reply_ok && thread_ptrs_ok && ntf_ptrs_ok;
  @ ensures emptied: ipc_gq_len[e][s] == 0;
  @ ensures shrunk: \forall integer e2, s2; is_q(e2, s2) ==>
  @   ipc_gq_len[e2][s2] <= \old(ipc_gq_len[e2][s2]);
  @ ensures links_same: \forall integer e2; 0 <= e2 < MAX_ENDPOINTS ==>
  @   endpoint_pool_links[e2] == \old(endpoint_pool_links[e2]);
  @*/
static void wake_all(struct thread_queue *q, ts_status status)
	/*@ ghost (int e, int s) */
{
	struct thread *t;

	/*@ loop invariant is_q(e, s) && q == queue(e, s);
	  @ loop invariant e == \at(e, Pre) && s == \at(s, Pre) &&
	  @   q == \at(q, Pre) && status == \at(status, Pre);
	  @ loop invariant lists_ok && reply_ok && thread_ptrs_ok && ntf_ptrs_ok;
	  @ loop invariant shrunk: \forall integer e2, s2; is_q(e2, s2) ==>
	  @   ipc_gq_len[e2][s2] <= \at(ipc_gq_len[e2][s2], Pre);
	  @ loop invariant links_same: \forall integer e2;
	  @   0 <= e2 < MAX_ENDPOINTS ==>
	  @   endpoint_pool_links[e2] == \at(endpoint_pool_links[e2], Pre);
	  @ loop variant ipc_gq_len[e][s];
	  @*/
	while ((t = dequeue(q) /*@ ghost (e, s) */))
		wake(t, status) /*@ ghost (thread_index(t)) */;
}

/*
 * A new endpoint, with empty lists and no capability yet (cap.c installs
 * the first).  The slot was free, so its lists were empty (live_ok), and
 * the model's lists for it are empty already.
 */
/*@ requires \valid(object);
  @ requires endpoint_pool.link == endpoint_pool_links;
  @ requires pool_mem(&endpoint_pool) && endpoint_pool.count == MAX_ENDPOINTS;
  @ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures made: \result == TS_OK ==> *object < MAX_ENDPOINTS &&
  @   endpoint_pool_links[*object] == POOL_ALLOCATED &&
  @   epo(*object)->refs == 0;
  @*/
ts_status endpoint_create(uint64_t *object)
{
	int64_t i = pool_alloc_index(&endpoint_pool);
	struct endpoint *ep;

	if (i < 0)
		return TS_E_NOMEM;
	/*@ assert was_free: \let k = i; ipc_gq_len[k][0] == 0 &&
	  @   ipc_gq_len[k][1] == 0;
	  @*/
	ep = &endpoint_pool_objects[i];
	ep->senders.head = NULL;
	ep->senders.tail = NULL;
	ep->receivers.head = NULL;
	ep->receivers.tail = NULL;
	ep->refs = 0;
	ep->send_refs = 0;
	ep->recv_refs = 0;
	*object = (uint64_t)i;
	return TS_OK;
}

/* A new notification: no bits, no waiter, no bound thread, no capability
 * yet. */
/*@ requires \valid(object);
  @ requires notification_pool.link == notification_pool_links;
  @ requires pool_mem(&notification_pool) &&
  @   notification_pool.count == MAX_NOTIFICATIONS;
  @ requires lists_ok && reply_ok && ptrs_ok;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @ ensures made: \result == TS_OK ==> *object < MAX_NOTIFICATIONS &&
  @   notification_pool_links[*object] == POOL_ALLOCATED;
  @*/
ts_status notification_create(uint64_t *object)
{
	int64_t i = pool_alloc_index(&notification_pool);
	struct notification *n;

	if (i < 0)
		return TS_E_NOMEM;
	n = &notification_pool_objects[i];
	n->bits = 0;
	n->waiter = NULL;
	n->bound = NULL;
	n->refs = 0;
	*object = (uint64_t)i;
	return TS_OK;
}

/* A capability to (type, object) with rights was made: counted (the
 * counts decide when waiters can never be served, and when the object
 * dies).  Only the counts change. */
/*@ requires endpoint_pool.link == endpoint_pool_links;
  @ requires notification_pool.link == notification_pool_links;
  @ requires lists_ok && reply_ok && ptrs_ok;
  @ assigns endpoint_pool_objects[0 .. MAX_ENDPOINTS - 1].refs,
  @   endpoint_pool_objects[0 .. MAX_ENDPOINTS - 1].send_refs,
  @   endpoint_pool_objects[0 .. MAX_ENDPOINTS - 1].recv_refs,
  @   notification_pool_objects[0 .. MAX_NOTIFICATIONS - 1].refs;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
void object_cap_added(uint32_t type, uint64_t object, uint32_t rights)
{
	if (type == CAP_ENDPOINT) {
		struct endpoint *ep = endpoint_at(object);
		if (!ep)
			panic("ipc: capability to a dead endpoint %lu",
			      (unsigned long)object);
		ep->refs++;
		ep->send_refs += !!(rights & CAP_R_SEND);
		ep->recv_refs += !!(rights & CAP_R_RECV);
	} else if (type == CAP_NOTIFICATION) {
		struct notification *n = notification_at(object);
		if (!n)
			panic("ipc: capability to a dead notification");
		n->refs++;
	}
}

/*
 * The endpoint side of object_cap_removed.  The last capability that
 * could receive (send) on it is gone: its waiting senders (receivers) can
 * never be served, so they are woken with E_DEAD.  The last capability of
 * all frees it, and then both lists are emptied whatever the counts say
 * (live_ok: no thread waits on a freed endpoint).  The decisions are
 * taken and the slot goes back to the pool first, the lists are emptied
 * after: wake_all has no assigns clause, so nothing here reads memory
 * after it.  Nothing runs between the free and the wake-ups (the kernel
 * is not preempted), so no one can be handed the slot in between, and a
 * slot's lists are empty again before it can be.
 */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ requires endpoint_pool.link == endpoint_pool_links;
  @ requires pool_mem(&endpoint_pool) && endpoint_pool.count == MAX_ENDPOINTS;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
static void endpoint_cap_removed(uint64_t object, uint32_t rights)
{
	struct endpoint *ep = endpoint_at(object);
	bool no_senders = false, no_receivers = false, dead;

	if (!ep)
		return;
	ep->refs--;
	if (rights & CAP_R_SEND)
		no_senders = --ep->send_refs == 0;
	if (rights & CAP_R_RECV)
		no_receivers = --ep->recv_refs == 0;
	dead = ep->refs == 0;
	if (dead) {
		no_senders = no_receivers = true;
		(void)pool_free_index(&endpoint_pool, (uint32_t)object);
	}
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert replies: reply_ok; */
	/*@ assert pointers: thread_ptrs_ok && ntf_ptrs_ok; */
	/*@ assert still_live: !dead ==>
	  @   endpoint_pool_links[object] == POOL_ALLOCATED;
	  @*/
	/*@ assert links_kept: \forall integer e; 0 <= e < MAX_ENDPOINTS &&
	  @   e != object ==>
	  @   endpoint_pool_links[e] == \at(endpoint_pool_links[e], Pre);
	  @*/
	/*@ assert others_live: \forall integer e, s; is_q(e, s) &&
	  @   e != object && ipc_gq_len[e][s] > 0 ==>
	  @   endpoint_pool_links[e] == POOL_ALLOCATED;
	  @*/
	if (no_senders)
		wake_all(&ep->receivers, TS_E_DEAD) /*@ ghost ((int)object, 1) */;
	if (no_receivers)
		wake_all(&ep->senders, TS_E_DEAD) /*@ ghost ((int)object, 0) */;
}

/*
 * The notification side: the last capability is gone, so it is freed,
 * its bound thread lets go of it and its waiter is woken with E_DEAD (in
 * that order, with nothing run in between, as for endpoints).
 */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ requires notification_pool.link == notification_pool_links;
  @ requires pool_mem(&notification_pool);
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
static void notification_cap_removed(uint64_t object)
{
	struct notification *n = notification_at(object);
	struct thread *w;

	if (!n || --n->refs != 0)
		return;
	irq_notification_freed(object);
	audit_notification_freed(object);
	(void)pool_free_index(&notification_pool, (uint32_t)object);
	/*@ assert queues: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Pre, Here}(e, s);
	  @*/
	/*@ assert queues_ok: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs: pairs_same{Pre, Here}; */
	/*@ assert pointers: ptrs_ok; */
	/*@ ghost Counted: ; */
	w = n->waiter;
	n->waiter = NULL;
	if (n->bound) {
		n->bound->bound_ntf = NULL;
		n->bound = NULL;
	}
	/*@ assert queues2: \forall integer e, s; is_q(e, s) ==>
	  @   q_same{Counted, Here}(e, s);
	  @*/
	/*@ assert queues_ok2: \forall integer e, s; is_q(e, s) ==> queue_ok(e, s); */
	/*@ assert threads2: \forall integer m; is_t(m) ==> thread_ok(m); */
	/*@ assert pairs2: pairs_same{Counted, Here}; */
	/*@ assert replies2: reply_ok; */
	/*@ assert pointers2: ptrs_ok; */
	/* as in notify_signal: a waiter in another state is a stale pointer */
	if (w && w->state == THREAD_BLOCKED_NOTIFY) {
		/*@ ghost int j = thread_index(w); */
		/*@ assert untagged: ipc_on_ep[j] == -1; */
		/*@ assert unnamed(j); */
		wake(w, TS_E_DEAD) /*@ ghost (j) */;
	}
}

/* A capability to (type, object) with rights was freed. */
/*@ requires lists_ok && reply_ok && ptrs_ok;
  @ requires endpoint_pool.link == endpoint_pool_links;
  @ requires notification_pool.link == notification_pool_links;
  @ requires pool_mem(&endpoint_pool) && pool_mem(&notification_pool);
  @ requires endpoint_pool.count == MAX_ENDPOINTS;
  @ ensures lists_ok && reply_ok && ptrs_ok;
  @*/
void object_cap_removed(uint32_t type, uint64_t object, uint32_t rights)
{
	if (type == CAP_ENDPOINT)
		endpoint_cap_removed(object, rights);
	else if (type == CAP_NOTIFICATION)
		notification_cap_removed(object);
}
