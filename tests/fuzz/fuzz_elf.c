/*
 * fuzz_elf.c - libFuzzer target for elf_parse.
 *
 * Any input must be parsed without a crash or an out-of-bounds read
 * (ASan/UBSan catch those), and every accepted file must keep the
 * promises of lib/elf/elf.h; a broken promise aborts, which libFuzzer
 * reports as a crash with the input saved.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "abi/status.h"
#include "abi/syscall.h"
#include "lib/elf/elf.h"

#define FUZZ_BASE 0x400000ull
#define FUZZ_END 0x7fffffe00000ull

/* Aborts unless segment s keeps the per-segment promises. */
static void check_segment(const struct elf_segment *s, uint64_t size)
{
	if ((s->prot & PROT_WRITE) && (s->prot & PROT_EXEC))
		abort();
	if (!(s->prot & PROT_READ) || s->memsz == 0)
		abort();
	if (s->vaddr < FUZZ_BASE || s->memsz > FUZZ_END - s->vaddr)
		abort();
	if (s->filesz > s->memsz || s->file_offset > size ||
	    s->filesz > size - s->file_offset)
		abort();
}

/* Returns 1 if the page-rounded spans of a and b overlap. */
static int pages_overlap(const struct elf_segment *a,
    const struct elf_segment *b)
{
	uint64_t a_first = a->vaddr >> 12, a_last = (a->vaddr + a->memsz - 1) >> 12;
	uint64_t b_first = b->vaddr >> 12, b_last = (b->vaddr + b->memsz - 1) >> 12;

	return a_first <= b_last && b_first <= a_last;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_image img;
	const char *why = NULL;
	uint32_t i, j;
	int entry_ok = 0;

	if (elf_parse(data, size, FUZZ_BASE, FUZZ_END, &img, &why) != TS_OK) {
		if (why == NULL)
			abort();
		return 0;
	}
	if (img.segment_count < 1 || img.segment_count > ELF_MAX_SEGMENTS)
		abort();
	for (i = 0; i < img.segment_count; i++) {
		check_segment(&img.seg[i], size);
		for (j = 0; j < i; j++)
			if (pages_overlap(&img.seg[i], &img.seg[j]))
				abort();
		if ((img.seg[i].prot & PROT_EXEC) &&
		    img.entry >= img.seg[i].vaddr &&
		    img.entry - img.seg[i].vaddr < img.seg[i].memsz)
			entry_ok = 1;
	}
	if (!entry_ok)
		abort();
	return 0;
}
