#!/usr/bin/env python3
r"""Tessera system-test harness: boots the kernel in QEMU once per case and
accelerator, and judges the serial output.

usage: harness.py --build DIR --results FILE [--accel tcg|kvm|auto|both]
                  [--only NAME[,NAME..]] [-j N] [--list]

Cases are tests/system/cases/<name>.case, one "key: value" per line.  A line
starting with '#' is a comment (the first one is the case's description); a
trailing " # ..." is a comment too (write '[#]' in a regex for a literal '#'
after a space).  Keys:
  modules: a b c      boot modules <build>/user/<name>.elf, in this order
                      (a name with an extension or a '/' is taken as a path
                      under <build>/user/, e.g. manifest.txt)
                      (-initrd "a,b,c"); may be empty.  The test logger
                      (tests/system/progs/logger.c) is booted first, as
                      module 0: the kernel has no print path, so the
                      logger starts these modules and prints the kernel's
                      log and the programs' output on COM1, each line
                      whole; a logger line that comes while the console
                      has an unfinished line (a prompt) is read as a line
                      of its own, before that one (SerialLines)
  logger: no          boot the modules as they are, without the logger
  cmdline: TEXT       kernel command line (-append); default "test"
  kernel: FILE        kernel image in <build>; default kernel.bin
  cpu_features: LIST  appended to the CPU model, e.g. -rdrand,-rdseed
  skip_kvm: REASON    report SKIP under kvm, with the reason (a known
                      hypervisor limitation, documented in docs/STATUS.md)
  timeout: SECONDS    default 60; a case still running then fails
  until: REGEX        once a serial line matches, QEMU is killed and judged;
                      after 0.5 s without output the partial line received
                      so far (e.g. a prompt) is tried too
  expect: REGEX       any number, in order: each must match a line after
                      the line that the previous expect matched
  expect_any: REGEX   any number: each must match some line, in any order
                      (output of concurrent processes interleaves freely)
  forbid: REGEX       any number: no line may match
  exit: N | killed    QEMU's expected exit status; default "killed" when the
                      case has `until`, else 33
  allow_panic: yes    drop the implicit "forbid: ^PANIC"
  send: REGEX => TEXT any number, in order: once serial output matching
                      REGEX has been seen, TEXT is written to the guest's
                      serial input (QEMU's stdin).  REGEX is tried on each
                      complete line and on the partial line received so
                      far (so a prompt without a newline matches), but
                      only on output that came after the previous send
                      fired.  It fires only once the output has also
                      been quiet for SEND_QUIET (0.5 s; 2 s under KVM),
                      as a person types once the screen has settled: the
                      boot's last lines (the auditor's report, the test
                      logger's lines, which share COM1 with the console)
                      can still be coming after the first prompt, and
                      typed text echoed among them would break the lines
                      the case expects.  TEXT escapes: \r \n \t \\ \xNN (\x1b is
                      ESC); leading/trailing spaces are dropped, so write
                      \x20 for one, and \x23 for '#'.  A send that never
                      fires fails the case.
  boot: uefi          boot through OVMF, Tessera's UEFI loader and a fresh
                      swtpm instead of -kernel: the modules and cmdline go
                      into a signed ESP made by tools/mkesp.py (needs make
                      uefi: the loader, tsign, keys/dev-release.key).  TCG
                      only: Debian's OVMF does not run on this machine's
                      nested KVM, so such a case is SKIP under kvm.
  mb_bootset: KIND    (multiboot) the signed boot set the harness adds as
                      the last module (tools/bootset.py, the code mkesp.py
                      uses): signed (default), missing (no boot set),
                      wrong_key (signed by a fresh key, not the release
                      key), truncated_sig (the last 32 signature bytes cut
                      off), other_cmdline (signs a command line other
                      than the one booted)
  mb_tamper: FILE     (multiboot) flip one byte of module FILE (as named in
                      modules) after signing
  mb_unlisted: FILE   (multiboot) boot module FILE, which must be the last
                      one, but leave it out of the boot set
  esp_tamper: FILE    (uefi) flip one byte of FILE on the ESP after signing
  esp_change: FILE    (uefi) append a comment line to FILE (a manifest)
                      before signing; with `pcrs: predicted` the harness
                      also predicts the unchanged set and requires PCR 8 to
                      differ between the two
  pcrs: predicted     (uefi) tools/pcr_predict.py predicts PCR 8 and 9
                      before the boot; every "PCR[n] sha256 <hex>" line the
                      guest prints must equal the prediction, and both must
                      be printed
Regexes use Python's re.search on each serial line (CR/LF stripped).
QEMU exit status is (v<<1)|1 for a write of v to port 0xf4: 33 = clean
shutdown, 65 = kernel panic, 67 = boot refused.

--accel: tcg; kvm; both (tcg and kvm; kvm cases fail if /dev/kvm is not
usable); auto (default, or $SYSTEM_ACCEL): tcg, plus kvm when /dev/kvm opens
read-write and a probe boot of kernel.bin exits 33 within 30 s.  Under kvm,
a case with cpu_features is reported as SKIP (not counted by tools/tally.sh)
when a tiny CPUID probe shows that this KVM ignores -cpu feature flags.

Environment: QEMU overrides the QEMU command (split like a shell line), e.g.
QEMU="python3 fake_qemu.py" to check the harness without a kernel.
Logs: <build>/system-logs/<name>.<accel>.log.  Exit status is 0 whatever the
cases gave; non-zero only on harness errors (bad arguments, no cases).
"""
import argparse, concurrent.futures, fnmatch, os, re, selectors, shlex, shutil
import signal, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))), "tools"))
import bootset  # noqa: E402  (tools/bootset.py: the one boot-set writer)

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "cases")
CPU_MODEL = {"tcg": "max", "kvm": "host,-arch-capabilities"}
ACCEL_ARGS = {"tcg": ["-accel", "tcg"], "kvm": ["-enable-kvm"]}
# This machine's paravirtual KVM emulates every ring-0 instruction (about
# 2 us each, docs/STATUS.md), so a kernel-heavy case runs slower there.
TIMEOUT_SCALE = {"tcg": 1.0, "kvm": 3.0}
QUIET = 0.5   # seconds without serial output before `until` tries a partial line
# Seconds without serial output before a matched `send` types its text.
# KVM: the longest gap seen in a boot's output there is 0.46 s (a spawn).
SEND_QUIET = {"tcg": QUIET, "kvm": 2.0}
POLL = 0.1    # how often a quiet line is looked at
EXIT_MEANING = {33: "clean shutdown", 65: "kernel panic",
                67: "boot refused: missing CPU feature",
                0: "QEMU reset: triple fault or reboot?"}
# A 68-byte Multiboot kernel of our own, loaded at 1 MiB, that prints "1" if
# CPUID.1:ECX.RDRAND[bit 30] is set, else "0", then exits QEMU with 33:
#   hdr: .long 0x1BADB002, 0x00010000, -(0x1BADB002+0x00010000)
#        .long hdr, hdr, end, end, _start           # a.out kludge
#   _start: mov $1,%eax; xor %ecx,%ecx; cpuid; shr $30,%ecx; and $1,%ecx
#        lea 0x30(%ecx),%eax; mov $0x3f8,%dx; out %al,%dx; mov $10,%al
#        out %al,%dx; mov $0xf4,%dx; mov $16,%al; out %al,%dx; 1: hlt; jmp 1b
# Some nested KVM set-ups pass the host's CPUID through and ignore
# "-cpu host,-rdrand"; cases with cpu_features cannot be judged there.
CPUID_PROBE = bytes.fromhex(
    "02b0ad1b00000100fe4f51e40000100000001000440010004400100020001000"
    "b80100000031c90fa2c1e91e83e1018d413066baf803eeb00aee66baf400b010eef4ebfd")
KEYS = {"modules", "logger", "cmdline", "kernel", "cpu_features", "skip_kvm", "timeout", "until",
        "expect", "expect_any", "forbid", "exit", "allow_panic", "send",
        "boot", "esp_tamper", "esp_change", "pcrs", "mb_bootset", "mb_tamper",
        "mb_unlisted"}
MB_BOOTSET = ("signed", "missing", "wrong_key", "truncated_sig", "other_cmdline")
SEND_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|[rnt\\])")


class CaseError(Exception):
    pass


class Case:
    def __init__(self, name, path=None):
        self.name, self.path, self.description = name, path, ""
        self.modules, self.cmdline, self.kernel = [], "test", "kernel.bin"
        self.logger = True
        self.cpu_features, self.timeout, self.until = "", 60.0, None
        self.skip_kvm = ""
        self.expects, self.forbids, self.exit = [], [], None
        self.expect_any = []
        self.allow_panic = False
        self.sends = []          # [(regex, bytes)], in order
        self.boot, self.esp_tamper, self.esp_change, self.pcrs = "multiboot", "", "", ""
        self.mb_bootset, self.mb_tamper, self.mb_unlisted = "signed", "", ""


def unescape_send(text, where):
    """TEXT of a send line -> bytes (escapes \\r \\n \\t \\\\ \\xNN)."""
    def one(m):
        e = m.group(1)
        return chr(int(e[1:], 16)) if e[0] == "x" else {"r": "\r", "n": "\n", "t": "\t",
                                                         "\\": "\\"}[e]
    if re.search(r"\\(?!x[0-9a-fA-F]{2}|[rnt\\])", text.replace("\\\\", "")):
        raise CaseError(f"{where}: bad escape in send text {text!r}")
    return SEND_ESCAPE.sub(one, text).encode("latin-1")


def _regex(text, where):
    try:
        return re.compile(text)
    except re.error as e:
        raise CaseError(f"{where}: bad regex {text!r}: {e}")


def parse_case(path):
    case = Case(os.path.basename(path)[:-len(".case")], path)
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            where = f"{os.path.basename(path)}:{n}"
            line = raw.strip()
            if line.startswith("#"):
                if not case.description:
                    case.description = line.lstrip("#").strip()
                continue
            line = re.sub(r"\s+#(\s.*)?$", "", line).strip()
            if not line:
                continue
            key, sep, val = line.partition(":")
            key, val = key.strip(), val.strip()
            if not sep or key not in KEYS:
                raise CaseError(f"{where}: unknown line {line!r}")
            if key == "modules":
                case.modules = val.replace(",", " ").split()
            elif key == "logger":
                if val not in ("yes", "no"):
                    raise CaseError(f"{where}: logger must be yes or no")
                case.logger = val == "yes"
            elif key == "cmdline":
                case.cmdline = val
            elif key == "kernel":
                case.kernel = val
            elif key == "cpu_features":
                case.cpu_features = val.strip(",")
            elif key == "skip_kvm":
                case.skip_kvm = val
            elif key == "timeout":
                try:
                    case.timeout = float(val)
                except ValueError:
                    raise CaseError(f"{where}: bad timeout {val!r}")
            elif key == "until":
                case.until = _regex(val, where)
            elif key == "expect":
                case.expects.append(_regex(val, where))
            elif key == "expect_any":
                case.expect_any.append(_regex(val, where))
            elif key == "forbid":
                case.forbids.append(_regex(val, where))
            elif key == "exit":
                if val != "killed" and not val.isdigit():
                    raise CaseError(f"{where}: exit must be a number or 'killed'")
                case.exit = val if val == "killed" else int(val)
            elif key == "boot":
                if val not in ("multiboot", "uefi"):
                    raise CaseError(f"{where}: boot must be multiboot or uefi")
                case.boot = val
            elif key in ("esp_tamper", "esp_change", "mb_tamper", "mb_unlisted"):
                setattr(case, key, val)
            elif key == "mb_bootset":
                if val not in MB_BOOTSET:
                    raise CaseError(f"{where}: mb_bootset must be one of {', '.join(MB_BOOTSET)}")
                case.mb_bootset = val
            elif key == "pcrs":
                if val != "predicted":
                    raise CaseError(f"{where}: pcrs must be 'predicted'")
                case.pcrs = val
            elif key == "allow_panic":
                case.allow_panic = val.lower() in ("yes", "true", "1")
            elif key == "send":
                rx, arrow, text = val.partition(" => ")
                if not arrow or not rx.strip():
                    raise CaseError(f"{where}: send needs 'REGEX => TEXT'")
                case.sends.append((_regex(rx.strip(), where),
                                   unescape_send(text.strip(), where)))
    if case.boot != "uefi" and (case.esp_tamper or case.esp_change or case.pcrs):
        raise CaseError(f"{os.path.basename(path)}: esp_tamper, esp_change and pcrs need boot: uefi")
    if case.boot == "uefi" and (case.mb_bootset != "signed" or case.mb_tamper or case.mb_unlisted):
        raise CaseError(f"{os.path.basename(path)}: mb_bootset, mb_tamper and mb_unlisted need boot: multiboot")
    for key in ("mb_tamper", "mb_unlisted"):
        if getattr(case, key) and getattr(case, key) not in case.modules:
            raise CaseError(f"{os.path.basename(path)}: {key}: {getattr(case, key)} is not among the modules")
    if case.mb_unlisted and case.modules[-1] != case.mb_unlisted:
        raise CaseError(f"{os.path.basename(path)}: mb_unlisted must name the last module")
    if case.exit is None:
        case.exit = "killed" if case.until else 33
    if not case.allow_panic:
        case.forbids.append(re.compile(r"^PANIC"))
    return case


def qemu_base():
    return shlex.split(os.environ.get("QEMU") or "qemu-system-x86_64")


def _flip_copy(src, folder):
    """A copy of src in folder (same base name) with its middle byte flipped."""
    data = bytearray(open(src, "rb").read())
    data[len(data) // 2] ^= 0x01
    dst = os.path.join(folder, os.path.basename(src))
    with open(dst, "wb") as f:
        f.write(bytes(data))
    return dst


def _signing_tools(build):
    tsign = os.path.join(build, "host", "tsign")
    key = os.path.join(ROOT, "keys", "dev-release.key")
    for what, f in (("tsign", tsign), ("release key", key)):
        if not os.path.isfile(f):
            raise CaseError(f"missing {what} {f} (run make)")
    return tsign, key


def multiboot_bootset(build, case, accel, kernel, mods):
    """Signs the boot of kernel + mods (paths, logger first) with the release
    key as the case asks (tools/bootset.py), in <build>/bootsets/<case>.<accel>/;
    returns the module list to boot: mods, tampered or not, then the boot set."""
    folder = os.path.join(build, "bootsets", f"{case.name}.{accel}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    tsign, key = _signing_tools(build)
    names = (["logger"] if case.logger else []) + case.modules
    listed = [p for n, p in zip(names, mods) if n != case.mb_unlisted]
    cmdline = case.cmdline + (" unsigned" if case.mb_bootset == "other_cmdline" else "")
    if case.mb_bootset == "wrong_key":
        key = os.path.join(folder, "other.key")
        subprocess.run([tsign, "keygen", key], check=True, capture_output=True)
    out = os.path.join(folder, "bootset.signed")
    try:
        bootset.multiboot_module(out, kernel, listed, cmdline, tsign, key)
    except (subprocess.CalledProcessError, RuntimeError, ValueError) as e:
        raise CaseError(f"boot set: {e}")
    if case.mb_bootset == "truncated_sig":
        data = open(out, "rb").read()
        with open(out, "wb") as f:
            f.write(data[:-32])
    if case.mb_tamper:
        mods = [_flip_copy(p, folder) if n == case.mb_tamper else p
                for n, p in zip(names, mods)]
    return mods + ([] if case.mb_bootset == "missing" else [out])


def qemu_cmd(build, case, accel):
    """The QEMU command line for a case, or raise CaseError if a file is missing.
    Every Multiboot boot is signed: the last module is the boot set."""
    kernel = os.path.join(build, case.kernel)
    if not os.path.isfile(kernel):
        raise CaseError(f"missing kernel {kernel}")
    mods = [os.path.join(build, "user", m if ("." in m or "/" in m) else m + ".elf")
            for m in (["logger"] if case.logger else []) + case.modules]
    for m in mods:
        if not os.path.isfile(m):
            raise CaseError(f"missing module {m}")
    mods = multiboot_bootset(build, case, accel, kernel, mods)
    for m in mods:
        if "," in m:
            raise CaseError(f"comma in module path {m}")
    cpu = CPU_MODEL[accel] + ("," + case.cpu_features if case.cpu_features else "")
    cmd = qemu_base() + ["-kernel", kernel]
    if mods:
        cmd += ["-initrd", ",".join(mods)]
    return cmd + ["-append", case.cmdline, "-m", "256M", "-display", "none",
                  "-no-reboot", "-serial", "stdio", "-monitor", "none",
                  "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"] \
        + ACCEL_ARGS[accel] + ["-cpu", cpu]


class Run:
    """What one QEMU run gave: serial lines, how it ended, and timings."""
    lines = ()
    status = None          # QEMU exit status, "killed" (until) or None (timeout)
    until_time = None      # seconds from QEMU start to the `until` line
    sends_done = 0         # how many of the case's sends fired
    elapsed = 0.0
    stderr = ""


_live = set()
_live_lock = threading.Lock()
_aborting = threading.Event()     # set on Ctrl-C / SIGTERM: report nothing more


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)   # its own session: QEMU only
    except ProcessLookupError:
        pass
    proc.wait()


def _decode(raw):
    return raw.decode("utf-8", "replace").rstrip("\r")


LOGGER_LINE = b"\x1e"   # the test logger starts each of its lines with RS


class SerialLines:
    """Splits QEMU's serial bytes into lines.  Two writers share COM1: the
    console (through the uart driver), whose prompt stays on an unfinished
    line, and the test logger (tests/system/progs/logger.c), which writes
    the kernel's lines and every program's whole, each after an RS byte.
    A logger line is taken out of whatever line the console had begun, so
    "tessera> " + logger line + "ps" reads as the logger line, then
    "tessera> ps", as it would on a terminal where only the console
    writes (a real boot has no test logger)."""

    def __init__(self):
        self.main = b""        # the console's unfinished line
        self.side = None       # the logger's unfinished line, if inside one

    def feed(self, chunk):
        """Complete lines in chunk, in the order they completed: (text, from_logger)."""
        out, i = [], 0
        while i < len(chunk):
            nl = chunk.find(b"\n", i)
            if self.side is not None:
                if nl < 0:
                    self.side += chunk[i:]
                    break
                out.append((_decode(self.side + chunk[i:nl]), True))
                self.side, i = None, nl + 1
                continue
            rs = chunk.find(LOGGER_LINE, i)
            if rs >= 0 and (nl < 0 or rs < nl):
                self.main += chunk[i:rs]
                self.side, i = b"", rs + 1
            elif nl >= 0:
                out.append((_decode(self.main + chunk[i:nl]), False))
                self.main, i = b"", nl + 1
            else:
                self.main += chunk[i:]
                break
        return out

    def partial(self):
        return _decode(self.main)

    def finish(self):
        """What was left unfinished when the output ended, as lines."""
        out = [(_decode(self.side), True)] if self.side else []
        if self.main:
            out.append((_decode(self.main), False))
        self.main, self.side = b"", None
        return out


def run_qemu(cmd, log_path, timeout, until=None, sends=(), settled=None,
             send_quiet=QUIET):
    """Runs QEMU until it exits, the timeout, or the `until` line; with
    settled (lines -> bool), QEMU is killed only once the `until` line has
    come and settled(lines) holds, so output that other processes print
    after the `until` line is not cut off on a slow accelerator.  A send
    whose pattern matched fires once the output has been quiet for
    send_quiet seconds."""
    os.makedirs(os.path.dirname(log_path) or ".", exist_ok=True)
    run, lines, serial = Run(), [], SerialLines()
    # Sends fire in order, at most one per quiet spell; each looks only at
    # output that came after the previous one fired: the lines completed
    # since, and the console's unfinished line from column `cut` on (the
    # part of it that was there when the previous send fired is skipped).
    since, cut = [], [0]

    def fire_sends(proc, log):
        if run.sends_done < len(sends):
            rx, text = sends[run.sends_done]
            partial = serial.partial()
            if not any(rx.search(l) for l in since) and not rx.search(partial[cut[0]:]):
                return
            run.sends_done += 1
            since.clear()
            cut[0] = len(partial)
            log.write(f"# >>> send {run.sends_done} at {time.monotonic() - start:.2f}s: {text!r}\n")
            try:
                os.write(proc.stdin.fileno(), text)
            except OSError as e:          # QEMU is gone; judged by its status
                log.write(f"# >>> send failed: {e}\n")
                return

    def add(text, from_logger):
        lines.append(text)
        log.write(text + "\n")
        if from_logger:
            since.append(text)
        else:
            since.append(text[cut[0]:])
            cut[0] = 0
    err_path = log_path + ".stderr"
    with open(log_path, "w", encoding="utf-8") as log, open(err_path, "wb") as err:
        log.write("# " + shlex.join(cmd) + "\n")
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if sends else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=err, start_new_session=True)
        with _live_lock:
            _live.add(proc)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline, done, last_out = start + timeout, False, start
        try:
            while not done:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if not sel.select(min(left, POLL)):
                    quiet = time.monotonic() - last_out
                    if sends and quiet >= send_quiet:
                        fire_sends(proc, log)
                        log.flush()
                    if quiet < QUIET:
                        continue
                    # Quiet: a partial line (a prompt) may now meet `until`.
                    partial = serial.partial()
                    if until is not None and partial and run.until_time is None \
                            and until.search(partial):
                        run.until_time = time.monotonic() - start
                    seen = lines + [partial] if partial else lines
                    if run.until_time is not None and (settled is None or settled(seen)):
                        done = True
                    continue
                last_out = time.monotonic()
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    done = True
                for text, from_logger in serial.feed(chunk) if chunk else serial.finish():
                    add(text, from_logger)
                    if until is not None and run.until_time is None and until.search(text):
                        run.until_time = time.monotonic() - start
                    if run.until_time is not None and (settled is None or settled(lines)):
                        done = True
                        break
                log.flush()
            if run.until_time is not None:
                _kill(proc)
                run.status = "killed"
            elif done:
                try:
                    run.status = proc.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    _kill(proc)
            else:
                _kill(proc)
        finally:
            if proc.poll() is None:
                _kill(proc)
            with _live_lock:
                _live.discard(proc)
            sel.close()
            proc.stdout.close()
            if proc.stdin:
                proc.stdin.close()
        run.elapsed = time.monotonic() - start
        for text, from_logger in serial.finish():   # unfinished lines count too
            add(text, from_logger)
    with open(err_path, encoding="utf-8", errors="replace") as f:
        run.stderr = f.read()
    os.unlink(err_path)
    with open(log_path, "a", encoding="utf-8") as log:
        if run.stderr:
            log.write("# ---- qemu stderr ----\n" + run.stderr)
        log.write(f"# status: {run.status} after {run.elapsed:.1f}s\n")
    run.lines = lines
    return run


def _show(line):
    return repr(line if len(line) <= 120 else line[:117] + "...")


def _status(s):
    if isinstance(s, int) and s in EXIT_MEANING:
        return f"{s} ({EXIT_MEANING[s]})"
    return str(s)


def expectations_met(case, lines):
    """Every expect (in order) and every expect_any has matched a line."""
    if not all(any(rx.search(l) for l in lines) for rx in case.expect_any):
        return False
    pos = 0
    for rx in case.expects:
        hit = next((i for i in range(pos, len(lines)) if rx.search(lines[i])), None)
        if hit is None:
            return False
        pos = hit + 1
    return True


def judge(case, run):
    """Reasons the run fails the case; empty when it passes."""
    why = []
    if run.status is None:
        why.append(f"timeout after {case.timeout:g}s"
                   + (f" (until /{case.until.pattern}/ never matched)" if case.until else ""))
    for rx in case.forbids:
        hit = next((i for i, l in enumerate(run.lines) if rx.search(l)), None)
        if hit is not None:
            why.append(f"forbid /{rx.pattern}/ matched line {hit + 1}: {_show(run.lines[hit])}")
    if run.sends_done < len(case.sends):
        rx = case.sends[run.sends_done][0]
        why.append(f"send #{run.sends_done + 1} /{rx.pattern}/ never matched")
    for rx in case.expect_any:
        if not any(rx.search(l) for l in run.lines):
            why.append(f"expect_any /{rx.pattern}/ matched no line")
    pos = 0
    for k, rx in enumerate(case.expects, 1):
        hit = next((i for i in range(pos, len(run.lines)) if rx.search(run.lines[i])), None)
        if hit is None:
            after = f" after line {pos}" if pos else ""
            why.append(f"expect #{k} /{rx.pattern}/ not met{after}")
            break
        pos = hit + 1
    if run.status is not None and run.status != case.exit:
        msg = f"exit status {_status(run.status)}, expected {_status(case.exit)}"
        if case.exit == "killed":
            msg += f" (until /{case.until.pattern}/ never matched)"
        if isinstance(run.status, int) and run.status not in EXIT_MEANING and run.stderr.strip():
            msg += f": {run.stderr.strip().splitlines()[-1]}"
        why.append(msg)
    return why


# ------------------------------------------------------------ the UEFI path
ROOT = os.path.dirname(os.path.dirname(HERE))
OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"
PCR_LINE = re.compile(r"PCR\[(\d+)\] sha256 ([0-9a-f]{64})")
UEFI_KVM_SKIP = ("UEFI cases run under TCG only: Debian's OVMF stops with a KVM "
                 "emulation failure on this machine's nested KVM (docs/BOOT.md)")


def _tool(*argv):
    """Runs a host tool; its output, or CaseError with its complaint."""
    r = subprocess.run([sys.executable] + list(argv), capture_output=True, text=True)
    if r.returncode != 0:
        raise CaseError(f"{os.path.basename(argv[0])}: {(r.stderr or r.stdout).strip()}")
    return r.stdout


def _make_esp(build, case, tmp, name, change):
    """Builds a signed ESP for the case in tmp/<name>; returns (image, stage)."""
    need = {"loader": os.path.join(build, "uefi", "BOOTX64.EFI"),
            "tsign": os.path.join(build, "host", "tsign"),
            "key": os.path.join(ROOT, "keys", "dev-release.key")}
    for what, f in need.items():
        if not os.path.isfile(f):
            raise CaseError(f"missing {what} {f} (run make uefi)")
    mods = []
    for m in (["logger"] if case.logger else []) + case.modules:
        path = os.path.join(build, "user", m if ("." in m or "/" in m) else m + ".elf")
        if not os.path.isfile(path):
            raise CaseError(f"missing module {path}")
        if change and m == change:
            os.makedirs(os.path.join(tmp, "changed"), exist_ok=True)
            copy = os.path.join(tmp, "changed", os.path.basename(path))
            with open(path, "rb") as f, open(copy, "wb") as g:
                g.write(f.read() + b"# changed for the PCR test\n")
            path = copy
        mods.append(os.path.abspath(path))
    if change and change not in case.modules:
        raise CaseError(f"esp_change: {change} is not among the modules")
    img, stage = os.path.join(tmp, name + ".img"), os.path.join(tmp, name)
    argv = [os.path.join(ROOT, "tools", "mkesp.py"), "--build", build, "--loader",
            need["loader"], "--tsign", need["tsign"], "--key", need["key"], "--out", img,
            "--stage", stage, "--cmdline", case.cmdline]
    if case.esp_tamper:
        argv += ["--tamper", case.esp_tamper]
    _tool(*(argv + mods))
    return img, stage


def _predict(stage):
    out = _tool(os.path.join(ROOT, "tools", "pcr_predict.py"), os.path.join(stage, "tessera"))
    return {int(m.group(1)): m.group(2) for m in PCR_LINE.finditer(out)}


def _start_swtpm(tmp):
    state = os.path.join(tmp, "tpm")
    os.makedirs(state)
    sock = os.path.join(state, "sock")
    proc = subprocess.Popen(["swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + state,
                             "--ctrl", "type=unixio,path=" + sock],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    for _ in range(100):
        if os.path.exists(sock):
            return proc, sock
        time.sleep(0.05)
    _kill(proc)
    raise CaseError("swtpm did not create its socket")


def uefi_case(build, case, log):
    """Boots the case through OVMF + the UEFI loader + swtpm (TCG); returns
    (run, why) where why lists PCR-prediction failures.  swtpm and the
    temporary folder are always removed."""
    tmp = tempfile.mkdtemp(prefix="tessera-uefi-")
    swtpm = None
    try:
        img, stage = _make_esp(build, case, tmp, "esp", case.esp_change)
        why, predicted, old = [], {}, {}
        if case.pcrs:
            predicted = _predict(stage)
            if case.esp_change:
                old = _predict(_make_esp(build, case, tmp, "unchanged", "")[1])
                if old.get(8) == predicted.get(8):
                    why.append(f"changing {case.esp_change} did not change the predicted PCR 8")
        vars_fd = os.path.join(tmp, "vars.fd")
        shutil.copyfile(OVMF_VARS, vars_fd)
        swtpm, sock = _start_swtpm(tmp)
        cmd = qemu_base() + [
            "-accel", "tcg", "-cpu", "max", "-m", "256M", "-display", "none",
            "-no-reboot", "-serial", "stdio", "-monitor", "none", "-net", "none",
            "-drive", f"if=pflash,format=raw,readonly=on,file={OVMF_CODE}",
            "-drive", f"if=pflash,format=raw,file={vars_fd}",
            "-drive", f"if=virtio,format=raw,readonly=on,file={img}",
            "-chardev", f"socket,id=chrtpm,path={sock}",
            "-tpmdev", "emulator,id=tpm0,chardev=chrtpm", "-device", "tpm-tis,tpmdev=tpm0",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        run = run_qemu(cmd, log, case.timeout, case.until, case.sends)
        if case.pcrs:
            got = {}
            for line in run.lines:
                m = PCR_LINE.search(line)
                if m:
                    got[int(m.group(1))] = m.group(2)
            with open(log, "a", encoding="utf-8") as f:
                for pcr in sorted(predicted):
                    f.write(f"# predicted PCR[{pcr}] {predicted[pcr]}"
                            + (f" (unchanged set: {old[pcr]})" if pcr in old else "") + "\n")
            for pcr, value in sorted(predicted.items()):
                if pcr not in got:
                    why.append(f"PCR[{pcr}] never printed")
                elif got[pcr] != value:
                    stale = " (it is the unchanged set's value)" if old.get(pcr) == got[pcr] else ""
                    why.append(f"PCR[{pcr}] read {got[pcr][:16]}... predicted {value[:16]}...{stale}")
        return run, why
    finally:
        if swtpm is not None:
            _kill(swtpm)
        shutil.rmtree(tmp, ignore_errors=True)


def kvm_available(build, logdir, probe=True):
    """(usable, reason): /dev/kvm opens read-write and, if probe, a boot of
    kernel.bin with hello reaches ring 3 (a syscall prints a line) and exits
    33 within 30 s."""
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
    except OSError as e:
        return False, f"/dev/kvm: {e.strerror}"
    if not probe:
        return True, "/dev/kvm usable"
    case = Case("kvm-probe")
    case.timeout, case.forbids = 30.0, [re.compile(r"^PANIC")]
    case.modules = ["hello"]
    case.expects = [re.compile(r"^\[hello:\d+\] hello: done")]
    case.exit = 33
    try:
        cmd = qemu_cmd(build, case, "kvm")
    except CaseError as e:
        return False, f"probe: {e}"
    log = os.path.join(logdir, "kvm-probe.log")
    why = judge(case, run_qemu(cmd, log, case.timeout))
    return (False, f"probe boot failed: {'; '.join(why)} (log: {log})") if why else (True, "probe boot passed")


def kvm_honours_cpu_flags(logdir):
    """(yes, reason): does "-cpu host,-rdrand" hide RDRAND from a KVM guest?"""
    probe = os.path.join(logdir, "cpuid-probe.bin")
    with open(probe, "wb") as f:
        f.write(CPUID_PROBE)
    cmd = qemu_base() + ["-kernel", probe, "-m", "64M", "-display", "none",
                         "-no-reboot", "-serial", "stdio", "-monitor", "none",
                         "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                         "-enable-kvm", "-cpu", CPU_MODEL["kvm"] + ",-rdrand"]
    log = os.path.join(logdir, "cpuid-probe.log")
    run = run_qemu(cmd, log, 30.0)
    if run.status == 33 and run.lines[:1] == ["0"]:
        return True, "cpu feature flags honoured"
    if run.status == 33 and run.lines[:1] == ["1"]:
        return False, "this KVM ignores -cpu feature flags (RDRAND still seen with -rdrand)"
    return False, f"cpuid probe failed: status {run.status} (log: {log})"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--build", help="build folder holding kernel.bin and user/")
    ap.add_argument("--results", help="append PASS/FAIL lines to this file")
    ap.add_argument("--accel", choices=["tcg", "kvm", "auto", "both"],
                    default=os.environ.get("SYSTEM_ACCEL") or "auto")
    ap.add_argument("--only", action="append", default=[],
                    help="case names or globs, comma-separated; repeatable")
    ap.add_argument("-j", type=int, default=2, help="parallel QEMUs (default 2)")
    ap.add_argument("--cases", default=CASES_DIR, help="folder of *.case files")
    ap.add_argument("--list", action="store_true", help="print case names and exit")
    a = ap.parse_args(argv)

    if not os.path.isdir(a.cases):
        ap.error(f"no cases folder {a.cases}")
    names = sorted(f[:-5] for f in os.listdir(a.cases) if f.endswith(".case"))
    if a.only:
        pats = [p for o in a.only for p in o.split(",") if p]
        for p in pats:
            if not fnmatch.filter(names, p):
                ap.error(f"--only {p}: no such case")
        names = [n for n in names if any(fnmatch.fnmatch(n, p) for p in pats)]
    if a.list:
        print("\n".join(names))
        return 0
    if not a.build or not a.results:
        ap.error("--build and --results are required")
    if not names:
        ap.error("no cases to run")
    if a.j < 1:
        ap.error("-j must be at least 1")

    logdir = os.path.join(a.build, "system-logs")
    os.makedirs(logdir, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(a.results)), exist_ok=True)
    accels, kvm_broken = ([] if a.accel == "kvm" else ["tcg"]), None
    if a.accel == "tcg":
        print("system: accelerators: tcg (as asked)")
    else:
        ok, why = kvm_available(a.build, logdir, probe=(a.accel == "auto"))
        if ok:
            accels.append("kvm")
            print(f"system: accelerators: {', '.join(accels)} (kvm: {why})")
        elif a.accel == "auto":
            print(f"system: accelerators: tcg only (kvm not used: {why})")
        else:
            accels.append("kvm")
            kvm_broken = why
            print(f"system: accelerators: {', '.join(accels)} (kvm cases will fail: {why})")

    kvm_flags = (True, "")
    if "kvm" in accels and not kvm_broken and any(
            re.search(r"(?m)^\s*cpu_features:\s*\S", open(os.path.join(a.cases, n + ".case")).read())
            for n in names):
        kvm_flags = kvm_honours_cpu_flags(logdir)
        if not kvm_flags[0]:
            print(f"system: kvm: cases with cpu_features are skipped under kvm: {kvm_flags[1]}")
    sys.stdout.flush()

    lock, tally = threading.Lock(), {"PASS": 0, "FAIL": 0, "SKIP": 0}

    def report(line):
        if _aborting.is_set():
            return
        with lock:
            tally[line[:4]] += 1
            print(line, flush=True)
            with open(a.results, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    def job(name, accel):
        tag = f"system/{name}[{accel}]"
        log = os.path.join(logdir, f"{name}.{accel}.log")
        try:
            case = parse_case(os.path.join(a.cases, name + ".case"))
            if accel == "kvm" and kvm_broken:
                raise CaseError(f"kvm unavailable: {kvm_broken}")
            if accel == "kvm" and case.cpu_features and not kvm_flags[0]:
                return report(f"SKIP {tag}: {kvm_flags[1]}")
            if accel == "kvm" and case.skip_kvm:
                return report(f"SKIP {tag}: {case.skip_kvm}")
            if accel == "kvm" and case.boot == "uefi":
                return report(f"SKIP {tag}: {UEFI_KVM_SKIP}")
            extra = []
            if case.boot == "uefi":
                run, extra = uefi_case(a.build, case, log)
            else:
                cmd = qemu_cmd(a.build, case, accel)
                run = run_qemu(cmd, log, case.timeout * TIMEOUT_SCALE[accel], case.until,
                               case.sends, lambda lines: expectations_met(case, lines),
                               SEND_QUIET[accel])
        except (CaseError, OSError) as e:
            return report(f"FAIL {tag}: {e}")
        why = judge(case, run) + extra
        if why:
            report(f"FAIL {tag}: {'; '.join(why)} (log: {log})")
        else:
            report(f"PASS {tag} ({run.elapsed:.1f}s)")

    def on_term(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, on_term)   # so QEMUs are not left behind
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=a.j)
    try:
        futs = [pool.submit(job, n, acc) for n in names for acc in accels]
        for f in futs:
            f.result()
    except KeyboardInterrupt as e:
        _aborting.set()
        pool.shutdown(wait=False, cancel_futures=True)
        with _live_lock:
            for p in list(_live):
                _kill(p)
        print(f"system: interrupted ({e or 'Ctrl-C'}); results are incomplete", file=sys.stderr)
        return 130
    pool.shutdown()
    print(f"system: {len(names)} case(s) x {len(accels)} accelerator(s): "
          f"{tally['PASS']} PASS, {tally['FAIL']} FAIL, {tally['SKIP']} SKIP")
    return 0


if __name__ == "__main__":
    sys.exit(main())
