/*
 * Unit tests of the kernel's log ring (kernel/logring.c, KLOG-RING): what a
 * reader gets, what it loses when it falls behind, and what a panic would
 * print (only what no reader has taken).
 */
#include <stdio.h>
#include <string.h>
#include "tests/unit/check.h"
#include "kernel/log.h"

static void put(const char *s)
{
	klog_ring_put(s, strlen(s));
}

/* One ring per process: the cases run in this order on one ring. */
static uint64_t total;

static void reads_what_was_written(void)
{
	char buf[64];
	uint64_t off = 0;

	put("hello\n");
	put("world\n");
	total = 12;
	CHECK_EQ(klog_copy(&off, buf, sizeof(buf)), 12);
	CHECK(memcmp(buf, "hello\nworld\n", 12) == 0);
	CHECK_EQ(off, 12);
	CHECK_EQ(klog_copy(&off, buf, sizeof(buf)), 0);
	CHECK_EQ(off, 12);
}

static void reads_in_pieces(void)
{
	char buf[4];
	uint64_t off = 0;

	CHECK_EQ(klog_copy(&off, buf, 4), 4);
	CHECK(memcmp(buf, "hell", 4) == 0);
	CHECK_EQ(klog_copy(&off, buf, 4), 4);
	CHECK(memcmp(buf, "o\nwo", 4) == 0);
	CHECK_EQ(off, 8);
}

static void offset_past_the_end_is_clamped(void)
{
	char buf[8];
	uint64_t off = 1000;

	CHECK_EQ(klog_copy(&off, buf, sizeof(buf)), 0);
	CHECK_EQ(off, total);
}

static void nothing_unread_after_a_reader_caught_up(void)
{
	char buf[8];

	CHECK_EQ(klog_ring_take_unread(buf, sizeof(buf)), 0);
}

static void panic_sees_only_the_unread_part(void)
{
	char buf[64];

	put("late\n");
	total += 5;
	CHECK_EQ(klog_ring_take_unread(buf, sizeof(buf)), 5);
	CHECK(memcmp(buf, "late\n", 5) == 0);
	CHECK_EQ(klog_ring_take_unread(buf, sizeof(buf)), 0);
}

static void a_slow_reader_skips_what_was_overwritten(void)
{
	static char big[KLOG_RING_SIZE + 100];
	char buf[16];
	uint64_t off = 0;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	klog_ring_put(big, sizeof(big));
	total += sizeof(big);
	/* Offset 0 is long gone: the copy starts at the oldest byte kept. */
	CHECK_EQ(klog_copy(&off, buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(off, total - KLOG_RING_SIZE + sizeof(buf));
	/* The oldest byte kept is byte total - SIZE of the log, which is byte
	 * (total - SIZE) - (total - sizeof(big)) of big. */
	size_t first = (size_t)(sizeof(big) - KLOG_RING_SIZE);
	CHECK(memcmp(buf, big + first, sizeof(buf)) == 0);
	/* The newest bytes are intact. */
	off = total - 10;
	CHECK_EQ(klog_copy(&off, buf, sizeof(buf)), 10);
	CHECK(memcmp(buf, big + sizeof(big) - 10, 10) == 0);
}

int main(void)
{
	check_begin("klog");
	CHECK_RUN(reads_what_was_written);
	CHECK_RUN(reads_in_pieces);
	CHECK_RUN(offset_past_the_end_is_clamped);
	CHECK_RUN(nothing_unread_after_a_reader_caught_up);
	CHECK_RUN(panic_sees_only_the_unread_part);
	CHECK_RUN(a_slow_reader_skips_what_was_overwritten);
	return check_done();
}
