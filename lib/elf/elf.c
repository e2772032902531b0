/*
 * elf.c - strict ELF64 parser for boot modules.
 *
 * Every field is read with explicit little-endian loads at offsets that
 * were checked against the file size first; nothing is cast to a struct,
 * so alignment and padding of the input do not matter.  Every sum of two
 * file-controlled values is checked for overflow before it is compared.
 * The rules, in order, and the test case for each are in
 * tests/unit/test_elf.c; tests/fuzz/fuzz_elf.c checks the results hold.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "abi/status.h"
#include "abi/syscall.h"
#include "lib/elf/elf.h"

/* ELF header layout (System V gABI, ELF-64 Object File Format 1.5). */
#define EHDR_SIZE 64
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ET_EXEC 2
#define EM_X86_64 62
#define OFF_TYPE 16
#define OFF_MACHINE 18
#define OFF_VERSION 20
#define OFF_ENTRY 24
#define OFF_PHOFF 32
#define OFF_PHENTSIZE 54
#define OFF_PHNUM 56
#define PHDR_SIZE 56

/* Program header types and flags. */
#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4
#define PT_PHDR 6
#define PT_TLS 7
#define PT_GNU_STACK 0x6474e551u
#define PT_GNU_RELRO 0x6474e552u
#define PT_GNU_PROPERTY 0x6474e553u
#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

/* A program header, decoded. */
struct phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, filesz, memsz;
};

/* Returns the little-endian 16-bit value at p. */
static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* Returns the little-endian 32-bit value at p. */
static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Returns the little-endian 64-bit value at p. */
static uint64_t le64(const uint8_t *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Records the reason for a failure (if wanted) and returns the code. */
static ts_status reject(const char **why, ts_status code, const char *reason)
{
	if (why != NULL)
		*why = reason;
	return code;
}

/*
 * Checks the 64-byte header and where the program headers lie.  Returns
 * TS_OK with *phoff and *phnum set, or TS_E_BADFORMAT.
 * Invariant: phoff + phnum * 56 <= size without overflow, so every later
 * read of a program header is in bounds (elf/phdrs_outside_file,
 * elf/phoff_overflow).
 */
static ts_status check_header(const uint8_t *f, uint64_t size,
    uint64_t *phoff, uint32_t *phnum, const char **why)
{
	uint64_t table;

	if (size < EHDR_SIZE)
		return reject(why, TS_E_BADFORMAT,
		    "file shorter than ELF header");
	if (f[0] != 0x7f || f[1] != 'E' || f[2] != 'L' || f[3] != 'F')
		return reject(why, TS_E_BADFORMAT, "bad ELF magic");
	if (f[EI_CLASS] != ELFCLASS64)
		return reject(why, TS_E_BADFORMAT, "not ELFCLASS64");
	if (f[EI_DATA] != ELFDATA2LSB)
		return reject(why, TS_E_BADFORMAT, "not little-endian");
	if (f[EI_VERSION] != EV_CURRENT || le32(f + OFF_VERSION) != EV_CURRENT)
		return reject(why, TS_E_BADFORMAT, "bad ELF version");
	if (le16(f + OFF_TYPE) != ET_EXEC)
		return reject(why, TS_E_BADFORMAT, "not an ET_EXEC executable");
	if (le16(f + OFF_MACHINE) != EM_X86_64)
		return reject(why, TS_E_BADFORMAT, "not an x86-64 file");
	if (le16(f + OFF_PHENTSIZE) != PHDR_SIZE)
		return reject(why, TS_E_BADFORMAT, "e_phentsize is not 56");
	*phnum = le16(f + OFF_PHNUM);
	if (*phnum < 1 || *phnum > ELF_MAX_PHNUM)
		return reject(why, TS_E_BADFORMAT, "e_phnum not in 1..64");
	*phoff = le64(f + OFF_PHOFF);
	table = (uint64_t)*phnum * PHDR_SIZE;	/* <= 3584: no overflow */
	if (*phoff > size || table > size - *phoff)
		return reject(why, TS_E_BADFORMAT,
		    "program headers outside file");
	return TS_OK;
}

/* Decodes the program header at p (56 bytes known to be in the file). */
static void read_phdr(const uint8_t *p, struct phdr *ph)
{
	ph->type = le32(p);
	ph->flags = le32(p + 4);
	ph->offset = le64(p + 8);
	ph->vaddr = le64(p + 16);
	ph->filesz = le64(p + 32);
	ph->memsz = le64(p + 40);
}

/*
 * Decides what a non-PT_LOAD header means.  Returns TS_OK for the kinds
 * that carry no content (note, stack, property, relro, null, phdr), and a
 * rejection for anything needing dynamic loading or unknown.
 */
static ts_status check_other(const struct phdr *ph, const char **why)
{
	switch (ph->type) {
	case PT_NULL:
	case PT_NOTE:
	case PT_PHDR:
	case PT_GNU_PROPERTY:
	case PT_GNU_RELRO:
		return TS_OK;
	case PT_GNU_STACK:
		/* Invariant: no executable stack (elf/gnu_stack_exec). */
		if (ph->flags & PF_X)
			return reject(why, TS_E_WX,
			    "PT_GNU_STACK asks for an executable stack");
		return TS_OK;
	case PT_INTERP:
		return reject(why, TS_E_BADFORMAT,
		    "PT_INTERP: dynamic loading unsupported");
	case PT_DYNAMIC:
		return reject(why, TS_E_BADFORMAT,
		    "PT_DYNAMIC: dynamic loading unsupported");
	case PT_TLS:
		return reject(why, TS_E_BADFORMAT, "PT_TLS unsupported");
	default:
		return reject(why, TS_E_BADFORMAT,
		    "unknown program header type");
	}
}

/*
 * Checks one PT_LOAD against the file and the user range, and turns it
 * into a segment.  Returns TS_OK or the code of the first broken rule.
 * Invariants kept here: content inside the file (elf/load_data_outside_file,
 * elf/load_offset_overflow), [vaddr, vaddr+memsz) inside the user range
 * (elf/load_below_user_base, elf/load_above_user_end,
 * elf/load_vaddr_overflow), never W and X together (elf/load_wx).
 */
static ts_status check_load(const struct phdr *ph, uint64_t size,
    uint64_t user_base, uint64_t user_end, struct elf_segment *seg,
    const char **why)
{
	if (ph->filesz > ph->memsz)
		return reject(why, TS_E_BADFORMAT,
		    "segment filesz larger than memsz");
	if (ph->memsz == 0)
		return reject(why, TS_E_BADFORMAT, "segment is empty");
	if (ph->memsz > ELF_MAX_SEGMENT_SIZE)
		return reject(why, TS_E_RANGE, "segment larger than 64 MiB");
	if (ph->offset > size || ph->filesz > size - ph->offset)
		return reject(why, TS_E_BADFORMAT, "segment data outside file");
	if (ph->vaddr < user_base || ph->vaddr > user_end ||
	    ph->memsz > user_end - ph->vaddr)
		return reject(why, TS_E_RANGE, "segment outside user space");
	if (!(ph->flags & PF_R))
		return reject(why, TS_E_BADFORMAT, "segment is not readable");
	if ((ph->flags & PF_W) && (ph->flags & PF_X))
		return reject(why, TS_E_WX,
		    "segment is writable and executable");

	seg->vaddr = ph->vaddr;
	seg->memsz = ph->memsz;
	seg->file_offset = ph->offset;
	seg->filesz = ph->filesz;
	seg->prot = PROT_READ;
	if (ph->flags & PF_W)
		seg->prot |= PROT_WRITE;
	if (ph->flags & PF_X)
		seg->prot |= PROT_EXEC;
	return TS_OK;
}

/*
 * Returns the page-rounded [*lo, *hi) of a segment.  vaddr + memsz was
 * checked not to overflow; rounding up can only overflow within the last
 * page of the address space, which is then clamped (still correct for the
 * overlap test since no segment can start after it).
 */
static void page_span(const struct elf_segment *s, uint64_t *lo, uint64_t *hi)
{
	uint64_t end = s->vaddr + s->memsz;

	*lo = s->vaddr & ~(ELF_PAGE_SIZE - 1);
	if (end > UINT64_MAX - (ELF_PAGE_SIZE - 1))
		*hi = UINT64_MAX;
	else
		*hi = (end + ELF_PAGE_SIZE - 1) & ~(ELF_PAGE_SIZE - 1);
}

/*
 * Returns true if the new segment shares a page with one already accepted.
 * Invariant: page-rounded segments are disjoint, so each page gets exactly
 * one protection (elf/load_overlap, elf/load_share_page).
 */
static bool overlaps_earlier(const struct elf_image *img,
    const struct elf_segment *s)
{
	uint64_t lo, hi, olo, ohi;
	uint32_t i;

	page_span(s, &lo, &hi);
	for (i = 0; i < img->segment_count; i++) {
		page_span(&img->seg[i], &olo, &ohi);
		if (lo < ohi && olo < hi)
			return true;
	}
	return false;
}

/*
 * Returns true if entry lies inside an executable segment
 * (elf/entry_not_executable, elf/entry_outside_segments).
 */
static bool entry_is_executable(const struct elf_image *img)
{
	const struct elf_segment *s;
	uint32_t i;

	for (i = 0; i < img->segment_count; i++) {
		s = &img->seg[i];
		if ((s->prot & PROT_EXEC) && img->entry >= s->vaddr &&
		    img->entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

/* Adds a checked PT_LOAD to img, or returns why it cannot be added. */
static ts_status add_load(struct elf_image *img, const struct elf_segment *s,
    const char **why)
{
	if (img->segment_count >= ELF_MAX_SEGMENTS)
		return reject(why, TS_E_RANGE, "more than 8 loadable segments");
	if (overlaps_earlier(img, s))
		return reject(why, TS_E_RANGE, "segments share a page");
	img->seg[img->segment_count++] = *s;
	return TS_OK;
}

/*
 * Parses and checks a whole file (see elf.h).  Check, then act: the image
 * is built in a local and copied to *out only when every rule holds.
 */
ts_status elf_parse(const uint8_t *file, uint64_t size, uint64_t user_base,
    uint64_t user_end, struct elf_image *out, const char **why)
{
	struct elf_image img;
	struct elf_segment seg;
	struct phdr ph;
	uint64_t phoff;
	uint32_t phnum, i;
	ts_status st;

	if (file == NULL || out == NULL || user_base >= user_end)
		return reject(why, TS_E_INVAL, "bad arguments");
	st = check_header(file, size, &phoff, &phnum, why);
	if (st != TS_OK)
		return st;

	memset(&img, 0, sizeof(img));
	img.entry = le64(file + OFF_ENTRY);
	for (i = 0; i < phnum; i++) {
		read_phdr(file + phoff + (uint64_t)i * PHDR_SIZE, &ph);
		if (ph.type != PT_LOAD) {
			st = check_other(&ph, why);
		} else {
			st = check_load(&ph, size, user_base, user_end, &seg,
			    why);
			if (st == TS_OK)
				st = add_load(&img, &seg, why);
		}
		if (st != TS_OK)
			return st;
	}
	if (img.segment_count == 0)
		return reject(why, TS_E_BADFORMAT, "no PT_LOAD segment");
	if (!entry_is_executable(&img))
		return reject(why, TS_E_RANGE,
		    "entry point not in an executable segment");

	*out = img;
	if (why != NULL)
		*why = "ok";
	return TS_OK;
}
