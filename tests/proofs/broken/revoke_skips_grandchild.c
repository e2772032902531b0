/*
 * revoke_skips_grandchild.c - a deliberately broken revocation walk: a
 * copy of revoke_below (kernel/cap.c) whose marking step looks only at
 * root's direct children, so a grandchild survives.  Same contract and
 * loop annotations as revoke_below.  make prove must fail to prove it
 * (prove/selftest-revoke-skipping-a-grandchild-detected).  Keep it in
 * step with kernel/cap.c.
 */
#include "tests/proofs/cap.c"

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
static unsigned revoke_skips_grandchild(uint32_t root)
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
			/* BROKEN ON PURPOSE: only root's own children are
			 * marked; a child of a marked child is skipped. */
			if (parent == root) {
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
