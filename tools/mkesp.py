#!/usr/bin/env python3
"""Build the EFI system partition (a FAT image) that Tessera's UEFI loader
boots: the loader as \\EFI\\BOOT\\BOOTX64.EFI, and in \\tessera\\ the kernel,
the boot modules, the boot set listing them (name, size, SHA-256) and its
Ed25519 signature made with tsign.  Format: lib/bootset/bootset.h.

usage: mkesp.py --build DIR --loader EFI --tsign TSIGN --key KEY
                --out IMG [--stage DIR] [--cmdline TEXT]
                [--tamper FILE] MODULE...

A MODULE is a name as `make run` takes it (init -> <build>/user/init.elf,
manifest.txt -> <build>/user/manifest.txt) or a path containing '/'.
--tamper FILE flips one byte of that staged file AFTER signing: the
loader must refuse the result (the uefi_refuses_tampered_module test).
Uses only mtools; the image is reproducible (fixed serial, fixed times).
"""
import argparse, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootset  # noqa: E402  (tools/bootset.py: the one boot-set writer)

EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))


def module_path(build, m):
    if "/" in m:
        return m
    return os.path.join(build, "user", m if "." in m else m + ".elf")


def stage(a, tdir):
    """Copies the components into tdir and writes bootset.txt; returns its text."""
    kernel = os.path.join(a.build, "kernel.bin")
    shutil.copyfile(kernel, os.path.join(tdir, "kernel.bin"))
    mods = []
    for m in a.modules:
        src = module_path(a.build, m)
        name = os.path.basename(src)
        if os.path.exists(os.path.join(tdir, name)):
            sys.exit(f"mkesp: two components named {name}")
        shutil.copyfile(src, os.path.join(tdir, name))
        mods.append(src)
    text = bootset.text(kernel, mods, a.cmdline)
    with open(os.path.join(tdir, "bootset.txt"), "w", encoding="ascii") as f:
        f.write(text)
    return text


def fat_image(out, root):
    """A FAT image holding the tree at root, sized to fit with room to spare."""
    total = sum(os.path.getsize(os.path.join(d, f))
                for d, _, fs in os.walk(root) for f in fs)
    mib = max(8, (total * 5 // 4) // (1 << 20) + 2)
    if os.path.exists(out):
        os.unlink(out)
    with open(out, "wb") as f:
        f.truncate(mib << 20)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")

    def run(*cmd):
        subprocess.run(cmd, check=True, env=env)
    run("mformat", "-i", out, "-N", "0", "-v", "TESSERA", "-T", str(mib * 2048),
        "-h", "64", "-s", "32", "::")
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        rel = os.path.relpath(d, root)
        if rel != ".":
            run("mmd", "-i", out, "::/" + rel)
        for f in sorted(files):
            p = os.path.join(d, f)
            os.utime(p, (EPOCH, EPOCH))
            dst = "::/" + (f if rel == "." else rel + "/" + f)
            run("mcopy", "-i", out, "-m", "-o", p, dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--loader", required=True)
    ap.add_argument("--tsign", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stage", help="staging folder (default: <out>.stage), kept")
    ap.add_argument("--cmdline", default="init")
    ap.add_argument("--tamper", help="flip one byte of this staged file after signing")
    ap.add_argument("modules", nargs="+")
    a = ap.parse_args()

    root = a.stage or a.out + ".stage"
    shutil.rmtree(root, ignore_errors=True)
    tdir = os.path.join(root, "tessera")
    os.makedirs(os.path.join(root, "EFI", "BOOT"))
    os.makedirs(tdir)
    shutil.copyfile(a.loader, os.path.join(root, "EFI", "BOOT", "BOOTX64.EFI"))
    text = stage(a, tdir)
    with open(os.path.join(tdir, "bootset.sig"), "wb") as f:
        f.write(bootset.sign(a.tsign, a.key, text.encode("ascii")))
    if a.tamper:
        p = os.path.join(tdir, a.tamper)
        data = bytearray(open(p, "rb").read())
        data[len(data) // 2] ^= 0x01
        open(p, "wb").write(bytes(data))
        print(f"mkesp: flipped byte {len(data) // 2} of {a.tamper} after signing")
    fat_image(a.out, root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
