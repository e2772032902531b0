/*
 * logring.c - the kernel's log ring: pure logic, no hardware (log.c feeds
 * it; SYS_KLOG_READ and panic drain it; tests/unit/test_klog.c runs it on
 * the host).
 *
 * KLOG-RING: ring[off % KLOG_RING_SIZE] holds byte `off` of the log for
 * written - KLOG_RING_SIZE <= off < written (older bytes are overwritten);
 * taken <= written is the furthest any reader has read, so a panic prints
 * exactly what nobody has seen (checked by tests/unit/test_klog.c).
 */
#include <stdint.h>
#include <stddef.h>
#include "kernel/log.h"

static char ring[KLOG_RING_SIZE];
static uint64_t written, taken;

static uint64_t oldest(void)
{
	return written > KLOG_RING_SIZE ? written - KLOG_RING_SIZE : 0;
}

void klog_ring_put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ring[(written + i) % KLOG_RING_SIZE] = s[i];
	written += n;
}

uint64_t klog_copy(uint64_t *offset, char *out, uint64_t max)
{
	uint64_t from = *offset < oldest() ? oldest() : *offset, n = 0;

	if (from > written)
		from = written;
	for (; from + n < written && n < max; n++)
		out[n] = ring[(from + n) % KLOG_RING_SIZE];
	*offset = from + n;
	if (*offset > taken)
		taken = *offset;
	return n;
}

uint64_t klog_ring_take_unread(char *out, uint64_t max)
{
	uint64_t off = taken;

	return klog_copy(&off, out, max);
}
