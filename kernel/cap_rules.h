/*
 * cap_rules.h - the two rules every capability operation goes through,
 * pure so that they are proved (tests/proofs, make prove) on the code the
 * kernel runs:
 *   - a slot index outside the table is refused (cap_slot_valid);
 *   - a capability is passed on only with GRANT, with no right its source
 *     lacks, and without changing a badge (cap_grant_allowed).
 */
#ifndef TESSERA_KERNEL_CAP_RULES_H
#define TESSERA_KERNEL_CAP_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include "include/abi/cap.h"
#include "include/abi/status.h"
#include "kernel/cap.h"

/* proved: prove/cap_rules/cap_slot_valid */
/*@ assigns \nothing;
    ensures \result <==> slot < CAP_SLOTS;
*/
static inline bool cap_slot_valid(uint64_t slot)
{
	return slot < CAP_SLOTS;
}

/*
 * CAP-SUBSET: may src be passed on with these rights and this badge?
 * Needs GRANT on the source; rights only shrink; a badge can be set only
 * on an endpoint that has none yet, never changed.
 * proved: prove/cap_rules/cap_grant_allowed
 */
/*@ requires \valid_read(src);
    assigns \nothing;
    ensures result_known: \result == TS_OK || \result == TS_E_RIGHTS ||
                          \result == TS_E_DENIED;
    ensures needs_grant: \result == TS_OK ==> (src->rights & CAP_R_GRANT) != 0;
    ensures rights_subset: \result == TS_OK ==> (rights & ~src->rights) == 0;
    ensures badge_kept: \result == TS_OK ==>
        (badge == 0 || badge == src->badge ||
         (src->type == CAP_ENDPOINT && src->badge == 0));
*/
static inline ts_status cap_grant_allowed(const struct capnode *src,
					  uint32_t rights, uint64_t badge)
{
	if (!(src->rights & CAP_R_GRANT))
		return TS_E_RIGHTS;
	if (rights & ~src->rights)
		return TS_E_RIGHTS;
	if (badge != 0 && badge != src->badge &&
	    (src->type != CAP_ENDPOINT || src->badge != 0))
		return TS_E_DENIED;
	return TS_OK;
}

#endif
