/*
 * Exercises SYS_MAP_FRAME (device memory through a CAP_FRAME capability,
 * A4).  Three copies run from tests/system/manifests/mmio: one holds the
 * TPM window read-only, one read-write (and a spawn capability, only to
 * read the frame counters), one holds nothing.  Each tries what its
 * capability must not allow; the read-only one finally writes through its
 * mapping, which must fault.
 */
#include "attack.h"
#include "user/lib/sysctl.h"

#define VA 0x30000000ull
#define PAGES TPM_TIS_PAGES
#define SLOT_FRAME 0
#define SLOT_SPAWN 1

static uint64_t frames_free(void)
{
	struct sys_info si;

	return sys_sys_info(SLOT_SPAWN, &si) == TS_OK ? si.frames_free : 0;
}

static void no_window(void)
{
	expect_true(sys_map_frame(SLOT_FRAME, VA, 4096, PROT_READ) == TS_E_NOENT,
		    "none: map without a frame capability -> E_NOENT");
	expect_true(sys_map_frame(64, VA, 4096, PROT_READ) == TS_E_RANGE,
		    "none: slot 64 -> E_RANGE");
	printf("mmio none done\n");
}

static void read_only(void)
{
	expect_true(sys_map_frame(SLOT_FRAME, VA, 4096, PROT_READ | PROT_WRITE) ==
		    TS_E_RIGHTS, "ro: writable map of a read-only window -> E_RIGHTS");
	expect_true(sys_map_frame(SLOT_FRAME, VA, 4096, PROT_READ) == TS_OK,
		    "ro: read-only map -> OK");
	(void)*(volatile uint32_t *)VA; /* TIS access register: readable */
	printf("mmio ro read ok\n");
	TRYING("write through a read-only device mapping");
	*(volatile uint32_t *)VA = 0x2;
	survived("wrote a read-only device page");
}

static void read_write(void)
{
	uint64_t before, after;

	expect_true(sys_map_frame(SLOT_FRAME, VA, 4096, PROT_READ | PROT_EXEC) ==
		    TS_E_WX, "rw: executable device memory -> E_WX");
	expect_true(sys_map_frame(SLOT_FRAME, VA, (PAGES + 1) * 4096ull, PROT_READ) ==
		    TS_E_RANGE, "rw: longer than the window -> E_RANGE");
	expect_true(sys_map_frame(SLOT_FRAME, VA + 1, 4096, PROT_READ) == TS_E_INVAL,
		    "rw: misaligned address -> E_INVAL");
	expect_true(sys_map_frame(SLOT_FRAME, 0xffffffff80000000ull, 4096,
				  PROT_READ) == TS_E_RANGE,
		    "rw: kernel address -> E_RANGE");
	expect_true(sys_map_frame(SLOT_FRAME, 0x400000, 4096, PROT_READ) ==
		    TS_E_EXISTS, "rw: over its own text -> E_EXISTS");
	expect_true(sys_map_frame(SLOT_SPAWN, VA, 4096, PROT_READ) == TS_E_TYPE,
		    "rw: spawn capability as a frame -> E_TYPE");
	expect_true(sys_map_frame(SLOT_FRAME, VA, PAGES * 4096ull,
				  PROT_READ | PROT_WRITE) == TS_OK,
		    "rw: whole window read-write -> OK");
	/* Unmap all but the last page, so the page table stays (unmapping
	 * frees tables that become empty) and only leaf pages could count. */
	before = frames_free();
	expect_true(sys_unmap(VA, (PAGES - 1) * 4096ull) == TS_OK, "rw: unmap -> OK");
	after = frames_free();
	sys_unmap(VA + (PAGES - 1) * 4096ull, 4096);
	/* Device pages are not RAM: unmapping them must give nothing back. */
	expect_true(before != 0 && before == after,
		    "rw: unmapping device pages frees no frame");
	printf("frames free %lu before unmap, %lu after\n",
	       (unsigned long)before, (unsigned long)after);
	expect_true(sys_map_frame(SLOT_FRAME, VA, 4096, PROT_READ) == TS_OK,
		    "rw: map again after unmap -> OK");
	printf("mmio rw done\n");
}

int main(void)
{
	struct cap_info ci;

	if (sys_cap_info(SLOT_FRAME, &ci) != TS_OK || ci.type != CAP_FRAME)
		no_window();
	else if (!(ci.rights & CAP_R_WRITE))
		read_only();
	else
		read_write();
	return 0;
}
