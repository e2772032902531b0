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
 * The two wait-list steps.  proved: prove/endpoint/enqueue and
 * prove/endpoint/dequeue (local: what each does to the queue ends and the
 * thread's links; the whole-list invariants IPC-ONE-LIST and IPC-ONCE are
 * not proved, they are checked by the ipc_* system tests).
 */
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
static void enqueue(struct thread_queue *q, struct thread *t)
{
	t->ep_next = NULL;
	if (q->tail)
		q->tail->ep_next = t;
	else
		q->head = t;
	q->tail = t;
}

/*@ requires \valid(q);
  @ requires q->head == \null || \valid(q->head);
  @ requires q->head != \null ==> \separated(q, q->head);
  @ assigns q->head, q->tail, q->head->ep_next, q->head->ep;
  @ ensures taken: \result == \old(q->head);
  @ ensures empty: \result == \null ==> q->head == \null &&
  @   q->tail == \old(q->tail);
  @ ensures advanced: \result != \null ==>
  @   q->head == \old(q->head->ep_next) &&
  @   (q->head == \null ==> q->tail == \null) &&
  @   (q->head != \null ==> q->tail == \old(q->tail));
  @ ensures detached: \result != \null ==>
  @   \result->ep_next == \null && \result->ep == \null;
  @*/
static struct thread *dequeue(struct thread_queue *q)
{
	struct thread *t = q->head;

	if (t) {
		q->head = t->ep_next;
		if (!q->head)
			q->tail = NULL;
		t->ep_next = NULL;
		t->ep = NULL;
	}
	return t;
}

static void unlink(struct thread_queue *q, struct thread *t)
{
	struct thread *prev = NULL;

	for (struct thread *c = q->head; c; prev = c, c = c->ep_next) {
		if (c != t)
			continue;
		if (prev)
			prev->ep_next = c->ep_next;
		else
			q->head = c->ep_next;
		if (q->tail == c)
			q->tail = prev;
		c->ep_next = NULL;
		return;
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
	enqueue(&ep->senders, t);
	block(t, THREAD_BLOCKED_SEND);
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
	enqueue(&ep->receivers, t);
	block(t, THREAD_BLOCKED_RECV);
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
