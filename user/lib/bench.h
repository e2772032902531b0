/*
 * bench.h - what the benchmark programs share: an ordered TSC read and a
 * median without sorting.
 */
#ifndef TESSERA_USER_BENCH_H
#define TESSERA_USER_BENCH_H

#include <stdint.h>

/* rdtsc after all earlier instructions have completed (lfence). */
static inline uint64_t rdtsc_ordered(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

/* The k-th smallest of a[0..n) (quickselect; reorders a). */
uint32_t select_kth(uint32_t *a, int n, int k);

#endif
