/*
 * cap.c - capability tables, derivation and revocation.
 *
 * Invariants (checked by cap_tree_ok() in test runs, and by the system
 * tests cap_*; CAP-TREE and CAP-SUBSET are also proved as tree_ok, kept by
 * every function here that makes or frees a node: make prove, unit cap):
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

/* Ghost birth stamps of the nodes and their counter: see tree_ok. */
/*@ ghost uint64_t cap_birth[CAP_NODES]; */
/*@ ghost uint64_t cap_births; */

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
  @     node_generation + (0 .. CAP_NODES - 1), &cap_epoch,
  @     cap_birth + (0 .. CAP_NODES - 1), &cap_births);
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
  @
  @ // The derivation relation reads only which nodes are live and their
  @ // parents: two states that agree on those agree on derived_from.
  @ predicate same_tree{L1, L2} =
  @   (\forall integer j; live{L1}(j) <==> live{L2}(j)) &&
  @   \forall integer j; 0 <= j < CAP_NODES ==>
  @     parent_of{L1}(j) == parent_of{L2}(j);
  @ lemma closed_same{L1, L2}: \forall struct node_set s, integer r;
  @   same_tree{L1, L2} ==>
  @   (child_closed{L1}(s, r) <==> child_closed{L2}(s, r));
  @ lemma derived_same{L1, L2}: \forall integer i, r;
  @   same_tree{L1, L2} ==>
  @   (derived_from{L1}(i, r) <==> derived_from{L2}(i, r));
  @*/

/*
 * CAP-TREE and CAP-SUBSET as the proof states them (tree_ok; the run-time
 * twin is cap_tree_ok below): a live node's parent is CAPNODE_NIL or a
 * live node born before it, and the node is narrower than its parent:
 * same type and object, no right the parent lacks, the parent's badge
 * unless the parent had none.  Births are ghost stamps from a counter
 * that only node_create advances; they make the derivation relation
 * acyclic (later_than: whatever is derived from r was born after r), so
 * revoking below r never frees r's own parent.
 * ASSUMED: fewer than 2^64 - 1 capabilities are created in one boot (the
 * counter does not wrap; each creation is a system call).
 */
/*@ predicate narrower{L}(integer c, integer p) =
  @   capnode_pool_objects[c].type == capnode_pool_objects[p].type &&
  @   capnode_pool_objects[c].object == capnode_pool_objects[p].object &&
  @   (capnode_pool_objects[c].rights & ~capnode_pool_objects[p].rights) == 0 &&
  @   (capnode_pool_objects[c].badge == capnode_pool_objects[p].badge ||
  @    capnode_pool_objects[p].badge == 0);
  @
  @ predicate node_ok{L}(integer i) =
  @   cap_birth[i] < cap_births &&
  @   (parent_of(i) == CAPNODE_NIL ||
  @    (live(parent_of(i)) && cap_birth[parent_of(i)] < cap_birth[i] &&
  @     narrower(i, parent_of(i))));
  @
  @ predicate tree_ok{L} = \forall integer i; live(i) ==> node_ok(i);
  @*/

/*@ requires cap_pool_ok;
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use;
  @ ensures cap_pool_ok && tree_ok;
  @ ensures none_live: \forall integer i; !live(i);
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

/*
 * The one place a node is made: a fresh pool slot, filled whole, named by
 * p's empty slot.  A node with a parent must be narrower than it (the
 * callers checked; required here, so tree_ok carries it).
 * proved: prove/cap/node_create
 */
/*@ predicate proc_apart(struct proc *p) =
  @   \separated(p, &capnode_pool, capnode_pool.link + (0 .. CAP_NODES - 1),
  @     capnode_pool_objects + (0 .. CAP_NODES - 1), &revoke_marks,
  @     node_generation + (0 .. CAP_NODES - 1), &cap_epoch,
  @     cap_birth + (0 .. CAP_NODES - 1), &cap_births);
  @*/
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid(p) && proc_apart(p);
  @ requires births: cap_births < 0xffffffffffffffff;
  @ requires from_parent: parent == CAPNODE_NIL ||
  @   (live(parent) &&
  @    type == capnode_pool_objects[parent].type &&
  @    object == capnode_pool_objects[parent].object &&
  @    (rights & ~capnode_pool_objects[parent].rights) == 0 &&
  @    (badge == capnode_pool_objects[parent].badge ||
  @     capnode_pool_objects[parent].badge == 0));
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use, capnode_pool_objects[0 .. CAP_NODES - 1],
  @   p->caps[0 .. CAP_SLOTS - 1], cap_epoch,
  @   cap_birth[0 .. CAP_NODES - 1], cap_births;
  @ ensures cap_pool_ok && tree_ok;
  @ ensures live_kept: \forall integer i; \old(live(i)) ==> live(i);
  @ ensures objects_kept: \forall integer i; \old(live(i)) ==>
  @   capnode_pool_objects[i] == \old(capnode_pool_objects[i]);
  @ ensures made: \result == TS_OK ==> slot < CAP_SLOTS &&
  @   \old(p->caps[slot].node) == CAPNODE_NIL && slot_current(p, slot) &&
  @   !\old(live(p->caps[slot].node)) &&
  @   parent_of(p->caps[slot].node) == parent &&
  @   capnode_pool_objects[p->caps[slot].node].rights == rights;
  @ ensures refused: \result != TS_OK ==> \forall integer k;
  @   0 <= k < CAP_SLOTS ==> p->caps[k] == \old(p->caps[k]);
  @*/
static ts_status node_create(struct proc *p, unsigned slot, uint32_t parent,
			     uint32_t type, uint32_t rights, uint64_t badge,
			     uint64_t object)
{
	int64_t i;
	uint32_t idx;

	if (!cap_slot_valid(slot))
		return TS_E_RANGE;
	if (p->caps[slot].node != CAPNODE_NIL)
		return TS_E_EXISTS;
	/*@ assert parents_pre: \forall integer j; 0 <= j < CAP_NODES && live(j) &&
	  @   parent_of(j) != CAPNODE_NIL ==> live(parent_of(j));
	  @*/
	i = pool_alloc_index(&capnode_pool);
	if (i < 0)
		return TS_E_NOMEM;
	idx = (uint32_t)i;
	/*@ assert allocated: live(idx) && \forall integer j; 0 <= j < CAP_NODES &&
	  @   j != idx ==> (live(j) <==> \at(live(j), Pre));
	  @*/
	/*@ assert alloc_links: pool_links_ok(&capnode_pool); */
	/*@ assert objects_pre: \forall integer j; 0 <= j < CAP_NODES ==>
	  @   capnode_pool_objects[j] == \at(capnode_pool_objects[j], Pre);
	  @*/
	/*@ ghost Allocated: ; */
	*node_at(idx) = (struct capnode){ type, rights, parent, 0, badge, object };
	/*@ assert written: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
	  @   capnode_pool_objects[j] == \at(capnode_pool_objects[j], Allocated);
	  @*/
	/*@ assert links_kept: \forall integer j; 0 <= j < CAP_NODES ==>
	  @   capnode_pool.link[j] == \at(capnode_pool.link[j], Allocated);
	  @*/
	/*@ ghost Written: ; */
	/*@ ghost
	  @ cap_birth[idx] = cap_births;
	  @ cap_births++;
	  @*/
	p->caps[slot] = (struct cap_slot){ idx, node_generation[idx] };
	object_cap_added(type, object, rights);
	cap_epoch++;
	/*@ assert links_kept_after: \forall integer j; 0 <= j < CAP_NODES ==>
	  @   capnode_pool.link[j] == \at(capnode_pool.link[j], Written);
	  @*/
	/*@ assert nodes_kept: \forall integer j; 0 <= j < CAP_NODES ==>
	  @   capnode_pool_objects[j] == \at(capnode_pool_objects[j], Written);
	  @*/
	/*@ assert births: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
	  @   cap_birth[j] == \at(cap_birth[j], Pre);
	  @*/
	/*@ assert born: cap_birth[idx] == \at(cap_births, Pre) &&
	  @   cap_births == \at(cap_births, Pre) + 1;
	  @*/
	/*@ assert was_free: \let k = idx; !\at(live(k), Pre); */
	/*@ assert live_same: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
	  @   (live(j) <==> \at(live(j), Pre));
	  @*/
	/*@ assert objects_same: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
	  @   capnode_pool_objects[j] == \at(capnode_pool_objects[j], Pre);
	  @*/
	/*@ assert others_same: \forall integer j; 0 <= j < CAP_NODES && j != idx ==>
	  @   parent_of(j) == \at(parent_of(j), Pre) &&
	  @   capnode_pool_objects[j].type == \at(capnode_pool_objects[j].type, Pre) &&
	  @   capnode_pool_objects[j].object == \at(capnode_pool_objects[j].object, Pre) &&
	  @   capnode_pool_objects[j].rights == \at(capnode_pool_objects[j].rights, Pre) &&
	  @   capnode_pool_objects[j].badge == \at(capnode_pool_objects[j].badge, Pre);
	  @*/
	/*@ assert no_child: \forall integer j; 0 <= j < CAP_NODES && live(j) &&
	  @   j != idx ==> \at(live(j), Pre) && parent_of(j) != idx;
	  @*/
	/*@ assert new_ok: node_ok(idx); */
	/*@ assert others_ok: \forall integer j; live(j) && j != idx ==>
	  @   node_ok(j);
	  @*/
	/*@ assert tree: tree_ok; */
	/*@ assert pool_kept: capnode_pool.free_head ==
	  @   \at(capnode_pool.free_head, Allocated) &&
	  @   capnode_pool.count == \at(capnode_pool.count, Allocated) &&
	  @   capnode_pool.link == \at(capnode_pool.link, Allocated) &&
	  @   capnode_pool.storage == \at(capnode_pool.storage, Allocated) &&
	  @   capnode_pool.objsize == \at(capnode_pool.objsize, Allocated);
	  @*/
	/*@ assert pool_links: pool_links_ok(&capnode_pool); */
	/*@ assert pool_ok: cap_pool_ok; */
	return TS_OK;
}

/* proved: prove/cap/cap_install_root */
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid(p) && proc_apart(p);
  @ requires births: cap_births < 0xffffffffffffffff;
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use, capnode_pool_objects[0 .. CAP_NODES - 1],
  @   p->caps[0 .. CAP_SLOTS - 1], cap_epoch,
  @   cap_birth[0 .. CAP_NODES - 1], cap_births;
  @ ensures cap_pool_ok && tree_ok;
  @ ensures made: \result == TS_OK ==> slot < CAP_SLOTS &&
  @   slot_current(p, slot) && parent_of(p->caps[slot].node) == CAPNODE_NIL;
  @*/
ts_status cap_install_root(struct proc *p, unsigned slot, uint32_t type,
			   uint32_t rights, uint64_t object)
{
	return node_create(p, slot, CAPNODE_NIL, type, rights, 0, object);
}

/* Derives from's slot into to's slot.  The caller checked
 * cap_grant_allowed(); checked again here so no path can skip it.
 * CAP-SUBSET: the new node is narrower than its source (and tree_ok, kept,
 * says so of every live node).
 * proved: prove/cap/cap_derive */
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid_read(from) && \valid(to) && proc_apart(to);
  @ requires \separated(from, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1));
  @ requires births: cap_births < 0xffffffffffffffff;
  @ assigns capnode_pool.link[0 .. CAP_NODES - 1], capnode_pool.free_head,
  @   capnode_pool.in_use, capnode_pool_objects[0 .. CAP_NODES - 1],
  @   to->caps[0 .. CAP_SLOTS - 1], cap_epoch,
  @   cap_birth[0 .. CAP_NODES - 1], cap_births;
  @ ensures cap_pool_ok && tree_ok;
  @ ensures derived: \result == TS_OK ==>
  @   from_slot < CAP_SLOTS && \old(slot_current(from, from_slot)) &&
  @   to_slot < CAP_SLOTS && slot_current(to, to_slot) &&
  @   parent_of(to->caps[to_slot].node) == \old(from->caps[from_slot].node) &&
  @   narrower(to->caps[to_slot].node, \old(from->caps[from_slot].node)) &&
  @   (capnode_pool_objects[\old(from->caps[from_slot].node)].rights &
  @    CAP_R_GRANT) != 0;
  @*/
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
	/*@ ghost Allowed: ; */
	s = node_create(to, to_slot, idx, src->type, rights,
			badge ? badge : src->badge, src->object);
	/*@ assert source_kept: s == TS_OK ==>
	  @   capnode_pool_objects[idx] == \at(capnode_pool_objects[idx], Allowed);
	  @*/
	/*@ assert child: s == TS_OK ==> live(to->caps[to_slot].node) &&
	  @   parent_of(to->caps[to_slot].node) == idx;
	  @*/
	/*@ assert narrow: s == TS_OK ==> narrower(to->caps[to_slot].node, idx); */
	return s;
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
 * proved: prove/cap/revoke_below, termination included: each pass that
 * goes round again marked a node that was unmarked, so unmarked_nodes (the
 * count of unmarked nodes) falls, and it is never negative (the loop
 * variant; ghost loops recount it after each mark).
 */
/*@ logic integer unmarked_nodes(struct node_set s, integer n) =
  @   n <= 0 ? 0 : unmarked_nodes(s, n - 1) + (s.has[n - 1] == 0 ? 1 : 0);
  @*/
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
  @ ensures still_ok: cap_pool_ok;
  @ ensures generations: \forall integer i; \at(live(i), Pre) && !live(i) ==>
  @   node_generation[i] != \at(node_generation[i], Pre);
  @*/
static unsigned revoke_below(uint32_t root)
{
	bool grew;
	unsigned count = 0;
	uint32_t i;

	revoke_marks = (struct node_set){ { 0 } };
	revoke_marks.has[root] = 1;
	/*@ ghost
	  @ /@ loop invariant 0 <= k <= CAP_NODES;
	  @    loop invariant unmarked_nodes(revoke_marks, k) >= 0;
	  @    loop assigns k;
	  @    loop variant CAP_NODES - k;
	  @ @/
	  @ for (int k = 0; k < CAP_NODES; k++) ;
	  @*/
	/*@ loop invariant root_marked: revoke_marks.has[root] != 0;
	  @ loop invariant marked_live: \forall integer j; j != root &&
	  @   in_set(revoke_marks, j) ==> live(j);
	  @ loop invariant marked_derived: \forall integer j; j != root &&
	  @   in_set(revoke_marks, j) ==> derived_from(j, root);
	  @ loop invariant counted: unmarked_nodes(revoke_marks, CAP_NODES) >= 0;
	  @ loop assigns grew, i, revoke_marks;
	  @ loop variant unmarked_nodes(revoke_marks, CAP_NODES);
	  @*/
	for (;;) {
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
		  @ loop invariant counted: unmarked_nodes(revoke_marks, CAP_NODES) >= 0;
		  @ loop invariant fewer: unmarked_nodes(revoke_marks, CAP_NODES) <=
		  @   unmarked_nodes(\at(revoke_marks, LoopEntry), CAP_NODES);
		  @ loop invariant progress: grew ==>
		  @   unmarked_nodes(revoke_marks, CAP_NODES) <
		  @   unmarked_nodes(\at(revoke_marks, LoopEntry), CAP_NODES);
		  @ loop assigns grew, i, revoke_marks;
		  @ loop variant CAP_NODES - i;
		  @*/
		for (i = 0; i < CAP_NODES; i++) {
			if (revoke_marks.has[i] || !node_live(i))
				continue;
			uint32_t parent = node_at(i)->parent;
			if (parent < CAP_NODES && revoke_marks.has[parent]) {
				/*@ ghost Unmarked: ; */
				revoke_marks.has[i] = 1;
				/*@ ghost
				  @ /@ loop invariant 0 <= k <= CAP_NODES;
				  @    loop invariant unmarked_nodes(revoke_marks, k) >= 0;
				  @    loop invariant unmarked_nodes(revoke_marks, k) ==
				  @      unmarked_nodes(\at(revoke_marks, Unmarked), k) -
				  @      (k > i ? 1 : 0);
				  @    loop assigns k;
				  @    loop variant CAP_NODES - k;
				  @ @/
				  @ for (int k = 0; k < CAP_NODES; k++) ;
				  @*/
				grew = true;
			}
		}
		if (!grew)
			break; /* a pass that marked nothing: closed */
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

/*
 * later_than (ghost): under tree_ok, whatever is derived from root was
 * born after it: the nodes born after root form a set closed under live
 * children, and derived_from is the least such.  So root's own parent
 * (born before it) is never derived from root: the tree has no cycle.
 */
/*@ ghost
  @ /@ requires cap_pool_ok && tree_ok && root < CAP_NODES;
  @    assigns \nothing;
  @    ensures \forall integer i; derived_from(i, root) ==>
  @      cap_birth[i] > cap_birth[root];
  @ @/
  @ static void later_than(uint32_t root)
  @ {
  @   struct node_set born_after;
  @   /@ loop invariant 0 <= k <= CAP_NODES;
  @      loop invariant \forall integer j; 0 <= j < k ==>
  @        (born_after.has[j] != 0 <==> cap_birth[j] > cap_birth[root]);
  @      loop assigns k, born_after;
  @      loop variant CAP_NODES - k;
  @   @/
  @   for (int k = 0; k < CAP_NODES; k++)
  @     born_after.has[k] = cap_birth[k] > cap_birth[root] ? 1 : 0;
  @   /@ assert closed: child_closed(born_after, root); @/
  @   /@ assert \forall integer i; derived_from(i, root) ==>
  @        cap_birth[i] > cap_birth[root]; @/
  @ }
  @*/

/* Revokes every capability derived from p's slot; p keeps its own.
 * proved: prove/cap/cap_revoke_derived */
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid_read(p);
  @ requires \separated(p, &capnode_pool,
  @   capnode_pool.link + (0 .. CAP_NODES - 1), &revoke_marks);
  @ assigns revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
  @   capnode_pool.free_head, capnode_pool.in_use,
  @   node_generation[0 .. CAP_NODES - 1], cap_epoch;
  @ ensures cap_pool_ok && tree_ok;
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
	unsigned count;

	if (slot_node(p, slot, &idx) != TS_OK)
		return 0;
	/*@ ghost later_than(idx); */
	/*@ assert parent_apart: parent_of(idx) == CAPNODE_NIL ||
	  @   !derived_from(parent_of(idx), idx);
	  @*/
	/*@ ghost Found: ; */
	count = revoke_below(idx);
	/*@ assert were_live: \forall integer i; live(i) ==> \at(live(i), Found); */
	/*@ assert objects_kept: \forall integer i; 0 <= i < CAP_NODES ==>
	  @   capnode_pool_objects[i] == \at(capnode_pool_objects[i], Found) &&
	  @   cap_birth[i] == \at(cap_birth[i], Found);
	  @*/
	/*@ assert parents_live: \forall integer i; live(i) &&
	  @   parent_of(i) != CAPNODE_NIL ==> live(parent_of(i));
	  @*/
	/*@ assert tree: tree_ok; */
	return count;
}

/* Drops p's own capability in slot, and with it everything derived.
 * proved: prove/cap/cap_delete (CAP-REVOKE for the node itself and all
 * below it; tree_ok kept) */
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid(p) && proc_apart(p);
  @ assigns revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
  @   capnode_pool.free_head, capnode_pool.in_use,
  @   node_generation[0 .. CAP_NODES - 1], cap_epoch,
  @   p->caps[0 .. CAP_SLOTS - 1];
  @ ensures cap_pool_ok && tree_ok;
  @ ensures emptied: \result == TS_OK ==> slot < CAP_SLOTS &&
  @   p->caps[slot].node == CAPNODE_NIL && !live(\old(p->caps[slot].node));
  @ ensures gone: \result == TS_OK ==> \forall integer i;
  @   \at(derived_from(i, p->caps[slot].node), Pre) ==> !live(i);
  @ ensures nothing_revived: \forall integer i; live(i) ==> \old(live(i));
  @ ensures slots_kept: \forall integer k; 0 <= k < CAP_SLOTS && k != slot ==>
  @   p->caps[k] == \old(p->caps[k]);
  @*/
ts_status cap_delete(struct proc *p, unsigned slot)
{
	uint32_t idx;
	ts_status s = slot_node(p, slot, &idx);

	if (s != TS_OK)
		return s;
	/*@ assert unmoved: same_tree{Pre, Here}; */
	/*@ ghost Found: ; */
	revoke_below(idx);
	/*@ ghost Revoked: ; */
	node_free(idx);
	/*@ assert were_live: \forall integer i; live(i) ==>
	  @   i != idx && \at(live(i), Revoked) && \at(live(i), Pre);
	  @*/
	/*@ assert not_below: \forall integer i; live(i) ==>
	  @   !\at(derived_from(i, idx), Found);
	  @*/
	/*@ assert parents_live: \forall integer i; live(i) &&
	  @   parent_of(i) != CAPNODE_NIL ==> live(parent_of(i));
	  @*/
	/*@ assert objects_kept: \forall integer i; 0 <= i < CAP_NODES ==>
	  @   capnode_pool_objects[i] == \at(capnode_pool_objects[i], Found) &&
	  @   cap_birth[i] == \at(cap_birth[i], Found);
	  @*/
	/*@ assert tree: tree_ok; */
	/*@ assert freed: \forall integer i; \at(derived_from(i, idx), Found) ==>
	  @   !live(i);
	  @*/
	/*@ assert freed_pre: \let k = idx; \forall integer i;
	  @   \at(derived_from(i, k), Pre) ==> !live(i);
	  @*/
	/*@ ghost Freed: ; */
	/*@ assert node_dead: !live(idx) && \at(p->caps[slot].node, Pre) == idx; */
	p->caps[slot].node = CAPNODE_NIL;
	p->caps[slot].generation = 0;
	/*@ assert pool_same: \forall integer i; 0 <= i < CAP_NODES ==>
	  @   capnode_pool.link[i] == \at(capnode_pool.link[i], Freed) &&
	  @   capnode_pool_objects[i] == \at(capnode_pool_objects[i], Freed);
	  @*/
	/*@ assert still_dead: !live(idx); */
	return TS_OK;
}

/* Exit revokes everything the process held, and everything derived.
 * proved: prove/cap/cap_release_all */
/*@ requires cap_pool_ok && tree_ok;
  @ requires \valid(p) && proc_apart(p);
  @ assigns revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
  @   capnode_pool.free_head, capnode_pool.in_use,
  @   node_generation[0 .. CAP_NODES - 1], cap_epoch,
  @   p->caps[0 .. CAP_SLOTS - 1];
  @ ensures cap_pool_ok && tree_ok;
  @ ensures emptied: \forall integer k; 0 <= k < CAP_SLOTS ==>
  @   p->caps[k].node == CAPNODE_NIL;
  @*/
void cap_release_all(struct proc *p)
{
	/*@ loop invariant 0 <= slot <= CAP_SLOTS;
	  @ loop invariant cap_pool_ok && tree_ok;
	  @ loop invariant emptied: \forall integer k; 0 <= k < slot ==>
	  @   p->caps[k].node == CAPNODE_NIL;
	  @ loop invariant \valid(p) && proc_apart(p);
	  @ loop assigns slot, revoke_marks, capnode_pool.link[0 .. CAP_NODES - 1],
	  @   capnode_pool.free_head, capnode_pool.in_use,
	  @   node_generation[0 .. CAP_NODES - 1], cap_epoch,
	  @   p->caps[0 .. CAP_SLOTS - 1];
	  @ loop variant CAP_SLOTS - slot;
	  @*/
	for (unsigned slot = 0; slot < CAP_SLOTS; slot++) {
		(void)cap_delete(p, slot); /* an empty or stale slot: nothing held */
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
