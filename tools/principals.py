#!/usr/bin/env python3
"""principals.py - the host side of principals (D1) and the key store (D3).

  principals.py fill KEYDIR TSIGN IN OUT
      copies the manifest IN to OUT, replacing the key of every top-level
      declaration "principal <name> dev" with the public key (64 hex
      digits) of KEYDIR/<name>.key; a missing key is generated first with
      `tsign keygen` (32 bytes from /dev/urandom, mode 0600).  Every other
      line is copied as it is.  The manifest parser itself accepts only
      hex: an unfilled "dev" is refused at boot.
  principals.py seal KEYDIR OUT
      writes the key store's sealed boot module: the 32-byte seeds of
      every KEYDIR/*.key, in name order, one after the other (at most 8).

KEYDIR is keys/principals/ (keys/ is in .gitignore, mode 0700): the
private keys are made on this machine and never committed; only what the
build derives from them (public keys in the manifest, the sealed module in
the build folder) leaves it.  docs/IDENTITY.md.
"""
import os, re, stat, subprocess, sys

MAX_KEYS = 8
NAME = re.compile(r"^[a-z0-9._-]{1,31}$")


def ensure_key(keydir, tsign, name):
    path = os.path.join(keydir, name + ".key")
    if not os.path.exists(path):
        os.makedirs(keydir, mode=0o700, exist_ok=True)
        r = subprocess.run([tsign, "keygen", path], capture_output=True, text=True)
        if r.returncode != 0 and not os.path.exists(path):
            sys.exit(f"principals: keygen {path}: {r.stderr.strip()}")
    return subprocess.run([tsign, "pub", path], check=True, capture_output=True,
                          text=True).stdout.strip()


def fill(keydir, tsign, src, dst):
    out = []
    in_server = False
    with open(src, encoding="ascii") as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words and words[0] == "server":
                in_server = True
            if (not in_server and len(words) == 3 and words[0] == "principal"
                    and words[2] == "dev" and NAME.match(words[1])):
                pub = ensure_key(keydir, tsign, words[1])
                line = re.sub(r"\bdev\b", pub, line, count=1)
            out.append(line)
    tmp = dst + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.writelines(out)
    os.replace(tmp, dst)


def seal(keydir, dst):
    names = sorted(n for n in os.listdir(keydir) if n.endswith(".key")) \
        if os.path.isdir(keydir) else []
    if len(names) > MAX_KEYS:
        sys.exit(f"principals: {len(names)} keys in {keydir}, at most {MAX_KEYS}")
    blob = b""
    for n in names:
        path = os.path.join(keydir, n)
        st = os.stat(path)
        if st.st_size != 32 or st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            sys.exit(f"principals: {path}: not a 32-byte key of mode 0600")
        with open(path, "rb") as f:
            blob += f.read()
    fd = os.open(dst + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(blob)
    os.replace(dst + ".tmp", dst)


def main(argv):
    if len(argv) == 5 and argv[0] == "fill":
        fill(*argv[1:])
    elif len(argv) == 3 and argv[0] == "seal":
        seal(*argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
