/*
 * bootset.c - the boot-set parser (format in bootset.h).  Strict: one
 * spelling per line, nothing optional, no trailing data; anything else is
 * refused with a reason.  The text is signed, but the parser still trusts
 * nothing in it, since it runs on every byte of a file from the ESP.
 */
#include <string.h>
#include "lib/bootset/bootset.h"

struct cursor {
	const char *p, *end;
};

/* The next line (without its '\n') as [*start, *start + *n); false at the
 * end of the text or if the last line lacks its '\n'. */
static int next_line(struct cursor *c, const char **start, size_t *n)
{
	const char *q = c->p;

	while (q < c->end && *q != '\n')
		q++;
	if (q >= c->end)
		return 0;
	*start = c->p;
	*n = (size_t)(q - c->p);
	c->p = q + 1;
	return 1;
}

static int starts_with(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	return n >= w && memcmp(s, word, w) == 0;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int file_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/* "<file> <size> <64 hex>" -> e; returns NULL or why not. */
static const char *parse_entry(const char *s, size_t n, struct bootset_entry *e)
{
	size_t i = 0, f = 0;

	while (i < n && s[i] != ' ') {
		if (!file_char_ok(s[i]) || f + 1 >= BOOTSET_FILE_MAX)
			return "bad file name";
		e->file[f++] = s[i++];
	}
	e->file[f] = '\0';
	if (f == 0 || e->file[0] == '.' || i >= n)
		return "bad file name";
	i++;
	if (i >= n || s[i] < '0' || s[i] > '9' || (s[i] == '0' && i + 1 < n && s[i + 1] != ' '))
		return "bad size";
	e->size = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		e->size = e->size * 10 + (uint64_t)(s[i++] - '0');
		if (e->size > BOOTSET_MAX_FILE_SIZE)
			return "file too large";
	}
	if (i >= n || s[i] != ' ' || n - i - 1 != 64)
		return "bad sha256";
	i++;
	for (size_t k = 0; k < 32; k++) {
		int hi = hex_value(s[i + 2 * k]), lo = hex_value(s[i + 2 * k + 1]);
		if (hi < 0 || lo < 0)
			return "bad sha256";
		e->sha256[k] = (uint8_t)(hi << 4 | lo);
	}
	return NULL;
}

/* Only printable ASCII and '\n'. */
static int is_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\n' && (s[i] < ' ' || s[i] > '~'))
			return 0;
	return 1;
}

const char *bootset_parse(const char *text, size_t len, struct bootset *bs)
{
	struct cursor c = { text, text + len };
	const char *s, *why;
	size_t n;

	memset(bs, 0, sizeof(*bs));
	if (len > BOOTSET_MAX_SIZE || !is_text(text, len))
		return "too large or not text";
	if (!next_line(&c, &s, &n) || n != 17 || memcmp(s, "tessera-bootset 1", 17) != 0)
		return "not a version 1 boot set";
	if (!next_line(&c, &s, &n) || !starts_with(s, n, "cmdline "))
		return "no cmdline line";
	if (n - 8 >= BOOT_CMDLINE_MAX)
		return "cmdline too long";
	memcpy(bs->cmdline, s + 8, n - 8);
	if (!next_line(&c, &s, &n) || !starts_with(s, n, "kernel "))
		return "no kernel line";
	if ((why = parse_entry(s + 7, n - 7, &bs->kernel)) != NULL)
		return why;
	while (next_line(&c, &s, &n)) {
		if (!starts_with(s, n, "module "))
			return "unknown line";
		if (bs->module_count >= BOOT_MAX_MODULES)
			return "too many modules";
		if ((why = parse_entry(s + 7, n - 7, &bs->modules[bs->module_count++])) != NULL)
			return why;
	}
	if (c.p != c.end)
		return "last line not terminated";
	if (bs->module_count == 0)
		return "no modules";
	return NULL;
}

void bootset_module_name(char name[BOOT_MODULE_NAME_MAX], const char *file)
{
	size_t n = 0;

	while (n < BOOT_MODULE_NAME_MAX - 1 && file[n])
		n++;
	for (size_t i = n; i > 1; i--) {
		if (file[i - 1] == '.') {
			n = i - 1;
			break;
		}
	}
	memcpy(name, file, n);
	name[n] = '\0';
}
