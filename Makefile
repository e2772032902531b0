# Tessera top-level Makefile.
#
#   make            build the kernel image and every boot module (gcc)
#   make CC=clang   the same with clang (separate build folder)
#   make run        install what is missing, build, boot in QEMU (Ctrl-A X quits)
#   make test       install what is missing, build, run every test
#   make bench      figures (BENCH lines), never asserted
#   make fuzz-smoke run each host fuzz target briefly
#   make tsign      the host signing tool (tools/tsign/); make devkey: local dev key
#   make release    signed images, predicted PCRs, signed SHA256SUMS (B3)
#
# Builds are deterministic: fixed flags, -ffile-prefix-map, no build ids,
# SOURCE_DATE_EPOCH pinned, sorted inputs.

ifeq ($(origin CC),default)
CC := gcc
endif
CCNAME := $(notdir $(firstword $(CC)))
O := build/$(CCNAME)
LD := ld
OBJCOPY := objcopy
PYTHON ?= python3
export SOURCE_DATE_EPOCH ?= 1767225600
export LC_ALL := C

CCINC := $(shell $(CC) -print-file-name=include)

# Flags shared by everything that goes into the boot image.
IMAGE_CFLAGS := -std=c11 -Wall -Wextra -Werror -O2 -g \
	-ffreestanding -nostdinc -isystem $(CCINC) -Iinclude/libc -Iinclude -I. \
	-fno-stack-protector -fno-pic -fno-pie -fno-common \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-omit-frame-pointer -fno-strict-aliasing \
	-mno-sse -mno-sse2 -mno-mmx -mno-avx -mno-80387 \
	-ffile-prefix-map=$(CURDIR)=. -fdebug-prefix-map=$(CURDIR)=.

# Ring 0: higher half, no red zone (interrupts reuse the stack), no SSE.
KERNEL_CFLAGS := $(IMAGE_CFLAGS) -mcmodel=kernel -mno-red-zone -DTESSERA_KERNEL
# Ring 3: ordinary small model; the FPU/SSE unit is disabled for user space
# too (no state to leak between processes), so no SSE there either.
USER_CFLAGS := $(IMAGE_CFLAGS) -mcmodel=small -DTESSERA_USER
LDFLAGS_COMMON := -nostdlib -z noexecstack --build-id=none -z max-page-size=4096

.PHONY: repro-check
.PHONY: all run test bench fuzz-smoke clean deps unit-test system-test claims soak
all: image

# ---------------------------------------------------------------- kernel
KERNEL_SRCS := $(sort $(wildcard kernel/*.c kernel/arch/x86_64/*.c \
	boot/multiboot/*.c boot/uefi-entry/*.c)) lib/string.c lib/fmt.c lib/crypto/chacha20.c \
	lib/crypto/csprng.c lib/elf/elf.c lib/bootset/bootset.c lib/crypto/sha256.c \
	lib/crypto/sha512.c lib/crypto/fe25519.c lib/crypto/ed25519.c
KERNEL_ASMS := $(sort $(wildcard kernel/arch/x86_64/*.S boot/multiboot/*.S \
	boot/uefi-entry/*.S))
KERNEL_OBJS := $(patsubst %,$(O)/k/%.o,$(KERNEL_SRCS) $(KERNEL_ASMS))

$(O)/k/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KERNEL_CFLAGS) $(KERNEL_EXTRA) -MMD -MP -c $< -o $@
$(O)/k/%.S.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@

# The kernel checks the Multiboot boot set against the release public key
# (kernel/verify.c; the rule for release_key.h is in tools/tsign/tsign.mk).
$(O)/k/kernel/verify.c.o $(O)/k-hooks/kernel/verify.c.o: $(O)/gen/release_key.h
$(O)/k/kernel/verify.c.o $(O)/k-hooks/kernel/verify.c.o: KERNEL_EXTRA += -I$(O)/gen

$(O)/kernel.elf: $(KERNEL_OBJS) kernel/arch/x86_64/kernel.ld
	@echo "  LD      $@"
	@$(LD) $(LDFLAGS_COMMON) -n -T kernel/arch/x86_64/kernel.ld -o $@ $(KERNEL_OBJS)
$(O)/kernel.bin: $(O)/kernel.elf
	@$(OBJCOPY) -O binary $< $@

# Test-only kernel variant (-DTEST_HOOKS): on request from the command
# line it plants a W+X mapping (for the page-table scanner's negative test)
# or faults in ring 0 (for the panic test).  Never shipped.
HOOK_OBJS := $(patsubst $(O)/k/%,$(O)/k-hooks/%,$(KERNEL_OBJS))
$(O)/k-hooks/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC [h]  $<"
	@$(CC) $(KERNEL_CFLAGS) $(KERNEL_EXTRA) -DTEST_HOOKS -MMD -MP -c $< -o $@
$(O)/k-hooks/%.S.o: %.S
	@mkdir -p $(dir $@)
	@$(CC) $(KERNEL_CFLAGS) -DTEST_HOOKS -MMD -MP -c $< -o $@
$(O)/kernel-testhooks.elf: $(HOOK_OBJS) kernel/arch/x86_64/kernel.ld
	@$(LD) $(LDFLAGS_COMMON) -n -T kernel/arch/x86_64/kernel.ld -o $@ $(HOOK_OBJS)
$(O)/kernel-testhooks.bin: $(O)/kernel-testhooks.elf
	@$(OBJCOPY) -O binary $< $@

# ---------------------------------------------------------------- user
ULIB_SRCS := $(sort $(wildcard user/lib/*.c)) lib/string.c lib/fmt.c \
	$(wildcard lib/manifest/manifest.c) lib/encode.c
# The symmetric crypto (hashes, MACs, KDF, AEAD) for the servers that will
# need it; in the archive, so a program links only what it calls, and the
# image build (gcc and clang) holds it to the image's warning flags.
ULIB_SRCS += lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/hash.c \
	lib/crypto/hmac.c lib/crypto/hkdf.c lib/crypto/poly1305.c \
	lib/crypto/equal.c lib/crypto/aead.c lib/crypto/chacha20.c \
	lib/crypto/fe25519.c lib/crypto/ed25519.c
ULIB_ASMS := $(sort $(wildcard user/lib/*.S))
ULIB_OBJS := $(patsubst %,$(O)/u/%.o,$(ULIB_SRCS) $(ULIB_ASMS))
# An archive, so each program links only the members it uses; crt0 is
# linked explicitly since nothing refers to _start.
ULIB := $(O)/libuser.a
CRT0 := $(O)/u/user/lib/crt0.S.o
$(ULIB): $(filter-out $(CRT0),$(ULIB_OBJS))
	@rm -f $@
	@ar rcD $@ $^

$(O)/u/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC [u]  $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@
$(O)/u/%.S.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS [u]  $<"
	@$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

# One ELF per program folder: servers/<name>/*.c -> $(O)/user/<name>.elf,
# tests/system/progs/<name>.c -> $(O)/user/<name>.elf.
SERVERS := $(sort $(patsubst servers/%/main.c,%,$(wildcard servers/*/main.c)))
TESTPROGS := $(sort $(basename $(notdir $(wildcard tests/system/progs/*.c))))
USER_ELFS := $(patsubst %,$(O)/user/%.elf,$(SERVERS) $(TESTPROGS))

define server_rule
$(O)/user/$(1).elf: $(patsubst %,$(O)/u/%.o,$(sort $(wildcard servers/$(1)/*.c))) $(CRT0) $(ULIB) user/lib/user.ld
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	@$(LD) $(LDFLAGS_COMMON) -z separate-code -T user/lib/user.ld -o $$@ $$(filter %.o,$$^) $(ULIB)
endef
$(foreach s,$(SERVERS),$(eval $(call server_rule,$(s))))
# A test program may bring its own linker script (e.g. to ask for a W+X
# segment the loader must refuse).
$(O)/user/%.elf: $(O)/u/tests/system/progs/%.c.o $(CRT0) $(ULIB) user/lib/user.ld
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(LD) $(LDFLAGS_COMMON) $(PROG_LDFLAGS) -z separate-code \
		-T $(or $(wildcard tests/system/progs/$*.ld),user/lib/user.ld) \
		-o $@ $(filter %.o,$^) $(ULIB)

# Kernel addresses for the attack programs that aim at the trampoline
# pages (the layout is fixed, so these are facts, not secrets).
$(O)/gen/kernel_syms.h: $(O)/kernel.elf
	@mkdir -p $(dir $@)
	@nm $< | awk '$$3 == "_entry_text_start" { print "#define KSYM_ENTRY_TEXT 0x" $$1 "ull" } \
		$$3 == "entry_stack_top" { print "#define KSYM_ENTRY_STACK_TOP 0x" $$1 "ull" }' > $@
$(O)/u/tests/system/progs/%.c.o: USER_CFLAGS += -I$(O)/gen
$(O)/u/tests/system/progs/attack_read_trampoline.c.o \
$(O)/u/tests/system/progs/attack_write_entry_stack.c.o: $(O)/gen/kernel_syms.h

# The syscall fuzzer (tests/system/progs/sysfuzz.c): one source, built
# with three call counts; each variant is sysfuzz.elf in its own folder so
# its boot module is still named "sysfuzz" (the manifest's module name).
#   sysfuzz.elf            make test under TCG (syscall_fuzz.case)
#   fuzzsmall/sysfuzz.elf  the same case's short form under KVM
#   fuzzsoak/sysfuzz.elf   make soak
# make SYSFUZZ_SEED=0x... fixes the seed (0: drawn at boot and printed).
SYSFUZZ_SEED ?= 0
SYSFUZZ_CALLS_small := 1500
SYSFUZZ_CALLS_soak := 3400000
SYSFUZZ_VARIANTS := $(O)/user/fuzzsmall/sysfuzz.elf $(O)/user/fuzzsoak/sysfuzz.elf
$(O)/gen/sysfuzz_seed.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define SYSFUZZ_SEED $(SYSFUZZ_SEED)ull' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:
$(O)/u/tests/system/progs/sysfuzz.c.o: $(O)/gen/kernel_syms.h $(O)/gen/sysfuzz_seed.h
$(O)/u/fuzz%/sysfuzz.c.o: tests/system/progs/sysfuzz.c $(O)/gen/kernel_syms.h $(O)/gen/sysfuzz_seed.h
	@mkdir -p $(dir $@)
	@echo "  CC [u]  $< ($*)"
	@$(CC) $(USER_CFLAGS) -I$(O)/gen -DSYSFUZZ_CALLS=$(SYSFUZZ_CALLS_$*) -MMD -MP -c $< -o $@
$(O)/user/fuzz%/sysfuzz.elf: $(O)/u/fuzz%/sysfuzz.c.o $(CRT0) $(ULIB) user/lib/user.ld
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(LD) $(LDFLAGS_COMMON) -z separate-code -T user/lib/user.ld -o $@ $(filter %.o,$^) $(ULIB)

# bad_wx asks for an RWX segment on purpose; ld need not warn about it.
$(O)/user/bad_wx.elf: PROG_LDFLAGS := --no-warn-rwx-segments

# Malformed boot modules for the loader's system tests.
BAD_MODULES := $(O)/user/bad_truncated.elf $(O)/user/bad_garbage.elf
$(O)/user/bad_truncated.elf: $(O)/user/init.elf
	@head -c 200 $< > $@
$(O)/user/bad_garbage.elf: tests/system/progs/bad_garbage.txt
	@cp $< $@

# Boot modules that are data, not programs.
# Test manifests: tests/system/manifests/<name>/manifest.txt is booted as
# <build>/user/<name>/manifest.txt (the module is named by its base name).
TEST_MANIFESTS := $(patsubst tests/system/manifests/%,$(O)/user/%,\
	$(wildcard tests/system/manifests/*/manifest.txt))
# Principals (D1/D3, docs/IDENTITY.md): "principal <name> dev" in a
# manifest gets the public key of keys/principals/<name>.key (made here on
# first use, never committed); the key store's sealed module carries the
# seeds of all of them.
PRINCIPAL_KEYS ?= keys/principals
SEALED := $(O)/user/keystore-sealed.bin
DATA_MODULES := $(O)/user/manifest.txt $(TEST_MANIFESTS) $(SEALED)
$(O)/user/manifest.txt: servers/init/manifest.txt tools/principals.py | $(O)/host/tsign
	@mkdir -p $(dir $@)
	@python3 tools/principals.py fill $(PRINCIPAL_KEYS) $(O)/host/tsign $< $@
$(O)/user/%/manifest.txt: tests/system/manifests/%/manifest.txt tools/principals.py | $(O)/host/tsign
	@mkdir -p $(dir $@)
	@python3 tools/principals.py fill $(PRINCIPAL_KEYS) $(O)/host/tsign $< $@
$(SEALED): $(O)/user/manifest.txt $(TEST_MANIFESTS) $(wildcard $(PRINCIPAL_KEYS)/*.key)
	@echo "  SEAL    $@"
	@python3 tools/principals.py seal $(PRINCIPAL_KEYS) $@
.PHONY: principals
principals: $(SEALED)

image: $(O)/kernel.bin $(USER_ELFS) $(SYSFUZZ_VARIANTS) $(DATA_MODULES)
.PHONY: image test-images
test-images: image $(O)/kernel-testhooks.bin $(BAD_MODULES)

-include $(shell find $(O) -name '*.d' 2>/dev/null)

# ---------------------------------------------------------------- tests
include tests/unit/unit.mk
include tests/fuzz/fuzz.mk
include tests/proofs/prove.mk
include tools/tsign/tsign.mk
include boot/uefi/uefi.mk
include tests/host/host.mk
include tools/release.mk

RESULTS := $(O)/results

deps:
	@bash tools/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory image
	@bash tools/run-qemu.sh $(O) $(RUN_ACCEL)

system-test: test-images
	@mkdir -p $(RESULTS)
	$(PYTHON) tests/system/harness.py --build $(O) --results $(RESULTS)/system.txt

test: deps
	@rm -rf $(RESULTS) && mkdir -p $(RESULTS)
	@$(MAKE) --no-print-directory test-images
	@$(MAKE) --no-print-directory CC=clang image unit-build tsign >/dev/null && echo "PASS build/clang-warning-free" >> $(RESULTS)/build.txt || echo "FAIL build/clang-warning-free" >> $(RESULTS)/build.txt
	@$(MAKE) --no-print-directory -k unit-test RESULTS=$(RESULTS) || true
	@$(MAKE) --no-print-directory -k host-test RESULTS=$(RESULTS) || true
	@$(MAKE) --no-print-directory -k system-test RESULTS=$(RESULTS) || true
	@$(PYTHON) tools/soak.py --from-log $(O)/system-logs/syscall_fuzz.tcg.log 2>/dev/null || true
	@echo "system tests of the clang-built kernel (TCG):"
	@$(MAKE) --no-print-directory CC=clang test-images >/dev/null
	@$(PYTHON) tests/system/harness.py --build build/clang --accel tcg \
		--results $(RESULTS)/system-clang.txt | grep -v '^PASS' || true
	@$(MAKE) --no-print-directory -k fuzz-smoke RESULTS=$(RESULTS) || true
	@$(MAKE) --no-print-directory -k prove RESULTS=$(RESULTS) || true
	@bash tools/repro_check.sh $(RESULTS) || true
	@$(PYTHON) tools/claims.py $(RESULTS) | grep -v '^PASS' || true
	@bash tools/tally.sh $(RESULTS)

# B2: two builds in two folders, compared artifact by artifact.
repro-check: deps
	@bash tools/repro_check.sh $(RESULTS)

# docs/CLAIMS.md against the results of the last make test.
claims:
	@$(PYTHON) tools/claims.py $(RESULTS)

bench: deps
	@$(MAKE) --no-print-directory test-images
	$(PYTHON) tools/bench/boot_time.py --build $(O)
	$(PYTHON) tools/bench/ipc.py --build $(O)

# Over ten million random syscalls from three fuzzers beside a bystander,
# with every check of a test boot (tools/soak.py; SOAK_ACCEL=kvm to try
# KVM, SOAK_VARIANT=fuzzsmall for a short run).  Fails on any kernel
# fault, scanner violation or accounting mismatch.
SOAK_ACCEL ?= tcg
SOAK_VARIANT ?= fuzzsoak
soak: deps
	@$(MAKE) --no-print-directory test-images
	$(PYTHON) tools/soak.py --build $(O) --accel $(SOAK_ACCEL) --variant $(SOAK_VARIANT)

clean:
	rm -rf build
