#!/usr/bin/env bash
# Linux baseline for Tessera's IPC round-trip benchmark: pipe ping-pong
# between two processes (tools/bench/linux_pipe/pingpong.c), measured
#   (a) natively on the host, pinned to CPU 0          tag "host"
#   (b) in a tiny Linux guest under QEMU TCG           tag "tcg"
#   (c) in the same guest under KVM, if /dev/kvm opens tag "kvm"
# Prints BENCH lines (never asserted) and '#' comments with timings.
#
#   tools/bench/ipc_baseline.sh BUILD_DIR
#
# Exits non-zero only when the host or the TCG figures cannot be made; a
# KVM guest that does not boot is reported as a comment.
#
# Environment knobs:
#   TCG_ITERS    round trips per size in the TCG guest (default 100000;
#                that took about 1.5 min per run here)
#   TCG_TIMEOUT  seconds before the TCG guest is given up (default 900)
#   KVM_TIMEOUT  seconds before the KVM guest is given up (default 120)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:?usage: ipc_baseline.sh BUILD_DIR}
dir=$build/linux_pipe
guest=$dir/guest
tcg_iters=${TCG_ITERS:-100000}
tcg_timeout=${TCG_TIMEOUT:-900}
kvm_timeout=${KVM_TIMEOUT:-120}
status=0

mkdir -p "$dir"
if ! "$root/tools/bench/linux_pipe/build_guest.sh" "$guest"; then
	echo "ipc_baseline: could not build pingpong / the Linux guest" >&2
	exit 1
fi

# boot_guest NAME TIMEOUT APPEND QEMU-ARGS...: boot the guest, keep its
# console in $dir/NAME.log, print its BENCH lines; fails if there are none.
boot_guest() {
	local name=$1 limit=$2 append=$3
	shift 3
	local log=$dir/$name.log rc
	timeout "$limit" qemu-system-x86_64 "$@" -m 256M -nographic -no-reboot \
		-kernel "$guest/vmlinuz" -initrd "$guest/initramfs.cpio.gz" \
		-append "console=ttyS0 quiet $append" </dev/null >"$log" 2>&1
	rc=$?
	tr -d '\r' <"$log" | grep -a '^BENCH ' && return 0
	# The last thing the guest said (escape sequences and qemu's own
	# "terminating on signal" line left out) tells how far it got.
	local last
	last=$(tr -d '\r' <"$log" | sed 's/\x1b[[?0-9;]*[a-zA-Z]//g; s/\x1bc//g' |
		grep -av 'terminating on signal' | grep -a '[[:alnum:]]' | tail -n 1 |
		sed 's/[[:space:]]*$//' | cut -c1-120)
	if [ "$rc" -eq 124 ]; then
		reason="no BENCH lines within ${limit} s; last console line: '$last'"
	else
		reason="qemu exited $rc without BENCH lines; last console line: '$last'"
	fi
	return 1
}

# ------------------------------------------------------------ (a) host
t0=$SECONDS
if taskset -c 0 "$guest/pingpong" --tag host; then
	echo "# host: $((SECONDS - t0)) s"
else
	echo "ipc_baseline: host pingpong failed" >&2
	status=1
fi

# ------------------------------------------------------- (b) TCG guest
t0=$SECONDS
if boot_guest tcg "$tcg_timeout" "tag=tcg iters=$tcg_iters" -accel tcg -cpu max; then
	echo "# linux guest under tcg: $((SECONDS - t0)) s including boot"
else
	echo "ipc_baseline: linux guest under tcg: $reason (log: $dir/tcg.log)" >&2
	status=1
fi

# ------------------------------------------------------- (c) KVM guest
if (exec 3<>/dev/kvm) 2>/dev/null; then
	t0=$SECONDS
	if boot_guest kvm "$kvm_timeout" "tag=kvm" -enable-kvm -cpu host,-arch-capabilities; then
		echo "# linux guest under kvm: $((SECONDS - t0)) s including boot"
	else
		echo "# linux guest under kvm: did not boot ($reason; log: $dir/kvm.log)"
	fi
else
	echo "# linux guest under kvm: did not boot (/dev/kvm does not open)"
fi

exit "$status"
