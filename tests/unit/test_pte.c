/*
 * test_pte.c - page-table-entry construction and effective permissions.
 */
#include <stdbool.h>
#include <stdint.h>

#include "kernel/arch/x86_64/pte.h"
#include "tests/unit/check.h"

#define FRAME 0x0000000123456000ull

/* What pte_leaf must do with perms, written independently of pte.c. */
static ts_status model_leaf(uint64_t phys, unsigned perms, uint64_t *want)
{
	if ((perms & MAP_W) && (perms & MAP_X))
		return TS_E_WX;
	if (perms > 31 || !(perms & MAP_R) || phys % 4096 || phys >= (1ull << 52))
		return TS_E_INVAL;
	*want = phys | PTE_P;
	*want |= (perms & MAP_W) ? PTE_W : 0;
	*want |= (perms & MAP_X) ? 0 : PTE_NX;
	*want |= (perms & MAP_USER) ? PTE_U : 0;
	*want |= (perms & MAP_UNCACHED) ? (PTE_PCD | PTE_PWT) : 0;
	return TS_OK;
}

/* All 64 perms values (valid and not) on several frame addresses. */
static void leaf_all_combinations(void)
{
	static const uint64_t phys[] = { 0, 0x1000, FRAME, (1ull << 52) - 4096 };
	uint64_t got, want;
	unsigned perms, i;
	ts_status st;

	for (i = 0; i < 4; i++) {
		for (perms = 0; perms < 64; perms++) {
			got = want = 0xdead;
			st = pte_leaf(phys[i], perms, &got);
			CHECK_EQ(st, model_leaf(phys[i], perms, &want));
			CHECK_HEX(got, want);
		}
	}
}

static void leaf_wx_refused(void)
{
	uint64_t e = 0;

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_W | MAP_X, &e), TS_E_WX);
	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_W | MAP_X | MAP_USER, &e), TS_E_WX);
	CHECK_EQ(pte_leaf(FRAME, MAP_W | MAP_X, &e), TS_E_WX);
	CHECK_HEX(e, 0);
}

static void leaf_invalid_no_read(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(FRAME, 0, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf(FRAME, MAP_W, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf(FRAME, MAP_X | MAP_USER, &e), TS_E_INVAL);
}

static void leaf_invalid_misaligned(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(FRAME + 1, MAP_R, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf(FRAME + 0x800, MAP_R, &e), TS_E_INVAL);
}

static void leaf_invalid_phys_too_high(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(1ull << 52, MAP_R, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf(1ull << 63, MAP_R, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf((1ull << 52) - 4096, MAP_R, &e), TS_OK);
}

static void leaf_invalid_unknown_bits(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(FRAME, MAP_R | 32, &e), TS_E_INVAL);
	CHECK_EQ(pte_leaf(FRAME, MAP_R | 0x80000000u, &e), TS_E_INVAL);
}

static void leaf_never_global(void)
{
	uint64_t e;
	unsigned perms;

	for (perms = 0; perms < 32; perms++)
		if (pte_leaf(FRAME, perms, &e) == TS_OK)
			CHECK(!(e & PTE_G) && !(e & PTE_PS) && !(e & PTE_A) && !(e & PTE_D));
}

static void leaf_examples(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(FRAME, MAP_R, &e), TS_OK);
	CHECK_HEX(e, FRAME | PTE_P | PTE_NX);
	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_X | MAP_USER, &e), TS_OK);
	CHECK_HEX(e, FRAME | PTE_P | PTE_U);
	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_W | MAP_UNCACHED, &e), TS_OK);
	CHECK_HEX(e, FRAME | PTE_P | PTE_W | PTE_NX | PTE_PCD | PTE_PWT);
}

static void table_entry(void)
{
	CHECK_HEX(pte_table(FRAME, false), FRAME | PTE_P | PTE_W);
	CHECK_HEX(pte_table(FRAME, true), FRAME | PTE_P | PTE_W | PTE_U);
	CHECK(!(pte_table(FRAME, true) & PTE_NX));
	CHECK_HEX(pte_table(FRAME | 0xfff, false), FRAME | PTE_P | PTE_W);
	CHECK_HEX(pte_table(FRAME | PTE_NX, false) & PTE_NX, 0);
}

/* What pte_effective must return, written independently of pte.c. */
static unsigned model_effective(const uint64_t *c, int n)
{
	unsigned r = MAP_R | MAP_W | MAP_X | MAP_USER;
	int i;

	for (i = 0; i < n; i++) {
		if (!(c[i] & PTE_P))
			return 0;
		if (!(c[i] & PTE_W))
			r &= ~(unsigned)MAP_W;
		if (c[i] & PTE_NX)
			r &= ~(unsigned)MAP_X;
		if (!(c[i] & PTE_U))
			r &= ~(unsigned)MAP_USER;
	}
	return r;
}

/* Every mix of P, W, U, NX over four levels (16^4 chains). */
static void effective_all_four_level_chains(void)
{
	static const uint64_t bits[4] = { PTE_P, PTE_W, PTE_U, PTE_NX };
	uint64_t chain[4];
	uint32_t combo, lvl, b;

	for (combo = 0; combo < 65536; combo++) {
		for (lvl = 0; lvl < 4; lvl++) {
			chain[lvl] = FRAME | PTE_A;
			for (b = 0; b < 4; b++)
				if ((combo >> (4 * lvl + b)) & 1)
					chain[lvl] |= bits[b];
		}
		CHECK_EQ(pte_effective(chain, 4), model_effective(chain, 4));
	}
}

static void effective_leaf_only(void)
{
	uint64_t e;

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_X, &e), TS_OK);
	CHECK_EQ(pte_effective(&e, 1), MAP_R | MAP_X);
}

static void effective_not_present(void)
{
	uint64_t c[4] = { pte_table(FRAME, true), pte_table(FRAME, true),
	    pte_table(FRAME, true), 0 };
	int i;

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_W | MAP_USER, &c[3]), TS_OK);
	CHECK_EQ(pte_effective(c, 4), MAP_R | MAP_W | MAP_USER);
	for (i = 0; i < 4; i++) {
		c[i] &= ~PTE_P;
		CHECK_EQ(pte_effective(c, 4), 0);
		c[i] |= PTE_P;
	}
}

/* A read-only upper level hides a writable leaf. */
static void effective_hides_w_upper(void)
{
	uint64_t c[4] = { pte_table(FRAME, false) & ~PTE_W,
	    pte_table(FRAME, false), pte_table(FRAME, false), 0 };

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_W, &c[3]), TS_OK);
	CHECK_EQ(pte_effective(c, 4), MAP_R);
}

/* NX at an upper level hides an executable leaf. */
static void effective_hides_x_upper(void)
{
	uint64_t c[4] = { pte_table(FRAME, false),
	    pte_table(FRAME, false) | PTE_NX, pte_table(FRAME, false), 0 };

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_X, &c[3]), TS_OK);
	CHECK_EQ(pte_effective(c, 4), MAP_R);
}

/* A supervisor-only upper level hides a user leaf. */
static void effective_hides_user_upper(void)
{
	uint64_t c[4] = { pte_table(FRAME, true), pte_table(FRAME, true),
	    pte_table(FRAME, false), 0 };

	CHECK_EQ(pte_leaf(FRAME, MAP_R | MAP_USER, &c[3]), TS_OK);
	CHECK_EQ(pte_effective(c, 4), MAP_R);
}

/* W from one level and X from another do not combine unless both hold. */
static void effective_wx_detected(void)
{
	uint64_t c[4] = { PTE_P | PTE_W, PTE_P | PTE_W, PTE_P | PTE_W,
	    FRAME | PTE_P | PTE_W };

	CHECK(pte_effective_is_wx(pte_effective(c, 4)));
	c[3] |= PTE_NX;
	CHECK(!pte_effective_is_wx(pte_effective(c, 4)));
	c[3] &= ~PTE_NX;
	c[1] &= ~PTE_W;
	CHECK(!pte_effective_is_wx(pte_effective(c, 4)));
	/* A shorter walk (a large page) is judged on its own levels. */
	CHECK(pte_effective_is_wx(pte_effective(c + 2, 2)));
}

/* Chains built the kernel's way grant exactly the leaf's request. */
static void effective_of_built_chains(void)
{
	uint64_t c[4];
	unsigned perms, want;

	for (perms = 0; perms < 32; perms++) {
		c[0] = c[1] = c[2] = pte_table(FRAME, true);
		if (pte_leaf(FRAME, perms, &c[3]) != TS_OK)
			continue;
		want = perms & (MAP_R | MAP_W | MAP_X | MAP_USER);
		CHECK_EQ(pte_effective(c, 4), want);
		CHECK(!pte_effective_is_wx(pte_effective(c, 4)));
	}
}

static void effective_bad_levels(void)
{
	uint64_t c[6] = { PTE_P, PTE_P, PTE_P, PTE_P, PTE_P, PTE_P };

	CHECK_EQ(pte_effective(c, 0), 0);
	CHECK_EQ(pte_effective(c, -1), 0);
	CHECK_EQ(pte_effective(c, 6), 0);
	CHECK_EQ(pte_effective(NULL, 4), 0);
	CHECK_EQ(pte_effective(c, 5), MAP_R | MAP_X);
}

static void is_wx_cases(void)
{
	unsigned eff;

	for (eff = 0; eff < 32; eff++)
		CHECK_EQ(pte_effective_is_wx(eff), (eff & 6) == 6);
}

int main(void)
{
	check_begin("pte");
	CHECK_RUN(leaf_all_combinations);
	CHECK_RUN(leaf_wx_refused);
	CHECK_RUN(leaf_invalid_no_read);
	CHECK_RUN(leaf_invalid_misaligned);
	CHECK_RUN(leaf_invalid_phys_too_high);
	CHECK_RUN(leaf_invalid_unknown_bits);
	CHECK_RUN(leaf_never_global);
	CHECK_RUN(leaf_examples);
	CHECK_RUN(table_entry);
	CHECK_RUN(effective_all_four_level_chains);
	CHECK_RUN(effective_leaf_only);
	CHECK_RUN(effective_not_present);
	CHECK_RUN(effective_hides_w_upper);
	CHECK_RUN(effective_hides_x_upper);
	CHECK_RUN(effective_hides_user_upper);
	CHECK_RUN(effective_wx_detected);
	CHECK_RUN(effective_of_built_chains);
	CHECK_RUN(effective_bad_levels);
	CHECK_RUN(is_wx_cases);
	return check_done();
}
