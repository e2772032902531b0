# tests/host/host.mk - tests of the host tools, included by the top-level
# Makefile.
#
#   make host-test   run tests/host/<tool>.sh against the built tools; each
#                    case prints PASS/FAIL host/<tool>/<case>, also appended
#                    to $(RESULTS)/host.txt
#
# A script that dies without printing a FAIL line becomes one FAIL line.

.PHONY: host-test
host-test: $(TSIGN)
	@mkdir -p $(RESULTS)
	@status=0; for s in $(sort $(wildcard tests/host/*.sh)); do \
		name=$$(basename $$s .sh); out=$(O)/host/$$name-test.out; \
		bash $$s $(TSIGN) > $$out; rc=$$?; \
		cat $$out; cat $$out >> $(RESULTS)/host.txt; \
		if [ $$rc -ne 0 ] && ! grep -q '^FAIL' $$out; then \
			line="FAIL host/$$name: exited with status $$rc"; \
			echo "$$line"; echo "$$line" >> $(RESULTS)/host.txt; \
		fi; \
		[ $$rc -eq 0 ] || status=1; \
	done; exit $$status
