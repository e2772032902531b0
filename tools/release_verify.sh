#!/usr/bin/env bash
# tools/release_verify.sh - checks a release folder made by tools/release.sh
# (`make release-verify`).
#
#   tools/release_verify.sh DIR KEY [TSIGN]
#
# KEY is the release public key as 64 hex digits or a key file (tsign
# accepts both); take it from somewhere other than DIR.  Checks, in order:
# SHA256SUMS.sig is a valid Ed25519 signature of SHA256SUMS by KEY; every
# file SHA256SUMS lists has that SHA-256; DIR holds no file SHA256SUMS
# does not list; the Multiboot boot set (multiboot/bootset.signed) is
# signed by KEY too.  Prints "release-verify: OK ..." and exits 0, or
# "release-verify: FAILED: why" and exits 1.
set -uo pipefail
dir=${1:?usage: $0 DIR KEY [TSIGN]}
key=${2:?release key}
tsign=${3:-build/gcc/host/tsign}
fail() { echo "release-verify: FAILED: $*"; exit 1; }

[ -f "$dir/SHA256SUMS" ] || fail "no SHA256SUMS"
[ -f "$dir/SHA256SUMS.sig" ] || fail "no SHA256SUMS.sig"
"$tsign" verify "$key" "$dir/SHA256SUMS" "$dir/SHA256SUMS.sig" >/dev/null 2>&1 ||
	fail "SHA256SUMS.sig is not a signature of SHA256SUMS by the release key"
# Only plain relative names, one "<64 hex>  <name>" per line.
grep -qvE '^[0-9a-f]{64}  [A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$' "$dir/SHA256SUMS" &&
	fail "SHA256SUMS has a malformed line"
grep -qE '(^|/)\.\.?(/|$)' <(cut -c67- "$dir/SHA256SUMS") && fail "SHA256SUMS names a path with . or .."
bad=$(cd "$dir" && sha256sum --strict --quiet -c SHA256SUMS 2>&1) ||
	fail "files differ from SHA256SUMS: $(echo "$bad" | head -3 | tr '\n' ' ')"
extra=$(cd "$dir" && comm -23 <(find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig \
	-printf '%P\n' | LC_ALL=C sort) <(cut -c67- SHA256SUMS | LC_ALL=C sort))
[ -z "$extra" ] || fail "files not in SHA256SUMS: $(echo "$extra" | tr '\n' ' ')"
bs=$dir/multiboot/bootset.signed
if [ -f "$bs" ]; then
	t=$(mktemp -d)
	n=$(stat -c %s "$bs")
	head -c $((n - 64)) "$bs" > "$t/text"; tail -c 64 "$bs" > "$t/sig"
	"$tsign" verify "$key" "$t/text" "$t/sig" >/dev/null 2>&1; rc=$?
	rm -rf "$t"
	[ $rc -eq 0 ] || fail "multiboot/bootset.signed is not signed by the release key"
fi
echo "release-verify: OK: $(wc -l < "$dir/SHA256SUMS") files match SHA256SUMS, signed by the release key"
