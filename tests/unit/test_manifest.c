/*
 * test_manifest.c - manifest_parse: a good manifest parsed to exactly the
 * expected struct, one case per rejection rule of docs/MANIFEST.md (each
 * checking the code and the line), the boundaries, and a quick
 * random-mutation run under the sanitizers.
 *
 * Every text is copied into a heap buffer of exactly its length, with no
 * NUL after it, so ASan catches any read past len.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/cap.h"
#include "abi/status.h"
#include "lib/manifest/manifest.h"
#include "tests/unit/check.h"

#define H "tessera-manifest 1\n"

static struct manifest m;
static struct manifest_error err;
static char big[2 * MANIFEST_MAX_TEXT]; /* for texts built in place */

/* Parses text[0, len) from an exact-size heap copy; out is pre-poisoned. */
static ts_status parse_n(const char *text, size_t len)
{
	char *copy = malloc(len ? len : 1);
	ts_status s;

	if (copy == NULL)
		abort();
	memcpy(copy, text, len);
	memset(&m, 0xa5, sizeof(m));
	err.line = 0xdeadbeef;
	err.why = NULL;
	s = manifest_parse(copy, len, &m, &err);
	free(copy);
	return s;
}

static ts_status parse(const char *text)
{
	return parse_n(text, strlen(text));
}

static int all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

/* The text must be refused with this code at this line, leaving *out zero. */
#define CHECK_REJECT_N(text, len, code, ln)				\
	do {								\
		CHECK_EQ(parse_n((text), (len)), (code));		\
		CHECK_EQ(err.line, (ln));				\
		CHECK(err.why != NULL && strcmp(err.why, "ok") != 0);	\
		CHECK(all_zero(&m, sizeof(m)));				\
	} while (0)
#define CHECK_REJECT(text, code, ln) CHECK_REJECT_N(text, strlen(text), code, ln)

#define CHECK_ACCEPT(text)						\
	do {								\
		ts_status s_ = parse(text);				\
		if (s_ != TS_OK) {					\
			check_fail("line %d: refused at line %u: %s", __LINE__, \
			    err.line, err.why ? err.why : "?");		\
			return;						\
		}							\
		CHECK_EQ(err.line, 0);					\
		CHECK(strcmp(err.why, "ok") == 0);			\
	} while (0)

/* ------------------------------------------------------------------ good */

static const char good_text[] =
	"# Tessera boot manifest (unit test)\n"		/* 1 */
	"tessera-manifest 1\n"				/* 2 */
	"\n"						/* 3 */
	"endpoint console\n"				/* 4 */
	"endpoint uart\n"				/* 5 */
	"notification uart-irq\n"			/* 6 */
	"   # an indented comment\n"			/* 7 */
	"server uart\n"					/* 8 */
	"  module uart.elf\n"				/* 9 */
	"  priority 3\n"				/* 10 */
	"  restart yes\n"				/* 11 */
	"  cap 0 ioport com1 read,write\n"		/* 12 */
	"  cap 1 irq 4 recv\n"				/* 13 */
	"  cap 2 notification uart-irq send,recv\n"	/* 14 */
	"  cap 3 endpoint uart recv\n"			/* 15 */
	"\n"
	"server console\n"
	"  module console.elf\n"
	"  cap 0 endpoint console recv\n"
	"  cap 1 endpoint uart send badge 0x10\n"
	"\t\n"
	"server auditor\n"
	"  module auditor.elf\n"
	"  priority 0\n"
	"  restart no\n"
	"  cap 0 audit read\n"
	"  cap 5 endpoint console send,grant badge 7   # trailing comment\n"
	"server shell\n"
	"\tmodule shell_2-x.elf\n"
	"\tcap\t63\tspawn\tgrant,send\n"
	"\tcap 0x3e irq 0xf recv,grant\n"
	"\tcap 7 endpoint console send badge 0xFFFFFFFFFFFFFFFF\n"
	"\tcap 8 endpoint console send badge 18446744073709551615\n"
	"\tcap 9 audit read,write,grant"; /* no newline at the end */

static void add_cap(struct manifest_server *s, uint16_t slot, uint16_t type,
    uint32_t rights, uint64_t badge, uint32_t index)
{
	struct manifest_cap *c = &s->caps[s->cap_count++];

	c->slot = slot;
	c->type = type;
	c->rights = rights;
	c->badge = badge;
	c->index = index;
}

static void expected_good(struct manifest *e)
{
	struct manifest_server *s;

	memset(e, 0, sizeof(*e));
	e->endpoint_count = 2;
	strcpy(e->endpoints[0], "console");
	strcpy(e->endpoints[1], "uart");
	e->notification_count = 1;
	strcpy(e->notifications[0], "uart-irq");
	e->server_count = 4;

	s = &e->servers[0];
	strcpy(s->name, "uart");
	strcpy(s->module, "uart.elf");
	s->priority = 3;
	s->restart = true;
	add_cap(s, 0, CAP_IOPORT, CAP_R_READ | CAP_R_WRITE, 0,
	    MANIFEST_IOPORT_COM1);
	add_cap(s, 1, CAP_IRQ, CAP_R_RECV, 0, 4);
	add_cap(s, 2, CAP_NOTIFICATION, CAP_R_SEND | CAP_R_RECV, 0, 0);
	add_cap(s, 3, CAP_ENDPOINT, CAP_R_RECV, 0, 1);

	s = &e->servers[1];
	strcpy(s->name, "console");
	strcpy(s->module, "console.elf");
	s->priority = MANIFEST_DEFAULT_PRIORITY;
	add_cap(s, 0, CAP_ENDPOINT, CAP_R_RECV, 0, 0);
	add_cap(s, 1, CAP_ENDPOINT, CAP_R_SEND, 0x10, 1);

	s = &e->servers[2];
	strcpy(s->name, "auditor");
	strcpy(s->module, "auditor.elf");
	s->priority = 0;
	add_cap(s, 0, CAP_AUDIT_READ, CAP_R_READ, 0, 0);
	add_cap(s, 5, CAP_ENDPOINT, CAP_R_SEND | CAP_R_GRANT, 7, 0);

	s = &e->servers[3];
	strcpy(s->name, "shell");
	strcpy(s->module, "shell_2-x.elf");
	s->priority = 1;
	add_cap(s, 63, CAP_SPAWN, CAP_R_SEND | CAP_R_GRANT, 0, 0);
	add_cap(s, 62, CAP_IRQ, CAP_R_RECV | CAP_R_GRANT, 0, 15);
	add_cap(s, 7, CAP_ENDPOINT, CAP_R_SEND, UINT64_MAX, 0);
	add_cap(s, 8, CAP_ENDPOINT, CAP_R_SEND, UINT64_MAX, 0);
	add_cap(s, 9, CAP_AUDIT_READ, CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT,
	    0, 0);
}

/* The whole struct, padding included, equals the one built by hand. */
static void good_manifest_exact(void)
{
	static struct manifest e;

	expected_good(&e);
	CHECK_ACCEPT(good_text);
	CHECK_EQ(m.server_count, 4);
	CHECK_EQ(m.servers[0].cap_count, 4);
	CHECK_EQ(m.servers[3].cap_count, 5);
	CHECK_EQ(m.servers[1].caps[1].badge, 0x10);
	CHECK(m.servers[0].restart);
	CHECK_MEM(&m, &e, sizeof(m));
}

/* The same with a final newline, and a second parse into a used struct. */
static void good_manifest_twice(void)
{
	static struct manifest e;
	static char t[sizeof(good_text)];

	expected_good(&e);
	memcpy(t, good_text, sizeof(good_text) - 1);
	t[sizeof(good_text) - 1] = '\n';	/* in place of the NUL */
	CHECK_EQ(manifest_parse(t, sizeof(t), &m, &err), TS_OK);
	CHECK_EQ(manifest_parse(t, sizeof(t), &m, &err), TS_OK);
	CHECK_MEM(&m, &e, sizeof(m));
}

static void minimal_manifest(void)
{
	CHECK_ACCEPT("tessera-manifest 1");
	CHECK_EQ(m.server_count, 0);
	CHECK_EQ(m.endpoint_count, 0);
	CHECK_ACCEPT("# header after comments\n\n  \t\ntessera-manifest 0x1\n"
	    "server a\nmodule a\n");
	CHECK_EQ(m.server_count, 1);
	CHECK_EQ(m.servers[0].cap_count, 0);
	CHECK_EQ(m.servers[0].priority, 1);
	CHECK(!m.servers[0].restart);
}

/* Two servers may run the same module; names are per kind. */
static void same_module_and_names_per_kind(void)
{
	CHECK_ACCEPT(H "endpoint x\nnotification x\nserver x\nmodule x\n"
	    "cap 0 endpoint x send\ncap 1 notification x recv\n"
	    "server y\nmodule x\ncap 0 endpoint x send\n");
	CHECK_EQ(m.server_count, 2);
	CHECK_EQ(m.servers[0].caps[1].type, CAP_NOTIFICATION);
	CHECK_EQ(m.servers[0].caps[1].index, 0);
}

/* ------------------------------------------------------ text as a whole */

static void reject_text_over_16k(void)
{
	size_t n = strlen(H);

	memcpy(big, H, n);
	memset(big + n, '\n', MANIFEST_MAX_TEXT + 1 - n);
	CHECK_REJECT_N(big, MANIFEST_MAX_TEXT + 1, TS_E_BADFORMAT, 0);
	/* exactly 16 KiB is fine */
	CHECK_EQ(parse_n(big, MANIFEST_MAX_TEXT), TS_OK);
}

static void reject_empty_text(void)
{
	CHECK_REJECT("", TS_E_BADFORMAT, 0);
	CHECK_EQ(manifest_parse(NULL, 0, &m, &err), TS_E_BADFORMAT);
	CHECK_EQ(err.line, 0);
}

static void reject_only_comments(void)
{
	CHECK_REJECT("# nothing\n\n   # here\n", TS_E_BADFORMAT, 0);
}

static void reject_bad_arguments(void)
{
	CHECK_EQ(manifest_parse(H, strlen(H), NULL, &err), TS_E_INVAL);
	CHECK(err.why != NULL);
	memset(&m, 0xa5, sizeof(m));
	CHECK_EQ(manifest_parse(NULL, 5, &m, &err), TS_E_INVAL);
	CHECK(all_zero(&m, sizeof(m)));
	/* err is optional */
	CHECK_EQ(manifest_parse(H, strlen(H), &m, NULL), TS_OK);
	CHECK_EQ(manifest_parse("x", 1, &m, NULL), TS_E_BADFORMAT);
}

static void reject_nul_byte(void)
{
	static const char t[] = H "endpoint a\nendpoint b\0\nserver s\n";

	CHECK_REJECT_N(t, sizeof(t) - 1, TS_E_BADFORMAT, 3);
	/* a terminating NUL counted in len is a NUL byte too */
	CHECK_REJECT_N(H, sizeof(H), TS_E_BADFORMAT, 2);
}

static void reject_non_ascii(void)
{
	CHECK_REJECT(H "# caf\xc3\xa9\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "\n\n# \x80\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "# \xff\n", TS_E_BADFORMAT, 2);
}

static void reject_control_characters(void)
{
	CHECK_REJECT("tessera-manifest 1\r\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT(H "# a\x7f\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "#\x01\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "\v\n", TS_E_BADFORMAT, 2);
}

static void reject_line_over_200(void)
{
	char line[256];

	memset(line, 0, sizeof(line));
	memcpy(line, "#", 1);
	memset(line + 1, 'x', 199);	/* 200 characters: fine */
	snprintf(big, sizeof(big), H "%s\nserver a\nmodule a\n", line);
	CHECK_ACCEPT(big);
	line[200] = 'x';		/* 201: too long */
	snprintf(big, sizeof(big), H "%s\nserver a\nmodule a\n", line);
	CHECK_REJECT(big, TS_E_BADFORMAT, 2);
	/* the last line, without a newline, counts the same */
	snprintf(big, sizeof(big), H "%s", line);
	CHECK_REJECT(big, TS_E_BADFORMAT, 2);
}

/* -------------------------------------------------------------- header */

static void reject_missing_header(void)
{
	CHECK_REJECT("# comment\nendpoint a\ntessera-manifest 1\n",
	    TS_E_BADFORMAT, 2);
}

static void reject_duplicate_header(void)
{
	CHECK_REJECT(H "endpoint a\ntessera-manifest 1\n", TS_E_BADFORMAT, 3);
}

static void reject_bad_version(void)
{
	CHECK_REJECT("tessera-manifest 2\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT("tessera-manifest\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT("tessera-manifest 1 2\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT("tessera-manifest one\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT("tessera-manifest 01\n", TS_E_BADFORMAT, 1);
	CHECK_REJECT("Tessera-manifest 1\n", TS_E_BADFORMAT, 1);
}

/* ----------------------------------------------------------- structure */

static void reject_unknown_keyword(void)
{
	CHECK_REJECT(H "endpoint a\nendpiont b\n", TS_E_BADFORMAT, 3);
	CHECK_REJECT(H "server a\nmodule a\nMODULE b\n", TS_E_BADFORMAT, 4);
	/* keywords match whole words only */
	CHECK_REJECT(H "end a\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "endpoints a\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "server a\nmodule a\nrestart y\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn se\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn sendx\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spa send\n",
	    TS_E_BADFORMAT, 4);
}

static void reject_module_outside_server(void)
{
	CHECK_REJECT(H "endpoint a\nmodule a\n", TS_E_BADFORMAT, 3);
}

static void reject_priority_outside_server(void)
{
	CHECK_REJECT(H "priority 2\n", TS_E_BADFORMAT, 2);
}

static void reject_restart_outside_server(void)
{
	CHECK_REJECT(H "restart yes\n", TS_E_BADFORMAT, 2);
}

static void reject_cap_outside_server(void)
{
	CHECK_REJECT(H "endpoint a\ncap 0 endpoint a send\n", TS_E_BADFORMAT, 3);
}

static void reject_declaration_after_server(void)
{
	CHECK_REJECT(H "server a\nmodule a\nendpoint e\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\nnotification n\n",
	    TS_E_BADFORMAT, 4);
}

/* Reported at the 'server' line of the block that lacks it. */
static void reject_missing_module(void)
{
	CHECK_REJECT(H "server a\nmodule a\nserver b\npriority 2\n\nserver c\n"
	    "module c\n", TS_E_BADFORMAT, 4);
	/* the last block, closed by the end of the text */
	CHECK_REJECT(H "server a\nmodule a\n\nserver b\ncap 0 spawn send\n",
	    TS_E_BADFORMAT, 5);
}

static void reject_duplicate_server(void)
{
	CHECK_REJECT(H "server a\nmodule a\nserver b\nmodule b\nserver a\n"
	    "module c\n", TS_E_EXISTS, 6);
}

static void reject_duplicate_endpoint(void)
{
	CHECK_REJECT(H "endpoint a\nendpoint b\nendpoint a\n", TS_E_EXISTS, 4);
}

static void reject_duplicate_notification(void)
{
	CHECK_REJECT(H "notification n\nnotification n\n", TS_E_EXISTS, 3);
}

static void reject_duplicate_settings(void)
{
	CHECK_REJECT(H "server a\nmodule a\nmodule b\n", TS_E_EXISTS, 4);
	CHECK_REJECT(H "server a\npriority 2\nmodule a\npriority 2\n",
	    TS_E_EXISTS, 5);
	CHECK_REJECT(H "server a\nrestart no\nmodule a\nrestart no\n",
	    TS_E_EXISTS, 5);
	/* a new block starts afresh */
	CHECK_ACCEPT(H "server a\nmodule a\npriority 2\nrestart yes\n"
	    "server b\nmodule b\npriority 3\nrestart no\n");
}

static void reject_bad_lines_in_server(void)
{
	CHECK_REJECT(H "server\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "server a b\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "server a\nmodule\n", TS_E_BADFORMAT, 3);
	CHECK_REJECT(H "server a\nmodule a b\n", TS_E_BADFORMAT, 3);
	CHECK_REJECT(H "server a\nmodule a\npriority\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\npriority high\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\nrestart maybe\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\nrestart Yes\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\nrestart\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "endpoint\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "endpoint a b\n", TS_E_BADFORMAT, 2);
}

static void reject_too_many_words(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 1 endpoint e send badge 1 x y\n", TS_E_BADFORMAT, 5);
}

/* '#' starts a comment only at the start of a word. */
static void reject_hash_inside_word(void)
{
	CHECK_REJECT(H "endpoint a#b\n", TS_E_BADFORMAT, 2);
	CHECK_ACCEPT(H "endpoint a #b\nendpoint c\t#\n");
	CHECK_EQ(m.endpoint_count, 2);
}

/* --------------------------------------------------------------- names */

static void name_31_ok_32_refused(void)
{
	char n31[32], n32[33];

	memset(n31, 'a', 31);
	n31[31] = '\0';
	memset(n32, 'b', 32);
	n32[32] = '\0';
	snprintf(big, sizeof(big), H "endpoint %s\nserver %s\nmodule m\n"
	    "cap 0 endpoint %s send\n", n31, n31, n31);
	CHECK_ACCEPT(big);
	CHECK(strcmp(m.endpoints[0], n31) == 0);
	CHECK(strcmp(m.servers[0].name, n31) == 0);
	snprintf(big, sizeof(big), H "endpoint %s\n", n32);
	CHECK_REJECT(big, TS_E_BADFORMAT, 2);
	snprintf(big, sizeof(big), H "notification %s\n", n32);
	CHECK_REJECT(big, TS_E_BADFORMAT, 2);
	snprintf(big, sizeof(big), H "\nserver %s\n", n32);
	CHECK_REJECT(big, TS_E_BADFORMAT, 3);
}

static void module_47_ok_48_refused(void)
{
	char n47[48], n48[49];

	memset(n47, 'm', 47);
	n47[47] = '\0';
	memset(n48, 'm', 48);
	n48[48] = '\0';
	snprintf(big, sizeof(big), H "server a\nmodule %s\n", n47);
	CHECK_ACCEPT(big);
	CHECK(strcmp(m.servers[0].module, n47) == 0);
	snprintf(big, sizeof(big), H "server a\nmodule %s\n", n48);
	CHECK_REJECT(big, TS_E_BADFORMAT, 3);
}

static void reject_bad_name_characters(void)
{
	CHECK_REJECT(H "endpoint Console\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "endpoint a/b\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "server a\nmodule ../x\n", TS_E_BADFORMAT, 3);
	CHECK_REJECT(H "server a\nmodule A.ELF\n", TS_E_BADFORMAT, 3);
	CHECK_REJECT(H "server a:b\n", TS_E_BADFORMAT, 2);
	CHECK_ACCEPT(H "endpoint 0._-z\n");
}

/* ------------------------------------------------------------- numbers */

static void reject_bad_numbers(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap +1 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap -1 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 01 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0x spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0X1 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0xg spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 1e1 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 1.0 spawn send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap slot spawn send\n",
	    TS_E_BADFORMAT, 4);
}

static void reject_number_overflow(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send badge 18446744073709551616\n",
	    TS_E_RANGE, 5);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send badge 0x10000000000000000\n",
	    TS_E_RANGE, 5);
	CHECK_REJECT(H "server a\nmodule a\n"
	    "priority 99999999999999999999999999\n", TS_E_RANGE, 4);
	/* leading zeros after 0x are fine and do not overflow */
	CHECK_ACCEPT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0x0000000000000000000000001 endpoint e send badge "
	    "0x0000ffffffffffffffff\n");
	CHECK_EQ(m.servers[0].caps[0].slot, 1);
	CHECK_HEX(m.servers[0].caps[0].badge, UINT64_MAX);
}

static void priority_7_ok_8_refused(void)
{
	CHECK_ACCEPT(H "server a\nmodule a\npriority 7\n");
	CHECK_EQ(m.servers[0].priority, 7);
	CHECK_ACCEPT(H "server a\nmodule a\npriority 0\n");
	CHECK_EQ(m.servers[0].priority, 0);
	CHECK_REJECT(H "server a\nmodule a\npriority 8\n", TS_E_RANGE, 4);
	CHECK_REJECT(H "server a\nmodule a\npriority 0x100\n", TS_E_RANGE, 4);
}

static void slot_63_ok_64_refused(void)
{
	CHECK_ACCEPT(H "server a\nmodule a\ncap 63 spawn send\n");
	CHECK_EQ(m.servers[0].caps[0].slot, 63);
	CHECK_REJECT(H "server a\nmodule a\ncap 64 spawn send\n", TS_E_RANGE, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0x10040 spawn send\n",
	    TS_E_RANGE, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 4294967296 spawn send\n",
	    TS_E_RANGE, 4);
}

static void irq_15_ok_16_refused(void)
{
	CHECK_ACCEPT(H "server a\nmodule a\ncap 0 irq 15 recv\n"
	    "cap 1 irq 0 recv\n");
	CHECK_EQ(m.servers[0].caps[0].index, 15);
	CHECK_EQ(m.servers[0].caps[1].index, 0);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 irq 16 recv\n", TS_E_RANGE, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 irq com1 recv\n",
	    TS_E_BADFORMAT, 4);
}

/* ---------------------------------------------------------- duplicates */

static void reject_duplicate_slot(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\ncap 3 endpoint e send\n"
	    "cap 4 spawn send\ncap 0x3 audit read\n", TS_E_EXISTS, 7);
	/* the same slot in two servers is fine */
	CHECK_ACCEPT(H "server a\nmodule a\ncap 3 spawn send\n"
	    "server b\nmodule b\ncap 3 spawn send\n");
}

/* --------------------------------------------------------------- limits */

static void servers_16_ok_17_refused(void)
{
	size_t n = (size_t)snprintf(big, sizeof(big), H);

	for (int i = 0; i < 17; i++) {
		if (i == 16) {
			CHECK_EQ(parse_n(big, n), TS_OK);
			CHECK_EQ(m.server_count, 16);
			CHECK(strcmp(m.servers[15].name, "s15") == 0);
		}
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		    "server s%d\nmodule m\n", i);
	}
	CHECK_REJECT_N(big, n, TS_E_RANGE, 2 + 2 * 16);
}

static void caps_16_ok_17_refused(void)
{
	size_t n = (size_t)snprintf(big, sizeof(big), H "server a\nmodule a\n");

	for (int i = 0; i < 17; i++) {
		if (i == 16) {
			CHECK_EQ(parse_n(big, n), TS_OK);
			CHECK_EQ(m.servers[0].cap_count, 16);
			CHECK_EQ(m.servers[0].caps[15].slot, 45);
		}
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		    "cap %d irq %d recv\n", i * 3, i % 16);
	}
	CHECK_REJECT_N(big, n, TS_E_RANGE, 4 + 16);
}

static void endpoints_16_ok_17_refused(void)
{
	size_t n = (size_t)snprintf(big, sizeof(big), H);

	for (int i = 0; i < 17; i++) {
		if (i == 16) {
			CHECK_EQ(parse_n(big, n), TS_OK);
			CHECK_EQ(m.endpoint_count, 16);
			CHECK(strcmp(m.endpoints[15], "e15") == 0);
		}
		n += (size_t)snprintf(big + n, sizeof(big) - n,
		    "endpoint e%d\n", i);
	}
	CHECK_REJECT_N(big, n, TS_E_RANGE, 2 + 16);
}

static void notifications_4_ok_5_refused(void)
{
	static const char four[] = H "notification n0\nnotification n1\n"
	    "notification n2\nnotification n3\n";

	CHECK_ACCEPT(four);
	CHECK_EQ(m.notification_count, 4);
	CHECK(strcmp(m.notifications[3], "n3") == 0);
	CHECK_REJECT(H "notification n0\nnotification n1\nnotification n2\n"
	    "notification n3\nnotification n4\n", TS_E_RANGE, 6);
}

/* ------------------------------------------------------ names resolved */

static void reject_undeclared_endpoint(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\ncap 0 endpoint f send\n",
	    TS_E_NOENT, 5);
}

static void reject_undeclared_notification(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 notification e send\n", TS_E_NOENT, 5);
}

static void reject_unknown_ioport_range(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 ioport com2 read,write\n",
	    TS_E_NOENT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 ioport COM1 read,write\n",
	    TS_E_NOENT, 4);
}

/* ----------------------------------------------------------- cap syntax */

static void reject_unknown_cap_type(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 frame read\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 Spawn send\n",
	    TS_E_BADFORMAT, 4);
}

static void reject_cap_word_count(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn\n", TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\ncap 0 endpoint e\n",
	    TS_E_BADFORMAT, 5);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send badge\n", TS_E_BADFORMAT, 5);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send bagde 1\n", TS_E_BADFORMAT, 5);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send badge 1 2\n", TS_E_BADFORMAT, 5);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 audit com1 read\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send badge -1\n", TS_E_BADFORMAT, 5);
}

static void reject_bad_rights_syntax(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn sned\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn send,\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn ,send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn send,,grant\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn send,send\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn ,\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn SEND\n",
	    TS_E_BADFORMAT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn send, grant\n",
	    TS_E_BADFORMAT, 4);
}

/* ------------------------------------------------------ rights vs. type */

static void reject_badge_on_non_endpoint(void)
{
	CHECK_REJECT(H "notification n\nserver a\nmodule a\n"
	    "cap 0 notification n send badge 1\n", TS_E_RIGHTS, 5);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn send badge 1\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 irq 3 recv badge 0\n",
	    TS_E_RIGHTS, 4);
}

static void reject_send_on_audit(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 audit read,send\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 audit grant\n",
	    TS_E_RIGHTS, 4);
}

static void reject_irq_without_recv(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 irq 4 grant\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 irq 4 recv,send\n",
	    TS_E_RIGHTS, 4);
}

static void reject_ioport_without_read_write(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 ioport com1 read\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 ioport com1 write,grant\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 ioport com1 read,write,send\n",
	    TS_E_RIGHTS, 4);
	CHECK_ACCEPT(H "server a\nmodule a\ncap 0 ioport com1 write,grant,read\n");
	CHECK_EQ(m.servers[0].caps[0].rights,
	    CAP_R_READ | CAP_R_WRITE | CAP_R_GRANT);
}

static void mmio_window_rules(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 mmio hpet read\n",
	    TS_E_NOENT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 mmio TPM read\n",
	    TS_E_NOENT, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 mmio tpm write\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 mmio tpm read,send\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 mmio read\n",
	    TS_E_BADFORMAT, 4);
	CHECK_ACCEPT(H "server a\nmodule a\ncap 3 mmio tpm read,write\n");
	CHECK_EQ(m.servers[0].caps[0].type, CAP_FRAME);
	CHECK_EQ(m.servers[0].caps[0].index, MANIFEST_MMIO_TPM);
	CHECK_EQ(m.servers[0].caps[0].rights, CAP_R_READ | CAP_R_WRITE);
}

static void memory_rules(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 memory write\n", TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 memory read,send\n",
	    TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 memory 64 read\n",
	    TS_E_BADFORMAT, 4);
	CHECK_ACCEPT(H "server a\nmodule a\ncap 5 memory read,write\n");
	CHECK_EQ(m.servers[0].caps[0].type, CAP_MEMORY);
	CHECK_EQ(m.servers[0].caps[0].rights, CAP_R_READ | CAP_R_WRITE);
}

static void reject_endpoint_wrong_rights(void)
{
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e grant\n", TS_E_RIGHTS, 5);
	CHECK_REJECT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send,read\n", TS_E_RIGHTS, 5);
	CHECK_REJECT(H "notification n\nserver a\nmodule a\n"
	    "cap 0 notification n write\n", TS_E_RIGHTS, 5);
	CHECK_ACCEPT(H "endpoint e\nserver a\nmodule a\n"
	    "cap 0 endpoint e send,recv,grant badge 0\n");
	CHECK_EQ(m.servers[0].caps[0].rights, CAP_R_SEND | CAP_R_RECV | CAP_R_GRANT);
}

static void reject_spawn_wrong_rights(void)
{
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn recv\n", TS_E_RIGHTS, 4);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn grant\n", TS_E_RIGHTS, 4);
}

/* ----------------------------------------------------- principals (D1) */

#define KA "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
#define KB "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

/* Declared principals and a server's reference come out as name, key, index. */
static void principal_declared_and_used(void)
{
	static const uint8_t ka0[4] = { 0x3d, 0x40, 0x17, 0xc3 };

	CHECK_ACCEPT(H "principal alice " KA "\nprincipal bob " KB "\n"
	    "endpoint e\nserver s\nmodule m\nprincipal bob\n"
	    "server t\nmodule m\n");
	CHECK_EQ(m.principal_count, 2);
	CHECK(strcmp(m.principal_names[0], "alice") == 0);
	CHECK(memcmp(m.principal_keys[0], ka0, 4) == 0);
	CHECK_EQ(m.principal_keys[1][31], 0x1a);
	CHECK(m.servers[0].has_principal);
	CHECK_EQ(m.servers[0].principal, 1);
	CHECK(!m.servers[1].has_principal);
	CHECK_EQ(m.servers[1].principal, 0);
}

/* The key is exactly 64 lower-case hex digits, and not all zero. */
static void reject_bad_principal_key(void)
{
	CHECK_REJECT(H "principal a " KA "0\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a 3d40\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a "
	    "3D4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c\n",
	    TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a "
	    "0x4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c\n",
	    TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a "
	    "0000000000000000000000000000000000000000000000000000000000000000\n",
	    TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a dev\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal A " KA "\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a\n", TS_E_BADFORMAT, 2);
	CHECK_REJECT(H "principal a " KA " b\n", TS_E_BADFORMAT, 2);
}

/* A name or a key declared twice; a ninth principal. */
static void reject_duplicate_principal(void)
{
	CHECK_REJECT(H "principal a " KA "\nprincipal a " KB "\n",
	    TS_E_EXISTS, 3);
	CHECK_REJECT(H "principal a " KA "\nprincipal b " KA "\n",
	    TS_E_EXISTS, 3);
}

static void principals_8_ok_9_refused(void)
{
	char *p = big;

	p += sprintf(p, H);
	for (int i = 0; i < 8; i++)
		p += sprintf(p, "principal p%d %062x%02x\n", i, 0, i + 1);
	CHECK_EQ(parse_n(big, (size_t)(p - big)), TS_OK);
	CHECK_EQ(m.principal_count, 8);
	p += sprintf(p, "principal p8 %062x%02x\n", 0, 9);
	CHECK_REJECT_N(big, (size_t)(p - big), TS_E_RANGE, 10);
}

/* In a server: declared, once, one word; declarations only before servers. */
static void reject_bad_server_principal(void)
{
	CHECK_REJECT(H "server s\nmodule m\nprincipal nobody\n", TS_E_NOENT, 4);
	CHECK_REJECT(H "principal a " KA "\nserver s\nmodule m\n"
	    "principal a\nprincipal a\n", TS_E_EXISTS, 6);
	CHECK_REJECT(H "principal a " KA "\nserver s\nmodule m\n"
	    "principal\n", TS_E_BADFORMAT, 5);
	CHECK_REJECT(H "server s\nmodule m\nprincipal b " KB "\n",
	    TS_E_BADFORMAT, 4);
}

/* A spawn capability may carry write: the right to assign any principal. */
static void spawn_write_assigns_principals(void)
{
	CHECK_ACCEPT(H "server a\nmodule a\ncap 0 spawn send,write\n");
	CHECK_EQ(m.servers[0].caps[0].rights, CAP_R_SEND | CAP_R_WRITE);
	CHECK_REJECT(H "server a\nmodule a\ncap 0 spawn write\n", TS_E_RIGHTS, 4);
}

/* --------------------------------------------------------- other rules */

/* A cut-off text never reads past len and never half-succeeds. */
static void every_prefix_is_safe(void)
{
	size_t len = strlen(good_text);

	for (size_t n = 0; n <= len; n++) {
		ts_status s = parse_n(good_text, n);

		if (s != TS_OK && !all_zero(&m, sizeof(m))) {
			check_fail("prefix %zu left a half-filled result", n);
			return;
		}
		if (s != TS_OK && (err.why == NULL || err.line > 40)) {
			check_fail("prefix %zu: bad error", n);
			return;
		}
	}
	CHECK_EQ(parse_n(good_text, len), TS_OK);
}

/* A failure after many good lines still leaves *out all zero. */
static void late_failure_zeroes_result(void)
{
	static char t[sizeof(good_text) + 32];

	snprintf(t, sizeof(t), "%s\nbogus\n", good_text);
	CHECK_REJECT(t, TS_E_BADFORMAT, 35);
}

static void root_slots(void)
{
	struct manifest_cap c = { 0 };

	c.type = CAP_ENDPOINT;
	c.index = 3;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_ENDPOINT0 + 3);
	c.index = ROOT_ENDPOINTS;
	CHECK_EQ(manifest_root_slot(&c), -1);
	c.type = CAP_NOTIFICATION;
	c.index = 1;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_NOTIFY0 + 1);
	c.type = CAP_IOPORT;
	c.index = MANIFEST_IOPORT_COM1;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_IOPORT_COM1);
	c.type = CAP_IRQ;
	c.index = 15;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_IRQ0 + 15);
	c.type = CAP_AUDIT_READ;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_AUDIT);
	c.type = CAP_SPAWN;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_SPAWN);
	c.type = CAP_FRAME;
	c.index = MANIFEST_MMIO_TPM;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_MMIO_TPM);
	c.index = MANIFEST_MMIO_COUNT;
	CHECK_EQ(manifest_root_slot(&c), -1);
	c.type = CAP_MEMORY;
	c.index = 0;
	CHECK_EQ(manifest_root_slot(&c), ROOT_SLOT_MEMORY);
	c.type = CAP_TYPE_COUNT;
	CHECK_EQ(manifest_root_slot(&c), -1);
}

/* The promises of manifest.h for an accepted manifest (as fuzz_manifest). */
static int manifest_sound(const struct manifest *x)
{
	static const uint8_t limit[CAP_TYPE_COUNT] = {
		[CAP_ENDPOINT] = 0, [CAP_NOTIFICATION] = 0,
		[CAP_IOPORT] = MANIFEST_IOPORT_COUNT,
		[CAP_IRQ] = MANIFEST_IRQ_LINES, [CAP_AUDIT_READ] = 1,
		[CAP_SPAWN] = 1, [CAP_FRAME] = MANIFEST_MMIO_COUNT,
		[CAP_MEMORY] = 1,
	};

	if (x->endpoint_count > MANIFEST_MAX_OBJECTS ||
	    x->notification_count > MANIFEST_MAX_NOTIFICATIONS ||
	    x->server_count > MANIFEST_MAX_SERVERS)
		return 0;
	for (int i = 0; i < x->server_count; i++) {
		const struct manifest_server *s = &x->servers[i];

		if (s->cap_count > MANIFEST_MAX_CAPS || s->priority > 7 ||
		    memchr(s->name, 0, sizeof(s->name)) == NULL ||
		    memchr(s->module, 0, sizeof(s->module)) == NULL ||
		    s->name[0] == 0 || s->module[0] == 0)
			return 0;
		for (int j = 0; j < s->cap_count; j++) {
			const struct manifest_cap *c = &s->caps[j];
			uint32_t lim = c->type == CAP_ENDPOINT ? x->endpoint_count :
			    c->type == CAP_NOTIFICATION ? x->notification_count :
			    c->type < CAP_TYPE_COUNT ? limit[c->type] : 0;

			if (c->slot >= CAP_SLOTS || c->index >= lim ||
			    c->rights == 0 || (c->rights & ~CAP_R_ALL) ||
			    (c->badge && c->type != CAP_ENDPOINT) ||
			    manifest_root_slot(c) < 0)
				return 0;
			for (int k = 0; k < j; k++)
				if (s->caps[k].slot == c->slot)
					return 0;
		}
	}
	return 1;
}

/* 100,000 random edits of the good text never break a promise. */
static void random_mutations_hold_invariants(void)
{
	static const char *const words[] = {
		" ", "\n", "#", ",", "0", "64", "0x", "send", "recv", "badge",
		"server x\n", "cap 9 ", "endpoint", "irq 16", "module", "\0",
	};
	static char t[sizeof(good_text) + 256];
	uint64_t st = 0x5eed, r;
	size_t len;
	int ok = 0;

	for (int i = 0; i < 100000; i++) {
		memcpy(t, good_text, sizeof(good_text) - 1);
		len = sizeof(good_text) - 1;
		for (int k = 0; k < 1 + i % 3; k++) {
			r = check_rand(&st);
			size_t at = (size_t)(r >> 8) % len;

			if (r % 3 == 0) {
				t[at] = (char)(r >> 40);
			} else if (r % 3 == 1 && len > 1) {
				memmove(t + at, t + at + 1, len - at - 1);
				len--;
			} else {
				const char *w = words[(r >> 32) % 16];
				size_t wl = w[0] ? strlen(w) : 1;

				if (len + wl > sizeof(t))
					continue;
				memmove(t + at + wl, t + at, len - at);
				memcpy(t + at, w, wl);
				len += wl;
			}
		}
		if (parse_n(t, len) == TS_OK) {
			ok++;
			if (!manifest_sound(&m)) {
				check_fail("iteration %d broke an invariant", i);
				return;
			}
		} else if (err.why == NULL || !all_zero(&m, sizeof(m))) {
			check_fail("iteration %d: bad failure", i);
			return;
		}
	}
	if (ok == 0)
		check_fail("no mutation was accepted (the run checked nothing)");
}

int main(void)
{
	check_begin("manifest");
	CHECK_RUN(good_manifest_exact);
	CHECK_RUN(good_manifest_twice);
	CHECK_RUN(minimal_manifest);
	CHECK_RUN(same_module_and_names_per_kind);
	CHECK_RUN(reject_text_over_16k);
	CHECK_RUN(reject_empty_text);
	CHECK_RUN(reject_only_comments);
	CHECK_RUN(reject_bad_arguments);
	CHECK_RUN(reject_nul_byte);
	CHECK_RUN(reject_non_ascii);
	CHECK_RUN(reject_control_characters);
	CHECK_RUN(reject_line_over_200);
	CHECK_RUN(reject_missing_header);
	CHECK_RUN(reject_duplicate_header);
	CHECK_RUN(reject_bad_version);
	CHECK_RUN(reject_unknown_keyword);
	CHECK_RUN(reject_module_outside_server);
	CHECK_RUN(reject_priority_outside_server);
	CHECK_RUN(reject_restart_outside_server);
	CHECK_RUN(reject_cap_outside_server);
	CHECK_RUN(reject_declaration_after_server);
	CHECK_RUN(reject_missing_module);
	CHECK_RUN(reject_duplicate_server);
	CHECK_RUN(reject_duplicate_endpoint);
	CHECK_RUN(reject_duplicate_notification);
	CHECK_RUN(reject_duplicate_settings);
	CHECK_RUN(reject_bad_lines_in_server);
	CHECK_RUN(reject_too_many_words);
	CHECK_RUN(reject_hash_inside_word);
	CHECK_RUN(name_31_ok_32_refused);
	CHECK_RUN(module_47_ok_48_refused);
	CHECK_RUN(reject_bad_name_characters);
	CHECK_RUN(reject_bad_numbers);
	CHECK_RUN(reject_number_overflow);
	CHECK_RUN(priority_7_ok_8_refused);
	CHECK_RUN(slot_63_ok_64_refused);
	CHECK_RUN(irq_15_ok_16_refused);
	CHECK_RUN(reject_duplicate_slot);
	CHECK_RUN(servers_16_ok_17_refused);
	CHECK_RUN(caps_16_ok_17_refused);
	CHECK_RUN(endpoints_16_ok_17_refused);
	CHECK_RUN(notifications_4_ok_5_refused);
	CHECK_RUN(reject_undeclared_endpoint);
	CHECK_RUN(reject_undeclared_notification);
	CHECK_RUN(reject_unknown_ioport_range);
	CHECK_RUN(reject_unknown_cap_type);
	CHECK_RUN(reject_cap_word_count);
	CHECK_RUN(reject_bad_rights_syntax);
	CHECK_RUN(reject_badge_on_non_endpoint);
	CHECK_RUN(reject_send_on_audit);
	CHECK_RUN(reject_irq_without_recv);
	CHECK_RUN(reject_ioport_without_read_write);
	CHECK_RUN(mmio_window_rules);
	CHECK_RUN(memory_rules);
	CHECK_RUN(reject_endpoint_wrong_rights);
	CHECK_RUN(reject_spawn_wrong_rights);
	CHECK_RUN(principal_declared_and_used);
	CHECK_RUN(reject_bad_principal_key);
	CHECK_RUN(reject_duplicate_principal);
	CHECK_RUN(principals_8_ok_9_refused);
	CHECK_RUN(reject_bad_server_principal);
	CHECK_RUN(spawn_write_assigns_principals);
	CHECK_RUN(every_prefix_is_safe);
	CHECK_RUN(late_failure_zeroes_result);
	CHECK_RUN(root_slots);
	CHECK_RUN(random_mutations_hold_invariants);
	return check_done();
}
