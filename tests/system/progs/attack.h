/*
 * attack.h - shared by the attack programs.  Each one announces what it
 * tries, tries it for real, and if the kernel let it through prints
 * SURVIVED (which every attack case forbids) and exits non-zero.
 */
#ifndef TESSERA_TEST_ATTACK_H
#define TESSERA_TEST_ATTACK_H

#include "user/lib/tessera.h"

#define TRYING(what) printf("trying: %s\n", what)

static inline __attribute__((noreturn)) void survived(const char *what)
{
	printf("SURVIVED: %s\n", what);
	sys_exit(1);
}

/* Prints "ok <what>" when cond holds, "FAILED <what>" otherwise (forbidden
 * by the cases); returns cond so callers can count. */
static inline int expect_true(int cond, const char *what)
{
	printf("%s %s\n", cond ? "ok" : "FAILED", what);
	return cond;
}

typedef void (*code_fn)(void);

#endif
