/*
 * Every reply carries the request's label and a ts_status in w0.
 *
 * init/protocol.h - what init answers for the shell (and other clients
 * the manifest connects to it).  init holds the spawn capability, so it
 * is the one that can list, inspect, stop or cut back the processes it
 * started; it does so only for callers whose badge the manifest marks as
 * administrators.  Every request is answered at once.
 */
#ifndef TESSERA_INIT_PROTOCOL_H
#define TESSERA_INIT_PROTOCOL_H

#include <stdint.h>

enum init_label {
	INIT_PS = 1,     /* w0 = index; reply: status, payload struct init_proc
			  * for the index-th live process (E_NOENT past the end) */
	INIT_CAPS = 2,   /* w0 = pid, w1 = slot; reply payload struct cap_info */
	INIT_KILL = 3,   /* w0 = pid; reply status */
	INIT_REVOKE = 4, /* w0 = pid, w1 = slot: revoke that process's
			  * capability (and all derived); reply status */
	INIT_MEM = 5,    /* reply w0 = status, w1 = free frames,
			  * w2 = total frames, w3 = capability nodes in use */
};

struct init_proc {
	uint32_t pid;
	uint32_t parent_pid;
	uint32_t state;    /* thread state as the kernel reports it */
	uint32_t priority;
	char name[32];
	uint8_t principal[32]; /* its principal (D1); all zero: none */
};

#endif
