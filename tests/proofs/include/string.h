/*
 * string.h - proof-only stand-in for include/libc/string.h, seen only by
 * Frama-C (tests/proofs/prove.mk puts this folder first on the include
 * path).  It declares the routines the proved files call, with the ACSL
 * contract that lib/string.c is relied on to meet.  The contract is an
 * assumption of the proofs, not proved here (lib/string.c is word-wise
 * and is checked by its unit tests); it is stated over uint8_t so that
 * WP's typed memory model needs no pointer casts between char types.
 */
#ifndef TESSERA_PROOF_STRING_H
#define TESSERA_PROOF_STRING_H

#include <stddef.h>
#include <stdint.h>

/*@ requires \valid((uint8_t *)dst + (0 .. n - 1));
  @ assigns ((uint8_t *)dst)[0 .. n - 1];
  @ ensures \forall integer k; 0 <= k < n ==>
  @   ((uint8_t *)dst)[k] == (uint8_t)c;
  @ ensures \result == dst;
  @*/
void *memset(void *dst, int c, size_t n);

#endif
