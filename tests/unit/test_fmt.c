/*
 * test_fmt.c - the image's small printf, checked against the host's
 * snprintf for every conversion it supports, plus truncation.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/fmt.h"
#include "tests/unit/check.h"

#define SAME(...)                                                          \
	do {                                                               \
		char a[128], b[128];                                       \
		int na = fmt_snprintf(a, sizeof(a), __VA_ARGS__);          \
		int nb = snprintf(b, sizeof(b), __VA_ARGS__);              \
		if (strcmp(a, b) != 0 || na != nb)                         \
			check_fail("line %d: got \"%s\" (%d), want \"%s\" (%d)", \
				   __LINE__, a, na, b, nb);                \
	} while (0)

static void integers_match_libc(void)
{
	SAME("%d %d %d", 0, -1, 2147483647);
	SAME("%i", -2147483647 - 1);
	SAME("%u %x %X", 4000000000u, 0xdeadbeefu, 0xabcu);
	SAME("%ld %lu %lx", (long)INT64_MIN, (unsigned long)UINT64_MAX, 0x1234ul);
	SAME("%lld", (long long)-42);
	SAME("%zu", (size_t)123456);
}

static void width_and_zero_pad_match_libc(void)
{
	SAME("[%5d] [%05d] [%08x]", 42, -42, 0xbeefu);
	SAME("[%3s] [%10s]", "abcdef", "hi");
	SAME("[%016lx]", 0xffffffff80100000ul);
}

static void strings_and_chars_match_libc(void)
{
	SAME("%s|%c|%%|%s", "tessera", 'x', "");
}

static void pointer_is_fixed_width_hex(void)
{
	char a[64];

	fmt_snprintf(a, sizeof(a), "%p", (void *)0x1000);
	CHECK(strcmp(a, "0x0000000000001000") == 0);
}

static void truncates_and_reports_full_length(void)
{
	char a[8];
	int n = fmt_snprintf(a, sizeof(a), "%s", "0123456789");

	CHECK_EQ(n, 10);
	CHECK(strcmp(a, "0123456") == 0);
	n = fmt_snprintf(a, 0, "%d", 12345);
	CHECK_EQ(n, 5);
}

static void null_string_is_safe(void)
{
	char a[16];
	const char *volatile nul = NULL;

	fmt_snprintf(a, sizeof(a), "%s", nul);
	CHECK(strcmp(a, "(null)") == 0);
}

int main(void)
{
	check_begin("fmt");
	CHECK_RUN(integers_match_libc);
	CHECK_RUN(width_and_zero_pad_match_libc);
	CHECK_RUN(strings_and_chars_match_libc);
	CHECK_RUN(pointer_is_fixed_width_hex);
	CHECK_RUN(truncates_and_reports_full_length);
	CHECK_RUN(null_string_is_safe);
	return check_done();
}
