/*
 * test_tpm2.c - the TPM driver's TPM2_PCR_Read encoding and response
 * parser (servers/tpm/tpm2.c): the command bytes are the ones the TPM 2.0
 * library spec gives; a well-formed response yields the digest; every
 * response that is short, long, an error, or answers another PCR or bank
 * is refused.
 */
#include <string.h>

#include "servers/tpm/tpm2.h"
#include "tests/unit/check.h"

static void pcr_read_command_bytes(void)
{
	static const uint8_t want[] = { 0x80, 0x01, 0, 0, 0, 20, 0, 0, 0x01, 0x7e,
					0, 0, 0, 1, 0x00, 0x0b, 3, 0x00, 0x02, 0x00 };
	uint8_t cmd[TPM2_PCR_READ_CMD_SIZE];

	CHECK_EQ(tpm2_pcr_read_command(cmd, 9), sizeof(want));
	CHECK(memcmp(cmd, want, sizeof(want)) == 0);
	tpm2_pcr_read_command(cmd, 23);
	CHECK_EQ(cmd[19], 0x80);
}

/* A response for one PCR of the SHA-256 bank, as swtpm sends it. */
static size_t response(uint8_t *r, unsigned pcr, uint8_t fill)
{
	static const uint8_t head[] = { 0x80, 0x01, 0, 0, 0, 62, 0, 0, 0, 0,
					0, 0, 0, 5, 0, 0, 0, 1, 0x00, 0x0b, 3 };
	size_t n = sizeof(head);

	memcpy(r, head, n);
	r[n] = r[n + 1] = r[n + 2] = 0;
	r[n + pcr / 8] = (uint8_t)(1u << (pcr % 8));
	n += 3;
	memcpy(r + n, (const uint8_t[]){ 0, 0, 0, 1, 0, 32 }, 6);
	n += 6;
	memset(r + n, fill, 32);
	return n + 32;
}

static void well_formed_response_gives_the_digest(void)
{
	uint8_t r[64], out[32];
	uint32_t rc = 99;
	size_t n = response(r, 8, 0xab);

	CHECK_EQ(n, 62);
	CHECK_EQ(tpm2_pcr_read_response(r, n, 8, out, &rc), 0);
	CHECK_EQ(rc, 0);
	CHECK(out[0] == 0xab && out[31] == 0xab);
}

static void bad_responses_are_refused(void)
{
	uint8_t r[80], out[32];
	uint32_t rc;
	size_t n = response(r, 9, 1);

	CHECK_EQ(tpm2_pcr_read_response(r, n, 8, out, &rc), -1);      /* other PCR */
	CHECK_EQ(tpm2_pcr_read_response(r, n - 1, 9, out, &rc), -1);  /* short */
	CHECK_EQ(tpm2_pcr_read_response(r, 9, 9, out, &rc), -1);      /* no header */
	r[19] = 0x04;                                                  /* SHA-1 bank */
	CHECK_EQ(tpm2_pcr_read_response(r, n, 9, out, &rc), -1);
	n = response(r, 9, 1);
	r[n - 33] = 20;                                                /* digest size */
	CHECK_EQ(tpm2_pcr_read_response(r, n, 9, out, &rc), -1);
	n = response(r, 9, 1);
	r[5] = 63;                                                     /* size field */
	CHECK_EQ(tpm2_pcr_read_response(r, n, 9, out, &rc), -1);
	/* An error response: just a header with a response code. */
	memcpy(r, (const uint8_t[]){ 0x80, 0x01, 0, 0, 0, 10, 0, 0, 0x01, 0x01 }, 10);
	CHECK_EQ(tpm2_pcr_read_response(r, 10, 9, out, &rc), -1);
	CHECK_EQ(rc, 0x101);
}

int main(void)
{
	check_begin("tpm2");
	CHECK_RUN(pcr_read_command_bytes);
	CHECK_RUN(well_formed_response_gives_the_digest);
	CHECK_RUN(bad_responses_are_refused);
	return check_done();
}
