# tests/fuzz/fuzz.mk - host libFuzzer targets, included by the top-level
# Makefile.
#
#   make fuzz-smoke [FUZZ_SECONDS=30]   build and run every target briefly
#
# A target is tests/fuzz/fuzz_<name>.c with its seed corpus in
# tests/fuzz/corpus/<name>/ and the sources it links in FUZZ_SRCS_<name>.
# Always built with clang (libFuzzer), whatever CC is.

RESULTS ?= $(O)/results
FUZZ_SECONDS ?= 30
FUZZ_CC := clang
FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Iinclude -I.

FUZZ_SRCS_elf := lib/elf/elf.c
FUZZ_SRCS_manifest := lib/manifest/manifest.c
FUZZ_SRCS_bootset := lib/bootset/bootset.c servers/tpm/tpm2.c
FUZZ_SRCS_ed25519_verify := lib/crypto/fe25519.c lib/crypto/sha512.c \
	lib/crypto/ed25519.c

FUZZ_NAMES := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS := $(patsubst %,$(O)/fuzz/fuzz_%,$(FUZZ_NAMES))
FUZZ_HDRS := $(sort $(wildcard include/abi/*.h lib/elf/*.h lib/crypto/*.h lib/manifest/*.h \
	lib/bootset/bootset.h servers/tpm/tpm2.h))

define fuzz_rule
$(O)/fuzz/fuzz_$(1): tests/fuzz/fuzz_$(1).c $(FUZZ_SRCS_$(1)) $(FUZZ_HDRS)
	@mkdir -p $$(dir $$@)
	$(FUZZ_CC) $$(FUZZ_CFLAGS) -o $$@ $$< $(FUZZ_SRCS_$(1))
endef
$(foreach n,$(FUZZ_NAMES),$(eval $(call fuzz_rule,$(n))))

.PHONY: fuzz-build fuzz-smoke
fuzz-build: $(FUZZ_BINS)

fuzz-smoke: fuzz-build
	@bash tests/fuzz/run_fuzz.sh $(O)/fuzz $(RESULTS) $(FUZZ_SECONDS) $(FUZZ_NAMES)
