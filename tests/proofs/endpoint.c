/*
 * endpoint.c - proof unit for kernel/endpoint.c (make prove, unit
 * "endpoint").  Includes the real kernel/endpoint.c; nothing here is
 * compiled into the kernel.
 *
 * ASSUMED, not proved here: the threads are the objects of the thread
 * pool (kernel/proc.c: POOL_DEFINE(thread_pool, struct thread,
 * MAX_THREADS) names them thread_pool_objects, static there; the proof
 * names them through the declaration below), and every struct thread *
 * the IPC functions are given points at one of them.
 */
#define _Alignas(x) /* fpu.h: alignment means nothing to the proof */
#include "kernel/proc.h"
extern struct thread thread_pool_objects[MAX_THREADS];
#include "kernel/endpoint.c"
