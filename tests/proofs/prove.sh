#!/usr/bin/env bash
# prove.sh - run Frama-C WP over the annotated kernel functions (make prove).
#
#   tests/proofs/prove.sh <results-dir>
#
# For each proof unit below, runs WP (with -wp-rte, so the absence of
# runtime errors is proved too) on the REAL kernel source and prints, per
# function:
#   PASS prove/<file>/<function> (<n> goals)
#   FAIL prove/<file>/<function>: <k> of <n> goals unproved
# then runs the self-test (a deliberately broken copy of pte_leaf in
# tests/proofs/broken/, which WP must NOT prove):
#   PASS prove/selftest-broken-contract-detected
# and a broken cap_grant_allowed that lets a child gain a right:
#   PASS prove/selftest-spawn-adding-a-right-detected
# and a revocation walk that skips grandchildren, a pool free and a frame
# free without their double-free checks:
#   PASS prove/selftest-revoke-skipping-a-grandchild-detected
#   PASS prove/selftest-pool-double-free-detected
#   PASS prove/selftest-frame-double-free-detected
# and an enqueue that keeps a stale link, a cut that keeps a stale tail,
# a detach that keeps a reply pair:
#   PASS prove/selftest-enqueue-keeping-a-stale-link-detected
#   PASS prove/selftest-cut-keeping-a-stale-tail-detected
#   PASS prove/selftest-detach-keeping-a-reply-pair-detected
#   PASS prove/selftest-derive-without-the-grant-check-detected
# and the figures:
#   BENCH prove_goals <n> goals        (goals proved, self-test excluded)
#   BENCH prove_seconds <s> s
# Every PASS/FAIL line is appended to <results-dir>/prove.txt.  Exits 1 if
# anything FAILed.  The full WP log of each unit is kept in
# <results-dir>/prove-<file>.log.
set -uo pipefail

RESULTS=${1:-build/results}
mkdir -p "$RESULTS"
OUT="$RESULTS/prove.txt"
TIMEOUT=${PROVE_TIMEOUT:-20}    # seconds per goal and prover (a loaded 2-core CI machine needs headroom)
PAR=$(nproc 2>/dev/null || echo 2)

emit() { echo "$1"; echo "$1" >> "$OUT"; }

if ! command -v frama-c >/dev/null 2>&1 || ! command -v why3 >/dev/null 2>&1; then
	emit "FAIL prove/setup: frama-c or why3 missing (run make deps)"
	exit 1
fi
# WP talks to the provers through why3, which must have detected them.
if ! why3 config list-provers 2>/dev/null | grep -q '^Z3 '; then
	why3 config detect >/dev/null 2>&1
fi
FC_SHARE=$(frama-c -print-share-path)

# Preprocessing: Frama-C's own libc headers for <stdint.h> and friends,
# behind tests/proofs/include (a <string.h> whose memset carries the
# contract the proofs rely on), then the kernel's include path.
CPP="-nostdinc -Itests/proofs/include -I$FC_SHARE/libc -D__FC_MACHDEP_X86_64 -Iinclude -I. -D__FRAMAC__"
PROVERS=z3,cvc4

# name | source | functions ("lemmas" = the file's ACSL lemmas) | WP flags
#  - pte: the bitwise post-conditions of pte_effective need WP's bitwise
#    strategies (-wp-auto), proved by z3/cvc4 goal by goal afterwards.
#  - pool: memset takes void *, which WP's typed model sees as char *;
#    Typed+cast lets that pointer keep its value (the contract of memset in
#    tests/proofs/include/string.h is written over uint8_t, the pool's own
#    storage type, so no byte is read through a different type).
#  - frame: the bit post-conditions need the bitwise strategies; the range
#    functions are proved without them (a separate unit, frame_range).
#  - endpoint: the wait-list and system-call goals carry the whole list
#    model, so WP keeps every hypothesis (no filtering, which drops ones
#    they need), and a few take ~10 s unloaded: 40 s per goal leaves room
#    on a loaded 2-core machine.
#  - cap: tests/proofs/cap.c includes kernel/cap.c after the contracts of
#    the functions it calls elsewhere (assumptions, listed there); -c11
#    for the _Static_asserts of the headers it pulls in.
UNITS=(
	"uaccess|tests/proofs/uaccess.c|user_range_ok|"
	"cap_rules|tests/proofs/cap_rules.c|cap_slot_valid cap_grant_allowed|-wp-auto wp:split,wp:bitwised,wp:bitrange"
	"pte|kernel/arch/x86_64/pte.c|pte_leaf pte_effective pte_effective_is_wx|-wp-auto wp:split,wp:bitwised,wp:bitrange"
	"pool|kernel/pool.c|pool_init pool_alloc_index pool_alloc pool_index pool_free_index pool_free|-wp-model Typed+cast"
	"frame|kernel/frame.c|frame_used mark_used mark_free frame_free lowest_clear_bit frame_alloc|-wp-auto wp:split,wp:bitwised,wp:bitrange -wp-timeout 10"
	"frame_range|kernel/frame.c|clip_end frame_reserve_range|"
	"endpoint|tests/proofs/endpoint.c|lemmas thread_index endpoint_index room gq_remove enqueue cut dequeue unlink detach_endpoint detach_notification detach_reply detach ipc_thread_gone check_timeout ipc_check_timeouts cap_node_freed_thread ipc_cap_node_freed wake_all wake block abandon_reply await_reply check_payload endpoint_at send_to wait_on recv_from ipc_send ipc_recv ipc_reply notification_at notify_bind notify_wait notify_signal endpoint_cap_removed notification_cap_removed object_cap_removed endpoint_create notification_create object_cap_added|-c11 -wp-split -wp-no-filter-init -wp-no-filter -wp-no-parasite -wp-timeout 40"
	"cap|tests/proofs/cap.c|lemmas cap_init node_at node_live slot_node cap_lookup node_create cap_install_root cap_derive node_free revoke_below later_than cap_revoke_derived cap_delete cap_release_all|-c11"
)

# run_wp <log> <source> <functions> <flags...>: runs WP, writes the log.
run_wp() {
	local log=$1 src=$2 fcts=$3; shift 3
	local sel=()
	local plain=${fcts//lemmas/}
	plain=$(echo $plain | tr ' ' ',')
	[ -n "$plain" ] && sel+=(-wp-fct "$plain")
	frama-c -no-frama-c-stdlib -cpp-extra-args="$CPP" "$src" \
		-wp -wp-rte -wp-prover "$PROVERS" -wp-timeout "$TIMEOUT" \
		-wp-par "$PAR" "${sel[@]}" "$@" > "$log" 2>&1
	local rc=$?
	if [[ " $fcts " == *" lemmas "* ]] && [ $rc -eq 0 ]; then
		frama-c -no-frama-c-stdlib -cpp-extra-args="$CPP" "$src" \
			-wp -wp-prover "$PROVERS" -wp-timeout "$TIMEOUT" \
			-wp-par "$PAR" -wp-prop @lemma "$@" >> "$log" 2>&1
		rc=$?
	fi
	return $rc
}

# tally <log> <functions>: prints "<fct> <total> <unproved>" per function,
# attributing each goal by its name (typed[_cast]_<fct>_..., or
# typed[_cast]_lemma_... for lemmas); the longest function name wins.
tally() {
	awk -v fcts="$2" '
	BEGIN { n = split(fcts, F, " ") }
	/^\[wp\] \[[^]]*\] Goal / {
		match($0, /Goal [^ ]+/); name = substr($0, RSTART + 5, RLENGTH - 5)
		ok = ($0 ~ / : Valid/)
		sub(/^typed_(cast_)?/, "", name)
		best = ""
		if (name ~ /^lemma_/) best = "lemmas"
		else for (i = 1; i <= n; i++)
			if (index(name, F[i] "_") == 1 && length(F[i]) > length(best))
				best = F[i]
		if (best == "") best = "?"
		total[best]++; if (!ok) bad[best]++
	}
	END {
		for (i = 1; i <= n; i++) print F[i], total[F[i]] + 0, bad[F[i]] + 0
		if (total["?"]) print "?", total["?"], bad["?"] + 0
	}' "$1"
}

start=$(date +%s.%N)
fail=0
proved=0
for u in "${UNITS[@]}"; do
	IFS='|' read -r name src fcts flags <<<"$u"
	# PROVE_ONLY=<unit> (while iterating): run that unit, no self-tests;
	# PROVE_ONLY=selftests: only the self-tests.
	[ -n "${PROVE_ONLY:-}" ] && [ "$name" != "$PROVE_ONLY" ] && continue
	log="$RESULTS/prove-$name.log"
	# shellcheck disable=SC2086
	if ! run_wp "$log" "$src" "$fcts" $flags; then
		emit "FAIL prove/$name: frama-c failed (see $log)"
		tail -n 5 "$log" >&2
		fail=1
		continue
	fi
	while read -r f total bad; do
		if [ "$total" -eq 0 ]; then
			emit "FAIL prove/$name/$f: no goals (function or contract missing)"
			fail=1
		elif [ "$bad" -ne 0 ]; then
			emit "FAIL prove/$name/$f: $bad of $total goals unproved"
			grep -E "^\[wp\] \[[^]]*\] Goal typed_(cast_)?${f#lemmas}" "$log" | grep -v ' : Valid' | sed 's/^/    /' >&2
			fail=1
		else
			emit "PASS prove/$name/$f ($total goals)"
			proved=$((proved + total))
		fi
	done < <(tally "$log" "$fcts")
done

if [ -n "${PROVE_ONLY:-}" ] && [ "$PROVE_ONLY" != selftests ]; then
	echo "BENCH prove_goals $proved goals"
	exit $fail
fi

# Self-test: the broken pte_leaf must not be proved.
log="$RESULTS/prove-selftest.log"
run_wp "$log" tests/proofs/broken/pte_leaf_wx.c pte_leaf
rc=$?
if [ $rc -eq 0 ] && grep -qE "^\[wp\] \[Failed\] Goal typed_pte_leaf_ensures_(never_wx|wx_refused)" "$log"; then
	emit "PASS prove/selftest-broken-contract-detected"
elif [ $rc -ne 0 ]; then
	emit "FAIL prove/selftest-broken-contract-detected: frama-c failed (see $log)"
	fail=1
else
	emit "FAIL prove/selftest-broken-contract-detected: WP proved a pte_leaf that allows W+X"
	fail=1
fi

# Self-test 2: a spawn rule that lets a child gain a right must not be proved.
log="$RESULTS/prove-selftest-cap.log"
run_wp "$log" tests/proofs/broken/cap_grant_adds_right.c cap_grant_allowed \
	-wp-auto wp:split,wp:bitwised,wp:bitrange
rc=$?
if [ $rc -eq 0 ] && grep -qE "^\[wp\] \[Failed\] Goal typed_cap_grant_allowed_ensures_rights_subset" "$log"; then
	emit "PASS prove/selftest-spawn-adding-a-right-detected"
else
	emit "FAIL prove/selftest-spawn-adding-a-right-detected: WP proved (or could not run on) a grant rule without the subset check (see $log)"
	fail=1
fi

# selftest <name> <source> <function> <goal regex> <what> [flags...]: WP
# must leave a goal matching <goal regex> unproved in a broken copy.
selftest() {
	local name=$1 src=$2 fct=$3 goal=$4 what=$5; shift 5
	local log="$RESULTS/prove-selftest-$name.log"
	run_wp "$log" "$src" "$fct" "$@"
	local rc=$?
	if [ $rc -eq 0 ] && grep -qE "^\[wp\] \[Failed\] Goal typed_(cast_)?$goal" "$log"; then
		emit "PASS prove/selftest-$name-detected"
	else
		emit "FAIL prove/selftest-$name-detected: WP proved (or could not run on) $what (see $log)"
		fail=1
	fi
}

# Each self-test below runs WP only on the goals it is about (-wp-prop,
# -wp-bhv), to keep make prove short.
# Self-test 3: a revocation walk that skips grandchildren (same contract
# and loop annotations as revoke_below): the invariant that a finished
# pass leaves the marks closed under "live child of" fails.
selftest revoke-skipping-a-grandchild \
	tests/proofs/broken/revoke_skips_grandchild.c revoke_skips_grandchild \
	"revoke_skips_grandchild_loop_invariant_pass_closed_preserved" \
	"a walk that skips grandchildren" -c11 -wp-prop pass_closed
# Self-tests 4 and 5: a pool slot and a frame freed twice (the goal that
# fails is "returns TS_E_NOENT" while the broken copy returns TS_OK, so
# the frame one needs no bitwise strategies).
selftest pool-double-free tests/proofs/broken/pool_double_free.c \
	pool_free_index_twice "pool_free_index_twice_not_allocated_ensures" \
	"a pool free without the allocated check" -wp-bhv not_allocated
selftest frame-double-free tests/proofs/broken/frame_double_free.c \
	frame_free_twice "frame_free_twice_not_allocated_ensures" \
	"a frame free without the in-use check" -wp-bhv not_allocated

# Self-test 6: an enqueue that keeps the thread's stale link.
selftest enqueue-keeping-a-stale-link tests/proofs/broken/enqueue_keeps_link.c \
	enqueue_keeps_link "enqueue_keeps_link_ensures_at_tail" \
	"an enqueue that keeps a stale link" -c11

# Self-test 7: a cut (dequeue's and unlink's step) that leaves the tail
# naming the thread it took (the endpoint unit's flags).
selftest cut-keeping-a-stale-tail tests/proofs/broken/cut_keeps_tail.c \
	cut_keeps_tail "cut_keeps_tail_assert_(one_left|new_tail)" \
	"a cut that keeps a stale tail" -c11 -wp-split -wp-no-filter-init \
	-wp-no-filter -wp-no-parasite -wp-prop one_left,new_tail

# Self-test 8: a detach that lets a thread stop awaiting its server but
# leaves the server's reply_to naming it (reply_ok and unnamed fail).
selftest detach-keeping-a-reply-pair \
	tests/proofs/broken/detach_reply_keeps_pair.c detach_reply_keeps_pair \
	"detach_reply_keeps_pair_ensures" \
	"a detach that leaves the server naming the thread" -c11 -wp-split \
	-wp-no-filter-init -wp-no-filter -wp-no-parasite

# Self-test 9: a derivation that skips cap_grant_allowed (node_create's
# requirement that the new node be narrower than its parent fails).
selftest derive-without-the-grant-check \
	tests/proofs/broken/derive_unchecked.c derive_unchecked \
	"derive_unchecked_call_node_create_requires_from_parent" \
	"a derivation without the grant check" -c11 -wp-prop from_parent

end=$(date +%s.%N)
echo "BENCH prove_goals $proved goals"
echo "BENCH prove_seconds $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
exit $fail
