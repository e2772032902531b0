/*
 * test_elf.c - elf_parse: one case per rule, a valid file, a real
 * linker-made binary and a quick random-mutation run under the
 * sanitizers.  Files are built in memory by put_header/put_phdr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/status.h"
#include "abi/syscall.h"
#include "lib/elf/elf.h"
#include "tests/unit/check.h"

#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4
#define PT_SHLIB 5
#define PT_PHDR 6
#define PT_TLS 7
#define PT_GNU_EH_FRAME 0x6474e550u
#define PT_GNU_STACK 0x6474e551u
#define PT_GNU_RELRO 0x6474e552u
#define PT_GNU_PROPERTY 0x6474e553u
#define PF_X 1u
#define PF_W 2u
#define PF_R 4u

#define BASE USER_SPACE_BASE
#define END USER_SPACE_END

static uint8_t f[8192];		/* the file under test */
static uint64_t fsize;
static struct elf_image img;
static const char *why;

/* Little-endian stores. */
static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

/* Writes a valid ELF64 x86-64 ET_EXEC header. */
static void put_header(uint64_t entry, uint64_t phoff, uint16_t phnum)
{
	memset(f, 0, 64);
	memcpy(f, "\177ELF", 4);
	f[4] = 2;		/* ELFCLASS64 */
	f[5] = 1;		/* ELFDATA2LSB */
	f[6] = 1;		/* EV_CURRENT */
	put16(f + 16, 2);	/* ET_EXEC */
	put16(f + 18, 62);	/* EM_X86_64 */
	put32(f + 20, 1);
	put64(f + 24, entry);
	put64(f + 32, phoff);
	put16(f + 52, 64);	/* e_ehsize */
	put16(f + 54, 56);
	put16(f + 56, phnum);
}

/* Writes program header i (table at offset 64). */
static void put_phdr(int i, uint32_t type, uint32_t flags, uint64_t off,
    uint64_t vaddr, uint64_t filesz, uint64_t memsz)
{
	uint8_t *p = f + 64 + 56 * i;

	memset(p, 0, 56);
	put32(p, type);
	put32(p + 4, flags);
	put64(p + 8, off);
	put64(p + 16, vaddr);
	put64(p + 24, vaddr);
	put64(p + 32, filesz);
	put64(p + 40, memsz);
	put64(p + 48, 0x1000);
}

/*
 * The reference file: text R+X at 0x400000 (0x200 bytes from 0x200),
 * data R+W at 0x401000 (0x10 bytes from file 0x400, 0x2000 in memory),
 * entry 0x400100.  Cases change one thing each.
 */
static void make_valid(void)
{
	memset(f, 0xcc, sizeof(f));
	put_header(0x400100, 64, 2);
	put_phdr(0, PT_LOAD, PF_R | PF_X, 0x200, 0x400000, 0x200, 0x200);
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x10, 0x2000);
	fsize = 0x800;
}

/* Parses f[0, fsize) with the standard user range. */
static ts_status parse(void)
{
	why = NULL;
	return elf_parse(f, fsize, BASE, END, &img, &why);
}

/* Checks that parse() fails with code and a reason containing text. */
#define CHECK_REJECT(code, text)					\
	do {								\
		ts_status st_ = parse();				\
		CHECK_EQ(st_, (code));					\
		CHECK(why != NULL);					\
		if (strstr(why, (text)) == NULL) {			\
			check_fail("line %d: reason \"%s\" lacks \"%s\"", \
			    __LINE__, why, (text));			\
			return;						\
		}							\
	} while (0)

static void valid_two_segments(void)
{
	make_valid();
	CHECK_EQ(parse(), TS_OK);
	CHECK(why != NULL && strcmp(why, "ok") == 0);
	CHECK_HEX(img.entry, 0x400100);
	CHECK_EQ(img.segment_count, 2);
	CHECK_HEX(img.seg[0].vaddr, 0x400000);
	CHECK_HEX(img.seg[0].memsz, 0x200);
	CHECK_HEX(img.seg[0].file_offset, 0x200);
	CHECK_HEX(img.seg[0].filesz, 0x200);
	CHECK_EQ(img.seg[0].prot, PROT_READ | PROT_EXEC);
	CHECK_HEX(img.seg[1].vaddr, 0x401000);
	CHECK_HEX(img.seg[1].memsz, 0x2000);
	CHECK_HEX(img.seg[1].file_offset, 0x400);
	CHECK_HEX(img.seg[1].filesz, 0x10);
	CHECK_EQ(img.seg[1].prot, PROT_READ | PROT_WRITE);
}

static void valid_read_only_segment(void)
{
	make_valid();
	put_header(0x400100, 64, 3);
	put_phdr(2, PT_LOAD, PF_R, 0x600, 0x404000, 0x20, 0x20);
	CHECK_EQ(parse(), TS_OK);
	CHECK_EQ(img.segment_count, 3);
	CHECK_EQ(img.seg[2].prot, PROT_READ);
}

/* Note, stack, property, relro, null and phdr headers are skipped. */
static void ignored_header_types(void)
{
	make_valid();
	put_header(0x400100, 64, 8);
	put_phdr(2, PT_NOTE, PF_R, 0x600, 0x400000, 8, 8);
	put_phdr(3, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	put_phdr(4, PT_GNU_PROPERTY, PF_R, 0x600, 0x400000, 8, 8);
	put_phdr(5, PT_GNU_RELRO, PF_R, 0x400, 0x401000, 0x10, 0x10);
	put_phdr(6, 0, 0, 0, 0, 0, 0);
	put_phdr(7, PT_PHDR, PF_R, 64, 0x400040, 448, 448);
	CHECK_EQ(parse(), TS_OK);
	CHECK_EQ(img.segment_count, 2);
}

static void why_may_be_null(void)
{
	make_valid();
	CHECK_EQ(elf_parse(f, fsize, BASE, END, &img, NULL), TS_OK);
	f[0] = 0;
	CHECK_EQ(elf_parse(f, fsize, BASE, END, &img, NULL), TS_E_BADFORMAT);
}

static void null_arguments(void)
{
	make_valid();
	CHECK_EQ(elf_parse(NULL, fsize, BASE, END, &img, &why), TS_E_INVAL);
	CHECK_EQ(elf_parse(f, fsize, BASE, END, NULL, &why), TS_E_INVAL);
}

static void empty_user_range(void)
{
	make_valid();
	CHECK_EQ(elf_parse(f, fsize, END, BASE, &img, &why), TS_E_INVAL);
	CHECK_EQ(elf_parse(f, fsize, BASE, BASE, &img, &why), TS_E_INVAL);
}

/* A failed parse leaves *out as it was (check, then act). */
static void failure_leaves_out_untouched(void)
{
	struct elf_image before;

	make_valid();
	memset(&img, 0x5a, sizeof(img));
	before = img;
	put_phdr(1, PT_LOAD, PF_R | PF_W | PF_X, 0x400, 0x401000, 0x10, 0x2000);
	CHECK_EQ(parse(), TS_E_WX);
	CHECK_MEM(&img, &before, sizeof(img));
}

static void header_too_short(void)
{
	make_valid();
	fsize = 63;
	CHECK_REJECT(TS_E_BADFORMAT, "shorter");
	fsize = 0;
	CHECK_REJECT(TS_E_BADFORMAT, "shorter");
}

static void bad_magic(void)
{
	make_valid();
	f[1] = 'e';
	CHECK_REJECT(TS_E_BADFORMAT, "magic");
}

static void not_elfclass64(void)
{
	make_valid();
	f[4] = 1;
	CHECK_REJECT(TS_E_BADFORMAT, "ELFCLASS64");
}

static void not_little_endian(void)
{
	make_valid();
	f[5] = 2;
	CHECK_REJECT(TS_E_BADFORMAT, "little-endian");
}

static void bad_ident_version(void)
{
	make_valid();
	f[6] = 0;
	CHECK_REJECT(TS_E_BADFORMAT, "version");
}

static void bad_e_version(void)
{
	make_valid();
	put32(f + 20, 2);
	CHECK_REJECT(TS_E_BADFORMAT, "version");
}

static void not_et_exec(void)
{
	make_valid();
	put16(f + 16, 3);	/* ET_DYN */
	CHECK_REJECT(TS_E_BADFORMAT, "ET_EXEC");
	put16(f + 16, 1);	/* ET_REL */
	CHECK_REJECT(TS_E_BADFORMAT, "ET_EXEC");
}

static void not_x86_64(void)
{
	make_valid();
	put16(f + 18, 183);	/* EM_AARCH64 */
	CHECK_REJECT(TS_E_BADFORMAT, "x86-64");
}

static void bad_phentsize(void)
{
	make_valid();
	put16(f + 54, 64);
	CHECK_REJECT(TS_E_BADFORMAT, "e_phentsize");
}

static void phnum_zero(void)
{
	make_valid();
	put16(f + 56, 0);
	CHECK_REJECT(TS_E_BADFORMAT, "e_phnum");
}

static void phnum_over_64(void)
{
	make_valid();
	put16(f + 56, 65);
	fsize = sizeof(f);
	CHECK_REJECT(TS_E_BADFORMAT, "e_phnum");
	put16(f + 56, 0xffff);
	CHECK_REJECT(TS_E_BADFORMAT, "e_phnum");
}

/* 64 headers (62 of them PT_NULL) are still fine. */
static void phnum_64_accepted(void)
{
	int i;

	make_valid();
	for (i = 2; i < 64; i++)
		put_phdr(i, 0, 0, 0, 0, 0, 0);
	put_phdr(0, PT_LOAD, PF_R | PF_X, 0x1000, 0x400000, 0x200, 0x200);
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x1200, 0x401000, 0x10, 0x2000);
	put16(f + 56, 64);
	fsize = 0x1400;
	CHECK_EQ(parse(), TS_OK);
}

static void phdrs_outside_file(void)
{
	make_valid();
	fsize = 64 + 56 * 2 - 1;
	CHECK_REJECT(TS_E_BADFORMAT, "program headers outside");
	make_valid();
	put64(f + 32, fsize);	/* table starts at the end */
	CHECK_REJECT(TS_E_BADFORMAT, "program headers outside");
}

static void phoff_overflow(void)
{
	make_valid();
	put64(f + 32, UINT64_MAX - 50);
	CHECK_REJECT(TS_E_BADFORMAT, "program headers outside");
}

static void interp_rejected(void)
{
	make_valid();
	put_phdr(1, PT_INTERP, PF_R, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "PT_INTERP");
}

static void dynamic_rejected(void)
{
	make_valid();
	put_phdr(1, PT_DYNAMIC, PF_R | PF_W, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "PT_DYNAMIC");
}

static void tls_rejected(void)
{
	make_valid();
	put_phdr(1, PT_TLS, PF_R, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "PT_TLS");
}

static void unknown_type_rejected(void)
{
	make_valid();
	put_phdr(1, PT_SHLIB, PF_R, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "unknown");
	put_phdr(1, PT_GNU_EH_FRAME, PF_R, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "unknown");
	put_phdr(1, 0x70000000u, PF_R, 0x400, 0x401000, 0x10, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "unknown");
}

static void gnu_stack_exec(void)
{
	make_valid();
	put_header(0x400100, 64, 3);
	put_phdr(2, PT_GNU_STACK, PF_R | PF_W | PF_X, 0, 0, 0, 0);
	CHECK_REJECT(TS_E_WX, "executable stack");
}

static void load_filesz_over_memsz(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x20, 0x10);
	CHECK_REJECT(TS_E_BADFORMAT, "filesz");
}

static void load_memsz_zero(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0, 0);
	CHECK_REJECT(TS_E_BADFORMAT, "empty");
}

static void load_over_64mib(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x10, (64u << 20) + 1);
	CHECK_REJECT(TS_E_RANGE, "64 MiB");
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x10, UINT64_MAX);
	CHECK_REJECT(TS_E_RANGE, "64 MiB");
}

static void load_exactly_64mib(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x10, 64u << 20);
	CHECK_EQ(parse(), TS_OK);
}

static void load_data_outside_file(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x7f8, 0x401000, 0x10, 0x2000);
	CHECK_REJECT(TS_E_BADFORMAT, "outside file");
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x900, 0x401000, 0, 0x2000);
	CHECK_REJECT(TS_E_BADFORMAT, "outside file");
}

/* Data ending exactly at the end of the file is fine. */
static void load_data_ends_at_file_end(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x7f0, 0x401000, 0x10, 0x2000);
	CHECK_EQ(parse(), TS_OK);
}

static void load_offset_overflow(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, UINT64_MAX - 7, 0x401000, 0x10, 0x2000);
	CHECK_REJECT(TS_E_BADFORMAT, "outside file");
}

static void load_below_user_base(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, BASE - 0x1000, 0x10, 0x1000);
	CHECK_REJECT(TS_E_RANGE, "outside user space");
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0, 0x10, 0x1000);
	CHECK_REJECT(TS_E_RANGE, "outside user space");
}

static void load_above_user_end(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, END - 0x1000, 0x10, 0x1001);
	CHECK_REJECT(TS_E_RANGE, "outside user space");
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0xffff800000000000ull, 0x10, 0x1000);
	CHECK_REJECT(TS_E_RANGE, "outside user space");
}

/* A segment ending exactly at user_end is inside the range. */
static void load_ends_at_user_end(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, END - 0x2000, 0x10, 0x2000);
	CHECK_EQ(parse(), TS_OK);
}

/* vaddr + memsz wraps past 2^64 even with the widest user range. */
static void load_vaddr_overflow(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, UINT64_MAX - 0xff, 0x10, 0x1000);
	why = NULL;
	CHECK_EQ(elf_parse(f, fsize, BASE, UINT64_MAX, &img, &why), TS_E_RANGE);
	CHECK(why != NULL && strstr(why, "outside user space") != NULL);
}

static void load_not_readable(void)
{
	make_valid();
	put_phdr(0, PT_LOAD, PF_X, 0x200, 0x400000, 0x200, 0x200);
	CHECK_REJECT(TS_E_BADFORMAT, "not readable");
	make_valid();
	put_phdr(1, PT_LOAD, PF_W, 0x400, 0x401000, 0x10, 0x2000);
	CHECK_REJECT(TS_E_BADFORMAT, "not readable");
}

static void load_wx(void)
{
	make_valid();
	put_phdr(0, PT_LOAD, PF_R | PF_W | PF_X, 0x200, 0x400000, 0x200, 0x200);
	CHECK_REJECT(TS_E_WX, "writable and executable");
}

/* Writes n PT_LOADs one page apart, the first executable. */
static void make_loads(int n)
{
	int i;

	memset(f, 0, sizeof(f));
	put_header(0x400000, 64, (uint16_t)n);
	for (i = 0; i < n; i++)
		put_phdr(i, PT_LOAD, i == 0 ? PF_R | PF_X : PF_R,
		    0x1000, 0x400000 + 0x1000ull * i, 0x100, 0x100);
	fsize = 0x2000;
}

static void eight_loads_accepted(void)
{
	make_loads(8);
	CHECK_EQ(parse(), TS_OK);
	CHECK_EQ(img.segment_count, 8);
}

static void nine_loads_rejected(void)
{
	make_loads(9);
	CHECK_REJECT(TS_E_RANGE, "more than 8");
}

static void load_overlap(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x400100, 0x10, 0x10);
	CHECK_REJECT(TS_E_RANGE, "share a page");
	/* The second segment covers the first entirely. */
	put_phdr(1, PT_LOAD, PF_R, 0x400, BASE, 0x10, 0x5000);
	CHECK_REJECT(TS_E_RANGE, "share a page");
}

/* Disjoint in bytes but sharing a page still counts as overlap. */
static void load_share_page(void)
{
	make_valid();
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x400800, 0x10, 0x100);
	CHECK_REJECT(TS_E_RANGE, "share a page");
	/* Text ends at 0x400200; data starts in the page's last byte. */
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x400fff, 0x1, 0x1);
	CHECK_REJECT(TS_E_RANGE, "share a page");
}

static void load_adjacent_pages_accepted(void)
{
	make_valid();
	put_phdr(0, PT_LOAD, PF_R | PF_X, 0x200, 0x400000, 0x200, 0x1000);
	put_phdr(1, PT_LOAD, PF_R | PF_W, 0x400, 0x401000, 0x10, 0x10);
	CHECK_EQ(parse(), TS_OK);
}

static void no_load_segment(void)
{
	make_valid();
	put_phdr(0, PT_NOTE, PF_R, 0x200, 0, 8, 8);
	put_phdr(1, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	CHECK_REJECT(TS_E_BADFORMAT, "no PT_LOAD");
}

static void entry_outside_segments(void)
{
	make_valid();
	put64(f + 24, 0x500000);
	CHECK_REJECT(TS_E_RANGE, "entry");
	put64(f + 24, 0);
	CHECK_REJECT(TS_E_RANGE, "entry");
}

static void entry_not_executable(void)
{
	make_valid();
	put64(f + 24, 0x401008);	/* inside the R+W data */
	CHECK_REJECT(TS_E_RANGE, "entry");
}

/* The entry's segment is [vaddr, vaddr + memsz): the end is outside. */
static void entry_at_segment_end(void)
{
	make_valid();
	put64(f + 24, 0x400200);
	CHECK_REJECT(TS_E_RANGE, "entry");
	put64(f + 24, 0x4001ff);
	CHECK_EQ(parse(), TS_OK);
}

/* The committed linker-made binary (data/static_min.c says how). */
static void host_static_binary(void)
{
	static uint8_t buf[65536];
	FILE *fp = fopen("tests/unit/data/static_min.elf", "rb");
	size_t n;
	uint32_t i, exec = 0, writable = 0;

	CHECK(fp != NULL);
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	CHECK(n > 64 && n < sizeof(buf));
	why = NULL;
	CHECK_EQ(elf_parse(buf, n, BASE, END, &img, &why), TS_OK);
	CHECK(img.segment_count >= 2);
	for (i = 0; i < img.segment_count; i++) {
		exec += (img.seg[i].prot & PROT_EXEC) != 0;
		writable += (img.seg[i].prot & PROT_WRITE) != 0;
	}
	CHECK(exec >= 1 && writable >= 1);
	CHECK(img.entry >= 0x400000 && img.entry < 0x500000);
}

/* Returns 1 if a successful result keeps every promise of elf.h. */
static int image_sound(const struct elf_image *im, uint64_t size)
{
	const struct elf_segment *s, *t;
	uint32_t i, j;
	int entry_ok = 0;

	if (im->segment_count < 1 || im->segment_count > ELF_MAX_SEGMENTS)
		return 0;
	for (i = 0; i < im->segment_count; i++) {
		s = &im->seg[i];
		if ((s->prot & PROT_WRITE) && (s->prot & PROT_EXEC))
			return 0;
		if (s->vaddr < BASE || s->memsz > END - s->vaddr ||
		    s->filesz > s->memsz || s->file_offset > size ||
		    s->filesz > size - s->file_offset)
			return 0;
		if ((s->prot & PROT_EXEC) && im->entry >= s->vaddr &&
		    im->entry - s->vaddr < s->memsz)
			entry_ok = 1;
		for (j = 0; j < i; j++) {
			t = &im->seg[j];
			if ((s->vaddr >> 12) <= ((t->vaddr + t->memsz - 1) >> 12) &&
			    (t->vaddr >> 12) <= ((s->vaddr + s->memsz - 1) >> 12))
				return 0;
		}
	}
	return entry_ok;
}

/* 200,000 random byte mutations of valid files never break a promise. */
static void random_mutations_hold_invariants(void)
{
	uint64_t s = 12345, r;
	int i, k, ok = 0;

	for (i = 0; i < 200000; i++) {
		if (i % 2)
			make_valid();
		else
			make_loads(1 + (int)(i / 2 % 9));
		for (k = 0; k < 1 + (int)(i % 4); k++) {
			r = check_rand(&s);
			f[(r >> 8) % (64 + 56 * 9)] = (uint8_t)r;
		}
		fsize = check_rand(&s) % 4 == 0 ? check_rand(&s) % sizeof(f) : fsize;
		if (parse() == TS_OK) {
			ok++;
			if (!image_sound(&img, fsize)) {
				check_fail("iteration %d broke an invariant", i);
				return;
			}
		} else if (why == NULL) {
			check_fail("iteration %d failed without a reason", i);
			return;
		}
	}
	CHECK(ok > 1000);	/* the run did exercise the success path */
}

int main(void)
{
	check_begin("elf");
	CHECK_RUN(valid_two_segments);
	CHECK_RUN(valid_read_only_segment);
	CHECK_RUN(ignored_header_types);
	CHECK_RUN(why_may_be_null);
	CHECK_RUN(null_arguments);
	CHECK_RUN(empty_user_range);
	CHECK_RUN(failure_leaves_out_untouched);
	CHECK_RUN(header_too_short);
	CHECK_RUN(bad_magic);
	CHECK_RUN(not_elfclass64);
	CHECK_RUN(not_little_endian);
	CHECK_RUN(bad_ident_version);
	CHECK_RUN(bad_e_version);
	CHECK_RUN(not_et_exec);
	CHECK_RUN(not_x86_64);
	CHECK_RUN(bad_phentsize);
	CHECK_RUN(phnum_zero);
	CHECK_RUN(phnum_over_64);
	CHECK_RUN(phnum_64_accepted);
	CHECK_RUN(phdrs_outside_file);
	CHECK_RUN(phoff_overflow);
	CHECK_RUN(interp_rejected);
	CHECK_RUN(dynamic_rejected);
	CHECK_RUN(tls_rejected);
	CHECK_RUN(unknown_type_rejected);
	CHECK_RUN(gnu_stack_exec);
	CHECK_RUN(load_filesz_over_memsz);
	CHECK_RUN(load_memsz_zero);
	CHECK_RUN(load_over_64mib);
	CHECK_RUN(load_exactly_64mib);
	CHECK_RUN(load_data_outside_file);
	CHECK_RUN(load_data_ends_at_file_end);
	CHECK_RUN(load_offset_overflow);
	CHECK_RUN(load_below_user_base);
	CHECK_RUN(load_above_user_end);
	CHECK_RUN(load_ends_at_user_end);
	CHECK_RUN(load_vaddr_overflow);
	CHECK_RUN(load_not_readable);
	CHECK_RUN(load_wx);
	CHECK_RUN(eight_loads_accepted);
	CHECK_RUN(nine_loads_rejected);
	CHECK_RUN(load_overlap);
	CHECK_RUN(load_share_page);
	CHECK_RUN(load_adjacent_pages_accepted);
	CHECK_RUN(no_load_segment);
	CHECK_RUN(entry_outside_segments);
	CHECK_RUN(entry_not_executable);
	CHECK_RUN(entry_at_segment_end);
	CHECK_RUN(host_static_binary);
	CHECK_RUN(random_mutations_hold_invariants);
	return check_done();
}
