#!/usr/bin/env python3
"""Boot-to-ring-3 time (`make bench`): wall-clock time from starting QEMU to
the first serial line printed by a user process, the first line matching
^\\[hello:\\d+\\] (the test logger prefixes user output with "[name:pid] ", the kernel stamps name and pid).

usage: boot_time.py --build DIR [--runs N]

Boots kernel.bin with the modules hello and counter and the command line
"test" (signed like every harness boot: tools/bootset.py), under TCG and,
when the system-test harness's KVM probe passes, under KVM; prints BENCH
lines (median and min, in ms).  Also the part of the boot the kernel
spends on D2 (kernel/verify.c): one Ed25519 verification of the boot set
and the SHA-256 of every module, as the kernel timed them (median, us).  QEMU is killed as
soon as the line appears.  Figures only: exits 0 unless the harness errs.
Environment: QEMU overrides the QEMU command, as for the harness.
"""
import argparse, os, re, statistics, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
import harness  # noqa: E402

RING3 = re.compile(r"^\[hello:\d+\]")
VERIFY = re.compile(r"^kernel: boot set verified: .*signature (\d+) us, (\d+) bytes hashed in (\d+) us")
TIMEOUT = 60.0


def measure(build, accel, runs, logdir):
    case = harness.Case("boot_time")
    case.modules, case.cmdline, case.until = ["hello", "counter"], "test", RING3
    case.timeout, case.exit = TIMEOUT, "killed"
    cmd = harness.qemu_cmd(build, case, accel)
    times, verify = [], []
    for i in range(runs):
        log = os.path.join(logdir, f"boot_time.{accel}.{i}.log")
        run = harness.run_qemu(cmd, log, TIMEOUT, RING3)
        if run.until_time is None:
            why = "; ".join(harness.judge(case, run)) or "no ring-3 line"
            print(f"# {accel}: run {i + 1} failed: {why} (log: {log})", flush=True)
            continue
        times.append(run.until_time * 1000.0)
        for line in run.lines:
            m = VERIFY.search(line)
            if m:
                verify.append(tuple(int(g) for g in m.groups()))
    return times, verify


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    logdir = os.path.join(a.build, "bench-logs")
    os.makedirs(logdir, exist_ok=True)

    accels = ["tcg"]
    ok, why = harness.kvm_available(a.build, logdir)
    if ok:
        accels.append("kvm")
    else:
        print(f"# kvm: unavailable ({why})")
    for accel in accels:
        try:
            times, verify = measure(a.build, accel, a.runs, logdir)
        except harness.CaseError as e:
            print(f"# {accel}: unavailable ({e})")
            continue
        if not times:
            print(f"# {accel}: unavailable (no run reached ring 3)")
            continue
        print(f"BENCH boot_to_ring3_{accel}_median {statistics.median(times):.1f} ms")
        print(f"BENCH boot_to_ring3_{accel}_min {min(times):.1f} ms", flush=True)
        if verify:
            sig = statistics.median(v[0] for v in verify)
            hashed = statistics.median(v[2] for v in verify)
            print(f"BENCH boot_verify_signature_{accel}_median {sig:.0f} us")
            print(f"BENCH boot_verify_sha256_{accel}_median {hashed:.0f} us "
                  f"({verify[0][1]} bytes of modules)")
            print(f"BENCH boot_verify_total_{accel}_median "
                  f"{statistics.median(v[0] + v[2] for v in verify):.0f} us", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
