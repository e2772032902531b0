# tests/unit/unit.mk - host unit tests, included by the top-level Makefile.
#
#   make unit-build   build every tests/unit/test_<name>.c into $(O)/unit/
#   make unit-test    run them; each case prints PASS/FAIL unit/<file>/<case>,
#                     and the lines are also appended to $(RESULTS)/unit.txt
#
# Tests use the host's C library (not include/libc) and run under ASan and
# UBSan.  A test links the pure modules named in UNIT_SRCS_<name>; to add a
# test, drop in tests/unit/test_<name>.c and add its UNIT_SRCS_<name> line
# (UNIT_LIBS_<name> and UNIT_CFLAGS_<name> if it needs them).

RESULTS ?= $(O)/results

UNIT_CFLAGS := -std=c11 -Wall -Wextra -Werror -g -O1 \
	-fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude -I.

UNIT_SRCS_chacha20 := lib/crypto/chacha20.c
UNIT_SRCS_chacha20_openssl := lib/crypto/chacha20.c
UNIT_LIBS_chacha20_openssl := -lcrypto
UNIT_SRCS_csprng := lib/crypto/chacha20.c lib/crypto/csprng.c
UNIT_SRCS_elf := lib/elf/elf.c
UNIT_SRCS_pool := kernel/pool.c
UNIT_SRCS_frame := kernel/frame.c
UNIT_SRCS_pte := kernel/arch/x86_64/pte.c
UNIT_SRCS_uaccess :=
UNIT_SRCS_fmt := lib/fmt.c
UNIT_SRCS_klog := kernel/logring.c
UNIT_SRCS_audit := kernel/audit.c
UNIT_CFLAGS_audit := -D_DEFAULT_SOURCE # strnlen, which the kernel's string.h has
UNIT_SRCS_manifest := lib/manifest/manifest.c
UNIT_SRCS_sha512 := lib/crypto/sha512.c
UNIT_SRCS_fe25519 := lib/crypto/fe25519.c
UNIT_SRCS_sha256 := lib/crypto/sha256.c
UNIT_SRCS_hmac := lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/hash.c \
	lib/crypto/hmac.c
UNIT_SRCS_hkdf := $(UNIT_SRCS_hmac) lib/crypto/hkdf.c
UNIT_SRCS_poly1305 := lib/crypto/poly1305.c
UNIT_SRCS_aead := lib/crypto/chacha20.c lib/crypto/poly1305.c \
	lib/crypto/equal.c lib/crypto/aead.c
UNIT_SRCS_sym_openssl := $(UNIT_SRCS_hkdf) $(UNIT_SRCS_aead)
UNIT_LIBS_sym_openssl := -lcrypto
UNIT_SRCS_tsign_encode := lib/encode.c
UNIT_SRCS_bootset := lib/bootset/bootset.c
UNIT_SRCS_tpm2 := servers/tpm/tpm2.c
UNIT_SRCS_x25519 := lib/crypto/fe25519.c lib/crypto/x25519.c
UNIT_SRCS_ed25519 := lib/crypto/fe25519.c lib/crypto/sha512.c
UNIT_SRCS_curve_openssl := lib/crypto/fe25519.c lib/crypto/sha512.c \
	lib/crypto/x25519.c lib/crypto/ed25519.c
UNIT_LIBS_curve_openssl := -lcrypto

UNIT_NAMES := $(sort $(patsubst tests/unit/test_%.c,%,$(wildcard tests/unit/test_*.c)))
UNIT_BINS := $(patsubst %,$(O)/unit/test_%,$(UNIT_NAMES))
# Any header change rebuilds every test: simple and cheap at this size.
UNIT_HDRS := $(sort $(wildcard tests/unit/*.h include/abi/*.h lib/crypto/*.h \
	lib/bootset/bootset.h servers/tpm/tpm2.h \
	lib/elf/*.h lib/manifest/*.h kernel/*.h kernel/arch/x86_64/*.h))

.PHONY: unit-build unit-test
unit-build: $(UNIT_BINS)

define unit_rule
$(O)/unit/test_$(1): tests/unit/test_$(1).c $(UNIT_SRCS_$(1)) $(UNIT_HDRS)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(UNIT_CFLAGS) $(UNIT_CFLAGS_$(1)) -o $$@ $$< $(UNIT_SRCS_$(1)) $(UNIT_LIBS_$(1))
endef
$(foreach n,$(UNIT_NAMES),$(eval $(call unit_rule,$(n))))

# Exit status 1 with FAIL lines is an ordinary failure; anything else
# (a sanitizer report, a signal, a silent 1) becomes its own FAIL line.
# The sanitizers are told to exit with 86 so their deaths stand out.
unit-test: unit-build
	@mkdir -p $(RESULTS)
	@status=0; for t in $(UNIT_BINS); do \
		name=$$(basename $$t); \
		ASAN_OPTIONS=exitcode=86:detect_leaks=1 UBSAN_OPTIONS=exitcode=86:print_stacktrace=1 \
			$$t > $$t.out; rc=$$?; \
		cat $$t.out; cat $$t.out >> $(RESULTS)/unit.txt; \
		if [ $$rc -ne 0 ] && { [ $$rc -ne 1 ] || ! grep -q '^FAIL' $$t.out; }; then \
			line="FAIL unit/$$name: exited with status $$rc"; \
			echo "$$line"; echo "$$line" >> $(RESULTS)/unit.txt; \
		fi; \
		[ $$rc -eq 0 ] || status=1; \
	done; exit $$status
