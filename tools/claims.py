#!/usr/bin/env python3
"""Checks docs/CLAIMS.md against the results of this `make test`.

Usage: tools/claims.py <results-dir> [claims-file]

For every table row: each check named in the `checks` column must have
passed in this run (at least one PASS line, no FAIL line; `name/*` matches
every case of a file, system cases match under every accelerator), a row
whose status is `not yet` must name no check, and a row that names no check
must say `not yet`.  Prints `PASS claims/<id>` or `FAIL claims/<id>: why`
per row and `PASS claims/table-checked` when the whole table holds, and
appends those lines to <results-dir>/claims.txt.
"""
import glob
import os
import re
import sys

STATUSES = {"proved", "tested", "partial", "not yet"}


def load_results(results_dir):
    passed, failed = set(), set()
    for path in glob.glob(os.path.join(results_dir, "*.txt")):
        if os.path.basename(path) == "claims.txt":
            continue
        for line in open(path, encoding="utf-8", errors="replace"):
            m = re.match(r"^(PASS|FAIL) (\S+?)(?:\[\w+\])?(?::| |$)", line)
            if m:
                (passed if m.group(1) == "PASS" else failed).add(m.group(2))
    return passed, failed


def matching(name, names):
    if name.endswith("/*"):
        prefix = name[:-1]
        return {n for n in names if n.startswith(prefix)}
    return {n for n in names if n == name}


def check_row(ident, checks, status, passed, failed):
    if status not in STATUSES:
        return f"unknown status {status!r}"
    if status == "not yet":
        return f"'not yet' but names checks {checks}" if checks else None
    if not checks:
        return f"status {status!r} names no check"
    for c in checks:
        if c == "claims/table-checked":
            continue
        if matching(c, failed):
            return f"check {c} failed"
        if not matching(c, passed):
            return f"check {c} did not run in this make test"
    return None


def main():
    results_dir = sys.argv[1]
    claims = sys.argv[2] if len(sys.argv) > 2 else "docs/CLAIMS.md"
    passed, failed = load_results(results_dir)
    lines, bad, rows = [], 0, 0
    for raw in open(claims, encoding="utf-8"):
        cells = [c.strip() for c in raw.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("id", "---") or not raw.startswith("|"):
            continue
        ident, _, check_cell, status = cells
        checks = re.findall(r"`([^`]+)`", check_cell)
        rows += 1
        why = check_row(ident, checks, status, passed, failed)
        lines.append(f"FAIL claims/{ident}: {why}" if why else f"PASS claims/{ident}")
        bad += bool(why)
    if rows == 0:
        lines.append("FAIL claims/table-checked: no rows found in " + claims)
    else:
        lines.append(f"{'FAIL' if bad else 'PASS'} claims/table-checked"
                     + (f": {bad} of {rows} rows do not hold" if bad else ""))
    with open(os.path.join(results_dir, "claims.txt"), "a", encoding="utf-8") as f:
        for line in lines:
            print(line)
            f.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
