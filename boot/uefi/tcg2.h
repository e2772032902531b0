/*
 * tcg2.h - the part of EFI_TCG2_PROTOCOL the loader uses (TCG EFI Protocol
 * Specification, family 2.0, section 6); gnu-efi does not declare it.
 */
#ifndef TESSERA_BOOT_UEFI_TCG2_H
#define TESSERA_BOOT_UEFI_TCG2_H

#include <efi.h>

#define EFI_TCG2_PROTOCOL_GUID \
	{ 0x607f766c, 0x7455, 0x42be, { 0x93, 0x0b, 0xe4, 0xd7, 0x6d, 0xb2, 0x72, 0x0f } }

/* Event type for code and data a boot loader measures (TCG PC Client
 * Platform Firmware Profile, "EV_IPL"). */
#define EV_IPL 0x0000000d

typedef struct {
	UINT32 HeaderSize; /* sizeof(EFI_TCG2_EVENT_HEADER) = 14 */
	UINT16 HeaderVersion; /* 1 */
	UINT32 PCRIndex;
	UINT32 EventType;
} __attribute__((packed)) EFI_TCG2_EVENT_HEADER;

typedef struct {
	UINT32 Size; /* whole structure, event data included */
	EFI_TCG2_EVENT_HEADER Header;
	UINT8 Event[];
} __attribute__((packed)) EFI_TCG2_EVENT;

typedef struct _EFI_TCG2_PROTOCOL EFI_TCG2_PROTOCOL;

/* Flags = 0: DataToHash is hashed as is (not as a PE/COFF image) with
 * every active bank's algorithm, and each digest extends PCRIndex. */
typedef EFI_STATUS (EFIAPI *EFI_TCG2_HASH_LOG_EXTEND_EVENT)(
	EFI_TCG2_PROTOCOL *This, UINT64 Flags, EFI_PHYSICAL_ADDRESS DataToHash,
	UINT64 DataToHashLen, EFI_TCG2_EVENT *EfiTcgEvent);

struct _EFI_TCG2_PROTOCOL {
	void *GetCapability;
	void *GetEventLog;
	EFI_TCG2_HASH_LOG_EXTEND_EVENT HashLogExtendEvent;
	void *SubmitCommand;
	void *GetActivePcrBanks;
	void *SetActivePcrBanks;
	void *GetResultOfSetActivePcrBanks;
};

#endif
