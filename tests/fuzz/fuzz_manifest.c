/*
 * fuzz_manifest.c - libFuzzer target for manifest_parse.
 *
 * Any input must be parsed without a crash or a read outside the input
 * (ASan/UBSan catch those; the input is handed over without a NUL after
 * it).  A refused input must leave the result all zero with a reason; an
 * accepted one must keep the promises of lib/manifest/manifest.h.  A
 * broken promise aborts, which libFuzzer reports as a crash with the
 * input saved.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abi/cap.h"
#include "abi/status.h"
#include "lib/manifest/manifest.h"

static struct manifest m;

/* A name of 1..size-1 characters of [a-z0-9._-], NUL-terminated and
 * NUL-padded to size. */
static void check_name(const char *s, size_t size)
{
	size_t n = 0;

	while (n < size && s[n] != '\0') {
		char c = s[n];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			abort();
		n++;
	}
	if (n == 0 || n == size)
		abort();
	for (; n < size; n++)
		if (s[n] != '\0')
			abort();
}

/* Aborts if two of the count names (each size bytes apart) are equal. */
static void check_unique(const char *names, size_t size, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		for (unsigned j = 0; j < i; j++)
			if (strcmp(names + i * size, names + j * size) == 0)
				abort();
}

static void check_cap(const struct manifest_cap *c)
{
	uint32_t limit, allowed;

	if (c->slot >= CAP_SLOTS || c->rights == 0 ||
	    (c->badge != 0 && c->type != CAP_ENDPOINT))
		abort();
	switch (c->type) {
	case CAP_ENDPOINT:
		limit = m.endpoint_count;
		allowed = CAP_R_SEND | CAP_R_RECV | CAP_R_GRANT;
		break;
	case CAP_NOTIFICATION:
		limit = m.notification_count;
		allowed = CAP_R_SEND | CAP_R_RECV | CAP_R_GRANT;
		break;
	case CAP_IOPORT:
		limit = MANIFEST_IOPORT_COUNT;
		allowed = CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT;
		if ((c->rights & (CAP_R_READ | CAP_R_WRITE)) !=
		    (CAP_R_READ | CAP_R_WRITE))
			abort();
		break;
	case CAP_IRQ:
		limit = MANIFEST_IRQ_LINES;
		allowed = CAP_R_RECV | CAP_R_GRANT;
		if (!(c->rights & CAP_R_RECV))
			abort();
		break;
	case CAP_AUDIT_READ:
		limit = 1;
		allowed = CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT;
		break;
	case CAP_SPAWN:
		limit = 1;
		allowed = CAP_R_SEND | CAP_R_GRANT | CAP_R_WRITE;
		if (!(c->rights & CAP_R_SEND))
			abort();
		break;
	default:
		abort();
	}
	if (c->index >= limit || (c->rights & ~allowed))
		abort();
	if (manifest_root_slot(c) < 0 || manifest_root_slot(c) >= CAP_SLOTS)
		abort();
}

static void check_manifest(void)
{
	if (m.endpoint_count > MANIFEST_MAX_OBJECTS ||
	    m.notification_count > MANIFEST_MAX_NOTIFICATIONS ||
	    m.server_count > MANIFEST_MAX_SERVERS)
		abort();
	for (unsigned i = 0; i < m.endpoint_count; i++)
		check_name(m.endpoints[i], MANIFEST_NAME_MAX);
	for (unsigned i = 0; i < m.notification_count; i++)
		check_name(m.notifications[i], MANIFEST_NAME_MAX);
	check_unique(&m.endpoints[0][0], MANIFEST_NAME_MAX, m.endpoint_count);
	check_unique(&m.notifications[0][0], MANIFEST_NAME_MAX,
	    m.notification_count);
	check_unique(m.servers[0].name, sizeof(m.servers[0]), m.server_count);
	if (m.principal_count > MANIFEST_MAX_PRINCIPALS)
		abort();
	for (unsigned i = 0; i < m.principal_count; i++) {
		uint8_t acc = 0;

		check_name(m.principal_names[i], MANIFEST_NAME_MAX);
		for (unsigned k = 0; k < MANIFEST_KEY_BYTES; k++)
			acc |= m.principal_keys[i][k];
		if (acc == 0)
			abort();
		for (unsigned j = 0; j < i; j++)
			if (memcmp(m.principal_keys[i], m.principal_keys[j],
			    MANIFEST_KEY_BYTES) == 0)
				abort();
	}
	check_unique(&m.principal_names[0][0], MANIFEST_NAME_MAX,
	    m.principal_count);
	for (unsigned i = 0; i < m.server_count; i++) {
		const struct manifest_server *s = &m.servers[i];

		if (s->has_principal ? s->principal >= m.principal_count :
		    s->principal != 0)
			abort();

		check_name(s->name, sizeof(s->name));
		check_name(s->module, sizeof(s->module));
		if (s->priority > MANIFEST_MAX_PRIORITY ||
		    s->cap_count > MANIFEST_MAX_CAPS)
			abort();
		for (unsigned j = 0; j < s->cap_count; j++) {
			check_cap(&s->caps[j]);
			for (unsigned k = 0; k < j; k++)
				if (s->caps[k].slot == s->caps[j].slot)
					abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct manifest_error err = { 0, NULL };
	static const struct manifest zero;
	ts_status s;

	memset(&m, 0xa5, sizeof(m));
	s = manifest_parse((const char *)data, size, &m, &err);
	if (s != TS_OK) {
		if (err.why == NULL || memcmp(&m, &zero, sizeof(m)) != 0)
			abort();
		if (s != TS_E_BADFORMAT && s != TS_E_RANGE &&
		    s != TS_E_EXISTS && s != TS_E_NOENT && s != TS_E_RIGHTS)
			abort();
		return 0;
	}
	if (err.line != 0 || err.why == NULL)
		abort();
	check_manifest();
	return 0;
}
