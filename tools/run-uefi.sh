#!/usr/bin/env bash
# Boot Tessera's measured path on this terminal (`make run-uefi`): OVMF
# from Debian as pflash, a fresh software TPM (swtpm), the ESP image made
# by `make uefi`.  Always under TCG: Debian's OVMF does not run on the
# nested KVM of this machine (docs/BOOT.md).  swtpm and the temporary
# folder are removed on exit, however QEMU ends.
#
#   tools/run-uefi.sh <build-dir>
#
# Environment: ESP (default <build-dir>/uefi/esp.img), QEMU, QEMU_EXTRA.
set -euo pipefail

build=${1:?usage: $0 <build-dir>}
esp=${ESP:-$build/uefi/esp.img}
QEMU=${QEMU:-qemu-system-x86_64}
OVMF_CODE=${OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
OVMF_VARS=${OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}

[ -f "$esp" ] || { echo "run-uefi: $esp not found (run make uefi)" >&2; exit 1; }
for f in "$OVMF_CODE" "$OVMF_VARS"; do
	[ -f "$f" ] || { echo "run-uefi: $f not found (Debian package ovmf)" >&2; exit 1; }
done

tmp=$(mktemp -d /tmp/tessera-uefi.XXXXXX)
swtpm_pid=""
cleanup() {
	[ -n "$swtpm_pid" ] && kill "$swtpm_pid" 2>/dev/null && wait "$swtpm_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

cp "$OVMF_VARS" "$tmp/vars.fd"
mkdir "$tmp/tpm"
swtpm socket --tpm2 --tpmstate dir="$tmp/tpm" --ctrl type=unixio,path="$tmp/tpm/sock" &
swtpm_pid=$!
for _ in $(seq 50); do [ -S "$tmp/tpm/sock" ] && break; sleep 0.1; done
[ -S "$tmp/tpm/sock" ] || { echo "run-uefi: swtpm did not start" >&2; exit 1; }

args=(-accel tcg -cpu max -m 256M -nographic -no-reboot -serial mon:stdio -net none
	-drive "if=pflash,format=raw,readonly=on,file=$OVMF_CODE"
	-drive "if=pflash,format=raw,file=$tmp/vars.fd"
	-drive "if=virtio,format=raw,readonly=on,file=$esp"
	-chardev "socket,id=chrtpm,path=$tmp/tpm/sock"
	-tpmdev emulator,id=tpm0,chardev=chrtpm -device tpm-tis,tpmdev=tpm0
	-device isa-debug-exit,iobase=0xf4,iosize=0x04)
# shellcheck disable=SC2206
[ -n "${QEMU_EXTRA:-}" ] && args+=($QEMU_EXTRA)

echo "run-uefi: booting $esp under OVMF with swtpm [tcg]; OVMF takes a while"
echo "run-uefi: press Ctrl-A then X to quit (Ctrl-A C: QEMU monitor)"
set +e
"$QEMU" "${args[@]}"
rc=$?
set -e
case $rc in
0|33) exit 0 ;;
65) echo "run-uefi: kernel panic (exit 65)"; exit $rc ;;
*) echo "run-uefi: QEMU exited with status $rc"; exit $rc ;;
esac
