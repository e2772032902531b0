/*
 * check.h - a tiny host unit-test framework.
 *
 * A test file defines cases as `static void name(void)` and runs them from
 * main() with CHECK_RUN(name).  Each case prints exactly one line:
 *     PASS unit/<file>/<case>
 *     FAIL unit/<file>/<case>: <why>
 * A failing CHECK ends its case at once with a reason naming the line.
 * check_done() returns the exit status: 0 if every case passed, 1 if not.
 * Output is flushed after every line so a crash later loses nothing; the
 * runner in unit.mk reports a crashed binary by its exit status.
 */
#ifndef TESSERA_TESTS_CHECK_H
#define TESSERA_TESTS_CHECK_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

static const char *check_file = "?";
static char check_why[512];
static int check_case_failed;
static int check_failures;

/* Names the file part of every line printed afterwards. */
static inline void check_begin(const char *file)
{
	check_file = file;
}

/* Records the first failure reason of the current case. */
static inline void check_fail(const char *fmt, ...)
{
	va_list ap;

	if (check_case_failed)
		return;
	check_case_failed = 1;
	va_start(ap, fmt);
	vsnprintf(check_why, sizeof(check_why), fmt, ap);
	va_end(ap);
}

/* Runs one case and prints its line. */
static inline void check_run(const char *name, void (*fn)(void))
{
	check_case_failed = 0;
	check_why[0] = '\0';
	fn();
	if (check_case_failed) {
		check_failures++;
		printf("FAIL unit/%s/%s: %s\n", check_file, name, check_why);
	} else {
		printf("PASS unit/%s/%s\n", check_file, name);
	}
	fflush(stdout);
}

/* Returns the exit status for main: nonzero if any case failed. */
static inline int check_done(void)
{
	return check_failures ? 1 : 0;
}

#define CHECK_RUN(fn) check_run(#fn, fn)

/* Fails and leaves the case unless cond holds. */
#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			check_fail("line %d: %s", __LINE__, #cond);	\
			return;						\
		}							\
	} while (0)

/* Fails and leaves the case unless a == b (compared as int64_t). */
#define CHECK_EQ(a, b)							\
	do {								\
		int64_t check_a_ = (int64_t)(a), check_b_ = (int64_t)(b); \
		if (check_a_ != check_b_) {				\
			check_fail("line %d: %s == %s (%" PRId64 " != %" PRId64 ")", \
			    __LINE__, #a, #b, check_a_, check_b_);	\
			return;						\
		}							\
	} while (0)

/* Fails and leaves the case unless a == b (compared as uint64_t, in hex). */
#define CHECK_HEX(a, b)							\
	do {								\
		uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b); \
		if (check_a_ != check_b_) {				\
			check_fail("line %d: %s == %s (%#" PRIx64 " != %#" PRIx64 ")", \
			    __LINE__, #a, #b, check_a_, check_b_);	\
			return;						\
		}							\
	} while (0)

/* Fails and leaves the case unless the n bytes at a and b are equal. */
#define CHECK_MEM(a, b, n)						\
	do {								\
		if (memcmp((a), (b), (n)) != 0) {			\
			check_fail("line %d: %s and %s differ", __LINE__, #a, #b); \
			return;						\
		}							\
	} while (0)

/* Converts a hex string (whitespace ignored) into out; returns bytes written. */
static inline size_t check_unhex(const char *hex, uint8_t *out, size_t max)
{
	size_t n = 0;
	int hi = -1, v;

	for (; *hex != '\0'; hex++) {
		if (*hex >= '0' && *hex <= '9')
			v = *hex - '0';
		else if (*hex >= 'a' && *hex <= 'f')
			v = *hex - 'a' + 10;
		else if (*hex >= 'A' && *hex <= 'F')
			v = *hex - 'A' + 10;
		else
			continue;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n < max)
			out[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	return n;
}

/* A small deterministic PRNG (xorshift64*) for randomised cases. */
static inline uint64_t check_rand(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dull;
}

#endif
