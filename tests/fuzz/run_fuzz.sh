#!/usr/bin/env bash
# run_fuzz.sh - run each libFuzzer target briefly on a copy of its corpus.
#
#   run_fuzz.sh <fuzz-build-dir> <results-dir> <seconds> <name>...
#
# For each <name>: copies tests/fuzz/corpus/<name>/ into
# <fuzz-build-dir>/run-<name>/corpus (the tree is never written), runs
# fuzz_<name> for <seconds>, prints "BENCH fuzz_<name>_execs <N> execs" from
# libFuzzer's final stats, and appends PASS/FAIL fuzz/<name> to
# <results-dir>/fuzz.txt.  Exits non-zero if any target failed.
set -u

dir=$1 results=$2 seconds=$3
shift 3
mkdir -p "$results"
status=0

for name in "$@"; do
	work=$dir/run-$name
	rm -rf "$work"
	mkdir -p "$work/corpus" "$work/artifacts"
	if [ -d "tests/fuzz/corpus/$name" ]; then
		cp -R "tests/fuzz/corpus/$name/." "$work/corpus/"
	fi
	"$dir/fuzz_$name" -max_total_time="$seconds" -print_final_stats=1 \
		-timeout=10 -artifact_prefix="$work/artifacts/" \
		"$work/corpus" >"$work/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' \
		"$work/log" | tail -n 1)
	echo "BENCH fuzz_${name}_execs ${execs:-0} execs"
	if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
		line="PASS fuzz/$name"
	else
		crash=$(ls "$work/artifacts" | head -n 1)
		line="FAIL fuzz/$name: exited with status $rc"
		[ -n "$crash" ] && line="$line, input kept in $work/artifacts/$crash"
		tail -n 40 "$work/log" >&2
		status=1
	fi
	echo "$line"
	echo "$line" >>"$results/fuzz.txt"
done
exit $status
