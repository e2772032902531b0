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

ts_status endpoint_create(uint64_t *object)
{
	struct endpoint *ep = pool_alloc(&endpoint_pool);

	if (!ep)
		return TS_E_NOMEM;
	*object = (uint64_t)pool_index(&endpoint_pool, ep);
	return TS_OK;
}

ts_status notification_create(uint64_t *object)
{
	struct notification *n = pool_alloc(&notification_pool);

	if (!n)
		return TS_E_NOMEM;
	*object = (uint64_t)pool_index(&notification_pool, n);
	return TS_OK;
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
 * The wait-list steps.  proved: prove/endpoint/enqueue, prove/endpoint/dequeue,
 * prove/endpoint/unlink (with the ghost step prove/endpoint/gq_remove and
 * prove/endpoint/lemmas), on a ghost model of the one queue each call works
 * on: ipc_gq[0 .. ipc_gq_len) lists its threads from head to tail.  The
 * model is ghost code (ACSL comments), compiled into nothing.
 *
 *   queue_ok(q, n)  the chain from q->head through ep_next is exactly
 *                   ipc_gq[0 .. n): n distinct valid threads, each linked to
 *                   the next, the last to NULL, q->tail the last (so the
 *                   chain is finite and acyclic);
 *   owned(q, n)     every member's waiting_on (ep, and the side its state
 *                   names) is q;
 *   complete(q, n)  every thread whose waiting_on is q is a member.
 *
 * Proved: enqueue (of a thread not on q, whose waiting_on is already q),
 * dequeue and unlink (of a member) keep queue_ok and owned; enqueue appends
 * t, dequeue takes the head (ep cleared) and unlink takes t (link
 * cleared), and the model loses exactly that thread; unlink of a thread
 * that is not a member changes nothing.  Lemma one_list: waiting_on names
 * one queue, so with owned() on every queue a thread is on at most one
 * list.  NOT proved: that the callers (ipc_send, ipc_recv, detach, ...)
 * establish the preconditions on every queue at once (a model of all
 * lists is work in progress), complete() (stated, assumed on entry only),
 * IPC-ONCE.  Checked at run time instead: kcheck WAITLISTS
 * (ipc_wait_lists_broken above) in every test boot.  Bounded model: a
 * queue holds at most MAX_THREADS threads.
 */
/*@ ghost struct thread *ipc_gq[MAX_THREADS]; */
/*@ ghost int ipc_gq_len; */
/*@ ghost int ipc_gq_pos; */

/*@ predicate waits_on{L}(struct thread *t, struct thread_queue *q) =
  @   t->ep != \null &&
  @   q == (t->state == THREAD_BLOCKED_SEND ?
  @         &t->ep->senders : &t->ep->receivers);
  @
  @ lemma one_list{L}: \forall struct thread *t, struct thread_queue *q1, *q2;
  @   waits_on(t, q1) && waits_on(t, q2) ==> q1 == q2;
  @
  @ predicate q_ends{L}(struct thread_queue *q, integer n) =
  @   0 <= n <= MAX_THREADS &&
  @   (n == 0 ==> q->head == \null && q->tail == \null) &&
  @   (n > 0 ==> q->head == ipc_gq[0] && q->tail == ipc_gq[n - 1] &&
  @              ipc_gq[n - 1]->ep_next == \null);
  @ predicate q_valid{L}(struct thread_queue *q, integer n) =
  @   \forall integer i; 0 <= i < n ==>
  @      \valid(ipc_gq[i]) && \separated(ipc_gq[i], q);
  @ predicate q_links{L}(integer n) =
  @   \forall integer i; 0 <= i < n - 1 ==>
  @      ipc_gq[i]->ep_next == ipc_gq[i + 1];
  @ predicate q_distinct{L}(integer n) =
  @   \forall integer i, j; 0 <= i < j < n ==>
  @      \separated(ipc_gq[i], ipc_gq[j]);
  @ predicate q_links_but{L}(integer p, integer n) =
  @   (\forall integer i; 0 <= i < p - 1 ==>
  @      ipc_gq[i]->ep_next == ipc_gq[i + 1]) &&
  @   (0 < p && p + 1 < n ==> ipc_gq[p - 1]->ep_next == ipc_gq[p + 1]) &&
  @   (0 < p && p + 1 == n ==> ipc_gq[p - 1]->ep_next == \null) &&
  @   (\forall integer i; p + 1 <= i < n - 1 ==>
  @      ipc_gq[i]->ep_next == ipc_gq[i + 1]);
  @ predicate queue_ok{L}(struct thread_queue *q, integer n) =
  @   q_ends(q, n) && q_valid(q, n) && q_links(n) && q_distinct(n);
  @
  @ predicate owned{L}(struct thread_queue *q, integer n) =
  @   \forall integer i; 0 <= i < n ==> waits_on(ipc_gq[i], q);
  @
  @ predicate complete{L}(struct thread_queue *q, integer n) =
  @   \forall struct thread *x; waits_on(x, q) ==>
  @     \exists integer i; 0 <= i < n && ipc_gq[i] == x;
  @*/

/*@ ghost
  @ /@ requires 0 <= p < ipc_gq_len <= MAX_THREADS;
  @    assigns ipc_gq[p .. MAX_THREADS - 1], ipc_gq_len;
  @    ensures ipc_gq_len == \old(ipc_gq_len) - 1;
  @    ensures \forall integer k; 0 <= k < p ==> ipc_gq[k] == \old(ipc_gq[k]);
  @    ensures \forall integer k; p <= k < ipc_gq_len ==>
  @      ipc_gq[k] == \old(ipc_gq[k + 1]);
  @    ensures \old(q_distinct(ipc_gq_len)) ==> q_distinct(ipc_gq_len);
  @    ensures \old(q_links_but(p, ipc_gq_len)) ==> q_links(ipc_gq_len);
  @    ensures \forall struct thread_queue *q;
  @      \old(owned(q, ipc_gq_len)) ==> owned(q, ipc_gq_len);
  @    ensures \forall struct thread_queue *q;
  @      \old(q_valid(q, ipc_gq_len)) ==> q_valid(q, ipc_gq_len);
  @    ensures \forall struct thread *x;
  @      (\forall integer k; 0 <= k < \old(ipc_gq_len) && k != p ==>
  @         \old(ipc_gq[k]) != x) ==>
  @      \forall integer k; 0 <= k < ipc_gq_len ==> ipc_gq[k] != x;
  @ @/
  @ static void gq_remove(int p)
  @ {
  @   /@ loop invariant p <= i <= ipc_gq_len - 1;
  @      loop invariant \forall integer k; 0 <= k < i ==>
  @        ipc_gq[k] == \at(ipc_gq[k], Pre) || k >= p;
  @      loop invariant \forall integer k; 0 <= k < p ==>
  @        ipc_gq[k] == \at(ipc_gq[k], Pre);
  @      loop invariant \forall integer k; p <= k < i ==>
  @        ipc_gq[k] == \at(ipc_gq[k + 1], Pre);
  @      loop invariant \forall integer k; i <= k < ipc_gq_len ==>
  @        ipc_gq[k] == \at(ipc_gq[k], Pre);
  @      loop assigns i, ipc_gq[p .. ipc_gq_len - 2];
  @      loop variant ipc_gq_len - i;
  @   @/
  @   for (int i = p; i < ipc_gq_len - 1; i++)
  @     ipc_gq[i] = ipc_gq[i + 1];
  @   ipc_gq_len--;
  @ }
  @*/

/*@ requires \valid(q) && \valid(t);
  @ requires q->tail == \null || \valid(q->tail);
  @ requires \separated(q, t);
  @ requires not_queued: q->tail != t;
  @ requires q->tail != \null ==> \separated(q, q->tail);
  @ requires model: queue_ok(q, ipc_gq_len) && owned(q, ipc_gq_len);
  @ requires complete_but_t: \forall struct thread *x; x != t &&
  @   waits_on(x, q) ==> \exists integer i; 0 <= i < ipc_gq_len && ipc_gq[i] == x;
  @ requires fresh: \forall integer i; 0 <= i < ipc_gq_len ==>
  @   \separated(ipc_gq[i], t);
  @ requires room: ipc_gq_len < MAX_THREADS;
  @ requires names_q: waits_on(t, q);
  @ assigns t->ep_next, q->head, q->tail, q->tail->ep_next,
  @   ipc_gq[ipc_gq_len], ipc_gq_len;
  @ ensures at_tail: q->tail == t && t->ep_next == \null;
  @ ensures linked: \old(q->tail) != \null ==> \old(q->tail)->ep_next == t;
  @ ensures first: \old(q->tail) == \null ==> q->head == t;
  @ ensures head_kept: \old(q->tail) != \null ==> q->head == \old(q->head);
  @ ensures ends: q_ends(q, ipc_gq_len);
  @ ensures valid: q_valid(q, ipc_gq_len);
  @ ensures links: q_links(ipc_gq_len);
  @ ensures distinct: q_distinct(ipc_gq_len);
  @ ensures owned: owned(q, ipc_gq_len);
  @ ensures appended: ipc_gq_len == \old(ipc_gq_len) + 1 &&
  @   ipc_gq[\old(ipc_gq_len)] == t &&
  @   \forall integer k; 0 <= k < \old(ipc_gq_len) ==>
  @     ipc_gq[k] == \old(ipc_gq[k]);
  @*/
static void enqueue(struct thread_queue *q, struct thread *t)
{
	t->ep_next = NULL;
	if (q->tail)
		q->tail->ep_next = t;
	else
		q->head = t;
	q->tail = t;
	/*@ ghost ipc_gq[ipc_gq_len] = t; ipc_gq_len++; */
}

/*@ requires \valid(q);
  @ requires q->head == \null || \valid(q->head);
  @ requires q->head != \null ==> \separated(q, q->head);
  @ requires model: queue_ok(q, ipc_gq_len) && owned(q, ipc_gq_len);
  @ requires complete: complete(q, ipc_gq_len);
  @ assigns q->head, q->tail, q->head->ep_next, q->head->ep,
  @   ipc_gq[0 .. MAX_THREADS - 1], ipc_gq_len;
  @ ensures taken: \result == \old(q->head);
  @ ensures empty: \result == \null ==> q->head == \null &&
  @   q->tail == \old(q->tail);
  @ ensures advanced: \result != \null ==>
  @   q->head == \old(q->head->ep_next) &&
  @   (q->head == \null ==> q->tail == \null) &&
  @   (q->head != \null ==> q->tail == \old(q->tail));
  @ ensures detached: \result != \null ==>
  @   \result->ep_next == \null && \result->ep == \null;
  @ ensures ends: q_ends(q, ipc_gq_len);
  @ ensures valid: q_valid(q, ipc_gq_len);
  @ ensures links: q_links(ipc_gq_len);
  @ ensures distinct: q_distinct(ipc_gq_len);
  @ ensures owned: owned(q, ipc_gq_len);
  @ ensures shifted: \result != \null ==> ipc_gq_len == \old(ipc_gq_len) - 1 &&
  @   \forall integer k; 0 <= k < ipc_gq_len ==> ipc_gq[k] == \old(ipc_gq[k + 1]);
  @ ensures gone: \forall integer k; 0 <= k < ipc_gq_len ==> ipc_gq[k] != \result;
  @ ensures unchanged: \result == \null ==> ipc_gq_len == 0;
  @*/
static struct thread *dequeue(struct thread_queue *q)
{
	struct thread *t = q->head;

	if (t) {
		/*@ assert head_apart: t == ipc_gq[0] &&
		  @   \forall integer k; 1 <= k < ipc_gq_len ==>
		  @     \separated(t, ipc_gq[k]) && t != ipc_gq[k];
		  @*/
		/*@ ghost gq_remove(0); */
		/*@ assert rest_apart: \forall integer k; 0 <= k < ipc_gq_len ==>
		  @   ipc_gq[k] == \at(ipc_gq[k + 1], Pre) &&
		  @   \separated(\at(ipc_gq[0], Pre), \at(ipc_gq[k + 1], Pre)) &&
		  @   \separated(ipc_gq[k], t) && ipc_gq[k] != t;
		  @*/
		q->head = t->ep_next;
		if (!q->head)
			q->tail = NULL;
		t->ep_next = NULL;
		t->ep = NULL;
		/*@ assert rest_same: \forall integer k; 0 <= k < ipc_gq_len ==>
		  @   ipc_gq[k] == \at(ipc_gq[k + 1], Pre) &&
		  @   ipc_gq[k]->ep_next == \at(ipc_gq[k + 1]->ep_next, Pre) &&
		  @   ipc_gq[k]->ep == \at(ipc_gq[k + 1]->ep, Pre) &&
		  @   ipc_gq[k]->state == \at(ipc_gq[k + 1]->state, Pre);
		  @*/
	}
	return t;
}

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
static void unlink(struct thread_queue *q, struct thread *t)
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
			if (q->tail == c)
				q->tail = prev;
			c->ep_next = NULL;
			/*@ assert relinked: q_links_but(i, ipc_gq_len); */
			/*@ assert still_owned: owned(q, ipc_gq_len); */
			/*@ ghost ipc_gq_pos = i; gq_remove(i); */
			return;
		}
		/*@ ghost i++; */
	}
}

static void detach(struct thread *t);
static void deliver_bits(struct thread *t, struct notification *n);

static struct ipc_header *header_of(struct thread *t)
{
	return phys_to_virt(t->proc->ipcbuf_pa[0]);
}

/* Ends a wait: the thread resumes with status in rax. */
static void wake(struct thread *t, ts_status status)
{
	t->ctx.rax = (uint64_t)status;
	t->ep = NULL;
	t->ntf = NULL;
	t->deadline_ns = 0;
	sched_make_ready(t);
}

/* Marks t blocked, with the timeout it put in its IPC buffer header. */
static void block(struct thread *t, enum thread_state state)
{
	uint64_t timeout = header_of(t)->timeout_ns;

	t->state = state;
	t->deadline_ns = timeout ? time_ns() + timeout : 0;
}

/* IPC-ONCE, IPC-STAMP: the one place a message moves. */
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
}

/* A server that takes a new message without replying abandons the call
 * it owed: that caller is told, not left waiting for ever. */
static void abandon_reply(struct thread *server)
{
	struct thread *caller = server->reply_to;

	if (!caller)
		return;
	server->reply_to = NULL;
	caller->awaiting = NULL;
	wake(caller, TS_E_DEAD);
}

/* The caller waits for server's reply after its message was delivered. */
static void await_reply(struct thread *caller, struct thread *server)
{
	abandon_reply(server);
	server->reply_to = caller;
	caller->awaiting = server;
	caller->state = THREAD_BLOCKED_REPLY;
}

static ts_status check_payload(const struct thread *t)
{
	return IPC_INFO_LEN(t->ctx.rsi) > IPC_PAYLOAD_MAX ? TS_E_INVAL : TS_OK;
}

/* send and call: deliver to a waiting receiver or wait for one. */
ts_status ipc_send(struct thread *t, uint64_t object, uint64_t badge, bool call)
{
	struct endpoint *ep = object_at(&endpoint_pool, object);
	struct thread *r;

	if (!ep)
		return TS_E_DEAD;
	if (check_payload(t) != TS_OK ||
	    IPC_INFO_LABEL(t->ctx.rsi) == IPC_LABEL_NOTIFY)
		return TS_E_INVAL;
	if (ep->recv_refs == 0)
		return TS_E_DEAD; /* nobody can ever receive */
	r = dequeue(&ep->receivers);
	if (r) {
		deliver(t, r, badge);
		wake(r, TS_OK);
		if (call) {
			block(t, THREAD_BLOCKED_REPLY);
			await_reply(t, r);
		}
		return TS_OK;
	}
	t->ep_badge = badge;
	t->ep_is_call = call;
	t->ep = ep;
	block(t, THREAD_BLOCKED_SEND); /* before enqueue: waiting_on names the queue */
	enqueue(&ep->senders, t);
	return TS_OK;
}

ts_status ipc_recv(struct thread *t, uint64_t object)
{
	struct endpoint *ep = object_at(&endpoint_pool, object);
	struct thread *s;

	if (!ep)
		return TS_E_DEAD;
	abandon_reply(t);
	if (t->bound_ntf && t->bound_ntf->bits) {
		deliver_bits(t, t->bound_ntf);
		return TS_OK;
	}
	s = dequeue(&ep->senders);
	if (s) {
		deliver(s, t, s->ep_badge);
		if (s->ep_is_call)
			await_reply(s, t);
		else
			wake(s, TS_OK);
		return TS_OK;
	}
	if (ep->send_refs == 0)
		return TS_E_DEAD; /* nobody can ever send */
	t->ep = ep;
	block(t, THREAD_BLOCKED_RECV); /* before enqueue: waiting_on names the queue */
	enqueue(&ep->receivers, t);
	return TS_OK;
}

ts_status ipc_reply(struct thread *t)
{
	struct thread *caller = t->reply_to;

	if (!caller)
		return TS_E_NOENT;
	if (check_payload(t) != TS_OK)
		return TS_E_INVAL;
	t->reply_to = NULL;
	caller->awaiting = NULL;
	deliver(t, caller, 0);
	wake(caller, TS_OK);
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

ts_status notify_bind(struct thread *t, uint64_t object)
{
	struct notification *n = object_at(&notification_pool, object);

	if (!n)
		return TS_E_DEAD;
	if ((n->bound && n->bound != t) || (t->bound_ntf && t->bound_ntf != n))
		return TS_E_BUSY;
	n->bound = t;
	t->bound_ntf = n;
	return TS_OK;
}

ts_status notify_signal(uint64_t object, uint64_t bits)
{
	struct notification *n = object_at(&notification_pool, object);
	struct thread *w;

	if (!n)
		return TS_E_DEAD;
	n->bits |= bits;
	w = n->bound;
	if (w && n->bits && w->state == THREAD_BLOCKED_RECV) {
		detach(w);
		deliver_bits(w, n);
		wake(w, TS_OK);
		return TS_OK;
	}
	w = n->waiter;
	if (w && n->bits) {
		n->waiter = NULL;
		w->ctx.rdi = n->bits;
		n->bits = 0;
		wake(w, TS_OK);
	}
	return TS_OK;
}

/* Returns (in rdi) and clears the pending bits, or waits for some. */
ts_status notify_wait(struct thread *t, uint64_t object)
{
	struct notification *n = object_at(&notification_pool, object);

	if (!n)
		return TS_E_DEAD;
	if (n->bits) {
		t->ctx.rdi = n->bits;
		n->bits = 0;
		return TS_OK;
	}
	if (n->waiter)
		return TS_E_BUSY;
	n->waiter = t;
	t->ntf = n;
	block(t, THREAD_BLOCKED_NOTIFY);
	return TS_OK;
}

/* Takes t off whatever it waits on, without waking it. */
static void detach(struct thread *t)
{
	if (t->ep) {
		if (t->state == THREAD_BLOCKED_SEND)
			unlink(&t->ep->senders, t);
		else
			unlink(&t->ep->receivers, t);
		t->ep = NULL;
	}
	if (t->ntf) {
		if (t->ntf->waiter == t)
			t->ntf->waiter = NULL;
		t->ntf = NULL;
	}
	if (t->awaiting) {
		if (t->awaiting->reply_to == t)
			t->awaiting->reply_to = NULL;
		t->awaiting = NULL;
	}
}

/* I4: a dying thread's peers are told (E_DEAD), never left hanging. */
void ipc_thread_gone(struct thread *t)
{
	detach(t);
	abandon_reply(t);
	if (t->bound_ntf) {
		t->bound_ntf->bound = NULL;
		t->bound_ntf = NULL;
	}
}

void ipc_check_timeouts(uint64_t now)
{
	for (unsigned i = 0; i < MAX_THREADS; i++) {
		struct thread *t = proc_thread_by_index(i);
		if (!t || !t->deadline_ns || now < t->deadline_ns)
			continue;
		if (t->state < THREAD_BLOCKED_SEND)
			continue;
		detach(t);
		wake(t, TS_E_TIMEOUT);
	}
}

/*
 * A capability was revoked or deleted: a thread that is waiting to send or
 * receive through it must not be served through it any more.
 */
void ipc_cap_node_freed(uint32_t node)
{
	irq_cap_node_freed(node);
	for (unsigned i = 0; i < MAX_THREADS; i++) {
		struct thread *t = proc_thread_by_index(i);
		if (!t || t->wait_cap != node)
			continue;
		t->wait_cap = CAPNODE_NIL;
		if (t->state == THREAD_BLOCKED_SEND ||
		    t->state == THREAD_BLOCKED_RECV ||
		    t->state == THREAD_BLOCKED_NOTIFY) {
			detach(t);
			wake(t, TS_E_REVOKED);
		}
	}
}

static void wake_all(struct thread_queue *q, ts_status status)
{
	struct thread *t;

	while ((t = dequeue(q)))
		wake(t, status);
}

void object_cap_added(uint32_t type, uint64_t object, uint32_t rights)
{
	if (type == CAP_ENDPOINT) {
		struct endpoint *ep = object_at(&endpoint_pool, object);
		if (!ep)
			panic("ipc: capability to a dead endpoint %lu",
			      (unsigned long)object);
		ep->refs++;
		ep->send_refs += !!(rights & CAP_R_SEND);
		ep->recv_refs += !!(rights & CAP_R_RECV);
	} else if (type == CAP_NOTIFICATION) {
		struct notification *n = object_at(&notification_pool, object);
		if (!n)
			panic("ipc: capability to a dead notification");
		n->refs++;
	}
}

/*
 * The last capability that could receive (send) on an endpoint is gone:
 * its waiting senders (receivers) can never be served, so they are woken
 * with E_DEAD.  The last capability of all frees the object.
 */
void object_cap_removed(uint32_t type, uint64_t object, uint32_t rights)
{
	if (type == CAP_ENDPOINT) {
		struct endpoint *ep = object_at(&endpoint_pool, object);
		if (!ep)
			return;
		ep->refs--;
		if (rights & CAP_R_SEND && --ep->send_refs == 0)
			wake_all(&ep->receivers, TS_E_DEAD);
		if (rights & CAP_R_RECV && --ep->recv_refs == 0)
			wake_all(&ep->senders, TS_E_DEAD);
		if (ep->refs == 0)
			pool_free(&endpoint_pool, ep);
	} else if (type == CAP_NOTIFICATION) {
		struct notification *n = object_at(&notification_pool, object);
		if (n && --n->refs == 0) {
			if (n->waiter)
				wake(n->waiter, TS_E_DEAD);
			if (n->bound)
				n->bound->bound_ntf = NULL;
			irq_notification_freed(object);
			pool_free(&notification_pool, n);
		}
	}
}
