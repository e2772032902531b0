# tests/proofs/prove.mk - machine-checked proofs (Frama-C WP), included by
# the top-level Makefile.
#
#   make prove     prove the ACSL contracts of the kernel functions listed
#                  in tests/proofs/prove.sh; one PASS/FAIL prove/<file>/<fn>
#                  line per function, also appended to $(RESULTS)/prove.txt,
#                  plus the self-test prove/selftest-broken-contract-detected
#                  and BENCH prove_goals / prove_seconds.  Exits non-zero if
#                  any goal is unproved (make test runs it with || true and
#                  lets the tally decide).
#
# Needs frama-c-base, why3, z3 and cvc4 (tools/install-deps.sh).

RESULTS ?= $(O)/results

.PHONY: prove
prove:
	@bash tests/proofs/prove.sh $(RESULTS)
