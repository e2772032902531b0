/*
 * manifest.c - the strict boot-manifest parser (docs/MANIFEST.md).
 *
 * One pass, line by line.  Each line is first checked as bytes (length,
 * NUL, non-ASCII, control characters), then split into at most
 * MAX_TOKENS tokens, then checked left to right; the first broken rule
 * ends the parse.  Every index into the text is compared with len before
 * it is used, so the text need not be NUL-terminated.  The rules and the
 * test case for each are in tests/unit/test_manifest.c;
 * tests/fuzz/fuzz_manifest.c checks that accepted manifests keep the
 * promises of manifest.h.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi/cap.h"
#include "abi/status.h"
#include "lib/manifest/manifest.h"

/* init must hold a root capability for everything a manifest can name. */
_Static_assert(MANIFEST_MAX_OBJECTS <= ROOT_ENDPOINTS, "endpoints");
_Static_assert(MANIFEST_MAX_NOTIFICATIONS <= ROOT_NOTIFICATIONS, "notifications");
_Static_assert(MANIFEST_IRQ_LINES <= ROOT_IRQS, "irqs");
_Static_assert(MANIFEST_MAX_CAPS <= 255 && MANIFEST_MAX_SERVERS <= 255 &&
    MANIFEST_MAX_OBJECTS <= 255, "counts fit uint8_t");
_Static_assert(CAP_SLOTS <= 65536, "slots fit uint16_t");

#define MAX_TOKENS 8 /* the longest line, a badged cap, has 7 */

struct tok {
	const char *s;
	size_t len;
};

struct parser {
	struct manifest *m;
	uint32_t line;        /* the line being parsed */
	uint32_t err_line;    /* where the first error is */
	const char *why;
	bool header;          /* "tessera-manifest 1" seen */
	struct manifest_server *srv; /* the open server block, or NULL */
	uint32_t srv_line;    /* its "server" line */
	bool has_module, has_priority, has_restart, has_principal;
};

/* Records the reason for failing at the current line; returns code. */
static ts_status fail(struct parser *ps, ts_status code, const char *why)
{
	ps->err_line = ps->line;
	ps->why = why;
	return code;
}

/* Is t exactly the NUL-terminated literal lit? */
static bool tok_is(const struct tok *t, const char *lit)
{
	size_t i;

	for (i = 0; i < t->len; i++)
		if (lit[i] == '\0' || lit[i] != t->s[i])
			return false;
	return lit[i] == '\0';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '.' || c == '_' || c == '-';
}

/* Is t a name of 1..size-1 characters of [a-z0-9._-]? */
static bool valid_name(const struct tok *t, size_t size)
{
	size_t i;

	if (t->len == 0 || t->len >= size)
		return false;
	for (i = 0; i < t->len; i++)
		if (!is_name_char(t->s[i]))
			return false;
	return true;
}

/* Copies valid name t into dst, which is zeroed and larger than t. */
static void copy_name(char *dst, const struct tok *t)
{
	memcpy(dst, t->s, t->len);
	dst[t->len] = '\0';
}

/* A NUL-terminated name equal to token t? */
static bool name_eq(const char *name, const struct tok *t)
{
	return tok_is(t, name);
}

/*
 * Parses an unsigned number: decimal without leading zeros ("0" itself is
 * fine), or "0x" and 1+ hex digits.  BADFORMAT for bad syntax, RANGE if
 * it does not fit 64 bits.
 */
static ts_status parse_num(struct parser *ps, const struct tok *t,
    uint64_t *out)
{
	uint64_t v = 0;
	unsigned base = 10, d;
	size_t i = 0;

	if (t->len >= 2 && t->s[0] == '0' && t->s[1] == 'x') {
		base = 16;
		i = 2;
		if (t->len == 2)
			return fail(ps, TS_E_BADFORMAT, "'0x' without hex digits");
	} else if (t->len >= 2 && t->s[0] == '0') {
		return fail(ps, TS_E_BADFORMAT,
		    "a decimal number with a leading zero");
	}
	if (t->len == 0)
		return fail(ps, TS_E_BADFORMAT, "a number was expected");
	for (; i < t->len; i++) {
		char c = t->s[i];

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return fail(ps, TS_E_BADFORMAT,
			    "a number was expected (decimal or 0x-hex, no sign)");
		if (v > (UINT64_MAX - d) / base)
			return fail(ps, TS_E_RANGE, "number does not fit 64 bits");
		v = v * base + d;
	}
	*out = v;
	return TS_OK;
}

/* Parses a comma list of rights: send,recv,grant,read,write. */
static ts_status parse_rights(struct parser *ps, const struct tok *t,
    uint32_t *out)
{
	static const struct {
		const char *name;
		uint32_t bit;
	} names[] = {
		{ "send", CAP_R_SEND }, { "recv", CAP_R_RECV },
		{ "grant", CAP_R_GRANT }, { "read", CAP_R_READ },
		{ "write", CAP_R_WRITE },
	};
	uint32_t r = 0;
	size_t i = 0, j, n;

	for (;;) {
		struct tok one = { t->s + i, 0 };
		uint32_t bit = 0;

		while (i + one.len < t->len && t->s[i + one.len] != ',')
			one.len++;
		if (one.len == 0)
			return fail(ps, TS_E_BADFORMAT,
			    "empty entry in the rights list");
		for (j = 0, n = sizeof(names) / sizeof(names[0]); j < n; j++)
			if (tok_is(&one, names[j].name))
				bit = names[j].bit;
		if (bit == 0)
			return fail(ps, TS_E_BADFORMAT,
			    "unknown right (send, recv, grant, read, write)");
		if (r & bit)
			return fail(ps, TS_E_BADFORMAT, "right listed twice");
		r |= bit;
		i += one.len;
		if (i == t->len)
			break;
		i++; /* the comma */
		if (i == t->len)
			return fail(ps, TS_E_BADFORMAT,
			    "empty entry in the rights list");
	}
	*out = r;
	return TS_OK;
}

/* Closes the open server block: it must have named its module. */
static ts_status end_server(struct parser *ps)
{
	if (ps->srv != NULL && !ps->has_module) {
		ps->err_line = ps->srv_line;
		ps->why = "server block has no 'module' line";
		return TS_E_BADFORMAT;
	}
	ps->srv = NULL;
	return TS_OK;
}

static ts_status do_header(struct parser *ps, const struct tok *t, size_t n)
{
	uint64_t v;
	ts_status s;

	if (!tok_is(&t[0], "tessera-manifest"))
		return fail(ps, TS_E_BADFORMAT,
		    "the first line must be 'tessera-manifest 1'");
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT,
		    "usage: tessera-manifest <version>");
	s = parse_num(ps, &t[1], &v);
	if (s != TS_OK)
		return s;
	if (v != MANIFEST_VERSION)
		return fail(ps, TS_E_BADFORMAT, "unsupported manifest version");
	ps->header = true;
	return TS_OK;
}

/* endpoint <name> / notification <name> */
static ts_status do_object(struct parser *ps, const struct tok *t, size_t n,
    bool endpoint)
{
	struct manifest *m = ps->m;
	char (*names)[MANIFEST_NAME_MAX] = endpoint ? m->endpoints :
	    m->notifications;
	uint8_t *count = endpoint ? &m->endpoint_count :
	    &m->notification_count;
	unsigned max = endpoint ? MANIFEST_MAX_OBJECTS :
	    MANIFEST_MAX_NOTIFICATIONS;
	unsigned i;

	if (ps->srv != NULL || m->server_count != 0)
		return fail(ps, TS_E_BADFORMAT, endpoint ?
		    "'endpoint' after the first server block" :
		    "'notification' after the first server block");
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT, endpoint ?
		    "usage: endpoint <name>" : "usage: notification <name>");
	if (!valid_name(&t[1], MANIFEST_NAME_MAX))
		return fail(ps, TS_E_BADFORMAT,
		    "bad name (1..31 of a-z 0-9 . _ -)");
	for (i = 0; i < *count; i++)
		if (name_eq(names[i], &t[1]))
			return fail(ps, TS_E_EXISTS, endpoint ?
			    "endpoint declared twice" :
			    "notification declared twice");
	if (*count >= max)
		return fail(ps, TS_E_RANGE, endpoint ?
		    "too many endpoints (at most 16)" :
		    "too many notifications (at most 4)");
	copy_name(names[*count], &t[1]);
	(*count)++;
	return TS_OK;
}

/* server <name> */
static ts_status do_server(struct parser *ps, const struct tok *t, size_t n)
{
	struct manifest *m = ps->m;
	ts_status s;
	unsigned i;

	s = end_server(ps);
	if (s != TS_OK)
		return s;
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT, "usage: server <name>");
	if (!valid_name(&t[1], MANIFEST_NAME_MAX))
		return fail(ps, TS_E_BADFORMAT,
		    "bad server name (1..31 of a-z 0-9 . _ -)");
	for (i = 0; i < m->server_count; i++)
		if (name_eq(m->servers[i].name, &t[1]))
			return fail(ps, TS_E_EXISTS, "server declared twice");
	if (m->server_count >= MANIFEST_MAX_SERVERS)
		return fail(ps, TS_E_RANGE, "too many servers (at most 16)");
	ps->srv = &m->servers[m->server_count++];
	copy_name(ps->srv->name, &t[1]);
	ps->srv->priority = MANIFEST_DEFAULT_PRIORITY;
	ps->srv->restart = false;
	ps->srv_line = ps->line;
	ps->has_module = ps->has_priority = ps->has_restart = false;
	ps->has_principal = false;
	return TS_OK;
}

static ts_status do_module(struct parser *ps, const struct tok *t, size_t n)
{
	if (ps->has_module)
		return fail(ps, TS_E_EXISTS, "'module' given twice");
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT, "usage: module <module-name>");
	if (!valid_name(&t[1], MANIFEST_MODULE_MAX))
		return fail(ps, TS_E_BADFORMAT,
		    "bad module name (1..47 of a-z 0-9 . _ -)");
	copy_name(ps->srv->module, &t[1]);
	ps->has_module = true;
	return TS_OK;
}

static ts_status do_priority(struct parser *ps, const struct tok *t, size_t n)
{
	uint64_t v;
	ts_status s;

	if (ps->has_priority)
		return fail(ps, TS_E_EXISTS, "'priority' given twice");
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT, "usage: priority <0..7>");
	s = parse_num(ps, &t[1], &v);
	if (s != TS_OK)
		return s;
	if (v > MANIFEST_MAX_PRIORITY)
		return fail(ps, TS_E_RANGE, "priority out of range (0..7)");
	ps->srv->priority = (uint8_t)v;
	ps->has_priority = true;
	return TS_OK;
}

static ts_status do_restart(struct parser *ps, const struct tok *t, size_t n)
{
	if (ps->has_restart)
		return fail(ps, TS_E_EXISTS, "'restart' given twice");
	if (n != 2 || !(tok_is(&t[1], "yes") || tok_is(&t[1], "no")))
		return fail(ps, TS_E_BADFORMAT, "usage: restart yes|no");
	ps->srv->restart = tok_is(&t[1], "yes");
	ps->has_restart = true;
	return TS_OK;
}

/* Decodes exactly 64 lower-case hex digits into a 32-byte key. */
static bool parse_key(const struct tok *t, uint8_t key[MANIFEST_KEY_BYTES])
{
	size_t i;

	if (t->len != 2 * MANIFEST_KEY_BYTES)
		return false;
	for (i = 0; i < t->len; i++) {
		char c = t->s[i];
		unsigned d;

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else
			return false;
		key[i / 2] = (uint8_t)(i % 2 ? key[i / 2] | d : d << 4);
	}
	return true;
}

/* principal <name> <64 hex digits>: a declaration (before any server) */
static ts_status do_principal_decl(struct parser *ps, const struct tok *t,
    size_t n)
{
	struct manifest *m = ps->m;
	uint8_t key[MANIFEST_KEY_BYTES], acc = 0;
	unsigned i;

	if (n != 3)
		return fail(ps, TS_E_BADFORMAT,
		    "usage: principal <name> <64 hex digits>");
	if (!valid_name(&t[1], MANIFEST_NAME_MAX))
		return fail(ps, TS_E_BADFORMAT,
		    "bad principal name (1..31 of a-z 0-9 . _ -)");
	if (!parse_key(&t[2], key))
		return fail(ps, TS_E_BADFORMAT,
		    "a principal is 64 lower-case hex digits (an Ed25519 key)");
	for (i = 0; i < MANIFEST_KEY_BYTES; i++)
		acc |= key[i];
	if (acc == 0)
		return fail(ps, TS_E_BADFORMAT,
		    "the all-zero key means 'no principal'");
	for (i = 0; i < m->principal_count; i++) {
		if (name_eq(m->principal_names[i], &t[1]))
			return fail(ps, TS_E_EXISTS, "principal declared twice");
		if (memcmp(m->principal_keys[i], key, sizeof(key)) == 0)
			return fail(ps, TS_E_EXISTS,
			    "principal key declared under two names");
	}
	if (m->principal_count >= MANIFEST_MAX_PRINCIPALS)
		return fail(ps, TS_E_RANGE, "too many principals (at most 8)");
	copy_name(m->principal_names[m->principal_count], &t[1]);
	memcpy(m->principal_keys[m->principal_count], key, sizeof(key));
	m->principal_count++;
	return TS_OK;
}

static int find_name(char (*names)[MANIFEST_NAME_MAX], unsigned count,
    const struct tok *t);

/* principal <name>: the server's principal (in a server block) */
static ts_status do_principal(struct parser *ps, const struct tok *t, size_t n)
{
	int idx;

	if (ps->has_principal)
		return fail(ps, TS_E_EXISTS, "'principal' given twice");
	if (n != 2)
		return fail(ps, TS_E_BADFORMAT,
		    "usage (in a server block): principal <principal-name>");
	idx = find_name(ps->m->principal_names, ps->m->principal_count, &t[1]);
	if (idx < 0)
		return fail(ps, TS_E_NOENT, "undeclared principal");
	ps->srv->has_principal = true;
	ps->srv->principal = (uint8_t)idx;
	ps->has_principal = true;
	return TS_OK;
}

/* Finds t among names[0, count): its index, or -1. */
static int find_name(char (*names)[MANIFEST_NAME_MAX], unsigned count,
    const struct tok *t)
{
	unsigned i;

	for (i = 0; i < count; i++)
		if (name_eq(names[i], t))
			return (int)i;
	return -1;
}

/*
 * Per type: the rights it may carry, the rights of which it needs at least
 * one (ioport: all of them, see need_all) to be of any use.
 */
static const struct {
	const char *word;
	uint16_t type;
	uint8_t args;     /* tokens between the type and the rights */
	uint32_t allowed, need;
	bool need_all;
} cap_kinds[] = {
	{ "endpoint", CAP_ENDPOINT, 1, CAP_R_SEND | CAP_R_RECV | CAP_R_GRANT,
	  CAP_R_SEND | CAP_R_RECV, false },
	{ "notification", CAP_NOTIFICATION, 1,
	  CAP_R_SEND | CAP_R_RECV | CAP_R_GRANT, CAP_R_SEND | CAP_R_RECV,
	  false },
	{ "ioport", CAP_IOPORT, 1, CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
	  CAP_R_READ | CAP_R_WRITE, true },
	{ "irq", CAP_IRQ, 1, CAP_R_RECV | CAP_R_GRANT, CAP_R_RECV, true },
	{ "audit", CAP_AUDIT_READ, 0, CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
	  CAP_R_READ | CAP_R_WRITE, false },
	{ "spawn", CAP_SPAWN, 0, CAP_R_SEND | CAP_R_GRANT | CAP_R_WRITE,
	  CAP_R_SEND, true },
	{ "mmio", CAP_FRAME, 1, CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
	  CAP_R_READ, false },
	{ "memory", CAP_MEMORY, 0, CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
	  CAP_R_READ, false },
};

static const char *const rights_why[] = {
	[CAP_ENDPOINT] = "endpoint rights are send, recv, grant, "
	    "with send or recv",
	[CAP_NOTIFICATION] = "notification rights are send, recv, grant, "
	    "with send or recv",
	[CAP_IOPORT] = "ioport rights are read, write, grant, "
	    "with read and write",
	[CAP_IRQ] = "irq rights are recv, grant, with recv",
	[CAP_AUDIT_READ] = "audit rights are read, write, grant, "
	    "with read or write",
	[CAP_SPAWN] = "spawn rights are send, grant, write, with send",
	[CAP_FRAME] = "mmio rights are read, write, grant, with read",
	[CAP_MEMORY] = "memory rights are read, write, grant, with read",
};

/* cap <slot> <type> [<arg>] <rights> [badge <n>] */
static ts_status do_cap(struct parser *ps, const struct tok *t, size_t n)
{
	struct manifest *m = ps->m;
	struct manifest_server *srv = ps->srv;
	struct manifest_cap *c;
	size_t k, nk = sizeof(cap_kinds) / sizeof(cap_kinds[0]), ri;
	uint64_t v;
	uint32_t need;
	ts_status s;
	int idx;
	unsigned i;

	if (n < 3)
		return fail(ps, TS_E_BADFORMAT,
		    "usage: cap <slot> <type> ... <rights>");
	s = parse_num(ps, &t[1], &v);
	if (s != TS_OK)
		return s;
	if (v >= CAP_SLOTS)
		return fail(ps, TS_E_RANGE, "slot out of range (0..63)");
	for (i = 0; i < srv->cap_count; i++)
		if (srv->caps[i].slot == v)
			return fail(ps, TS_E_EXISTS,
			    "slot used twice in this server");
	if (srv->cap_count >= MANIFEST_MAX_CAPS)
		return fail(ps, TS_E_RANGE,
		    "too many caps in this server (at most 16)");
	/* caps[cap_count] is still all zero: fill it, count it only at the end. */
	c = &srv->caps[srv->cap_count];
	c->slot = (uint16_t)v;

	for (k = 0; k < nk; k++)
		if (tok_is(&t[2], cap_kinds[k].word))
			break;
	if (k == nk)
		return fail(ps, TS_E_BADFORMAT, "unknown capability type "
		    "(endpoint, notification, ioport, irq, audit, spawn, mmio, memory)");
	c->type = cap_kinds[k].type;
	ri = 3 + cap_kinds[k].args;
	if (n != ri + 1 && !(n == ri + 3 && tok_is(&t[ri + 1], "badge")))
		return fail(ps, TS_E_BADFORMAT, cap_kinds[k].args ?
		    "usage: cap <slot> <type> <object> <rights> [badge <n>]" :
		    "usage: cap <slot> <type> <rights>");

	switch (c->type) {
	case CAP_ENDPOINT:
		idx = find_name(m->endpoints, m->endpoint_count, &t[3]);
		if (idx < 0)
			return fail(ps, TS_E_NOENT, "undeclared endpoint");
		c->index = (uint32_t)idx;
		break;
	case CAP_NOTIFICATION:
		idx = find_name(m->notifications, m->notification_count, &t[3]);
		if (idx < 0)
			return fail(ps, TS_E_NOENT, "undeclared notification");
		c->index = (uint32_t)idx;
		break;
	case CAP_IOPORT:
		if (!tok_is(&t[3], "com1"))
			return fail(ps, TS_E_NOENT,
			    "unknown I/O port range (known: com1)");
		c->index = MANIFEST_IOPORT_COM1;
		break;
	case CAP_FRAME:
		if (!tok_is(&t[3], "tpm"))
			return fail(ps, TS_E_NOENT,
			    "unknown device memory window (known: tpm)");
		c->index = MANIFEST_MMIO_TPM;
		break;
	case CAP_IRQ:
		s = parse_num(ps, &t[3], &v);
		if (s != TS_OK)
			return s;
		if (v >= MANIFEST_IRQ_LINES)
			return fail(ps, TS_E_RANGE, "irq line out of range (0..15)");
		c->index = (uint32_t)v;
		break;
	default:
		break;
	}

	s = parse_rights(ps, &t[ri], &c->rights);
	if (s != TS_OK)
		return s;
	if (n == ri + 3) {
		s = parse_num(ps, &t[ri + 2], &c->badge);
		if (s != TS_OK)
			return s;
		if (c->type != CAP_ENDPOINT)
			return fail(ps, TS_E_RIGHTS,
			    "a badge is only for an endpoint");
	}
	need = c->rights & cap_kinds[k].need;
	if ((c->rights & ~cap_kinds[k].allowed) ||
	    (cap_kinds[k].need_all ? need != cap_kinds[k].need : need == 0))
		return fail(ps, TS_E_RIGHTS, rights_why[c->type]);

	srv->cap_count++;
	return TS_OK;
}

/* Checks one line as bytes: length, NUL, non-ASCII, control characters. */
static ts_status check_bytes(struct parser *ps, const char *s, size_t len)
{
	size_t i;

	if (len > MANIFEST_MAX_LINE)
		return fail(ps, TS_E_BADFORMAT,
		    "line longer than 200 characters");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0)
			return fail(ps, TS_E_BADFORMAT, "NUL byte");
		if (c >= 0x80)
			return fail(ps, TS_E_BADFORMAT, "non-ASCII byte");
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(ps, TS_E_BADFORMAT,
			    "control character (only tab and newline)");
	}
	return TS_OK;
}

/* Splits a line into tokens, stopping at a token that starts with '#'. */
static ts_status tokenize(struct parser *ps, const char *s, size_t len,
    struct tok *t, size_t *n)
{
	size_t i = 0, start;

	*n = 0;
	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len || s[i] == '#')
			return TS_OK;
		if (*n == MAX_TOKENS)
			return fail(ps, TS_E_BADFORMAT, "too many words on a line");
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		t[*n].s = s + start;
		t[*n].len = i - start;
		(*n)++;
	}
}

static ts_status do_line(struct parser *ps, const struct tok *t, size_t n)
{
	bool in_server = ps->srv != NULL;

	if (!ps->header)
		return do_header(ps, t, n);
	if (tok_is(&t[0], "tessera-manifest"))
		return fail(ps, TS_E_BADFORMAT, "header given twice");
	if (tok_is(&t[0], "endpoint"))
		return do_object(ps, t, n, true);
	if (tok_is(&t[0], "notification"))
		return do_object(ps, t, n, false);
	if (tok_is(&t[0], "server"))
		return do_server(ps, t, n);
	if (tok_is(&t[0], "principal"))
		return in_server ? do_principal(ps, t, n) :
		    do_principal_decl(ps, t, n);
	if (tok_is(&t[0], "module"))
		return in_server ? do_module(ps, t, n) :
		    fail(ps, TS_E_BADFORMAT, "'module' outside a server block");
	if (tok_is(&t[0], "priority"))
		return in_server ? do_priority(ps, t, n) :
		    fail(ps, TS_E_BADFORMAT, "'priority' outside a server block");
	if (tok_is(&t[0], "restart"))
		return in_server ? do_restart(ps, t, n) :
		    fail(ps, TS_E_BADFORMAT, "'restart' outside a server block");
	if (tok_is(&t[0], "cap"))
		return in_server ? do_cap(ps, t, n) :
		    fail(ps, TS_E_BADFORMAT, "'cap' outside a server block");
	return fail(ps, TS_E_BADFORMAT, "unknown keyword");
}

static ts_status parse(struct parser *ps, const char *text, size_t len)
{
	struct tok t[MAX_TOKENS];
	size_t pos = 0, start, n;
	ts_status s;

	if (len > MANIFEST_MAX_TEXT)
		return fail(ps, TS_E_BADFORMAT, "manifest larger than 16 KiB");
	while (pos < len) {
		ps->line++;
		start = pos;
		while (pos < len && text[pos] != '\n')
			pos++;
		s = check_bytes(ps, text + start, pos - start);
		if (s == TS_OK)
			s = tokenize(ps, text + start, pos - start, t, &n);
		if (s == TS_OK && n != 0)
			s = do_line(ps, t, n);
		if (s != TS_OK)
			return s;
		if (pos < len)
			pos++; /* the '\n' */
	}
	if (!ps->header) {
		ps->line = 0;
		return fail(ps, TS_E_BADFORMAT,
		    "no 'tessera-manifest 1' line");
	}
	return end_server(ps);
}

ts_status manifest_parse(const char *text, size_t len, struct manifest *out,
    struct manifest_error *err)
{
	struct parser ps = { 0 };
	ts_status s;

	if (out != NULL)
		memset(out, 0, sizeof(*out));
	if (out == NULL || (text == NULL && len != 0)) {
		s = TS_E_INVAL;
		ps.why = "no output or no text";
	} else {
		ps.m = out;
		ps.why = "ok";
		s = parse(&ps, text, len);
		if (s != TS_OK)
			memset(out, 0, sizeof(*out));
	}
	if (err != NULL) {
		err->line = s == TS_OK ? 0 : ps.err_line;
		err->why = ps.why;
	}
	return s;
}

int manifest_root_slot(const struct manifest_cap *cap)
{
	switch (cap->type) {
	case CAP_ENDPOINT:
		return cap->index < ROOT_ENDPOINTS ?
		    ROOT_SLOT_ENDPOINT0 + (int)cap->index : -1;
	case CAP_NOTIFICATION:
		return cap->index < ROOT_NOTIFICATIONS ?
		    ROOT_SLOT_NOTIFY0 + (int)cap->index : -1;
	case CAP_IOPORT:
		return cap->index == MANIFEST_IOPORT_COM1 ?
		    ROOT_SLOT_IOPORT_COM1 : -1;
	case CAP_IRQ:
		return cap->index < ROOT_IRQS ? ROOT_SLOT_IRQ0 + (int)cap->index : -1;
	case CAP_FRAME:
		return cap->index == MANIFEST_MMIO_TPM ? ROOT_SLOT_MMIO_TPM : -1;
	case CAP_MEMORY:
		return ROOT_SLOT_MEMORY;
	case CAP_AUDIT_READ:
		return ROOT_SLOT_AUDIT;
	case CAP_SPAWN:
		return ROOT_SLOT_SPAWN;
	default:
		return -1;
	}
}
