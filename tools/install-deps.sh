#!/usr/bin/env bash
# Install the Debian 12 packages that building, running and testing Tessera
# needs.  Called by `make deps` (and so by `make run`, `make test`,
# `make bench`).  Idempotent: when everything is already installed it only
# asks dpkg, which takes a few milliseconds, and never touches the network.
#
# To add a dependency, add its Debian package name to DEPS below.
set -euo pipefail

# ------------------------------------------------------------------ the list
DEPS=(
	make gcc binutils            # default toolchain
	clang lld llvm               # second compiler (warning-free build), tools
	libclang-rt-14-dev           # libFuzzer + ASan/UBSan runtimes for clang 14
	qemu-system-x86              # runs the kernel (make run, system tests)
	python3                      # system-test harness, benchmarks
	libssl-dev                   # OpenSSL, the oracle in crypto unit tests
	openssl                      # its command line, the oracle in tests/host/tsign.sh
	cpio                         # initramfs of the Linux IPC baseline guest
	frama-c-base why3 z3 cvc4    # make prove: Frama-C WP, via why3, two provers
	gnu-efi                      # the UEFI loader (boot/uefi): headers, crt0, libefi
	ovmf swtpm mtools            # measured boot: firmware, software TPM, FAT ESP image
)
# ---------------------------------------------------------------------------

die() { echo "deps: $*" >&2; exit 1; }

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: cannot install; say what is missing if anything obvious.
	for c in make gcc clang qemu-system-x86_64 python3; do
		command -v "$c" >/dev/null 2>&1 || die "not a Debian system (no dpkg) and '$c' is missing; install the equivalents of: ${DEPS[*]}"
	done
	echo "deps: not a Debian system; assuming the equivalents of '${DEPS[*]}' are installed"
	exit 0
fi

# Which of DEPS are not fully installed ("ii")?
missing=()
status=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${DEPS[@]}" 2>/dev/null || true)
for p in "${DEPS[@]}"; do
	if ! grep -qE "^${p//+/\\+}(:[a-z0-9]+)? [a-z]i" <<<"$status"; then
		missing+=("$p")
	fi
done

# why3 (which Frama-C WP drives) must know the provers: detect them once,
# when its config file is missing.  Cheap and offline.
why3_config() {
	if command -v why3 >/dev/null 2>&1 && [ ! -f "${WHY3CONFIG:-$HOME/.why3.conf}" ]; then
		why3 config detect >/dev/null 2>&1 || die "why3 config detect failed"
		echo "deps: why3 provers detected"
	fi
}

if [ ${#missing[@]} -eq 0 ]; then
	why3_config
	echo "deps: all present"
	exit 0
fi

# Need root for apt-get.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=(sudo)
	else
		die "missing packages: ${missing[*]}; run as root or install sudo (or: apt-get install ${missing[*]})"
	fi
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp /tmp/tessera-deps.XXXXXX)
trap 'rm -f "$log"' EXIT
echo "deps: installing ${missing[*]} ..."
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1; then
	cat "$log" >&2
	die "apt-get update failed"
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	--no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
	tail -n 30 "$log" >&2
	die "apt-get install failed for: ${missing[*]}"
fi
echo "deps: installed ${missing[*]}"
why3_config
