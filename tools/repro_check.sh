#!/usr/bin/env bash
# make repro-check (B2): builds the boot image twice, in two folders of
# different names and path lengths, a few seconds apart, and compares the
# SHA-256 of every artifact: the kernel, every boot module, the UEFI loader
# and the signed ESP.  Both builds sign with the same release key (a copy
# of keys/dev-release.key: Ed25519 signatures are deterministic) and the
# same principal keys (keys/principals/).
#
#   tools/repro_check.sh RESULTS_DIR
# writes "PASS repro/identical" (or FAIL with the differing files) to
# RESULTS_DIR/repro.txt and prints BENCH repro_artifacts.
set -uo pipefail
results=${1:?results folder}
mkdir -p "$results"
top=$(pwd)
key=${DEVKEY:-keys/dev-release.key}
out="$results/repro.txt"
: > "$out"
report() { echo "$1" | tee -a "$out"; }

[ -f "$key" ] || make --no-print-directory devkey >/dev/null
# The principals' keys (docs/IDENTITY.md) feed the manifests and the key
# store's sealed module: both builds use this machine's, made here if new.
make --no-print-directory principals >/dev/null
a=$(mktemp -d /tmp/tessera-repro-a.XXXXXX)
b=$(mktemp -d /tmp/tessera-repro-second-build.XXXXXXXX)
trap 'rm -rf "$a" "$b"' EXIT

build() {
	local dir=$1
	git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$dir"
	mkdir -p "$dir/keys" && cp "$key" "$dir/keys/dev-release.key" &&
		cp -r keys/principals "$dir/keys/principals"
	make -C "$dir" --no-print-directory -j2 image uefi >"$dir.log" 2>&1
}
sums() {
	(cd "$1/build/gcc" && find kernel.bin kernel.elf user uefi/BOOTX64.EFI \
		uefi/esp.img -type f \( -name '*.elf' -o -name '*.bin' -o \
		-name '*.txt' -o -name '*.EFI' -o -name '*.img' \) -print0 |
		sort -z | xargs -0 sha256sum)
}

if ! build "$a"; then report "FAIL repro/identical: first build failed ($a.log)"; exit 1; fi
sleep 2
if ! build "$b"; then report "FAIL repro/identical: second build failed ($b.log)"; exit 1; fi
sums "$a" > "$a.sums"; sums "$b" > "$b.sums"
n=$(wc -l < "$a.sums")
if [ "$n" -gt 10 ] && cmp -s "$a.sums" "$b.sums"; then
	report "PASS repro/identical ($n artifacts, SHA-256 equal)"
else
	report "FAIL repro/identical: $(diff "$a.sums" "$b.sums" | grep '^[<>]' | head -5 | tr '\n' ' ')"
fi
echo "BENCH repro_artifacts $n files"
rm -f "$a.sums" "$b.sums" "$a.log" "$b.log"
