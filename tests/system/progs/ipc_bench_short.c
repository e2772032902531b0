/*
 * ipc_bench_short - ipc_bench with 2,000 round trips per size, for
 * accelerators where each round trip costs milliseconds (this machine's
 * paravirtual KVM): same code, fewer samples.
 */
#define MAX_ITERS 2000
#include "ipc_bench.c"
