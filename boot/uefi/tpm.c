/*
 * tpm.c - measurements through the firmware's EFI_TCG2_PROTOCOL: each call
 * extends one PCR in every active bank with the digest of the buffer and
 * appends an EV_IPL event (its text names the component) to the firmware's
 * event log.  What goes into which PCR is in docs/BOOT.md.
 */
#include <string.h>
#include "boot/uefi/loader.h"
#include "boot/uefi/tcg2.h"

static EFI_TCG2_PROTOCOL *tcg2;

EFI_STATUS tpm_open(void)
{
	EFI_GUID guid = EFI_TCG2_PROTOCOL_GUID;

	return loader_st->BootServices->LocateProtocol(&guid, NULL, (void **)&tcg2);
}

EFI_STATUS tpm_measure(uint32_t pcr, const void *data, uint64_t size, const char *what)
{
	static UINT8 buf[sizeof(EFI_TCG2_EVENT) + 64];
	EFI_TCG2_EVENT *ev = (EFI_TCG2_EVENT *)buf;
	size_t n = strnlen(what, 64);

	ev->Size = (UINT32)(sizeof(EFI_TCG2_EVENT) + n);
	ev->Header.HeaderSize = sizeof(EFI_TCG2_EVENT_HEADER);
	ev->Header.HeaderVersion = 1;
	ev->Header.PCRIndex = pcr;
	ev->Header.EventType = EV_IPL;
	memcpy(ev->Event, what, n);
	return tcg2->HashLogExtendEvent(tcg2, 0, (EFI_PHYSICAL_ADDRESS)(uintptr_t)data,
					size, ev);
}
