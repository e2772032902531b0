/*
 * pingpong.c - Linux baseline for Tessera's IPC round-trip benchmark.
 *
 * Two processes connected by two pipes play ping-pong: the parent writes
 * N bytes, the child reads them and writes N bytes back, the parent reads
 * them.  That is one round trip.  For each message size we warm up, then
 * time every round trip on its own with the TSC (median and min, in
 * cycles) and, around batches of round trips, with CLOCK_MONOTONIC
 * (median per round trip, in ns; TSC cycles mean little under TCG).
 *
 * Sizes: 1 byte (a token standing in for an empty message), 32 bytes
 * (four words), 4096 bytes (one page).
 *
 * Output, one figure a line, never asserted by any test:
 *   BENCH linux_pipe_<tag>_rt_<size>_median <cycles> cycles
 *   BENCH linux_pipe_<tag>_rt_<size>_min <cycles> cycles
 *   BENCH linux_pipe_<tag>_rt_<size>_median_ns <ns> ns
 * plus one line giving the number of timed round trips per size.
 *
 * Usage: pingpong [--tag TAG] [--iters N]      (N >= 100, default 100000)
 * Build: gcc -O2 -static -o pingpong pingpong.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WARMUP 1000
#define BATCH 100 /* round trips per CLOCK_MONOTONIC sample */

static const struct {
	size_t bytes;
	const char *name;
} sizes[] = {
	{ 1, "1b" },
	{ 32, "32b" },
	{ 4096, "4096b" },
};

static int have_rdtscp;

static void die(const char *what)
{
	fprintf(stderr, "pingpong: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

/* Start stamp: earlier instructions finish before RDTSC, later ones wait. */
static inline uint64_t tsc_begin(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) :: "memory");
	return ((uint64_t)hi << 32) | lo;
}

/* End stamp: RDTSCP waits for earlier instructions; LFENCE holds later ones. */
static inline uint64_t tsc_end(void)
{
	uint32_t lo, hi, aux;
	if (have_rdtscp)
		__asm__ volatile("rdtscp; lfence" : "=a"(lo), "=d"(hi), "=c"(aux) :: "memory");
	else
		__asm__ volatile("lfence; rdtsc; lfence" : "=a"(lo), "=d"(hi) :: "memory");
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Read or write exactly n bytes; returns 0 on end of file. */
static int read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("read");
		if (r == 0)
			return 0;
		got += (size_t)r;
	}
	return 1;
}

static void write_full(int fd, const char *buf, size_t n)
{
	size_t put = 0;
	while (put < n) {
		ssize_t r = write(fd, buf + put, n - put);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("write");
		put += (size_t)r;
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Pin to the first CPU we are allowed on; the child inherits it. */
static void pin_one_cpu(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return;
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (CPU_ISSET(cpu, &set)) {
			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			if (sched_setaffinity(0, sizeof(set), &set) != 0)
				fprintf(stderr, "pingpong: sched_setaffinity: %s (not pinned)\n",
					strerror(errno));
			return;
		}
	}
}

static void bench_size(const char *prefix, size_t bytes, const char *name, long iters)
{
	int to_child[2], to_parent[2];
	static char buf[4096];
	uint64_t *cycles = malloc(sizeof(*cycles) * (size_t)iters);
	long nbatch = iters / BATCH;
	uint64_t *batch_ns = malloc(sizeof(*batch_ns) * (size_t)nbatch);

	if (!cycles || !batch_ns)
		die("malloc");
	memset(buf, 0x5a, sizeof(buf));
	if (pipe(to_child) != 0 || pipe(to_parent) != 0)
		die("pipe");

	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		/* Child: echo every message until the parent closes its end. */
		close(to_child[1]);
		close(to_parent[0]);
		while (read_full(to_child[0], buf, bytes))
			write_full(to_parent[1], buf, bytes);
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);

	for (long i = 0; i < WARMUP; i++) {
		write_full(to_child[1], buf, bytes);
		if (!read_full(to_parent[0], buf, bytes))
			die("child went away");
	}

	/* Every round trip timed with the TSC; batches of BATCH also with the clock. */
	for (long b = 0; b < nbatch; b++) {
		uint64_t t0 = now_ns();
		for (long i = b * BATCH; i < (b + 1) * BATCH; i++) {
			uint64_t c0 = tsc_begin();
			write_full(to_child[1], buf, bytes);
			if (!read_full(to_parent[0], buf, bytes))
				die("child went away");
			cycles[i] = tsc_end() - c0;
		}
		batch_ns[b] = now_ns() - t0;
	}
	long n = nbatch * BATCH;

	close(to_child[1]);
	close(to_parent[0]);
	waitpid(pid, NULL, 0);

	qsort(cycles, (size_t)n, sizeof(*cycles), cmp_u64);
	qsort(batch_ns, (size_t)nbatch, sizeof(*batch_ns), cmp_u64);
	printf("BENCH %s_rt_%s_median %llu cycles\n", prefix, name,
	       (unsigned long long)cycles[n / 2]);
	printf("BENCH %s_rt_%s_min %llu cycles\n", prefix, name,
	       (unsigned long long)cycles[0]);
	printf("BENCH %s_rt_%s_median_ns %.0f ns\n", prefix, name,
	       (double)batch_ns[nbatch / 2] / BATCH);
	fflush(stdout);
	free(cycles);
	free(batch_ns);
}

int main(int argc, char **argv)
{
	const char *tag = NULL;
	long iters = 100000;
	char prefix[128];
	uint32_t a, b, c, d;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--tag") && i + 1 < argc) {
			tag = argv[++i];
		} else if (!strcmp(argv[i], "--iters") && i + 1 < argc) {
			iters = strtol(argv[++i], NULL, 10);
		} else {
			fprintf(stderr, "usage: %s [--tag TAG] [--iters N]\n", argv[0]);
			return 2;
		}
	}
	if (iters < BATCH) {
		fprintf(stderr, "pingpong: --iters must be at least %d\n", BATCH);
		return 2;
	}
	iters -= iters % BATCH;

	cpuid(0x80000000u, &a, &b, &c, &d);
	if (a >= 0x80000001u) {
		cpuid(0x80000001u, &a, &b, &c, &d);
		have_rdtscp = (d >> 27) & 1;
	}
	signal(SIGPIPE, SIG_IGN); /* a dead child shows up as an error, not a kill */
	pin_one_cpu();

	if (tag && *tag)
		snprintf(prefix, sizeof(prefix), "linux_pipe_%s", tag);
	else
		snprintf(prefix, sizeof(prefix), "linux_pipe");
	printf("BENCH %s_rt_iters %ld round_trips\n", prefix, iters);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		bench_size(prefix, sizes[i].bytes, sizes[i].name, iters);
	return 0;
}
