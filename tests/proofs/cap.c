/*
 * cap.c - proof unit for kernel/cap.c (make prove, unit "cap").  Includes
 * the real kernel/cap.c; nothing here is compiled into the kernel.
 *
 * The functions cap.c calls in other files get the contracts below.  They
 * are ASSUMPTIONS of the proof, not proved here:
 *   - the object hooks (endpoint.c, irq.c) touch threads, endpoints,
 *     notifications and IRQ lines, never the capability pool, its links,
 *     node_generation or revoke_marks (static to cap.c, or reached only
 *     through cap.c), so for the capability state they assign nothing;
 *   - panic does not return.
 * kernel/pool.c is included for the contract of pool_free_index (proved
 * in the pool unit).
 */
#define _Alignas(x) /* fpu.h: alignment means nothing to the proof */
#include "kernel/cap.h"
#include "kernel/log.h"

/*@ assigns \nothing; */
void ipc_cap_node_freed(uint32_t node);
/*@ assigns \nothing; */
void object_cap_removed(uint32_t type, uint64_t object, uint32_t rights);
/*@ assigns \nothing; */
void object_cap_added(uint32_t type, uint64_t object, uint32_t rights);
/*@ assigns \nothing;
  @ ensures never_returns: \false;
  @*/
void panic(const char *fmt, ...);

#include "kernel/pool.c"
#include "kernel/cap.c"
