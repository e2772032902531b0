/*
 * tis.c - talking to the TPM through the TIS FIFO interface, locality 0
 * (TCG PC Client Platform TPM Profile, section 6.5): request the
 * locality, make the TPM ready, write the command into the data FIFO
 * within the burst counts it advertises, start it, wait for the response,
 * read it, return to ready, release the locality.  Polling only: the
 * driver holds no interrupt line.
 */
#include "servers/tpm/tis.h"
#include "servers/tpm/tpm2.h"
#include "user/lib/tessera.h"

#define TIS_ACCESS 0x00
#define TIS_STS 0x18
#define TIS_DATA_FIFO 0x24
#define TIS_DID_VID 0xf00

#define ACCESS_VALID 0x80
#define ACCESS_ACTIVE 0x20
#define ACCESS_REQUEST_USE 0x02
#define STS_VALID 0x80
#define STS_COMMAND_READY 0x40
#define STS_GO 0x20
#define STS_DATA_AVAIL 0x10
#define STS_EXPECT 0x08

#define TIS_TIMEOUT_NS (2ull * 1000 * 1000 * 1000) /* TIS "TIMEOUT_B" and then some */

static uint8_t rd8(volatile uint8_t *base, unsigned reg)
{
	return base[reg];
}

static void wr8(volatile uint8_t *base, unsigned reg, uint8_t v)
{
	base[reg] = v;
}

static uint32_t rd32(volatile uint8_t *base, unsigned reg)
{
	return *(volatile uint32_t *)(base + reg);
}

static void wr32(volatile uint8_t *base, unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(base + reg) = v;
}

/* Waits until (reg & mask) == want; false after TIS_TIMEOUT_NS. */
static int wait_for(volatile uint8_t *base, unsigned reg, uint32_t mask, uint32_t want)
{
	uint64_t deadline = sys_time_ns() + TIS_TIMEOUT_NS;

	for (;;) {
		uint32_t v = reg == TIS_ACCESS ? rd8(base, reg) : rd32(base, reg);
		if ((v & mask) == want)
			return 1;
		if (sys_time_ns() > deadline)
			return 0;
		sys_yield();
	}
}

static size_t burst_count(volatile uint8_t *base)
{
	return (rd32(base, TIS_STS) >> 8) & 0xffff;
}

int tis_probe(volatile uint8_t *base, uint32_t *did_vid)
{
	uint8_t access = rd8(base, TIS_ACCESS);

	*did_vid = rd32(base, TIS_DID_VID);
	/* Nothing there reads as all ones (or zero) on this bus. */
	return access != 0xff && (access & ACCESS_VALID) && *did_vid != 0xffffffffu &&
	       *did_vid != 0;
}

static ts_status write_command(volatile uint8_t *base, const uint8_t *cmd, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t burst = burst_count(base);
		if (burst == 0) {
			if (!wait_for(base, TIS_STS, STS_VALID | STS_EXPECT, STS_VALID | STS_EXPECT))
				return TS_E_TIMEOUT;
			sys_yield();
			continue;
		}
		for (; burst > 0 && done < n; burst--)
			wr8(base, TIS_DATA_FIFO, cmd[done++]);
	}
	/* All bytes in: the TPM must say it expects no more. */
	if (!wait_for(base, TIS_STS, STS_VALID | STS_EXPECT, STS_VALID))
		return TS_E_BADFORMAT;
	wr32(base, TIS_STS, STS_GO);
	return TS_OK;
}

static ts_status read_bytes(volatile uint8_t *base, uint8_t *dst, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t burst = burst_count(base);
		if (burst == 0) {
			if (!wait_for(base, TIS_STS, STS_VALID | STS_DATA_AVAIL,
				      STS_VALID | STS_DATA_AVAIL))
				return TS_E_TIMEOUT;
			continue;
		}
		for (; burst > 0 && done < n; burst--)
			dst[done++] = rd8(base, TIS_DATA_FIFO);
	}
	return TS_OK;
}

static ts_status read_response(volatile uint8_t *base, uint8_t *rsp, size_t max, size_t *len)
{
	uint32_t size;
	ts_status s;

	if (!wait_for(base, TIS_STS, STS_VALID | STS_DATA_AVAIL, STS_VALID | STS_DATA_AVAIL))
		return TS_E_TIMEOUT;
	s = read_bytes(base, rsp, TPM2_HEADER_SIZE);
	if (s != TS_OK)
		return s;
	size = tpm2_header_size(rsp);
	if (size < TPM2_HEADER_SIZE || size > max)
		return TS_E_BADFORMAT;
	s = read_bytes(base, rsp + TPM2_HEADER_SIZE, size - TPM2_HEADER_SIZE);
	*len = size;
	return s;
}

ts_status tis_transmit(volatile uint8_t *base, const uint8_t *cmd, size_t cmd_len,
		       uint8_t *rsp, size_t max, size_t *len)
{
	ts_status s;

	wr8(base, TIS_ACCESS, ACCESS_REQUEST_USE);
	if (!wait_for(base, TIS_ACCESS, ACCESS_VALID | ACCESS_ACTIVE, ACCESS_VALID | ACCESS_ACTIVE))
		return TS_E_TIMEOUT;
	wr32(base, TIS_STS, STS_COMMAND_READY);
	s = wait_for(base, TIS_STS, STS_COMMAND_READY, STS_COMMAND_READY) ? TS_OK : TS_E_TIMEOUT;
	if (s == TS_OK)
		s = write_command(base, cmd, cmd_len);
	if (s == TS_OK)
		s = read_response(base, rsp, max, len);
	wr32(base, TIS_STS, STS_COMMAND_READY); /* done (or abort) */
	wr8(base, TIS_ACCESS, ACCESS_ACTIVE);   /* release locality 0 */
	return s;
}
