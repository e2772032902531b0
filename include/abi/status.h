/*
 * status.h - the one error enum of Tessera.
 *
 * Every syscall and every fallible kernel function returns a ts_status:
 * zero or a positive value on success, one of the negative codes below on
 * failure.  User space, servers and host tools share this definition, so a
 * code means the same thing everywhere it is seen.
 */
#ifndef TESSERA_ABI_STATUS_H
#define TESSERA_ABI_STATUS_H

#include <stdint.h>

typedef int64_t ts_status;

enum {
	TS_OK = 0,
	TS_E_INVAL = -1,      /* a malformed argument (bad flags, bad size, ...) */
	TS_E_FAULT = -2,      /* a user pointer that is unmapped, kernel, or wraps */
	TS_E_NOMEM = -3,      /* a fixed pool or the frame allocator is exhausted */
	TS_E_DENIED = -4,     /* the caller lacks the authority for this */
	TS_E_NOSYS = -5,      /* no such syscall */
	TS_E_BADFORMAT = -6,  /* malformed input record (ELF, manifest, ...) */
	TS_E_WX = -7,         /* a mapping asked to be writable and executable */
	TS_E_RANGE = -8,      /* an address or index outside its allowed range */
	TS_E_EXISTS = -9,     /* the target is already mapped / allocated */
	TS_E_NOENT = -10,     /* the target does not exist */
	TS_E_REVOKED = -11,   /* the capability was revoked */
	TS_E_TIMEOUT = -12,   /* a blocking operation timed out */
	TS_E_DEAD = -13,      /* the peer died */
	TS_E_BUSY = -14,      /* the object is in use */
	TS_E_NOTSUP = -15,    /* the hardware lacks a required feature */
	TS_E_TYPE = -16,      /* the capability is of the wrong type */
	TS_E_RIGHTS = -17,    /* the capability lacks a needed right */
	TS_E_SIGNATURE = -18, /* code or data not covered by a valid release signature */
};

#define TS_STATUS_MIN TS_E_SIGNATURE

/* Short stable names for logs and tests ("E_FAULT"), never NULL. */
static inline const char *ts_status_name(ts_status s)
{
	static const char *const names[] = {
		"OK", "E_INVAL", "E_FAULT", "E_NOMEM", "E_DENIED", "E_NOSYS",
		"E_BADFORMAT", "E_WX", "E_RANGE", "E_EXISTS", "E_NOENT",
		"E_REVOKED", "E_TIMEOUT", "E_DEAD", "E_BUSY", "E_NOTSUP",
		"E_TYPE", "E_RIGHTS", "E_SIGNATURE",
	};
	if (s > 0)
		return "OK";
	if (s < TS_STATUS_MIN)
		return "E_UNKNOWN";
	return names[-s];
}

#endif
