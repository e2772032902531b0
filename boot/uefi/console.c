/*
 * console.c - the loader's messages, on the firmware's console (which
 * OVMF mirrors to the serial port).  ASCII only; "\n" becomes "\r\n".
 */
#include <stdarg.h>
#include "boot/uefi/loader.h"
#include "lib/fmt.h"

static void put(const char *s)
{
	CHAR16 out[128];
	size_t n = 0;

	for (; *s; s++) {
		if (*s == '\n')
			out[n++] = L'\r';
		out[n++] = (CHAR16)(unsigned char)*s;
		if (n >= 126 || !s[1]) {
			out[n] = 0;
			loader_st->ConOut->OutputString(loader_st->ConOut, out);
			n = 0;
		}
	}
}

static void vsay(const char *prefix, const char *fmt, va_list ap)
{
	char line[256];

	put("tessera-loader: ");
	put(prefix);
	fmt_vsnprintf(line, sizeof(line), fmt, ap);
	put(line);
	put("\n");
}

void loader_say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", fmt, ap);
	va_end(ap);
}

/* A refused boot ends here: no handover, nothing more runs. */
void loader_stop(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("REFUSED: ", fmt, ap);
	va_end(ap);
	put("tessera-loader: boot stopped\n");
	for (;;)
		__asm__ volatile("cli; hlt");
}
