#!/usr/bin/env bash
# Count the test results in <results-dir>/*.txt: lines beginning "PASS " or
# "FAIL ".  Repeats the FAIL lines under "failures:" and ends with the line
# "N passed, M failed".  Exit status 1 if anything failed or nothing passed.
set -euo pipefail

dir=${1:?usage: $0 <results-dir>}
shopt -s nullglob
files=("$dir"/*.txt)

pass=0 fail=0 skip=0
skips=()
failures=()
for f in "${files[@]}"; do
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in
		"PASS "*) pass=$((pass + 1)) ;;
		"FAIL "*) fail=$((fail + 1)); failures+=("$line") ;;
		"SKIP "*) skip=$((skip + 1)); skips+=("$line") ;;
		esac
	done <"$f"
done

[ ${#files[@]} -gt 0 ] || echo "tally: no result files in $dir"
if [ "$fail" -gt 0 ]; then
	echo "failures:"
	printf '  %s\n' "${failures[@]}"
fi
if [ "$skip" -gt 0 ]; then
	echo "skipped (not counted):"
	printf '  %s\n' "${skips[@]}"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
