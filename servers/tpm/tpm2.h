/*
 * tpm2.h - TPM 2.0 command building and response parsing (TPM 2.0
 * Library, Part 3), pure code shared by the driver and its host unit test.
 * Every response is untrusted input: each length is checked against the
 * bytes actually received.
 */
#ifndef TESSERA_TPM_TPM2_H
#define TESSERA_TPM_TPM2_H

#include <stddef.h>
#include <stdint.h>

#define TPM2_HEADER_SIZE 10
#define TPM2_PCR_READ_CMD_SIZE 20
#define TPM2_ALG_SHA256 0x000b
#define TPM2_CC_PCR_READ 0x0000017eu
#define TPM2_ST_NO_SESSIONS 0x8001

/* Writes TPM2_PCR_Read of one PCR in the SHA-256 bank into cmd; returns
 * its length (TPM2_PCR_READ_CMD_SIZE). */
size_t tpm2_pcr_read_command(uint8_t cmd[TPM2_PCR_READ_CMD_SIZE], unsigned pcr);

/* The commandSize/responseSize field of a 10-byte header. */
uint32_t tpm2_header_size(const uint8_t hdr[TPM2_HEADER_SIZE]);

/*
 * Checks a TPM2_PCR_Read response of len bytes for exactly that one PCR
 * in the SHA-256 bank and copies its value to out.  Returns 0, or -1 if
 * the response is malformed or answers another question; *rc gets the
 * TPM's response code (0 on success) when the header is readable.
 */
int tpm2_pcr_read_response(const uint8_t *rsp, size_t len, unsigned pcr,
			   uint8_t out[32], uint32_t *rc);

#endif
