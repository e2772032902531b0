# tools/release.mk - signed releases (B3), included by the top-level
# Makefile.
#
#   make release          $(RELEASE_DIR): the UEFI ESP, the Multiboot kernel,
#                         modules and signed boot set, the predicted PCRs,
#                         SHA256SUMS and SHA256SUMS.sig (tools/release.sh)
#   make release-verify   checks $(RELEASE_DIR) against the release key
#                         (tools/release_verify.sh)
#
# The release boots what `make run-uefi` boots: $(UEFI_MODULES), command
# line $(UEFI_CMDLINE).

RELEASE_DIR ?= $(O)/release

.PHONY: release release-verify
release: image $(ESP) $(TSIGN) $(DEVKEY)
	@bash tools/release.sh $(O) $(RELEASE_DIR) "$(UEFI_CMDLINE)" $(UEFI_MODULES)

release-verify: $(TSIGN) $(DEVKEY)
	@bash tools/release_verify.sh $(RELEASE_DIR) $$($(TSIGN) pub $(DEVKEY)) $(TSIGN)
