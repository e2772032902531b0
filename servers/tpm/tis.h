/*
 * tis.h - the TPM Interface Specification (TIS / PC Client PTP FIFO)
 * registers of locality 0, through the driver's device mapping.
 */
#ifndef TESSERA_TPM_TIS_H
#define TESSERA_TPM_TIS_H

#include <stddef.h>
#include <stdint.h>
#include "include/abi/status.h"

/* True if a TPM answers at the window mapped at base. */
int tis_probe(volatile uint8_t *base, uint32_t *did_vid);

/*
 * Sends cmd (its own header gives the length) at locality 0 and reads the
 * response into rsp (at most max bytes); *len gets its length.  Takes and
 * releases the locality; every wait is bounded.
 */
ts_status tis_transmit(volatile uint8_t *base, const uint8_t *cmd, size_t cmd_len,
		       uint8_t *rsp, size_t max, size_t *len);

#endif
