#!/usr/bin/env python3
"""IPC round trip, Tessera against Linux pipes (`make bench`).

usage: ipc.py --build DIR

1. Boots ipc_bench + ipc_bench_server (command line "init exit_when_idle")
   under TCG and, when the harness's KVM probe passes, under KVM, and
   re-prints the guest's BENCH lines with the accelerator in the name:
   BENCH tessera_ipc_<accel>_rt_<0w|4w|4k>_<median|min|mean_ns> ...
2. Runs tools/bench/ipc_baseline.sh: the same ping-pong over Linux pipes
   on the host (taskset -c 0) and in a Debian Linux guest under the same
   QEMU settings (and says so when that guest does not boot under KVM).
3. Prints the ratios that count: Linux pipe round trip / Tessera round trip
   in nanoseconds, in the same QEMU mode.
Figures only: exits 0 unless a measurement could not be made at all.
Under TCG, cycle counts are QEMU's virtual TSC and mean little; compare
the nanosecond figures side by side.
"""
import argparse, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
import harness  # noqa: E402

BENCH = re.compile(r"BENCH (\S+) (\S+) (\S+)")
DONE = re.compile(r"^\[ipc_bench(_short)?:\d+\] ipc_bench: done")


def tessera(build, accel, logdir, program="ipc_bench"):
    case = harness.Case("ipc_bench")
    case.modules, case.cmdline = [program, "ipc_bench_server"], "init exit_when_idle"
    case.timeout, case.exit = 900.0, 33
    log = os.path.join(logdir, f"ipc_bench.{accel}.log")
    run = harness.run_qemu(harness.qemu_cmd(build, case, accel), log, case.timeout, DONE)
    figures = {}
    for line in open(log, encoding="utf-8", errors="replace"):
        m = BENCH.search(line)
        if m and line.startswith("[ipc_bench"):
            name = m.group(1).replace("tessera_ipc_", f"tessera_ipc_{accel}_")
            figures[name] = float(m.group(2))
            print(f"BENCH {name} {m.group(2)} {m.group(3)}", flush=True)
    if not figures:
        print(f"# tessera under {accel}: no figures (log: {log})")
    del run
    return figures


def linux(build):
    out = subprocess.run(["bash", os.path.join(ROOT, "tools/bench/ipc_baseline.sh"), build],
                         capture_output=True, text=True)
    figures = {}
    for line in out.stdout.splitlines():
        print(line, flush=True)
        m = BENCH.match(line)
        if m:
            figures[m.group(1)] = float(m.group(2))
    if out.returncode != 0:
        print(f"# linux baseline failed: {out.stderr.strip()[-300:]}")
    return figures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True)
    a = ap.parse_args()
    logdir = os.path.join(a.build, "bench-logs")
    os.makedirs(logdir, exist_ok=True)
    ours = tessera(a.build, "tcg", logdir)
    print("# under TCG the cycle figures are QEMU's virtual TSC: compare nanoseconds")
    ok, why = harness.kvm_available(a.build, logdir)
    if ok:
        # Each round trip costs milliseconds under this machine's
        # paravirtual KVM: 2,000 samples per size instead of 100,000.
        print("# kvm: ipc_bench_short (2,000 round trips per size)")
        ours.update(tessera(a.build, "kvm", logdir, "ipc_bench_short"))
    else:
        print(f"# kvm: unavailable ({why})")
    theirs = linux(a.build)
    for accel in ("tcg", "kvm"):
        for size, lsize in (("0w", "1b"), ("4w", "32b"), ("4k", "4096b")):
            t = ours.get(f"tessera_ipc_{accel}_rt_{size}_mean_ns")
            l = theirs.get(f"linux_pipe_{accel}_rt_{lsize}_median_ns")
            if t and l:
                print(f"BENCH ipc_linux_over_tessera_{accel}_{size} {l / t:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
