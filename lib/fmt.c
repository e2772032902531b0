/*
 * fmt.c - a small printf for the freestanding image.
 *
 * One pass over the format; every write goes through emit(), which drops
 * bytes past the end of the buffer but keeps counting, so truncation is
 * visible to the caller through the return value.
 */
#include <stdint.h>
#include "lib/fmt.h"

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void emit(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void emit_padded(struct out *o, const char *s, size_t n, int width,
			char pad)
{
	for (int i = (int)n; i < width; i++)
		emit(o, pad);
	while (n--)
		emit(o, *s++);
}

/* Writes v in the given base into tmp (reversed digits), returns count. */
static size_t utoa_rev(uint64_t v, unsigned base, int upper, char *tmp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	size_t n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	return n;
}

static void emit_number(struct out *o, uint64_t v, int negative,
			unsigned base, int upper, int width, char pad)
{
	char rev[24], fwd[24];
	size_t n = utoa_rev(v, base, upper, rev), k = 0;

	if (negative) {
		if (pad == '0') {
			emit(o, '-');
			width--;
		} else {
			fwd[k++] = '-';
		}
	}
	while (n)
		fwd[k++] = rev[--n];
	emit_padded(o, fwd, k, width, pad);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(&o, *fmt);
			continue;
		}
		fmt++;
		char pad = ' ';
		int width = 0, lng = 0;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
			emit_number(&o, mag, v < 0, 10, 0, width, pad);
			break;
		}
		case 'u':
		case 'x':
		case 'X': {
			uint64_t v = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
			unsigned base = *fmt == 'u' ? 10 : 16;
			emit_number(&o, v, 0, base, *fmt == 'X', width, pad);
			break;
		}
		case 'p':
			emit(&o, '0');
			emit(&o, 'x');
			emit_number(&o, (uint64_t)(uintptr_t)va_arg(ap, void *), 0,
				    16, 0, 16, '0');
			break;
		case 'c':
			emit(&o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			size_t n = 0;
			if (!s)
				s = "(null)";
			while (s[n])
				n++;
			emit_padded(&o, s, n, width, ' ');
			break;
		}
		case '%':
			emit(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			emit(&o, '%');
			emit(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
