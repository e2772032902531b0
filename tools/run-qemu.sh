#!/usr/bin/env bash
# Boot Tessera in QEMU on this terminal (`make run`).
#
#   tools/run-qemu.sh <build-dir> [tcg|kvm]
#
# Environment:
#   RUN_MODULES   boot modules, in order, from <build-dir>/user/<name>.elf
#                 (a name with an extension, e.g. manifest.txt, is taken as is)
#                 (default "init counter")
#   RUN_CMDLINE   kernel command line (default "init": the kernel starts only
#                 the first module, init, which starts the rest from the manifest)
#   QEMU          the QEMU binary (default qemu-system-x86_64)
#   QEMU_EXTRA    extra QEMU arguments, split on spaces
set -euo pipefail

RUN_MODULES=${RUN_MODULES-"init manifest.txt uart console auditor shell tpm keystore keystore-sealed.bin"}
RUN_CMDLINE=${RUN_CMDLINE-"init"}
QEMU=${QEMU:-qemu-system-x86_64}

build=${1:?usage: $0 <build-dir> [tcg|kvm]}
accel=${2:-tcg}

kernel="$build/kernel.bin"
[ -f "$kernel" ] || { echo "run-qemu: $kernel not found (run make first)" >&2; exit 1; }

initrd=""
files=()
for m in $RUN_MODULES; do
	case "$m" in *.*) f="$build/user/$m" ;; *) f="$build/user/$m.elf" ;; esac
	[ -f "$f" ] || { echo "run-qemu: boot module $f not found" >&2; exit 1; }
	# QEMU splits -initrd on commas; a comma inside a path cannot be passed.
	case "$f" in *,*) echo "run-qemu: comma in path $f" >&2; exit 1 ;; esac
	initrd="${initrd:+$initrd,}$f"
	files+=("$f")
done

# The kernel runs only what a boot set signed by the release key lists
# (docs/BOOT.md): sign this boot's modules and command line, and pass the
# set as the last module.
key=${DEVKEY:-keys/dev-release.key}
[ -f "$key" ] && [ -x "$build/host/tsign" ] ||
	{ echo "run-qemu: need $build/host/tsign and $key (run make)" >&2; exit 1; }
mkdir -p "$build/run"
python3 "$(dirname "$0")/bootset.py" multiboot --kernel "$kernel" --tsign "$build/host/tsign" \
	--key "$key" --cmdline "$RUN_CMDLINE" --out "$build/run/bootset.signed" "${files[@]}"
initrd="${initrd:+$initrd,}$build/run/bootset.signed"

case "$accel" in
tcg) accel_args=(-accel tcg -cpu max) ;;
kvm)
	if ! [ -r /dev/kvm ] || ! [ -w /dev/kvm ]; then
		echo "run-qemu: /dev/kvm is not usable (read-write) by this user" >&2; exit 1
	fi
	# Plain -cpu host (or max) aborts under nested KVM in QEMU 7.2:
	# "failed to set MSR 0x10a" (IA32_ARCH_CAPABILITIES).
	accel_args=(-enable-kvm -cpu "host,-arch-capabilities") ;;
*) echo "run-qemu: unknown accelerator '$accel' (tcg or kvm)" >&2; exit 1 ;;
esac

args=(-kernel "$kernel")
args+=(-initrd "$initrd")
args+=(-append "$RUN_CMDLINE" -m 256M -nographic -no-reboot -serial mon:stdio
	-device "isa-debug-exit,iobase=0xf4,iosize=0x04" "${accel_args[@]}")
# shellcheck disable=SC2206
[ -n "${QEMU_EXTRA:-}" ] && args+=($QEMU_EXTRA)

echo "run-qemu: booting $kernel [$accel] modules: ${RUN_MODULES:-(none)}"
echo "run-qemu: press Ctrl-A then X to quit (Ctrl-A C: QEMU monitor)"
set +e
"$QEMU" "${args[@]}"
rc=$?
set -e
# isa-debug-exit: status = (value << 1) | 1.
case $rc in
33) echo "run-qemu: kernel shut down cleanly" ;;
65) echo "run-qemu: kernel panic (exit 65)" ;;
67) echo "run-qemu: boot refused: missing CPU feature (exit 67)" ;;
0)  ;;
*)  echo "run-qemu: QEMU exited with status $rc" ;;
esac
# A clean shutdown is success for make.
if [ $rc -eq 33 ] || [ $rc -eq 0 ]; then exit 0; fi
exit $rc
