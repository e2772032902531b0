/*
 * prio.h - shared by prio_high, prio_mid and prio_low (K5): each says
 * when it first ran, spins without blocking for a while (only the timer
 * can take the CPU from it), and says when it is done.  Under strict
 * priority scheduling a lower-priority one first runs only after every
 * higher one has finished.
 */
#ifndef TESSERA_TEST_PRIO_H
#define TESSERA_TEST_PRIO_H

#include "user/lib/tessera.h"

static inline int prio_run(const char *who, uint64_t spin_ms)
{
	printf("%s: first ran at %lu ms\n", who,
	       (unsigned long)(sys_time_ns() / 1000000));
	spin_ns(spin_ms * 1000 * 1000);
	printf("%s: done at %lu ms\n", who, (unsigned long)(sys_time_ns() / 1000000));
	return 0;
}

#endif
