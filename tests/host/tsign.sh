#!/usr/bin/env bash
# tests/host/tsign.sh - tsign against OpenSSL and an independent did:key
# computation in Python.
#
# Usage: tests/host/tsign.sh <path to tsign>
# Each case prints "PASS host/tsign/<case>" or "FAIL host/tsign/<case>: why";
# exit status 1 if any case failed.  Works in a fresh temporary folder.
set -u

TSIGN=$(realpath "${1:?usage: $0 <tsign>}")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
failures=0

pass() { echo "PASS host/tsign/$1"; }
fail() { echo "FAIL host/tsign/$1: $2"; failures=$((failures + 1)); }

# expect_refusal <case> <pattern> <cmd...>: the command must exit non-zero
# and say something matching pattern on stderr, starting "tsign: ".
expect_refusal() {
	local name=$1 pattern=$2 err rc
	shift 2
	err=$("$@" 2>&1 >/dev/null); rc=$?
	if [ $rc -eq 0 ]; then
		fail "$name" "'$*' succeeded"; return 1
	fi
	if ! grep -q "^tsign: .*$pattern" <<<"$err"; then
		fail "$name" "'$*' said '$err', expected /$pattern/"; return 1
	fi
	return 0
}

# flip_bit <file> <byte offset>: flips the low bit of one byte in place.
flip_bit() {
	python3 - "$1" "$2" <<'PY'
import sys
p, i = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read()); b[i] ^= 1
open(p, 'wb').write(b)
PY
}

# openssl_verify <pem> <msg> <sig>: exit status of OpenSSL's Ed25519 check.
openssl_verify() {
	openssl pkeyutl -verify -pubin -inkey "$1" -rawin -in "$2" -sigfile "$3" >/dev/null 2>&1
}

# RFC 8032 section 7.1, TEST 1.
RFC_SEED=9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60
RFC_PUB=d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a
RFC_SIG_EMPTY=e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b

printf 'Tessera release image\n%.0s' {1..50} > msg

# --- keygen ---------------------------------------------------------------
if "$TSIGN" keygen k1 && [ "$(stat -c %a k1)" = 600 ] && [ "$(stat -c %s k1)" = 32 ]; then
	pass keygen_creates_0600_32_bytes
else
	fail keygen_creates_0600_32_bytes "mode $(stat -c %a k1 2>&1), size $(stat -c %s k1 2>&1)"
fi

before=$(sha256sum k1)
if expect_refusal keygen_refuses_overwrite "already exists" "$TSIGN" keygen k1; then
	if [ "$(sha256sum k1)" = "$before" ]; then pass keygen_refuses_overwrite
	else fail keygen_refuses_overwrite "k1 changed"; fi
fi

"$TSIGN" keygen k2
if ! cmp -s k1 k2; then pass keygen_keys_differ; else fail keygen_keys_differ "two keygens gave one key"; fi

# --- sign and verify, both tools ------------------------------------------
"$TSIGN" pem k1 > k1.pem
if "$TSIGN" sign k1 msg sig && [ "$(stat -c %s sig)" = 64 ] && openssl_verify k1.pem msg sig; then
	pass signature_verified_by_openssl
else
	fail signature_verified_by_openssl "openssl pkeyutl -verify refused tsign's signature"
fi

pubhex=$("$TSIGN" pub k1)
if "$TSIGN" verify k1 msg sig >/dev/null && "$TSIGN" verify "$pubhex" msg sig >/dev/null; then
	pass verify_accepts_by_keyfile_and_pubhex
else
	fail verify_accepts_by_keyfile_and_pubhex "tsign verify refused its own signature"
fi

if "$TSIGN" verify k2 msg sig 2>/dev/null; then
	fail verify_refuses_other_key "accepted under k2"
else
	pass verify_refuses_other_key
fi

for at in 0 31 32 63; do
	cp sig sig.bad; flip_bit sig.bad $at
	if "$TSIGN" verify k1 msg sig.bad 2>/dev/null; then
		fail flipped_signature_bit_refused "tsign accepted bit flip at byte $at"; continue 2
	fi
	if openssl_verify k1.pem msg sig.bad; then
		fail flipped_signature_bit_refused "openssl accepted bit flip at byte $at"; continue 2
	fi
done
pass flipped_signature_bit_refused

cp msg msg.bad; flip_bit msg.bad 100
if "$TSIGN" verify k1 msg.bad sig 2>/dev/null; then
	fail flipped_message_bit_refused "tsign accepted"
elif openssl_verify k1.pem msg.bad sig; then
	fail flipped_message_bit_refused "openssl accepted"
else
	pass flipped_message_bit_refused
fi

# --- the RFC 8032 key, OpenSSL's own signature and PEM ----------------------
python3 -c "import sys; sys.stdout.buffer.write(bytes.fromhex('$RFC_SEED'))" > rfc.key
chmod 600 rfc.key
if [ "$("$TSIGN" pub rfc.key)" = "$RFC_PUB" ]; then pass rfc8032_public_key
else fail rfc8032_public_key "got $("$TSIGN" pub rfc.key 2>&1)"; fi

: > empty
"$TSIGN" sign rfc.key empty empty.sig
if [ "$(od -An -tx1 -v empty.sig | tr -d ' \n')" = "$RFC_SIG_EMPTY" ]; then
	pass rfc8032_test1_signature
else
	fail rfc8032_test1_signature "signature of the empty message differs"
fi

# PKCS#8 for OpenSSL: the fixed RFC 8410 prefix, then the seed.
python3 -c "import sys; sys.stdout.buffer.write(bytes.fromhex('302e020100300506032b657004220420$RFC_SEED'))" > rfc.der
openssl pkey -inform DER -in rfc.der -out rfc-priv.pem 2>/dev/null
openssl pkey -in rfc-priv.pem -pubout -out rfc-openssl.pem 2>/dev/null
if "$TSIGN" pem rfc.key | cmp -s - rfc-openssl.pem; then
	pass pem_equals_openssl_pubout
else
	fail pem_equals_openssl_pubout "tsign pem differs from openssl pkey -pubout"
fi

openssl pkeyutl -sign -inkey rfc-priv.pem -rawin -in msg -out msg.osig 2>/dev/null
"$TSIGN" sign rfc.key msg msg.tsig
if cmp -s msg.osig msg.tsig && "$TSIGN" verify "$RFC_PUB" msg msg.osig >/dev/null; then
	pass openssl_signature_equal_and_accepted
else
	fail openssl_signature_equal_and_accepted "signatures differ or OpenSSL's was refused"
fi

# did:key computed independently: multibase 'z' + base58btc(0xed 0x01 || key).
want_did=$(python3 - "$RFC_PUB" <<'PY'
import sys
raw = bytes([0xed, 0x01]) + bytes.fromhex(sys.argv[1])
alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
n, s = int.from_bytes(raw, "big"), ""
while n:
    n, r = divmod(n, 58)
    s = alphabet[r] + s
s = "1" * (len(raw) - len(raw.lstrip(b"\0"))) + s
print("did:key:z" + s)
PY
)
got_file=$("$TSIGN" did rfc.key)
got_hex=$("$TSIGN" did "$RFC_PUB")
if [ "$got_file" = "$want_did" ] && [ "$got_hex" = "$want_did" ] && [[ $want_did == did:key:z6Mk* ]]; then
	pass did_key_matches_python
else
	fail did_key_matches_python "want $want_did, got $got_file / $got_hex"
fi

# --- refusals ---------------------------------------------------------------
ok=1
head -c 31 k1 > short.key; head -c 32 k1 > long.key; echo x >> long.key; : > empty.key
chmod 600 short.key long.key empty.key
for f in short.key long.key empty.key; do
	expect_refusal malformed_key_files_refused "expected a 32-byte Ed25519 seed" "$TSIGN" sign "$f" msg out.sig || ok=0
	expect_refusal malformed_key_files_refused "expected a 32-byte Ed25519 seed" "$TSIGN" pub "$f" || ok=0
done
expect_refusal malformed_key_files_refused "No such file" "$TSIGN" sign missing.key msg out.sig || ok=0
mkdir dir.key && chmod 700 dir.key
expect_refusal malformed_key_files_refused "not a regular file" "$TSIGN" pub dir.key || ok=0
[ ! -e out.sig ] || { fail malformed_key_files_refused "a signature was written"; ok=0; }
[ $ok = 1 ] && pass malformed_key_files_refused

cp k1 open.key; chmod 644 open.key
expect_refusal readable_key_file_refused "chmod 600" "$TSIGN" sign open.key msg out.sig && pass readable_key_file_refused

ok=1
head -c 63 sig > sig63; cat sig sig > sig128; : > sig0; head -c 65 sig128 > sig65
for s in sig63 sig65 sig0 sig128; do
	expect_refusal truncated_signature_refused "expected 64" "$TSIGN" verify k1 msg "$s" || ok=0
done
expect_refusal truncated_signature_refused "No such file" "$TSIGN" verify k1 msg nosig || ok=0
[ $ok = 1 ] && pass truncated_signature_refused

ok=1
expect_refusal malformed_public_key_refused "" "$TSIGN" verify "${RFC_PUB:1}" msg sig || ok=0
expect_refusal malformed_public_key_refused "" "$TSIGN" verify "${RFC_PUB:0:63}g" msg sig || ok=0
# A 64-hex-digit string that is not a curve point must not verify anything.
expect_refusal malformed_public_key_refused "NOT valid" "$TSIGN" verify "$(printf 'ff%.0s' {1..32})" msg sig || ok=0
[ $ok = 1 ] && pass malformed_public_key_refused

"$TSIGN" >/dev/null 2>&1; rc1=$?
"$TSIGN" sign k1 msg >/dev/null 2>&1; rc2=$?
if [ $rc1 = 2 ] && [ $rc2 = 2 ]; then pass usage_exits_2; else fail usage_exits_2 "exit $rc1, $rc2"; fi

[ $failures -eq 0 ]
