/*
 * string.h - the few memory and string routines of the freestanding image.
 *
 * Kernel and user programs are built with -nostdinc; this header stands in
 * for the C library's so that pure modules (shared with host unit tests,
 * which see the real <string.h>) include the same name in both worlds.
 */
#ifndef TESSERA_LIBC_STRING_H
#define TESSERA_LIBC_STRING_H

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

#endif
