#!/usr/bin/env python3
"""Boot sets (format: lib/bootset/bootset.h): the one code path that lists,
hashes and signs what a boot may run, for both boot paths.  Used by
tools/mkesp.py (the UEFI ESP), tests/system/harness.py and everything that
boots through it (tools/bench/*.py, tools/soak.py), tools/run-qemu.sh
(`make run`) and tools/release.sh (`make release`).

usage: bootset.py multiboot --kernel FILE --tsign TSIGN --key KEY
                            --out FILE [--cmdline TEXT] MODULE...

`multiboot` writes the Multiboot boot-set module: the boot set's text
followed by its 64-byte Ed25519 signature.  Boot it as the LAST -initrd
module, in a file whose base name is `bootset.<ext>` (the kernel finds it
by the module name "bootset"), with exactly the -append given here.
A MODULE is a path; its boot-set name is its base name.
"""
import argparse, hashlib, os, subprocess, sys, tempfile


def entry(kind, path, name=None):
    """One "kernel|module <file> <size> <sha256>" line for the file at path."""
    with open(path, "rb") as f:
        data = f.read()
    name = name or os.path.basename(path)
    return f"{kind} {name} {len(data)} {hashlib.sha256(data).hexdigest()}\n"


def text(kernel, modules, cmdline):
    """The boot set listing kernel and modules (paths, in boot order)."""
    if "\n" in cmdline:
        raise ValueError("newline in the command line")
    lines = ["tessera-bootset 1\n", f"cmdline {cmdline}\n",
             entry("kernel", kernel, "kernel.bin")]
    lines += [entry("module", m) for m in modules]
    return "".join(lines)


def sign(tsign, key, data):
    """The 64-byte Ed25519 signature of data by key, made by tsign."""
    with tempfile.TemporaryDirectory(prefix="tessera-bootset-") as d:
        msg, sig = os.path.join(d, "bootset.txt"), os.path.join(d, "bootset.sig")
        with open(msg, "wb") as f:
            f.write(data)
        subprocess.run([tsign, "sign", key, msg, sig], check=True)
        with open(sig, "rb") as f:
            out = f.read()
    if len(out) != 64:
        raise RuntimeError(f"tsign gave a {len(out)}-byte signature")
    return out


def multiboot_module(out, kernel, modules, cmdline, tsign, key):
    """Writes the signed boot-set module for a Multiboot boot to out;
    returns the set's text."""
    t = text(kernel, modules, cmdline)
    data = t.encode("ascii")
    with open(out, "wb") as f:
        f.write(data + sign(tsign, key, data))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    mb = sub.add_parser("multiboot", help="write the signed boot-set module")
    mb.add_argument("--kernel", required=True)
    mb.add_argument("--tsign", required=True)
    mb.add_argument("--key", required=True)
    mb.add_argument("--out", required=True)
    mb.add_argument("--cmdline", default="")
    mb.add_argument("modules", nargs="*")
    a = ap.parse_args()
    multiboot_module(a.out, a.kernel, a.modules, a.cmdline, a.tsign, a.key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
