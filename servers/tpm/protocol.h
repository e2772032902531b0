/*
 * tpm/protocol.h - the TPM driver's IPC interface (clients include only
 * this).  The driver owns the TPM's TIS window (a CAP_FRAME capability,
 * locality 0 at 0xfed40000) and answers at once; a request it cannot serve
 * is answered with a negative ts_status in w0, never left hanging.
 */
#ifndef TESSERA_TPM_PROTOCOL_H
#define TESSERA_TPM_PROTOCOL_H

enum tpm_label {
	TPM_PCR_READ = 1, /* w0 = PCR index (0..23); reply: w0 = status,
			   * payload = the 32-byte SHA-256-bank value.
			   * TS_E_NOENT: no TPM; TS_E_RANGE: bad index;
			   * TS_E_BADFORMAT: the TPM's answer made no sense
			   * (w1 = the TPM's response code, if it gave one);
			   * TS_E_TIMEOUT: the TPM did not answer */
};

#define TPM_PCR_COUNT 24
#define TPM_SHA256_SIZE 32

#endif
