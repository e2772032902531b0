# tools/tsign/tsign.mk - the host signing tool, included by the top-level
# Makefile.
#
#   make tsign      build $(O)/host/tsign (host libc; our lib/crypto Ed25519)
#   make devkey     make the local development release key if it is missing
#
# The dev key is generated on this machine on first use and never
# committed (keys/ is in .gitignore).

HOST_CC ?= $(CC)
HOST_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -g -Iinclude -I. \
	-ffile-prefix-map=$(CURDIR)=.
TSIGN := $(O)/host/tsign
TSIGN_SRCS := tools/tsign/tsign.c lib/encode.c lib/crypto/sha512.c \
	lib/crypto/fe25519.c lib/crypto/ed25519.c
DEVKEY ?= keys/dev-release.key

.PHONY: tsign devkey
tsign: $(TSIGN)

$(TSIGN): $(TSIGN_SRCS) $(wildcard tools/tsign/*.h lib/encode.h lib/crypto/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOST_CC) $(HOST_CFLAGS) -o $@ $(TSIGN_SRCS)

# Order-only on the tool: a rebuilt tsign must not try to regenerate (and
# be refused overwriting) an existing key.
devkey: $(DEVKEY)
$(DEVKEY): | $(TSIGN)
	@mkdir -p -m 700 $(dir $@)
	@$(TSIGN) keygen $@
	@echo "  KEYGEN  $@ (public key $$($(TSIGN) pub $@))"

# The release public key as C, for the UEFI loader and the kernel (both
# check the boot set against it).
$(O)/gen/release_key.h: $(DEVKEY) | $(TSIGN)
	@mkdir -p $(dir $@)
	@$(TSIGN) pub $(DEVKEY) | $(PYTHON) -c 'import sys; k = sys.stdin.read().strip(); \
		print("/* generated from the public half of $(DEVKEY) */"); \
		print("static const uint8_t release_key[32] = {"); \
		print(", ".join("0x" + k[i:i + 2] for i in range(0, 64, 2))); print("};")' > $@
