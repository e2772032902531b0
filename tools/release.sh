#!/usr/bin/env bash
# tools/release.sh - `make release` (B3): the signed images, the predicted
# PCRs and a signed list of SHA-256 sums, side by side in one folder.
#
#   tools/release.sh BUILD OUT CMDLINE MODULE...
#
# OUT (replaced) receives:
#   esp.img                 the UEFI ESP (loader + signed boot set), as built
#   pcrs.txt                PCR 8/9 predicted from the boot set inside esp.img
#   multiboot/kernel.bin, multiboot/<module files>, multiboot/bootset.signed
#                           the same kernel and modules for the Multiboot
#                           path, with their boot set signed by the release
#                           key (tools/bootset.py), and boot.txt: how to boot
#   release-key.pub         the release public key (hex), for information:
#                           a verifier must get the key some other way
#   SHA256SUMS              sha256sum lines for every file above
#   SHA256SUMS.sig          its Ed25519 signature by the release key (tsign)
# Check with tools/release_verify.sh OUT KEY (make release-verify).
# Environment: DEVKEY (default keys/dev-release.key).
set -euo pipefail
build=${1:?usage: $0 BUILD OUT CMDLINE MODULE...}
out=${2:?out folder}
cmdline=${3?cmdline}
shift 3
key=${DEVKEY:-keys/dev-release.key}
tsign=$build/host/tsign
tools=$(dirname "$0")
esp=$build/uefi/esp.img
for f in "$key" "$tsign" "$esp" "$build/kernel.bin"; do
	[ -f "$f" ] || { echo "release: missing $f (make image uefi)" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out/multiboot"
cp "$esp" "$out/esp.img"
cp "$build/kernel.bin" "$out/multiboot/kernel.bin"
files=()
for m in "$@"; do
	case "$m" in */*) f=$m ;; *.*) f=$build/user/$m ;; *) f=$build/user/$m.elf ;; esac
	name=$(basename "$f")
	[ -e "$out/multiboot/$name" ] && { echo "release: two modules named $name" >&2; exit 1; }
	cp "$f" "$out/multiboot/$name"
	files+=("$out/multiboot/$name")
done
python3 "$tools/bootset.py" multiboot --kernel "$out/multiboot/kernel.bin" \
	--tsign "$tsign" --key "$key" --cmdline "$cmdline" \
	--out "$out/multiboot/bootset.signed" "${files[@]}"
initrd=$(for f in "${files[@]}"; do basename "$f"; done | paste -sd, -)
cat > "$out/multiboot/boot.txt" <<TXT
Boot this folder through Multiboot (the kernel checks every module against
bootset.signed, the last module, with the release key built into it):

  qemu-system-x86_64 -kernel kernel.bin -initrd $initrd,bootset.signed \\
    -append '$cmdline' -m 256M -nographic -no-reboot -accel tcg -cpu max

Boot esp.img through UEFI (OVMF, a TPM 2.0, TCG): see tools/run-uefi.sh.
TXT

# The PCRs predicted from the boot set and files inside the shipped image.
stage=$(mktemp -d /tmp/tessera-release.XXXXXX)
trap 'rm -rf "$stage"' EXIT
MTOOLS_SKIP_CHECK=1 mcopy -s -n -i "$out/esp.img" ::/tessera "$stage/"
python3 "$tools/pcr_predict.py" "$stage/tessera" > "$out/pcrs.txt"
"$tsign" pub "$key" > "$out/release-key.pub"

(cd "$out" && find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig -printf '%P\n' |
	LC_ALL=C sort | xargs -d '\n' sha256sum) > "$out/SHA256SUMS"
"$tsign" sign "$key" "$out/SHA256SUMS" "$out/SHA256SUMS.sig"
echo "release: $out: $(wc -l < "$out/SHA256SUMS") files, SHA256SUMS signed by $(cat "$out/release-key.pub")"
