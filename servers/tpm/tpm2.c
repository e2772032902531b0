/*
 * tpm2.c - TPM2_PCR_Read, built and parsed (big-endian wire format).
 */
#include <string.h>
#include "servers/tpm/tpm2.h"

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint32_t tpm2_header_size(const uint8_t hdr[TPM2_HEADER_SIZE])
{
	return get32(hdr + 2);
}

size_t tpm2_pcr_read_command(uint8_t cmd[TPM2_PCR_READ_CMD_SIZE], unsigned pcr)
{
	put16(cmd, TPM2_ST_NO_SESSIONS);
	put32(cmd + 2, TPM2_PCR_READ_CMD_SIZE);
	put32(cmd + 6, TPM2_CC_PCR_READ);
	put32(cmd + 10, 1);                /* TPML_PCR_SELECTION.count */
	put16(cmd + 14, TPM2_ALG_SHA256);  /* TPMS_PCR_SELECTION.hash */
	cmd[16] = 3;                       /* sizeofSelect: PCRs 0..23 */
	cmd[17] = cmd[18] = cmd[19] = 0;
	cmd[17 + pcr / 8] = (uint8_t)(1u << (pcr % 8));
	return TPM2_PCR_READ_CMD_SIZE;
}

/*
 * Response: header (tag, size, rc), pcrUpdateCounter, TPML_PCR_SELECTION
 * (count, then hash, sizeofSelect, select[]), TPML_DIGEST (count, then
 * TPM2B_DIGEST: size, bytes).  We asked for one PCR of one bank, so
 * exactly one selection with exactly our bit and one 32-byte digest must
 * come back; anything else is refused.
 */
int tpm2_pcr_read_response(const uint8_t *rsp, size_t len, unsigned pcr,
			   uint8_t out[32], uint32_t *rc)
{
	size_t off = TPM2_HEADER_SIZE;
	uint8_t want[3] = { 0, 0, 0 };
	unsigned nsel;

	if (len < TPM2_HEADER_SIZE || tpm2_header_size(rsp) != len || pcr >= 24)
		return -1;
	*rc = get32(rsp + 6);
	if (*rc != 0 || get16(rsp) != TPM2_ST_NO_SESSIONS)
		return -1;
	want[pcr / 8] = (uint8_t)(1u << (pcr % 8));
	if (len < off + 4 + 4 + 2 + 1)
		return -1;
	off += 4; /* pcrUpdateCounter */
	if (get32(rsp + off) != 1 || get16(rsp + off + 4) != TPM2_ALG_SHA256)
		return -1;
	nsel = rsp[off + 6];
	off += 7;
	if (nsel != 3 || len < off + nsel || memcmp(rsp + off, want, 3) != 0)
		return -1;
	off += nsel;
	if (len != off + 4 + 2 + 32 || get32(rsp + off) != 1 || get16(rsp + off + 4) != 32)
		return -1;
	memcpy(out, rsp + off + 6, 32);
	return 0;
}
