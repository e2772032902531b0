/*
 * ipc.h - synchronous rendezvous IPC (I1-I4).
 *
 * A message is a label and four words, carried in registers, plus an
 * optional payload of up to IPC_PAYLOAD_MAX bytes that the kernel copies
 * from the sender's IPC buffer to the receiver's at the rendezvous.
 *
 * Send side:   rdi = endpoint slot, rsi = info, rdx, r10, r8, r9 = words
 * Receive side (rax = status): rdi = badge, rsi = info, rdx, r10, r8, r9
 * info = label (bits 0-47) | payload length (bits 48-60).
 *
 * Every process has an IPC buffer at IPC_BUFFER_VA: a header page (the
 * kernel writes the sender's identity there on delivery; the process puts
 * its timeout there before blocking) and a payload page.
 */
#ifndef TESSERA_ABI_IPC_H
#define TESSERA_ABI_IPC_H

#include <stdint.h>

#define IPC_PAYLOAD_MAX 4096u
#define IPC_LABEL_MASK 0x0000ffffffffffffull
#define IPC_LEN_SHIFT 48
#define IPC_INFO(label, len) \
	(((uint64_t)(label) & IPC_LABEL_MASK) | ((uint64_t)(len) << IPC_LEN_SHIFT))
#define IPC_INFO_LABEL(info) ((info) & IPC_LABEL_MASK)
#define IPC_INFO_LEN(info) ((uint32_t)((info) >> IPC_LEN_SHIFT))

/* The label of a receive that returned the bits of the thread's bound
 * notification (badge = bits, sender pid 0).  Senders may not use it. */
#define IPC_LABEL_NOTIFY IPC_LABEL_MASK

#define IPC_BUFFER_VA 0x00007fffffd10000ull
#define IPC_BUFFER_PAGES 2

struct ipc_header {
	uint64_t timeout_ns;  /* set by the process: 0 waits for ever */
	uint32_t sender_pid;  /* written by the kernel on delivery */
	uint32_t reserved;
	uint64_t sender_badge; /* the same badge as in rdi */
	char sender_name[32];  /* written by the kernel: the sender's process
				* name (its boot module's), NUL-terminated */
	uint8_t sender_principal[32]; /* written by the kernel: the sender's
				       * principal (Ed25519 public key, D1);
				       * all zero if it has none */
};

#define IPC_PAYLOAD_VA (IPC_BUFFER_VA + 4096)

#endif
