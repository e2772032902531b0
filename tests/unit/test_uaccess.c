/*
 * test_uaccess.c - user_range_ok, the pure half of every user-pointer check
 * (K6): nothing that touches kernel space, wraps, or is empty passes.
 */
#include <stdbool.h>
#include <stdint.h>

#include "kernel/uaccess.h"
#include "tests/unit/check.h"

static void accepts_ranges_inside_user_space(void)
{
	CHECK(user_range_ok(USER_SPACE_BASE, 1));
	CHECK(user_range_ok(USER_SPACE_BASE, USER_SPACE_END - USER_SPACE_BASE));
	CHECK(user_range_ok(USER_SPACE_END - 1, 1));
	CHECK(user_range_ok(0x20000000, 4096));
}

static void refuses_empty_range(void)
{
	CHECK(!user_range_ok(USER_SPACE_BASE, 0));
}

static void refuses_below_user_base(void)
{
	CHECK(!user_range_ok(0, 16));
	CHECK(!user_range_ok(USER_SPACE_BASE - 1, 16));
}

static void refuses_running_past_the_end(void)
{
	CHECK(!user_range_ok(USER_SPACE_END - 1, 2));
	CHECK(!user_range_ok(USER_SPACE_END, 1));
	CHECK(!user_range_ok(USER_SPACE_BASE, USER_SPACE_END - USER_SPACE_BASE + 1));
}

static void refuses_kernel_addresses(void)
{
	CHECK(!user_range_ok(0xffff800000000000ull, 8));
	CHECK(!user_range_ok(0xffffffff80100000ull, 8));
	CHECK(!user_range_ok(0x0000800000000000ull, 8));
}

static void refuses_wrapping_ranges(void)
{
	CHECK(!user_range_ok(USER_SPACE_BASE, UINT64_MAX));
	CHECK(!user_range_ok(0xfffffffffffff000ull, 0x2000));
	CHECK(!user_range_ok(USER_SPACE_END - 4096, UINT64_MAX - 100));
}

/* Exhaustive over a grid of interesting points: the answer must equal the
 * plain mathematical definition computed in 128-bit arithmetic. */
static void matches_the_definition(void)
{
	static const uint64_t pts[] = {
		0, 1, USER_SPACE_BASE - 1, USER_SPACE_BASE, USER_SPACE_BASE + 1,
		USER_SPACE_END - 4096, USER_SPACE_END - 1, USER_SPACE_END,
		USER_SPACE_END + 1, 0x0000800000000000ull, 0xffff800000000000ull,
		UINT64_MAX - 1, UINT64_MAX,
	};
	unsigned n = sizeof(pts) / sizeof(pts[0]);

	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < n; j++) {
			uint64_t va = pts[i], len = pts[j];
			unsigned __int128 end = (unsigned __int128)va + len;
			bool want = len > 0 && va >= USER_SPACE_BASE &&
				    end <= USER_SPACE_END;
			CHECK_EQ(user_range_ok(va, len), want);
		}
}

int main(void)
{
	check_begin("uaccess");
	CHECK_RUN(accepts_ranges_inside_user_space);
	CHECK_RUN(refuses_empty_range);
	CHECK_RUN(refuses_below_user_base);
	CHECK_RUN(refuses_running_past_the_end);
	CHECK_RUN(refuses_kernel_addresses);
	CHECK_RUN(refuses_wrapping_ranges);
	CHECK_RUN(matches_the_definition);
	return check_done();
}
