#!/usr/bin/env bash
# Build the tiny Linux guest that runs the pipe ping-pong baseline.
#
#   tools/bench/linux_pipe/build_guest.sh OUTDIR
#
# Produces, from Debian packages and our own code only:
#   OUTDIR/vmlinuz            Debian's linux-image-amd64 kernel (the version
#                             the metapackage points to; never installed)
#   OUTDIR/initramfs.cpio.gz  cpio newc + gzip: static /init and /pingpong
#   OUTDIR/pingpong           the same static pingpong, for the host run
# Cached: the kernel is fetched once; the initramfs is rebuilt only when
# init.c, pingpong.c or this script changed.  Needs gcc, cpio, gzip, apt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: build_guest.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)

die() { echo "build_guest: $*" >&2; exit 1; }

# ---------------------------------------------------------------- kernel
if [ ! -s "$out/vmlinuz" ]; then
	pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
	if [ -z "$pkg" ]; then
		# No package lists yet (fresh machine): fetch them once.
		[ "$(id -u)" -eq 0 ] || die "apt-cache knows no linux-image-amd64; run 'apt-get update' as root"
		apt-get update -q >/dev/null
		pkg=$(apt-cache depends linux-image-amd64 |
			awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
	fi
	[ -n "$pkg" ] || die "cannot tell which kernel linux-image-amd64 points to"
	echo "build_guest: fetching $pkg" >&2
	tmp=$(mktemp -d "$out/.kernel.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	# As root, apt hands the download to its _apt user, who cannot write
	# here, and warns; download as root instead.
	sandbox=()
	[ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
	(cd "$tmp" && apt-get download -q "${sandbox[@]}" "$pkg" >/dev/null) ||
		die "apt-get download $pkg failed"
	# Unpack only the kernel image, not the ~400 MB of modules (none needed).
	dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*'
	mv "$tmp"/boot/vmlinuz-* "$out/vmlinuz"
	echo "$pkg" >"$out/kernel-package"
	rm -rf "$tmp"
	trap - EXIT
fi

# ------------------------------------------------------------- initramfs
stale=0
[ -s "$out/initramfs.cpio.gz" ] || stale=1
for src in "$here/init.c" "$here/pingpong.c" "$here/build_guest.sh"; do
	[ "$src" -nt "$out/initramfs.cpio.gz" ] && stale=1
done
if [ "$stale" -eq 1 ]; then
	echo "build_guest: building initramfs" >&2
	root=$(mktemp -d "$out/.root.XXXXXX")
	trap 'rm -rf "$root"' EXIT
	gcc -O2 -static -Wall -Wextra -o "$out/pingpong" "$here/pingpong.c"
	gcc -O2 -static -Wall -Wextra -o "$root/init" "$here/init.c"
	cp "$out/pingpong" "$root/pingpong"
	mkdir -p "$root/dev" "$root/proc" "$root/sys"
	# The kernel opens /dev/console for init before init mounts devtmpfs;
	# without the node it only warns, so this is best effort (needs root).
	mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || true
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
		gzip -9 >"$out/initramfs.cpio.gz.tmp"
	mv "$out/initramfs.cpio.gz.tmp" "$out/initramfs.cpio.gz"
	rm -rf "$root"
	trap - EXIT
fi

echo "build_guest: $out/vmlinuz ($(cat "$out/kernel-package" 2>/dev/null || echo '?')), $out/initramfs.cpio.gz" >&2
