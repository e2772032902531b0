#!/usr/bin/env bash
# tests/host/release.sh - `make release` (B3): builds a release into a
# temporary folder, verifies it with tools/release_verify.sh, boots its
# Multiboot set, and shows that a flipped byte in any listed file, in
# SHA256SUMS or in its signature, a file added, a file removed or the
# wrong key are each caught.
#
# Usage: tests/host/release.sh <path to tsign>   (run from anywhere; uses
# the tree this script is in and the build folder tsign lives in)
# Each case prints "PASS host/release/<case>" or "FAIL host/release/<case>: why".
set -u

TSIGN=$(realpath "${1:?usage: $0 <tsign>}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(dirname "$(dirname "$TSIGN")")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0
pass() { echo "PASS host/release/$1"; }
fail() { echo "FAIL host/release/$1: $2"; failures=$((failures + 1)); }

KEY=$("$TSIGN" pub "$ROOT/keys/dev-release.key") || { fail builds "no release key"; exit 1; }
R=$T/rel
verify() { bash "$ROOT/tools/release_verify.sh" "$1" "${2:-$KEY}" "$TSIGN"; }
flip() {
	python3 - "$1" "$2" <<'PY'
import sys
p, i = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read()); b[i % len(b)] ^= 1
open(p, 'wb').write(b)
PY
}

# --- build -----------------------------------------------------------------
if make -C "$ROOT" --no-print-directory -s O="${BUILD#"$ROOT"/}" release RELEASE_DIR="$R" \
	>"$T/make.log" 2>&1 &&
	for f in esp.img pcrs.txt SHA256SUMS SHA256SUMS.sig multiboot/kernel.bin \
		multiboot/init.elf multiboot/manifest.txt multiboot/bootset.signed; do
		[ -s "$R/$f" ] || { echo "missing $f" >> "$T/make.log"; false; } || break
	done && grep -q '^PCR\[8\] sha256 [0-9a-f]\{64\}$' "$R/pcrs.txt" &&
	grep -q '^PCR\[9\] sha256 [0-9a-f]\{64\}$' "$R/pcrs.txt"; then
	pass builds
else
	fail builds "$(tail -3 "$T/make.log" | tr '\n' ' ')"; exit 1
fi

# --- verifies ----------------------------------------------------------------
if out=$(verify "$R") && grep -q "^release-verify: OK" <<<"$out"; then
	pass verifies
else
	fail verifies "$out"
fi

# --- the Multiboot set of the release boots to the shell ---------------------
mods=$(grep -o -- '-initrd [^ ]*' "$R/multiboot/boot.txt" | cut -d' ' -f2)
(cd "$R/multiboot" && exec timeout 60 qemu-system-x86_64 -kernel kernel.bin -initrd "$mods" \
	-append init -m 256M -display none -no-reboot -serial stdio -monitor none \
	-accel tcg -cpu max </dev/null >"$T/boot.log" 2>&1) &
qemu=$!
for _ in $(seq 1 120); do
	grep -q "tessera> " "$T/boot.log" 2>/dev/null && break
	kill -0 $qemu 2>/dev/null || break
	sleep 0.5
done
kill $qemu 2>/dev/null; wait $qemu 2>/dev/null
if grep -q "tessera> " "$T/boot.log"; then
	pass multiboot_set_boots_to_shell
else
	fail multiboot_set_boots_to_shell "no shell prompt: $(tail -c 300 "$T/boot.log" | tr '\n' ' ')"
fi

# --- a flipped byte in any listed file is caught -----------------------------
missed=""
while read -r _ name; do
	size=$(stat -c %s "$R/$name")
	flip "$R/$name" $((size / 2))
	if out=$(verify "$R"); then
		missed="$missed $name"
	elif ! grep -q "files differ from SHA256SUMS: .*$name" <<<"$out"; then
		missed="$missed $name($out)"
	fi
	flip "$R/$name" $((size / 2))
done < "$R/SHA256SUMS"
n=$(wc -l < "$R/SHA256SUMS")
if [ -z "$missed" ] && [ "$n" -ge 10 ] && verify "$R" >/dev/null; then
	pass flipped_byte_in_every_file_detected
else
	fail flipped_byte_in_every_file_detected "not caught:$missed ($n files)"
fi

# expect_refused <case> <pattern>: verify must fail, saying pattern; then
# the release is restored from the pristine copy.
cp -a "$R" "$T/pristine"
expect_refused() {
	local out
	if out=$(verify "$R" "${3:-$KEY}"); then
		fail "$1" "verified: $out"
	elif grep -q "FAILED: .*$2" <<<"$out"; then
		pass "$1"
	else
		fail "$1" "said '$out', expected /$2/"
	fi
	rm -rf "$R" && cp -a "$T/pristine" "$R"
}

flip "$R/SHA256SUMS" 5
expect_refused flipped_byte_in_sha256sums_detected "not a signature of SHA256SUMS"
flip "$R/SHA256SUMS" $(( $(stat -c %s "$R/SHA256SUMS") - 3 ))
expect_refused flipped_name_in_sha256sums_detected "not a signature of SHA256SUMS"
flip "$R/SHA256SUMS.sig" 40
expect_refused flipped_byte_in_signature_detected "not a signature of SHA256SUMS"
head -c 32 "$T/pristine/SHA256SUMS.sig" > "$R/SHA256SUMS.sig"
expect_refused truncated_signature_detected "not a signature of SHA256SUMS"
"$TSIGN" keygen "$T/other.key" >/dev/null
expect_refused wrong_key_refused "not a signature of SHA256SUMS" "$("$TSIGN" pub "$T/other.key")"
"$TSIGN" sign "$T/other.key" "$R/SHA256SUMS" "$R/SHA256SUMS.sig"
expect_refused resigned_by_other_key_refused "not a signature of SHA256SUMS"
echo extra > "$R/multiboot/evil.elf"
expect_refused extra_file_detected "files not in SHA256SUMS: multiboot/evil.elf"
rm "$R/multiboot/tpm.elf"
expect_refused missing_file_detected "files differ from SHA256SUMS"

[ $failures -eq 0 ]
