#!/usr/bin/env python3
"""Predict the SHA-256-bank values of PCR 8 and 9 after Tessera's UEFI
loader has measured a boot set (boot/uefi/main.c, docs/BOOT.md).

usage: pcr_predict.py DIR      DIR holds bootset.txt and the files it lists
                               (e.g. build/gcc/uefi/esp.img.stage/tessera)

Prints one line per PCR, in the form the shell's `attest` prints:
    PCR[8] sha256 <64 hex>
Each PCR starts as 32 zero bytes (nothing else extends 8 or 9 on this
path) and is extended, in the loader's order, with the SHA-256 of exactly
the buffer the loader passes to HashLogExtendEvent (flags 0, so the
firmware hashes the buffer as is):
    PCR 8: the command line (no NUL), then the manifest module;
    PCR 9: kernel.bin, then every other module in boot-set order.
A file whose size or SHA-256 differs from the boot set is an error: the
loader would refuse that boot, so there is nothing to predict.
"""
import hashlib, os, sys

PCR_CONFIG, PCR_CODE = 8, 9


def parse_bootset(text):
    lines = text.split("\n")
    if lines[0] != "tessera-bootset 1" or not lines[1].startswith("cmdline ") or lines[-1] != "":
        raise ValueError("not a version 1 boot set")
    cmdline = lines[1][len("cmdline "):]
    entries = []
    for line in lines[2:-1]:
        kind, name, size, digest = line.split(" ")
        entries.append((kind, name, int(size), digest))
    if not entries or entries[0][0] != "kernel" or any(e[0] != "module" for e in entries[1:]):
        raise ValueError("the kernel line must come first, then modules")
    return cmdline, entries


def module_name(file):
    """init.elf -> init (as lib/bootset/bootset.c and the Multiboot path)."""
    dot = file.rfind(".")
    return file[:dot] if dot > 0 else file


def predict(folder):
    """{pcr: (value, [(what, digest)...])} for the boot set in folder."""
    with open(os.path.join(folder, "bootset.txt"), encoding="ascii") as f:
        cmdline, entries = parse_bootset(f.read())
    data = {}
    for kind, name, size, digest in entries:
        blob = open(os.path.join(folder, name), "rb").read()
        if len(blob) != size or hashlib.sha256(blob).hexdigest() != digest:
            raise ValueError(f"{name} does not match the boot set: the loader would refuse it")
        data[name] = blob
    events = {PCR_CONFIG: [("cmdline", cmdline.encode("ascii"))], PCR_CODE: []}
    modules = [e[1] for e in entries[1:]]
    events[PCR_CONFIG] += [(m, data[m]) for m in modules if module_name(m) == "manifest"]
    events[PCR_CODE].append((entries[0][1], data[entries[0][1]]))
    events[PCR_CODE] += [(m, data[m]) for m in modules if module_name(m) != "manifest"]
    out = {}
    for pcr, evs in events.items():
        value, log = bytes(32), []
        for what, blob in evs:
            digest = hashlib.sha256(blob).digest()
            value = hashlib.sha256(value + digest).digest()
            log.append((what, digest.hex()))
        out[pcr] = (value.hex(), log)
    return out


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        result = predict(argv[1])
    except (OSError, ValueError) as e:
        print(f"pcr_predict: {e}", file=sys.stderr)
        return 1
    for pcr in sorted(result):
        print(f"PCR[{pcr}] sha256 {result[pcr][0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
