#!/usr/bin/env python3
"""The syscall-fuzzer soak (`make soak`) and its figures.

usage: soak.py --build DIR [--variant fuzzsoak] [--accel tcg|kvm] [--timeout S]
       soak.py --from-log LOG      (BENCH lines from a syscall_fuzz case log)

Boots the fuzzer configuration of tests/system/manifests/fuzz (three
sysfuzz instances, an echo server and a bystander under init) with the
fuzzer built as <build>/user/<variant>/sysfuzz.elf (fuzzsoak: 3,400,000
calls each, over ten million in all), the command line "test init
audit_quiet" (every check of a test boot; audit records kept in the ring
but not printed), and streams the serial output without keeping it.
Fails (exit 1) on a kernel panic, a page-table scanner violation, an
accounting mismatch (both panic), a fuzzer oracle failure or fault, a
bystander failure, the bystander or its echo server ending, or a timeout.  Prints each fuzzer's seed, the
time taken and BENCH lines.  TCG by default: under this machine's KVM each
syscall costs milliseconds (docs/STATUS.md).
"""
import argparse, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
import harness  # noqa: E402

FAIL = re.compile(r"^PANIC|PTSCAN violation|ORACLE|bystander: FAILED|"
                  r"^kernel: sysfuzz \(pid \d+\) .*fault|"
                  r"init: (echo|bystander) \(pid \d+\) ended")
DONE = re.compile(r"^\[fuzz_bystander:\d+\] bystander: done, all fuzzers done")
SEED = re.compile(r"^\[sysfuzz:\d+\] sysfuzz: seed (0x[0-9a-f]+) instance ([123]),")
CALLS = re.compile(r"^\[fuzz_bystander:\d+\] bystander: fuzzer \d done: (\d+) calls")
MS = re.compile(r"^\[sysfuzz:\d+\] sysfuzz: (\d+) ms$")


def bench(calls, seconds, label):
    print(f"BENCH {label}_calls {calls} calls")
    if seconds > 0:
        print(f"BENCH sysfuzz_calls_per_s {calls / seconds:.0f} calls/s", flush=True)


def from_log(path):
    calls, ms = 0, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = CALLS.search(line)
            calls += int(m.group(1)) if m else 0
            m = MS.search(line.rstrip("\r\n"))
            if m:
                ms.append(int(m.group(1)))
    bench(calls, max(ms, default=0) / 1000.0, "sysfuzz")
    return 0 if calls else 1


def soak(a):
    case = harness.Case("soak")
    case.modules = ["init", "fuzz/manifest.txt", f"{a.variant}/sysfuzz.elf",
                    "ipc_echo", "fuzz_bystander"]
    case.cmdline = "test init audit_quiet"
    cmd = harness.qemu_cmd(a.build, case, a.accel)
    tail, seeds, calls, verdict = [], {}, 0, None
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = start + a.timeout
        for raw in proc.stdout:
            # the test logger starts each of its lines with RS (logger.c)
            line = raw.decode("latin-1").rstrip("\r\n").replace("\x1e", "")
            tail = (tail + [line])[-40:]
            if m := SEED.search(line):
                seeds[m.group(2)] = m.group(1)
                print(f"soak: fuzzer {m.group(2)} seed {m.group(1)}", flush=True)
            if m := CALLS.search(line):
                calls += int(m.group(1))
                print(f"soak: {line}", flush=True)
            if FAIL.search(line):
                verdict = f"failure line: {line}"
                break
            if DONE.search(line):
                verdict = "ok"
                break
            if time.monotonic() > deadline:
                verdict = f"timeout after {a.timeout} s"
                break
    finally:
        proc.kill()
        proc.wait()
    took = time.monotonic() - start
    if verdict is None:
        verdict = f"QEMU ended with status {proc.returncode}"
    print(f"soak: {a.accel}, {took:.1f} s, {calls} calls, seeds "
          + " ".join(f"{k}={v}" for k, v in sorted(seeds.items())))
    if verdict != "ok":
        print("soak: FAIL: " + verdict)
        print("\n".join("  | " + t for t in tail))
        return 1
    bench(calls, took, "sysfuzz_soak")
    print("soak: PASS")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build")
    ap.add_argument("--variant", default="fuzzsoak")
    ap.add_argument("--accel", default="tcg", choices=["tcg", "kvm"])
    ap.add_argument("--timeout", type=float, default=4 * 3600)
    ap.add_argument("--from-log")
    a = ap.parse_args()
    if a.from_log:
        return from_log(a.from_log)
    if not a.build:
        ap.error("--build is needed")
    return soak(a)


if __name__ == "__main__":
    sys.exit(main())
