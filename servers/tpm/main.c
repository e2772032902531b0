/*
 * tpm - the TPM driver: owns the TIS window of locality 0 (its only
 * device capability) and reads PCRs for its clients (protocol.h).  The
 * shell's `attest` asks it for the PCRs the UEFI loader extended
 * (docs/BOOT.md).  With no TPM present (the Multiboot path under plain
 * QEMU) it says so once and answers every request with TS_E_NOENT.
 *
 * Slots: 0 = its endpoint (recv), 1 = the TIS window (frame, read/write).
 */
#include <string.h>
#include "servers/tpm/protocol.h"
#include "servers/tpm/tis.h"
#include "servers/tpm/tpm2.h"
#include "user/lib/tessera.h"

#define SLOT_ENDPOINT 0
#define SLOT_TIS 1
#define TIS_VA 0x30000000ull

static volatile uint8_t *tis;

/* One PCR (SHA-256 bank) into the reply payload; returns the status. */
static ts_status pcr_read(uint64_t pcr, uint64_t *tpm_rc)
{
	uint8_t cmd[TPM2_PCR_READ_CMD_SIZE], rsp[128];
	uint32_t rc = 0;
	size_t len = 0;
	ts_status s;

	if (!tis)
		return TS_E_NOENT;
	if (pcr >= TPM_PCR_COUNT)
		return TS_E_RANGE;
	tpm2_pcr_read_command(cmd, (unsigned)pcr);
	s = tis_transmit(tis, cmd, sizeof(cmd), rsp, sizeof(rsp), &len);
	if (s != TS_OK)
		return s;
	if (tpm2_pcr_read_response(rsp, len, (unsigned)pcr, ipc_payload(), &rc) != 0) {
		*tpm_rc = rc;
		return TS_E_BADFORMAT;
	}
	return TS_OK;
}

static uint64_t serve(const struct msg *m, uint64_t w[4])
{
	ts_status s;

	w[0] = w[1] = w[2] = w[3] = 0;
	if (IPC_INFO_LABEL(m->info) != TPM_PCR_READ) {
		w[0] = (uint64_t)TS_E_NOSYS;
		return IPC_INFO(IPC_INFO_LABEL(m->info), 0);
	}
	s = pcr_read(m->w[0], &w[1]);
	w[0] = (uint64_t)s;
	return IPC_INFO(TPM_PCR_READ, s == TS_OK ? TPM_SHA256_SIZE : 0);
}

/* Maps the window and looks for a TPM there; tis stays NULL if none. */
static void find_tpm(void)
{
	uint32_t did_vid;
	ts_status s = sys_map_frame(SLOT_TIS, TIS_VA, TPM_TIS_PAGES * 4096ull,
				    PROT_READ | PROT_WRITE);

	if (s != TS_OK) {
		printf("tpm: no TPM: cannot map the TIS window (%s)\n", ts_status_name(s));
		return;
	}
	if (!tis_probe((volatile uint8_t *)TIS_VA, &did_vid)) {
		printf("tpm: no TPM at %lx\n", (unsigned long)TPM_TIS_BASE);
		return;
	}
	tis = (volatile uint8_t *)TIS_VA;
	printf("tpm: TPM at %lx (vendor %04x device %04x), locality 0\n",
	       (unsigned long)TPM_TIS_BASE, did_vid & 0xffff, did_vid >> 16);
}

int main(void)
{
	struct msg m;
	uint64_t w[4];
	ts_status s;

	find_tpm();
	s = ipc_recv(SLOT_ENDPOINT, &m);
	for (;;) {
		if (s == TS_OK) {
			uint64_t info = serve(&m, w);
			s = ipc_reply_recv(SLOT_ENDPOINT, info, w, &m);
		} else {
			s = ipc_recv(SLOT_ENDPOINT, &m);
		}
	}
}
