/*
 * cap_grant_adds_right.c - a deliberately broken cap_grant_allowed (the
 * rights-subset check is missing, so a spawner could give its child a
 * right it lacks) under the same contract as kernel/cap_rules.h.  make
 * prove must fail to prove it (prove/selftest-spawn-adding-a-right-detected).
 * Keep the contract in step with kernel/cap_rules.h.
 */
#include "include/abi/cap.h"
#include "include/abi/status.h"
#include "kernel/cap.h"

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
ts_status cap_grant_allowed(const struct capnode *src, uint32_t rights,
			    uint64_t badge)
{
	if (!(src->rights & CAP_R_GRANT))
		return TS_E_RIGHTS;
	/* BROKEN ON PURPOSE: no check that rights is a subset of src->rights. */
	if (badge != 0 && badge != src->badge &&
	    (src->type != CAP_ENDPOINT || src->badge != 0))
		return TS_E_DENIED;
	return TS_OK;
}
