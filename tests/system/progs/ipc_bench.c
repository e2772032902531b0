/*
 * ipc_bench - IPC round-trip figures (make bench; also run once by the
 * system test ipc_bench_runs, which checks only that it completes).
 * Boot with "init": modules ipc_bench ipc_bench_server.  Measures call +
 * reply_recv between two address spaces with 0 words, 4 words and a
 * 4 KiB payload: per-round-trip rdtsc cycles (median, min) and the mean
 * in nanoseconds from the kernel clock over the whole run.
 */
#include "user/lib/tessera.h"
#include "user/lib/bench.h"
#include "user/lib/sysctl.h"

#define EP0 ROOT_SLOT_ENDPOINT0
#ifndef MAX_ITERS
#define MAX_ITERS 100000
#endif

static uint32_t samples[MAX_ITERS];

static void run(const char *name, uint64_t info, int iters)
{
	uint64_t w[4] = { 1, 2, 3, 4 }, t0, t1, min = ~0ull, ns0, ns1;
	struct msg r;

	for (int i = 0; i < MAX_ITERS / 100; i++)
		ipc_call(EP0, info, w, &r);
	ns0 = sys_time_ns();
	for (int i = 0; i < iters; i++) {
		t0 = rdtsc_ordered();
		ipc_call(EP0, info, w, &r);
		t1 = rdtsc_ordered();
		samples[i] = t1 - t0 > 0xffffffffull ? 0xffffffffu : (uint32_t)(t1 - t0);
		if (t1 - t0 < min)
			min = t1 - t0;
	}
	ns1 = sys_time_ns();
	printf("BENCH tessera_ipc_rt_%s_median %u cycles\n", name,
	       select_kth(samples, iters, iters / 2));
	printf("BENCH tessera_ipc_rt_%s_min %lu cycles\n", name, (unsigned long)min);
	printf("BENCH tessera_ipc_rt_%s_mean_ns %lu ns\n", name,
	       (unsigned long)((ns1 - ns0) / (uint64_t)iters));
}

int main(void)
{
	struct cap_grant server[] = { { EP0, 0, CAP_R_RECV, 0 } };
	int iters = MAX_ITERS;

	int module = module_find(ROOT_SLOT_SPAWN, "ipc_bench_server");

	if (module < 0 || sys_spawn(ROOT_SLOT_SPAWN, (uint64_t)module, server, 1, 4) <= 0) {
		printf("FAILED: cannot spawn the bench server\n");
		return 1;
	}
	printf("BENCH tessera_ipc_iterations %d calls\n", iters);
	run("0w", IPC_INFO(1, 0), iters);
	run("4w", IPC_INFO(1, 0), iters);
	run("4k", IPC_INFO(1, IPC_PAYLOAD_MAX), iters);
	printf("ipc_bench: done\n");
	return 0;
}
