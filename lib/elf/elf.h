/*
 * elf.h - a strict ELF64 parser for boot modules.
 *
 * elf_parse checks a whole file and says what to map; it maps nothing and
 * never reads outside [file, file + size), whatever the bytes are (the
 * fuzz target tests/fuzz/fuzz_elf.c checks this).  Only static x86-64
 * executables are accepted: no interpreter, no dynamic section, no TLS.
 */
#ifndef TESSERA_LIB_ELF_H
#define TESSERA_LIB_ELF_H

#include <stdint.h>

#include "abi/status.h"
#include "abi/syscall.h"

#define ELF_MAX_SEGMENTS 8
#define ELF_MAX_PHNUM 64
#define ELF_MAX_SEGMENT_SIZE (64ull << 20)	/* 64 MiB */
#define ELF_PAGE_SIZE 4096ull

/* One PT_LOAD: [vaddr, vaddr+memsz), of which the first filesz bytes come
 * from file_offset; prot is PROT_READ|PROT_WRITE|PROT_EXEC (syscall.h). */
struct elf_segment {
	uint64_t vaddr, memsz, file_offset, filesz;
	uint32_t prot;
};

struct elf_image {
	uint64_t entry;
	uint32_t segment_count;
	struct elf_segment seg[ELF_MAX_SEGMENTS];
};

/*
 * Checks file[0, size) and fills *out on success (TS_OK).  Every segment
 * lies in [user_base, user_end), is never writable and executable, and no
 * two segments touch the same page; the entry point is in an executable
 * segment.  On failure *out is untouched, a TS_E_* code is returned and
 * *why (if why is not NULL) names the first broken rule; on success *why
 * is "ok".
 */
ts_status elf_parse(const uint8_t *file, uint64_t size, uint64_t user_base,
    uint64_t user_end, struct elf_image *out, const char **why);

#endif
