#!/usr/bin/env python3
"""Writes the seed corpus for tests/fuzz/fuzz_elf.c into corpus/elf/.

Each seed is a small ELF64 file built from scratch: valid ones the parser
must accept and broken ones that each break one rule, so the fuzzer starts
next to every branch.  real_static is a copy of the linker-made
tests/unit/data/static_min.elf.  Deterministic; rerun after changing it and commit
the output:  python3 tests/fuzz/make_elf_corpus.py
"""
import os
import shutil
import struct

PT_LOAD, PT_INTERP, PT_NOTE, PT_GNU_STACK = 1, 3, 4, 0x6474E551
PF_X, PF_W, PF_R = 1, 2, 4


def header(entry, phnum, phoff=64, etype=2, machine=62, cls=2):
    ident = b"\x7fELF" + bytes([cls, 1, 1]) + bytes(9)
    return ident + struct.pack("<HHIQQQIHHHHHH", etype, machine, 1, entry,
                               phoff, 0, 0, 64, 56, phnum, 64, 0, 0)


def phdr(ptype, flags, off, vaddr, filesz, memsz):
    return struct.pack("<IIQQQQQQ", ptype, flags, off, vaddr, vaddr,
                       filesz, memsz, 0x1000)


def image(entry, phdrs, size=0x400, **kw):
    data = header(entry, len(phdrs), **kw) + b"".join(phdrs)
    data += b"\x90" * (size - len(data)) if size > len(data) else b""
    return data


TEXT = phdr(PT_LOAD, PF_R | PF_X, 0x200, 0x400000, 0x100, 0x100)
DATA = phdr(PT_LOAD, PF_R | PF_W, 0x300, 0x401000, 0x20, 0x1000)
STACK = phdr(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0)

SEEDS = {
    "valid_min": image(0x400000, [TEXT]),
    "valid_two": image(0x400010, [TEXT, DATA, STACK]),
    "valid_note": image(0x400010, [phdr(PT_NOTE, PF_R, 0x200, 0, 8, 8),
                                   TEXT, DATA]),
    "truncated": image(0x400000, [TEXT])[:100],
    "short_header": image(0x400000, [TEXT])[:40],
    "wx": image(0x400000, [phdr(PT_LOAD, PF_R | PF_W | PF_X, 0x200,
                                0x400000, 0x100, 0x100)]),
    "exec_stack": image(0x400000, [TEXT, phdr(PT_GNU_STACK, PF_R | PF_W |
                                              PF_X, 0, 0, 0, 0)]),
    "interp": image(0x400000, [phdr(PT_INTERP, PF_R, 0x300, 0, 16, 16),
                               TEXT]),
    "overlap": image(0x400000, [TEXT, phdr(PT_LOAD, PF_R | PF_W, 0x300,
                                           0x400800, 0x20, 0x20)]),
    "outside_user": image(0x1000, [phdr(PT_LOAD, PF_R | PF_X, 0x200,
                                        0x1000, 0x100, 0x100)]),
    "data_past_eof": image(0x400000, [phdr(PT_LOAD, PF_R | PF_X, 0x3f0,
                                           0x400000, 0x100, 0x100)]),
    "entry_in_data": image(0x401000, [TEXT, DATA]),
    "class32": image(0x400000, [TEXT], cls=1),
    "et_dyn": image(0x400000, [TEXT], etype=3),
    "phoff_huge": image(0x400000, [TEXT], phoff=0xFFFFFFFFFFFFFF00),
    "nine_loads": image(0x400000, [phdr(PT_LOAD, PF_R | (PF_X if i == 0
                                                         else 0),
                                        0x200, 0x400000 + 0x1000 * i,
                                        0x10, 0x10) for i in range(9)],
                        size=0x800),
}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "corpus", "elf")
    os.makedirs(out, exist_ok=True)
    for name, data in sorted(SEEDS.items()):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    real = os.path.join(out, "..", "..", "..", "unit", "data",
                        "static_min.elf")
    shutil.copyfile(real, os.path.join(out, "real_static"))


if __name__ == "__main__":
    main()
