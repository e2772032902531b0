/*
 * cap.c - capability tables, derivation and revocation.
 *
 * Invariants (checked by cap_tree_ok() in test runs, and by the system
 * tests cap_*):
 *   CAP-TREE   every live node's parent is CAPNODE_NIL or a live node;
 *   CAP-SUBSET a derived node's rights are a subset of its parent's, and
 *              its badge is its parent's unless the parent had none;
 *   CAP-REVOKE after cap_revoke_derived(n) returns, no live node has n as
 *              an ancestor;
 *   CAP-SLOT   a slot whose generation differs from its node's is revoked
 *              and every lookup through it returns TS_E_REVOKED.
 * Capabilities never move between processes after spawn: the only way a
 * node is created is cap_install_root (init, at boot) and cap_derive
 * (SYS_SPAWN, into a child that has not run yet).
 */
#include <string.h>
#include "kernel/cap.h"
#include "kernel/cap_rules.h"
#include "kernel/pool.h"
#include "kernel/proc.h"
#include "kernel/log.h"

POOL_DEFINE(capnode_pool, struct capnode, CAP_NODES);
static uint32_t node_generation[CAP_NODES];

/* A set of nodes, one byte each: revoke_below's marks (and the sets the
 * proof of CAP-REVOKE quantifies over). */
struct node_set {
	uint8_t has[CAP_NODES];
};
static struct node_set revoke_marks;

/*
 * ACSL for Frama-C WP (tests/proofs/prove.sh, unit "cap").
 * cap_pool_ok: the static layout POOL_DEFINE gives the node pool (a link
 * array of CAP_NODES entries, disjoint from the nodes and the other
 * statics; true by construction) and the pool's link shape (P1/P2 shape,
 * kept by every pool operation: the pool unit of make prove).
 * live(i): node i is allocated.  derived_from(i, r): i is a live node
 * reached from r by following live children, i.e. every set of nodes
 * that holds each live child of r and each live child of its own members
 * holds i (the least such set: "r is an ancestor of i").  The two lemmas
 * check that this is the derivation relation: a live child of r, and a
 * live child of anything derived from r, are derived from r.
 */
/*@ predicate cap_pool_ok{L} =
  @   pool_mem(&capnode_pool) && capnode_pool.count == CAP_NODES &&
  @   pool_links_ok(&capnode_pool) &&
  @   \separated(capnode_pool.link + (0 .. CAP_NODES - 1),
  @     capnode_pool_objects + (0 .. CAP_NODES - 1), &revoke_marks,
  @     node_generation + (0 .. CAP_NODES - 1), &cap_epoch);
  @
  @ predicate live{L}(integer i) =
  @   0 <= i < CAP_NODES && capnode_pool.link[i] == POOL_ALLOCATED;
  @
  @ logic integer parent_of{L}(integer i) = capnode_pool_objects[i].parent;
  @
  @ predicate in_set(struct node_set s, integer i) =
  @   0 <= i < CAP_NODES && s.has[i] != 0;
  @
  @ predicate child_closed{L}(struct node_set s, integer r) =
  @   \forall integer j; live(j) &&
  @     (parent_of(j) == r || in_set(s, parent_of(j))) ==> in_set(s, j);
  @
  @ predicate derived_from{L}(integer i, integer r) =
  @   \forall struct node_set s; child_closed(s, r) ==> in_set(s, i);
  @
  @ lemma derived_child{L}: \forall integer i, r;
  @   live(i) && parent_of(i) == r ==> derived_from(i, r);
  @ lemma derived_step{L}: \forall integer i, r;
  @   live(i) && derived_from(parent_of(i), r) ==> derived_from(i, r);
  @*/

void cap_init(void)
{
	pool_init(&capnode_pool);
}

/* The node in slot idx of the pool (storage is capnode_pool_objects). */
/*@ requires idx < CAP_NODES;
  @ assigns \nothing;
  @ ensures \result == &capnode_pool_objects[idx];
  @*/
static struct capnode *node_at(uint32_t idx)
{
	return &capnode_pool_objects[idx];
}

/*@ requires cap_pool_ok;
  @ assigns \nothing;
  @ ensures \result <==> live(idx);
  @*/
static bool node_live(uint32_t idx)
{
	return idx < CAP_NODES && capnode_pool.link[idx] == POOL_ALLOCATED;
}

void cap_table_clear(struct cap_slot *table)
{
	for (unsigned i = 0; i < CAP_SLOTS; i++)
		table[i] = (struct cap_slot){ CAPNODE_NIL, 0 };
}

/*
 * The live node a slot names, or the error that says why there is none.
 * CAP-SLOT: a slot whose generation differs from its node's is revoked.
 * proved: prove/cap/slot_node
 */
/*@ predicate slot_current{L}(struct proc *p, integer slot) =
  @   live(p->caps[slot].node) &&
  @   node_generation[p->caps[slot].node] == p->caps[slot].generation;
  @*/
/*@ requires cap_pool_ok;
  @ requires \valid_read(p);
  @ requires \valid(idx);
  @ requires \separated(idx, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1));
  @ assigns *idx;
  @ behavior range:
  @   assumes slot >= CAP_SLOTS;
  @   ensures \result == TS_E_RANGE;
  @   assigns \nothing;
  @ behavior empty:
  @   assumes slot < CAP_SLOTS && p->caps[slot].node == CAPNODE_NIL;
  @   ensures \result == TS_E_NOENT;
  @   assigns \nothing;
  @ behavior revoked:
  @   assumes slot < CAP_SLOTS && p->caps[slot].node != CAPNODE_NIL &&
  @     !slot_current(p, slot);
  @   ensures \result == TS_E_REVOKED;
  @   assigns \nothing;
  @ behavior found:
  @   assumes slot < CAP_SLOTS && p->caps[slot].node != CAPNODE_NIL &&
  @     slot_current(p, slot);
  @   ensures \result == TS_OK;
  @   ensures *idx == p->caps[slot].node && live(*idx);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
static ts_status slot_node(const struct proc *p, uint64_t slot, uint32_t *idx)
{
	const struct cap_slot *s;

	if (!cap_slot_valid(slot))
		return TS_E_RANGE;
	s = &p->caps[slot];
	if (s->node == CAPNODE_NIL)
		return TS_E_NOENT;
	if (!node_live(s->node) || node_generation[s->node] != s->generation)
		return TS_E_REVOKED;
	*idx = s->node;
	return TS_OK;
}

/*
 * Finds the capability in slot and checks its type and rights.  Errors,
 * most specific first: TS_E_RANGE (no such slot), TS_E_NOENT (empty),
 * TS_E_REVOKED, TS_E_TYPE, TS_E_RIGHTS.
 */
/* proved: prove/cap/cap_lookup (CAP-SLOT: a stale slot fails closed) */
/*@ requires cap_pool_ok;
  @ requires \valid_read(p);
  @ requires \valid(out);
  @ requires \separated(out, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1));
  @ assigns *out;
  @ ensures range: slot >= CAP_SLOTS ==> \result == TS_E_RANGE;
  @ ensures empty: slot < CAP_SLOTS && p->caps[slot].node == CAPNODE_NIL ==>
  @   \result == TS_E_NOENT;
  @ ensures stale_is_revoked: slot < CAP_SLOTS &&
  @   p->caps[slot].node != CAPNODE_NIL && !slot_current(p, slot) ==>
  @   \result == TS_E_REVOKED;
  @ ensures found: \result == TS_OK ==> slot < CAP_SLOTS &&
  @   slot_current(p, slot) &&
  @   *out == &capnode_pool_objects[p->caps[slot].node] &&
  @   (type == CAP_NONE || (*out)->type == type) &&
  @   ((*out)->rights & rights) == rights;
  @ ensures unchanged: \result != TS_OK ==> *out == \old(*out);
  @*/
ts_status cap_lookup(const struct proc *p, uint64_t slot, uint32_t type,
		     uint32_t rights, const struct capnode **out)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);
	const struct capnode *n;

	if (s != TS_OK)
		return s;
	n = node_at(idx);
	if (type != CAP_NONE && n->type != type)
		return TS_E_TYPE;
	if ((n->rights & rights) != rights)
		return TS_E_RIGHTS;
	*out = n;
	return TS_OK;
}

static ts_status node_create(struct proc *p, unsigned slot, uint32_t parent,
			     uint32_t type, uint32_t rights, uint64_t badge,
			     uint64_t object)
{
	struct capnode *n;
	uint32_t idx;

	if (!cap_slot_valid(slot))
		return TS_E_RANGE;
	if (p->caps[slot].node != CAPNODE_NIL)
		return TS_E_EXISTS;
	n = pool_alloc(&capnode_pool);
	if (!n)
		return TS_E_NOMEM;
	idx = (uint32_t)pool_index(&capnode_pool, n);
	*n = (struct capnode){ type, rights, parent, 0, badge, object };
	p->caps[slot] = (struct cap_slot){ idx, node_generation[idx] };
	object_cap_added(type, object, rights);
	cap_epoch++;
	return TS_OK;
}

ts_status cap_install_root(struct proc *p, unsigned slot, uint32_t type,
			   uint32_t rights, uint64_t object)
{
	return node_create(p, slot, CAPNODE_NIL, type, rights, 0, object);
}

/* Derives from's slot into to's slot.  The caller checked
 * cap_grant_allowed(); checked again here so no path can skip it. */
ts_status cap_derive(const struct proc *from, unsigned from_slot,
		     struct proc *to, unsigned to_slot, uint32_t rights,
		     uint64_t badge)
{
	uint32_t idx;
	ts_status s = slot_node(from, from_slot, &idx);
	const struct capnode *src;

	if (s != TS_OK)
		return s;
	src = node_at(idx);
	s = cap_grant_allowed(src, rights, badge);
	if (s != TS_OK)
		return s;
	return node_create(to, to_slot, idx, src->type, rights,
			   badge ? badge : src->badge, src->object);
}

/* Frees live node idx and bumps its generation (CAP-SLOT).
 * proved: prove/cap/node_free */
/*@ requires cap_pool_ok;
  @ requires live(idx);
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use, node_generation[idx], cap_epoch;
  @ ensures freed: !live(idx);
  @ ensures still_ok: cap_pool_ok;
  @ ensures others: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
  @   capnode_pool.link[j] == \old(capnode_pool.link[j]);
  @ ensures generation_bumped:
  @   node_generation[idx] != \old(node_generation[idx]);
  @*/
static void node_free(uint32_t idx)
{
	struct capnode *n = node_at(idx);

	ipc_cap_node_freed(idx);
	object_cap_removed(n->type, n->object, n->rights);
	node_generation[idx]++; /* CAP-SLOT: every slot naming it is revoked */
	/*@ assert bumped: node_generation[idx] ==
	  @   (uint32_t)(\at(node_generation[idx], Pre) + 1); */
	/*@ assert no_wrap: \at(node_generation[idx], Pre) < 0xffffffff ==>
	  @   node_generation[idx] == \at(node_generation[idx], Pre) + 1; */
	/*@ assert wrap: \at(node_generation[idx], Pre) == 0xffffffff ==>
	  @   node_generation[idx] == 0; */
	cap_epoch++;
	if (pool_free_index(&capnode_pool, idx) != TS_OK)
		panic("cap: node %u freed twice", idx);
}

/*
 * CAP-REVOKE: frees every live node that has root as an ancestor (not
 * root itself).  Marks first, frees after, so the walk never follows a
 * freed parent.  Returns how many nodes went.
 * proved: prove/cap/revoke_below (partial correctness: the passes of the
 * marking loop are not proved to end; each pass but the last marks a new
 * node, so there are at most CAP_NODES + 1)
 */
/*@ requires cap_pool_ok;
  @ requires root < CAP_NODES;
  @ assigns revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
  @   capnode_pool.free_head, capnode_pool.in_use,
  @   node_generation[0 .. CAP_NODES - 1], cap_epoch;
  @ ensures no_derived_left: \forall integer i; i != root ==>
  @   !(live(i) && derived_from(i, root));
  @ ensures derived_freed: \forall integer i; i != root &&
  @   \at(derived_from(i, root), Pre) ==> !live(i);
  @ ensures others_kept: \forall integer i; \at(live(i), Pre) &&
  @   (i == root || !\at(derived_from(i, root), Pre)) ==> live(i);
  @ ensures nothing_revived: \forall integer i; live(i) ==> \at(live(i), Pre);
  @ ensures generations: \forall integer i; \at(live(i), Pre) && !live(i) ==>
  @   node_generation[i] != \at(node_generation[i], Pre);
  @*/
static unsigned revoke_below(uint32_t root)
{
	bool grew = true;
	unsigned count = 0;
	uint32_t i;

	revoke_marks = (struct node_set){ { 0 } };
	revoke_marks.has[root] = 1;
	/*@ loop invariant root_marked: revoke_marks.has[root] != 0;
	  @ loop invariant marked_live: \forall integer j; j != root &&
	  @   in_set(revoke_marks, j) ==> live(j);
	  @ loop invariant marked_derived: \forall integer j; j != root &&
	  @   in_set(revoke_marks, j) ==> derived_from(j, root);
	  @ loop invariant done: !grew ==> child_closed(revoke_marks, root);
	  @ loop assigns grew, i, revoke_marks;
	  @*/
	while (grew) {
		grew = false;
		/*@ loop invariant 0 <= i <= CAP_NODES;
		  @ loop invariant root_marked: revoke_marks.has[root] != 0;
		  @ loop invariant marked_live: \forall integer j; j != root &&
		  @   in_set(revoke_marks, j) ==> live(j);
		  @ loop invariant marked_derived: \forall integer j; j != root &&
		  @   in_set(revoke_marks, j) ==> derived_from(j, root);
		  @ loop invariant pass_closed: !grew ==> \forall integer j;
		  @   0 <= j < i && live(j) &&
		  @   (parent_of(j) == root || in_set(revoke_marks, parent_of(j))) ==>
		  @   in_set(revoke_marks, j);
		  @ loop assigns grew, i, revoke_marks;
		  @ loop variant CAP_NODES - i;
		  @*/
		for (i = 0; i < CAP_NODES; i++) {
			if (revoke_marks.has[i] || !node_live(i))
				continue;
			uint32_t parent = node_at(i)->parent;
			if (parent < CAP_NODES && revoke_marks.has[parent]) {
				revoke_marks.has[i] = 1;
				grew = true;
			}
		}
	}
	/*@ assert closed_before: child_closed(revoke_marks, root); */
	/*@ loop invariant 0 <= i <= CAP_NODES;
	  @ loop invariant cap_pool_ok;
	  @ loop invariant freed: \forall integer j; 0 <= j < i && j != root &&
	  @   in_set(revoke_marks, j) ==> !live(j);
	  @ loop invariant kept: \forall integer j; \at(live(j), LoopEntry) &&
	  @   (j >= i || j == root || !in_set(revoke_marks, j)) ==> live(j);
	  @ loop invariant nothing_revived: \forall integer j; live(j) ==>
	  @   \at(live(j), LoopEntry);
	  @ loop invariant generations: \forall integer j; 0 <= j < CAP_NODES &&
	  @   \at(live(j), LoopEntry) && !live(j) ==>
	  @   node_generation[j] != \at(node_generation[j], LoopEntry);
	  @ loop invariant gens_kept: \forall integer j; i <= j < CAP_NODES ==>
	  @   node_generation[j] == \at(node_generation[j], LoopEntry);
	  @ loop assigns i, count, capnode_pool.link[0 .. CAP_NODES - 1],
	  @   capnode_pool.free_head, capnode_pool.in_use,
	  @   node_generation[0 .. CAP_NODES - 1], cap_epoch;
	  @ loop variant CAP_NODES - i;
	  @*/
	for (i = 0; i < CAP_NODES; i++) {
		if (i != root && revoke_marks.has[i]) {
			node_free(i);
			count++;
		}
	}
	/*@ assert closed_after: child_closed(revoke_marks, root); */
	return count;
}

/* Revokes every capability derived from p's slot; p keeps its own.
 * proved: prove/cap/cap_revoke_derived */
/*@ requires cap_pool_ok;
  @ requires \valid_read(p);
  @ requires \separated(p, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1), &revoke_marks);
  @ assigns revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
  @   capnode_pool.free_head, capnode_pool.in_use,
  @   node_generation[0 .. CAP_NODES - 1], cap_epoch;
  @ behavior not_held:
  @   assumes slot >= CAP_SLOTS || p->caps[slot].node == CAPNODE_NIL ||
  @     !slot_current(p, slot);
  @   ensures \result == 0;
  @   assigns \nothing;
  @ behavior held:
  @   assumes slot < CAP_SLOTS && p->caps[slot].node != CAPNODE_NIL &&
  @     slot_current(p, slot);
  @   ensures no_derived_left: \forall integer i; i != p->caps[slot].node ==>
  @     !(live(i) && derived_from(i, p->caps[slot].node));
  @   ensures derived_freed: \forall integer i; i != p->caps[slot].node &&
  @     \at(derived_from(i, p->caps[slot].node), Pre) ==> !live(i);
  @   ensures own_kept: live(p->caps[slot].node);
  @ complete behaviors;
  @ disjoint behaviors;
  @*/
unsigned cap_revoke_derived(struct proc *p, unsigned slot)
{
	uint32_t idx;

	if (slot_node(p, slot, &idx) != TS_OK)
		return 0;
	return revoke_below(idx);
}

/* Drops p's own capability in slot, and with it everything derived. */
ts_status cap_delete(struct proc *p, unsigned slot)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);

	if (s != TS_OK)
		return s;
	revoke_below(idx);
	node_free(idx);
	p->caps[slot] = (struct cap_slot){ CAPNODE_NIL, 0 };
	return TS_OK;
}

/* Exit revokes everything the process held, and everything derived. */
void cap_release_all(struct proc *p)
{
	for (unsigned slot = 0; slot < CAP_SLOTS; slot++) {
		uint32_t idx;
		if (slot_node(p, slot, &idx) == TS_OK) {
			revoke_below(idx);
			node_free(idx);
		}
		p->caps[slot] = (struct cap_slot){ CAPNODE_NIL, 0 };
	}
}

ts_status cap_info(const struct proc *p, unsigned slot, struct cap_info *out)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);

	memset(out, 0, sizeof(*out));
	out->state = (int32_t)s;
	if (s == TS_E_RANGE)
		return s;
	if (s == TS_OK) {
		const struct capnode *n = node_at(idx);
		out->type = n->type;
		out->rights = n->rights;
		out->badge = n->badge;
		out->object = n->object;
	}
	return TS_OK;
}

uint64_t cap_epoch;

/* The I/O-port ranges p may use: its live IOPORT capabilities with READ
 * and WRITE.  Returns how many were written to ranges. */
unsigned cap_io_ranges(const struct proc *p, uint32_t (*ranges)[2], unsigned max)
{
	unsigned n = 0;

	for (unsigned slot = 0; slot < CAP_SLOTS && n < max; slot++) {
		const struct capnode *c;
		if (cap_lookup(p, slot, CAP_IOPORT, CAP_R_READ | CAP_R_WRITE, &c) != TS_OK)
			continue;
		ranges[n][0] = IOPORT_BASE(c->object);
		ranges[n][1] = IOPORT_COUNT(c->object);
		n++;
	}
	return n;
}

uint32_t cap_index(const struct capnode *n)
{
	return (uint32_t)pool_index(&capnode_pool, n);
}

uint32_t cap_nodes_in_use(void)
{
	return capnode_pool.in_use;
}

/* CAP-TREE and CAP-SUBSET over the whole pool. */
bool cap_tree_ok(void)
{
	for (uint32_t i = 0; i < CAP_NODES; i++) {
		if (!node_live(i))
			continue;
		const struct capnode *n = node_at(i);
		if (n->parent == CAPNODE_NIL)
			continue;
		if (!node_live(n->parent))
			return false;
		const struct capnode *up = node_at(n->parent);
		if ((n->rights & ~up->rights) || n->type != up->type ||
		    n->object != up->object)
			return false;
		if (up->badge != 0 && n->badge != up->badge)
			return false;
	}
	return pool_check(&capnode_pool);
}
