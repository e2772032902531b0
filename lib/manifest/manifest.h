/*
 * manifest.h - the boot manifest: which servers init starts, and exactly
 * which capabilities each one gets (S1, A2).  The text format is written
 * up in docs/MANIFEST.md.
 *
 * manifest_parse is a pure function: no allocation, no globals, no
 * floating point; it reads only text[0, len) (the text need not be
 * NUL-terminated) and writes only *out and *err.  It is shared by init
 * (freestanding) and the host unit tests and fuzz target.
 */
#ifndef TESSERA_LIB_MANIFEST_H
#define TESSERA_LIB_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/status.h"

#define MANIFEST_VERSION 1
#define MANIFEST_MAX_TEXT 16384     /* bytes of text, at most */
#define MANIFEST_MAX_LINE 200       /* characters per line, '\n' not counted */
#define MANIFEST_MAX_SERVERS 16
#define MANIFEST_MAX_CAPS 16        /* per server */
#define MANIFEST_MAX_OBJECTS 16     /* endpoints */
#define MANIFEST_MAX_NOTIFICATIONS 4
#define MANIFEST_NAME_MAX 32        /* names: 1..31 characters + NUL */
#define MANIFEST_MODULE_MAX 48      /* module names: 1..47 characters + NUL */
#define MANIFEST_MAX_PRIORITY 7
#define MANIFEST_DEFAULT_PRIORITY 1
#define MANIFEST_IRQ_LINES 16       /* ISA lines 0..15 */
#define MANIFEST_MAX_PRINCIPALS 8
#define MANIFEST_KEY_BYTES 32       /* an Ed25519 public key */

/* I/O-port ranges a manifest can name (struct manifest_cap.index). */
enum manifest_ioport {
	MANIFEST_IOPORT_COM1 = 0, /* "com1": ports 0x3f8-0x3ff */
	MANIFEST_IOPORT_COUNT
};

/* Device memory windows a manifest can name ("mmio <name>"). */
enum manifest_mmio {
	MANIFEST_MMIO_TPM = 0, /* "tpm": the TIS window, 0xfed40000, 5 pages */
	MANIFEST_MMIO_COUNT
};

/* One capability a server gets at spawn. */
struct manifest_cap {
	uint16_t slot;   /* in the server's table, < CAP_SLOTS */
	uint16_t type;   /* enum cap_type: ENDPOINT, NOTIFICATION, IOPORT,
			  * IRQ, AUDIT_READ, SPAWN, FRAME (mmio) or
			  * MEMORY */
	uint32_t rights; /* CAP_R_* (abi/cap.h), never 0 */
	uint64_t badge;  /* endpoint only; 0 = none */
	uint32_t index;  /* endpoint: index into manifest.endpoints;
			  * notification: index into manifest.notifications;
			  * irq: the line; ioport: enum manifest_ioport;
			  * mmio: enum manifest_mmio;
			  * audit, spawn: 0 */
};

struct manifest_server {
	char name[MANIFEST_NAME_MAX];     /* NUL-terminated, unique */
	char module[MANIFEST_MODULE_MAX]; /* NUL-terminated boot module name */
	uint8_t priority;                 /* 0..MANIFEST_MAX_PRIORITY */
	bool restart;
	bool has_principal;               /* false: the server gets none */
	uint8_t principal;                /* index into manifest.principals */
	uint8_t cap_count;
	struct manifest_cap caps[MANIFEST_MAX_CAPS]; /* in manifest order */
};

struct manifest {
	uint8_t endpoint_count, notification_count, server_count;
	uint8_t principal_count;
	/* init's endpoint i / notification i, in order of declaration */
	char endpoints[MANIFEST_MAX_OBJECTS][MANIFEST_NAME_MAX];
	char notifications[MANIFEST_MAX_NOTIFICATIONS][MANIFEST_NAME_MAX];
	/* declared principals (D1): name and Ed25519 public key, in order */
	char principal_names[MANIFEST_MAX_PRINCIPALS][MANIFEST_NAME_MAX];
	uint8_t principal_keys[MANIFEST_MAX_PRINCIPALS][MANIFEST_KEY_BYTES];
	struct manifest_server servers[MANIFEST_MAX_SERVERS]; /* in order */
};

struct manifest_error {
	uint32_t line;   /* 1-based; 0 = the text as a whole */
	const char *why; /* static string, never NULL after a call */
};

/*
 * Parses text[0, len).  On success returns TS_OK, *out holds the manifest
 * and (if err is not NULL) err->line is 0 and err->why is "ok".  On
 * failure *out is all zeroes, err names the line and the first broken rule
 * of docs/MANIFEST.md, and the code is one of:
 *   TS_E_BADFORMAT  syntax, structure, bytes, sizes
 *   TS_E_RANGE      a number out of range; too many servers/caps/objects
 *   TS_E_EXISTS     a name, slot or server setting given twice
 *   TS_E_NOENT      an undeclared endpoint/notification, an unknown port range
 *   TS_E_RIGHTS     rights or a badge that make no sense for the type
 *   TS_E_INVAL      out is NULL, or text is NULL with len > 0
 */
ts_status manifest_parse(const char *text, size_t len, struct manifest *out,
    struct manifest_error *err);

/*
 * The slot in init's own table (enum root_slot, abi/cap.h) that cap is
 * derived from, or -1 if cap's type/index has no root capability.
 */
int manifest_root_slot(const struct manifest_cap *cap);

#endif
