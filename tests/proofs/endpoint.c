/*
 * endpoint.c - proof unit for kernel/endpoint.c (make prove, unit
 * "endpoint").  Includes the real kernel/endpoint.c; nothing here is
 * compiled into the kernel.  Only the wait-list steps (enqueue, dequeue)
 * carry contracts so far; see docs/CLAIMS.md for what is not proved.
 */
#define _Alignas(x) /* fpu.h: alignment means nothing to the proof */
#include "kernel/endpoint.c"
