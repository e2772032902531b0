# boot/uefi/uefi.mk - Tessera's UEFI loader and the ESP it boots from,
# included by the top-level Makefile.
#
#   make uefi       $(O)/uefi/BOOTX64.EFI and $(O)/uefi/esp.img
#   make run-uefi   boot the measured path: OVMF + swtpm, under TCG
#   make pcrs       the PCR 8/9 values that booting esp.img will give
#
# The loader is built with gnu-efi (Debian's headers, crt0 and relocation
# code; the rest is ours) and carries the release public key, made from
# keys/dev-release.key (make devkey) into $(O)/gen/release_key.h.

EFI_INC := /usr/include/efi
EFI_LDS := /usr/lib/elf_x86_64_efi.lds
EFI_CRT0 := /usr/lib/crt0-efi-x86_64.o
EFI_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 \
	-ffreestanding -nostdinc -isystem $(CCINC) -isystem $(EFI_INC) \
	-isystem $(EFI_INC)/x86_64 -Iinclude/libc -Iinclude -I. -I$(O)/gen \
	-fpic -fshort-wchar -mno-red-zone -fno-stack-protector -fno-common \
	-fno-strict-aliasing -fno-asynchronous-unwind-tables \
	-mno-sse -mno-sse2 -mno-mmx -mno-avx -mno-80387 -DGNU_EFI_USE_MS_ABI \
	-ffile-prefix-map=$(CURDIR)=.
LOADER_SRCS := $(sort $(wildcard boot/uefi/*.c)) lib/bootset/bootset.c lib/string.c lib/fmt.c \
	lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/fe25519.c \
	lib/crypto/ed25519.c lib/crypto/equal.c
LOADER_OBJS := $(patsubst %,$(O)/efi/%.o,$(LOADER_SRCS))
LOADER := $(O)/uefi/BOOTX64.EFI
ESP := $(O)/uefi/esp.img
# What `make run-uefi` boots: the `make run` set, plus the TPM server.
UEFI_MODULES ?= init manifest.txt uart console auditor shell tpm
UEFI_CMDLINE ?= init

$(O)/efi/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC [efi] $<"
	@$(CC) $(EFI_CFLAGS) -MMD -MP -c $< -o $@
$(O)/efi/boot/uefi/main.c.o: $(O)/gen/release_key.h

$(O)/uefi/loader.so: $(LOADER_OBJS)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(LD) -nostdlib -znocombreloc -T $(EFI_LDS) -shared -Bsymbolic --build-id=none \
		-o $@ $(EFI_CRT0) $(LOADER_OBJS) -L/usr/lib -lgnuefi
$(LOADER): $(O)/uefi/loader.so
	@$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel \
		-j .rela -j .rel.* -j .rela.* -j .reloc --target efi-app-x86_64 \
		--subsystem=10 $< $@

UEFI_MODULE_FILES := $(foreach m,$(UEFI_MODULES),$(if $(findstring .,$(m)),$(O)/user/$(m),$(O)/user/$(m).elf))
$(ESP): $(LOADER) $(O)/kernel.bin $(UEFI_MODULE_FILES) tools/mkesp.py $(DEVKEY) | $(TSIGN)
	@echo "  ESP     $@"
	@$(PYTHON) tools/mkesp.py --build $(O) --loader $(LOADER) --tsign $(TSIGN) \
		--key $(DEVKEY) --out $@ --cmdline "$(UEFI_CMDLINE)" $(UEFI_MODULES)

.PHONY: uefi run-uefi pcrs
uefi: $(LOADER) $(ESP)

pcrs: $(ESP)
	@$(PYTHON) tools/pcr_predict.py $(ESP).stage/tessera

run-uefi: deps
	@$(MAKE) --no-print-directory image uefi
	@bash tools/run-uefi.sh $(O)
test-images: $(LOADER) $(TSIGN)
