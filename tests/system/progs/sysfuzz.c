/*
 * sysfuzz - the in-guest syscall fuzzer (C3).  Issues SYSFUZZ_CALLS random
 * syscalls with random and adversarial arguments: syscall numbers in and
 * out of range, capability slots that are held, empty, out of range or
 * negative, pointers to NULL, the kernel half, the entry trampoline,
 * non-canonical addresses, the ends of mappings, unmapped pages and its
 * own read-only text (as an output buffer), huge and wrapping lengths,
 * random rights, badges, bits, prot bits and spawn grant lists.
 *
 * It never calls SYS_EXIT by accident and keeps itself alive: SYS_UNMAP
 * and SYS_MAP aim at its own sandbox range (and random addresses), never
 * at its image, stack or IPC buffer.  Blocking calls always carry a short
 * timeout, so the fuzzers cannot all wait for ever.
 *
 * The kernel is the thing under test: a ring-0 fault, a scanner violation
 * or an accounting mismatch (kernel/kcheck.c, run every 256 syscalls in
 * test boots) panics.  The fuzzer itself checks one oracle: a syscall that
 * writes through a pointer it could not legally write (kernel half,
 * non-canonical, unmapped, read-only text) must not succeed; such a
 * success prints "ORACLE", which the cases forbid.
 *
 * Seed: SYSFUZZ_SEED (make SYSFUZZ_SEED=0x...), else from rdtsc and the
 * clock; printed first.  Each instance derives its own stream from the
 * seed and its instance number (the badge of its marker capability in
 * slot 62), so a seed replays each instance's call sequence (the
 * interleaving of processes is the scheduler's, not replayed).
 * A process without the marker was spawned by a fuzzer: it runs
 * SYSFUZZ_CHILD_CALLS calls and exits.
 */
#include "user/lib/tessera.h"
#include "user/lib/sysctl.h"
#include "kernel_syms.h"
#include "sysfuzz_seed.h" /* SYSFUZZ_SEED, from make */
#include "tests/system/progs/sysfuzz.h"

#ifndef SYSFUZZ_CALLS
#define SYSFUZZ_CALLS 70000
#endif
#define SYSFUZZ_CHILD_CALLS 2000
#define MARKER_SLOT SYSFUZZ_MARKER_SLOT
#define NR_MAX 32                 /* counted: 0..31, then "other" */
#define SANDBOX_VA 0x0000100000000000ull
#define SANDBOX_PAGES 32
#define PAGE 4096ull

extern char _start[], _image_end[];

static uint64_t rng;
static uint64_t calls_by_nr[NR_MAX + 1];
static uint64_t calls_by_status[-TS_STATUS_MIN + 3]; /* ok>0, 0..-17, unknown */
static uint64_t oracle_failures;
static uint64_t run_calls = SYSFUZZ_CALLS;
static uint8_t held_slots[CAP_SLOTS];
static unsigned held_count;
static uint64_t spawned_pids[8];
static uint64_t far_maps[8];     /* pages mapped outside the sandbox */
/* Buffers the kernel may legally write: pages of their own (mapped at
 * start), with unmapped pages after them, far from the state above. */
/* Scratch pages for the buffers the calls write to: in .bss (inside the
 * image, so protected_range keeps SYS_UNMAP off them), so a fuzzer needs
 * no memory capability to run (its children usually hold none). */
#define SCRATCH_PAGES 8
static uint8_t scratch[SCRATCH_PAGES * 4096] __attribute__((aligned(4096)));
#define SCRATCH_VA ((uint64_t)(uintptr_t)scratch)
static const char rodata_text[] = "sysfuzz read-only text";

static uint64_t next(void) /* splitmix64 */
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
	return n ? next() % n : 0;
}

static int chance(unsigned percent)
{
	return below(100) < percent;
}

/* A raw syscall: every argument register may come back changed (receives
 * return the message in them), so all are in/out. */
static int64_t raw_syscall(uint64_t n, uint64_t a[6])
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];
	uint64_t rax = n, rdi = a[0], rsi = a[1], rdx = a[2];

	__asm__ volatile("syscall"
			 : "+a"(rax), "+D"(rdi), "+S"(rsi), "+d"(rdx), "+r"(r10),
			   "+r"(r8), "+r"(r9)
			 :
			 : "rcx", "r11", "memory");
	return (int64_t)rax;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* ---------------------------------------------------------- arguments */

static uint64_t rand_slot(void)
{
	static const uint64_t odd[] = { 64, 65, 127, 0xffffffffull, 1ull << 32,
					(uint64_t)-1, (uint64_t)-64, 1ull << 63 };
	unsigned r = (unsigned)below(100);

	if (r < 55 && held_count)
		return held_slots[below(held_count)];
	if (r < 90)
		return below(CAP_SLOTS);
	if (r < 97)
		return odd[below(sizeof(odd) / sizeof(odd[0]))];
	return next();
}

static uint64_t rand_len(void)
{
	static const uint64_t odd[] = { 0, 1, 7, 8, 4095, 4096, 4097, 8192,
					1ull << 31, 1ull << 32, (uint64_t)-1,
					(uint64_t)-4096, 1ull << 63 };
	unsigned r = (unsigned)below(100);

	if (r < 50)
		return below(64);
	if (r < 75)
		return below(3 * 4096);
	if (r < 95)
		return odd[below(sizeof(odd) / sizeof(odd[0]))];
	return next();
}

enum ptr_class { PTR_GOOD, PTR_BAD, PTR_MAYBE };

/* A pointer, and whether the kernel may legally write len bytes there. */
static uint64_t rand_ptr(enum ptr_class *cls)
{
	static const uint64_t bad[] = {
		0, 1, 0xfff, 0x1000, 0x3ff000,
		0xffffffff80000000ull, 0xffffffff80100000ull,
		0xffff800000000000ull, 0xffff800000100000ull,
		0xffffffff40000000ull, KSYM_ENTRY_TEXT, KSYM_ENTRY_STACK_TOP - 64,
		0x0000800000000000ull, 0x8000000000000000ull,
		0x00007ffffffff000ull, 0x00007fffffffffffull,
		USER_SPACE_END - 8, USER_SPACE_END, (uint64_t)-1, (uint64_t)-8,
		USER_STACK_TOP, USER_STACK_TOP - (USER_STACK_PAGES + 1) * PAGE,
		IPC_BUFFER_VA + 2 * PAGE, IPC_BUFFER_VA - 8,
	};
	unsigned r = (unsigned)below(100);

	*cls = PTR_GOOD;
	if (r < 30)
		return SCRATCH_VA + below(PAGE);
	if (r < 35)
		return IPC_PAYLOAD_VA + below(64);
	*cls = PTR_BAD;
	if (r < 65)
		return bad[below(sizeof(bad) / sizeof(bad[0]))];
	if (r < 72) /* our text and rodata: readable, not writable */
		return (uint64_t)(uintptr_t)(chance(50) ? (const char *)_start
						       : rodata_text);
	*cls = PTR_MAYBE;
	if (r < 80) /* the sandbox, mapped or not, and its end */
		return SANDBOX_VA + below(SANDBOX_PAGES * PAGE + 64) - 32;
	if (r < 85) /* straddles the end of the payload page (unmapped next) */
		return IPC_BUFFER_VA + IPC_BUFFER_PAGES * PAGE - below(64);
	if (r < 92)
		return USER_SPACE_BASE + below(USER_SPACE_END - USER_SPACE_BASE);
	return next();
}

/* Random rights, bits or badges: small values, single bits, anything. */
static uint64_t rand_word(void)
{
	unsigned r = (unsigned)below(100);

	if (r < 40)
		return below(32);
	if (r < 70)
		return 1ull << below(64);
	if (r < 80)
		return (uint64_t)-1;
	return next();
}

static uint64_t rand_info(void)
{
	uint64_t len = chance(80) ? below(IPC_PAYLOAD_MAX + 1)
				  : below(1ull << 13);

	if (chance(3))
		return next();
	return IPC_INFO(chance(5) ? IPC_LABEL_NOTIFY : below(16), len);
}

/* ------------------------------------------------------ memory calls */

/* True if [va, va+len) touches our image, stack or IPC buffer. */
static int protected_range(uint64_t va, uint64_t len)
{
	uint64_t end = va + len, img_end = ((uint64_t)(uintptr_t)_image_end + PAGE - 1) & ~(PAGE - 1);
	uint64_t ranges[4][2] = {
		{ SCRATCH_VA, SCRATCH_VA + SCRATCH_PAGES * PAGE },
		{ USER_SPACE_BASE, img_end },
		{ USER_STACK_TOP - USER_STACK_PAGES * PAGE, USER_STACK_TOP },
		{ IPC_BUFFER_VA, IPC_BUFFER_VA + IPC_BUFFER_PAGES * PAGE },
	};

	if (end < va)
		return 1; /* wraps: the kernel must refuse, but don't risk it */
	for (int i = 0; i < 4; i++)
		if (va < ranges[i][1] && end > ranges[i][0])
			return 1;
	return 0;
}

static void mem_args(uint64_t nr, uint64_t a[6])
{
	unsigned r = (unsigned)below(100);

	a[0] = SANDBOX_VA + below(SANDBOX_PAGES) * PAGE;
	a[1] = (1 + below(4)) * PAGE;
	if (r < 8)
		a[0] += below(PAGE);                  /* misaligned */
	else if (r < 16)
		a[1] = rand_len();                    /* any length */
	else if (r < 24)
		a[0] = USER_SPACE_BASE + below(USER_SPACE_END - USER_SPACE_BASE) / PAGE * PAGE;
	else if (r < 30)
		a[0] = rand_word() & ~(PAGE - 1);     /* kernel, non-canonical */
	else if (r < 36 && nr == SYS_UNMAP)
		a[0] = far_maps[below(8)];
	a[2] = chance(85) ? below(8) : rand_word();
	if (protected_range(a[0], a[1]))
		a[0] = SANDBOX_VA;
	/* The kernel must refuse this one (judged in judge()). */
	if (nr == SYS_UNMAP && chance(2)) {
		a[0] = IPC_BUFFER_VA + below(IPC_BUFFER_PAGES) * PAGE;
		a[1] = PAGE;
	}
	/* SYS_MAP takes the memory capability first: usually ours. */
	if (nr == SYS_MAP) {
		a[3] = a[2];
		a[2] = a[1];
		a[1] = a[0];
		a[0] = chance(90) ? SYSFUZZ_MEMORY_SLOT : rand_slot();
	}
}

/* ------------------------------------------------------ one syscall */

static uint64_t rand_nr(void)
{
	unsigned r = (unsigned)below(1000);
	uint64_t nr;

	if (r < 930)
		nr = 1 + below(SYS_COUNT - 1);
	else if (r < 980)
		nr = SYS_COUNT + below(40);
	else
		nr = next();
	if (nr == SYS_EXIT)
		nr = SYS_YIELD;
	/* Blocking calls cost a timer tick when they time out: keep them to a
	 * few per cent so the run is spent on calls, not on waiting. */
	if ((nr == SYS_RECV || nr == SYS_REPLY_RECV || nr == SYS_NOTIFY_WAIT ||
	     nr == SYS_CALL || nr == SYS_SEND) && chance(70))
		nr = SYS_GETPID + below(2); /* getpid, time */
	return nr;
}

static void grant_list(uint64_t *ptr, uint64_t *count, enum ptr_class *cls)
{
	struct cap_grant *g = (struct cap_grant *)scratch;
	unsigned n = (unsigned)below(6);

	for (unsigned i = 0; i < n; i++) {
		g[i].from_slot = (uint16_t)(chance(70) && held_count
			? held_slots[below(held_count)] : next());
		g[i].to_slot = (uint16_t)(chance(85) ? below(CAP_SLOTS) : next());
		g[i].rights = (uint32_t)rand_word();
		g[i].badge = chance(70) ? 0 : rand_word();
	}
	*ptr = (uint64_t)(uintptr_t)g;
	*count = chance(90) ? n : rand_len();
	*cls = PTR_GOOD;
	if (chance(15))
		*ptr = rand_ptr(cls);
}

/* Fills a[] for syscall nr; returns the class of the output pointer the
 * oracle judges, or -1 if there is none. */
static int fill_args(uint64_t nr, uint64_t a[6])
{
	enum ptr_class cls = PTR_GOOD;
	int judged = -1;

	for (int i = 0; i < 6; i++)
		a[i] = chance(50) ? rand_word() : rand_slot();
	switch (nr) {
	case SYS_KLOG_READ: /* offset pointer in, buffer out */
		a[1] = chance(80) ? (uint64_t)(uintptr_t)scratch : rand_ptr(&cls);
		a[2] = rand_ptr(&cls);
		a[3] = chance(90) ? below(600) : rand_len();
		break;
	case SYS_MAP:
	case SYS_UNMAP:
		mem_args(nr, a);
		break;
	case SYS_SEND: case SYS_RECV: case SYS_CALL: case SYS_REPLY_RECV:
	case SYS_REPLY:
		a[0] = rand_slot();
		a[1] = rand_info();
		break;
	case SYS_NOTIFY_SIGNAL: case SYS_NOTIFY_WAIT: case SYS_NOTIFY_BIND:
	case SYS_CAP_REVOKE: case SYS_IRQ_ACK: case SYS_CHILD_NOTIFY:
		a[0] = rand_slot();
		a[1] = rand_word();
		break;
	case SYS_CAP_DELETE:
		/* Deleting what we hold ends the fuzzing of it: rarely. */
		/* About three deletions per run, whatever its length. */
		a[0] = below(run_calls / 40 + 1) == 0 ? rand_slot() : 64 + below(8);
		if (a[0] == MARKER_SLOT || a[0] == SYSFUZZ_MEMORY_SLOT)
			a[0] = 64; /* the bystander waits for our done; memory */
		break;
	case SYS_SPAWN:
		a[0] = rand_slot();
		a[1] = chance(85) ? below(8) : rand_word();
		grant_list(&a[2], &a[3], &cls);
		a[4] = chance(90) ? below(3) : rand_word();
		break;
	case SYS_CAP_INFO:
		a[0] = rand_slot();
		a[1] = rand_ptr(&cls);
		judged = (int)cls;
		break;
	case SYS_IRQ_BIND: case SYS_AUDIT_BIND:
		a[0] = rand_slot();
		a[1] = rand_slot();
		a[2] = rand_word();
		break;
	case SYS_AUDIT_READ:
		a[0] = rand_slot();
		a[1] = chance(50) ? below(4096) : next();
		a[2] = rand_ptr(&cls);
		a[3] = chance(80) ? below(10) : rand_len();
		judged = (int)cls;
		break;
	case SYS_MODULE_INFO: case SYS_PROC_INFO: case SYS_SYS_INFO:
		a[0] = rand_slot();
		a[1] = chance(85) ? below(10) : rand_word();
		a[2] = rand_ptr(&cls);
		if (nr == SYS_SYS_INFO)
			a[1] = a[2];
		judged = (int)cls;
		break;
	case SYS_MODULE_READ:
		a[0] = rand_slot();
		a[1] = chance(85) ? below(8) : rand_word();
		a[2] = chance(70) ? below(8192) : rand_len();
		a[3] = rand_ptr(&cls);
		a[4] = rand_len();
		judged = (int)cls;
		break;
	case SYS_PROC_KILL: case SYS_PROC_CAP: case SYS_PROC_REVOKE:
		a[0] = rand_slot();
		a[1] = chance(60) ? spawned_pids[below(8)] : below(40);
		a[2] = rand_slot();
		a[3] = rand_ptr(&cls);
		if (nr == SYS_PROC_CAP)
			judged = (int)cls;
		break;
	case SYS_AUDIT_WRITE:
		a[0] = rand_slot();
		a[1] = rand_ptr(&cls);
		a[2] = chance(80) ? below(64) : rand_len();
		break;
	default:
		break;
	}
	/* Slot LOG_SLOT is the test logger's endpoint, this program's only
	 * voice: leave it alone (a fuzzer that deletes it or floods it with
	 * random payloads could no longer report). */
	if (a[0] == LOG_SLOT)
		a[0] = CAP_SLOTS + LOG_SLOT; /* out of range: E_RANGE */
	return judged;
}

static void count(uint64_t nr, int64_t s)
{
	calls_by_nr[nr < NR_MAX ? nr : NR_MAX]++;
	if (s > 0)
		calls_by_status[0]++;
	else if (s >= TS_STATUS_MIN)
		calls_by_status[1 - s]++;
	else
		calls_by_status[-TS_STATUS_MIN + 2]++;
}

/* Anything the kernel wrote through a pointer it could not legally write
 * is a broken check.  Counts of 0 (nothing copied) prove nothing. */
static void judge(uint64_t nr, const uint64_t a[6], int judged, int64_t s)
{
	int wrote = nr == SYS_AUDIT_READ || nr == SYS_MODULE_READ ? s > 0 : s == 0;

	if (judged == PTR_BAD && wrote) {
		oracle_failures++;
		printf("sysfuzz: ORACLE syscall %lu wrote through %lx: status %ld\n",
		       (unsigned long)nr, (unsigned long)(nr == SYS_MODULE_READ ? a[3] :
		       nr == SYS_AUDIT_READ || nr == SYS_MODULE_INFO || nr == SYS_PROC_INFO
		       || nr == SYS_SYS_INFO ? a[2] : a[nr == SYS_PROC_CAP ? 3 : 1]),
		       (long)s);
	}
	if (nr == SYS_UNMAP && s == TS_OK && a[0] >= IPC_BUFFER_VA &&
	    a[0] < IPC_BUFFER_VA + IPC_BUFFER_PAGES * PAGE) {
		oracle_failures++;
		printf("sysfuzz: ORACLE unmapped its own IPC buffer\n");
	}
	if (s < TS_STATUS_MIN && nr != SYS_TIME_NS) {
		oracle_failures++;
		printf("sysfuzz: ORACLE syscall %lu returned unknown status %ld\n",
		       (unsigned long)nr, (long)s);
	}
}

static void remember(uint64_t nr, const uint64_t a[6], int64_t s)
{
	static unsigned spawn_i, map_i;

	if (nr == SYS_SPAWN && s > 0)
		spawned_pids[spawn_i++ % 8] = (uint64_t)s;
	if (nr == SYS_MAP && s == TS_OK &&
	    (a[1] < SANDBOX_VA || a[1] >= SANDBOX_VA + SANDBOX_PAGES * PAGE))
		far_maps[map_i++ % 8] = a[1];
}

static void one_call(void)
{
	uint64_t nr = rand_nr(), a[6], saved[6];
	int judged = fill_args(nr, a);
	int64_t s;

	/* A receive may write the message into the header page and an
	 * output pointer may have overwritten the timeout: set it anew. */
	ipc_header()->timeout_ns = 200000 + below(2000000);
	for (int i = 0; i < 6; i++)
		saved[i] = a[i];
	s = raw_syscall(nr, a);
	count(nr, s);
	judge(nr, saved, judged, s);
	remember(nr, saved, s);
}

/* ------------------------------------------------------ main */

static uint64_t instance(void)
{
	struct cap_info ci;

	if (sys_cap_info(MARKER_SLOT, &ci) == TS_OK && ci.type == CAP_ENDPOINT &&
	    ci.state == TS_OK && ci.badge)
		return ci.badge;
	return 0;
}

static void find_held_slots(void)
{
	struct cap_info ci;

	for (unsigned i = 0; i < CAP_SLOTS; i++)
		if (sys_cap_info(i, &ci) == TS_OK && ci.type != CAP_NONE &&
		    i != MARKER_SLOT)
			held_slots[held_count++] = (uint8_t)i;
}

static void summary(uint64_t calls)
{
	printf("\n"); /* ends whatever a random debug write left open */
	printf("sysfuzz: calls by syscall:");
	for (unsigned i = 0; i <= NR_MAX; i++)
		if (calls_by_nr[i])
			printf(" %s%u=%lu", i == NR_MAX ? ">" : "", i == NR_MAX ? 31 : i,
			       (unsigned long)calls_by_nr[i]);
	printf("\nsysfuzz: calls by status: >0=%lu", (unsigned long)calls_by_status[0]);
	for (int i = 0; i >= TS_STATUS_MIN; i--)
		if (calls_by_status[1 - i])
			printf(" %s=%lu", ts_status_name(i),
			       (unsigned long)calls_by_status[1 - i]);
	printf(" unknown=%lu\n", (unsigned long)calls_by_status[-TS_STATUS_MIN + 2]);
	printf("sysfuzz: %lu calls done, %lu oracle failures\n", (unsigned long)calls,
	       (unsigned long)oracle_failures);
}

int main(void)
{
	uint64_t id = instance(), seed = SYSFUZZ_SEED;
	uint64_t calls = id ? SYSFUZZ_CALLS : SYSFUZZ_CHILD_CALLS;
	uint64_t t0;

	run_calls = calls;
	if (!seed)
		seed = rdtsc() ^ (sys_time_ns() << 20) ^ (uint64_t)sys_getpid();
	rng = seed ^ (id * 0xd1b54a32d192ed03ull);
	printf("sysfuzz: seed 0x%lx instance %lu, %lu calls%s\n", (unsigned long)seed,
	       (unsigned long)id, (unsigned long)calls,
	       id ? "" : " (a child: no marker capability)");
	find_held_slots();
	printf("sysfuzz: %u capabilities held\n", held_count);
	t0 = sys_time_ns();
	for (uint64_t i = 1; i <= calls; i++) {
		one_call();
		if (id && i % 20000 == 0)
			printf("sysfuzz: %lu calls\n", (unsigned long)i);
	}
	summary(calls);
	printf("sysfuzz: %lu ms\n", (unsigned long)((sys_time_ns() - t0) / 1000000));
	if (id) {
		uint64_t w[4] = { SYSFUZZ_DONE_MAGIC, calls, oracle_failures, 0 };
		ipc_header()->timeout_ns = 0;
		ipc_send(MARKER_SLOT, IPC_INFO(SYSFUZZ_DONE_LABEL, 0), w);
	}
	return oracle_failures ? 1 : 0;
}
