#!/usr/bin/env python3
"""Measures what a real QEMU destination does with dirty-bitmap streams of each chunk size.

    qemu_limits.py BITMIG measure [--jobs N]    every chunk size 1 B .. 1 MiB at 512 B, 4 KiB, 64 KiB
                                                and 1 MiB granularity; prints a Markdown table
    qemu_limits.py BITMIG sample                 a sample of rows (each outcome and its boundaries);
                                                fails when QEMU, ChunkGeometry::qemuLoad (`bitmig
                                                geometry --json`) and the loader model (`simulate
                                                --qemu-file`'s qemuLoad) do not all agree
    qemu_limits.py BITMIG destination            files a destination refuses for what it holds: a node
                                                it lacks (drops the bitmaps) and a bitmap it already has
                                                (fails); `stream-info --destination-node/-bitmap` must
                                                say the same, with QEMU's own message

Each case: `bitmig simulate --qemu-file F --qemu-file-unchecked` writes the file (a stop-copy run of
2000 random writes a second, so that chunks carry set bits); a destination QEMU (-machine none, its
disk a null-co node of the simulated size, so no image is written; -incoming defer) loads it with
migrate-incoming "exec:cat F". The outcome is what QEMU did: loads (the bitmap is there with the
simulation's SHA-256), drops (the migration completed without the bitmap), fails (the migration
failed: QEMU reports it and exits with status 1), aborts (the process ended on SIGABRT); with QEMU's last message. Destinations run N at a time.
A missing QEMU is a failure.
"""
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from qemu_process import QEMU, Failure, QemuProcess

KiB = 1 << 10
MiB = 1 << 20
GRANULARITIES = [512, 4 * KiB, 64 * KiB, MiB]
CHUNKS = [1 << i for i in range(21)]


def size_text(n):
    for unit, div in (("MiB", MiB), ("KiB", KiB)):
        if n >= div and n % div == 0:
            return f"{n // div} {unit}"
    return f"{n} B"


def disk_for(granularity):
    """A disk whose bitmap is 2.5 MiB: several chunks even at 1 MiB, the last one short."""
    return granularity * ((1 << 24) + (1 << 22))


class Destination(QemuProcess):
    """A QEMU with -incoming defer and one null-co node per (name, size)."""

    def __init__(self, folder, tag, nodes):
        args = ["-machine", "none", "-nodefaults", "-display", "none", "-S"]
        for name, size in nodes:
            args += ["-blockdev", f"driver=null-co,node-name={name},size={size}"]
        super().__init__(folder, tag, args + ["-incoming", "defer"])

    def load(self, mig, timeout=120):
        """'completed', 'failed' or 'aborted' (the process ended on SIGABRT), and QEMU's messages."""
        self.cmd("migrate-set-capabilities", capabilities=[{"capability": "dirty-bitmaps", "state": True}])
        self.cmd("migrate-incoming", uri=f"exec:cat {mig}")
        deadline = time.monotonic() + timeout
        while True:
            try:
                status = self.cmd("query-migrate").get("status")
            except (ConnectionError, OSError):
                status = None
            if status in ("completed", "failed"):
                return status
            if self.proc.poll() is not None:
                if self.proc.returncode == -signal.SIGABRT:
                    return "aborted"
                if self.proc.returncode == 1 and "load of migration failed" in self.messages():
                    return "failed"  # a destination whose incoming migration fails exits
                raise Failure(f"{QEMU} ended with {self.proc.returncode}: {self.messages()}")
            if time.monotonic() > deadline:
                raise Failure(f"no end of the incoming migration after {timeout} s: {status}")
            time.sleep(0.01)


def run(cmd, timeout=300):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return r


def predicted(bitmig, granularity, disk, chunk):
    r = run([bitmig, "geometry", "--granularity", str(granularity), "--disk", str(disk), "--chunks", str(chunk),
             "--json"])
    if r.returncode != 0:
        raise Failure(f"geometry: {r.stderr}")
    return json.loads(r.stdout)["rows"][0]["qemuLoad"]


def measure_case(bitmig, folder, granularity, chunk, disk=None, node="disk0"):
    disk = disk or disk_for(granularity)
    tag = f"g{granularity}-c{chunk}-d{disk}"
    mig = os.path.join(folder, tag + ".mig")
    r = run([bitmig, "simulate", "--strategy", "stop-copy", "--disk", str(disk), "--granularity", str(granularity),
             "--chunk", str(chunk), "--device", "disk0", "--bitmap", "b0", "--rate", "2k", "--start-at", "1s",
             "--bandwidth", "10Gbit", "--qemu-file", mig, "--qemu-file-unchecked", "--json"])
    if r.returncode == 2 and "2^32 sectors" in r.stderr:
        # One chunk would cover 2^32 sectors: no BITS record describes it (QEMU's own sender truncates
        # nr_sectors; the simulator refuses).
        return {"granularity": granularity, "chunk": chunk, "disk": disk, "outcome": "no record", "message": "",
                "model": {"outcome": "no record"}, "bytes": 0}
    if r.returncode != 0:
        raise Failure(f"simulate ({tag}): exit {r.returncode}: {r.stderr}")
    summary = json.loads(r.stdout)
    model = summary["qemuFile"]["qemuLoad"]
    dst = Destination(folder, tag, [(node, disk)])
    try:
        status = dst.load(mig)
        bitmaps = dst.bitmaps() if status == "completed" else {}
        messages = dst.messages()
    finally:
        dst.quit()
    os.remove(mig)
    if status == "aborted":
        outcome = "aborts"
    elif status == "failed":
        outcome = "fails"
    elif ("disk0", "b0") in bitmaps:
        b = bitmaps[("disk0", "b0")]
        if b["sha256"] != summary["sourceSha256"]:
            raise Failure(f"{tag}: loaded with sha256 {b['sha256']}, the simulation's is {summary['sourceSha256']}")
        outcome = "loads"
    else:
        outcome = "drops"
    return {"granularity": granularity, "chunk": chunk, "disk": disk, "outcome": outcome, "message": messages,
            "model": model, "bytes": summary["qemuFile"]["bytes"]}


MODEL_WORDS = {"loads": "loads", "drops-bitmaps": "drops", "fails-migration": "fails", "aborts": "aborts",
               "no record": "no record"}


def short_message(message):
    """QEMU's line without the program and source location prefix."""
    if not message:
        return ""
    lines = message.split(" | ")
    line = next((x for x in lines if "Assertion" in x), lines[0])
    if line.startswith(f"{QEMU}: "):
        line = line[len(QEMU) + 2:]
    if ": Assertion" in line:
        line = line[line.index("Assertion"):]
    return line


def measure(bitmig, jobs):
    started = time.monotonic()
    cases = [(g, c) for g in GRANULARITIES for c in CHUNKS]
    with tempfile.TemporaryDirectory(prefix="bitmig-limits-") as folder:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(lambda gc: measure_case(bitmig, folder, *gc), cases))
    by = {(r["granularity"], r["chunk"]): r for r in results}
    lines = ["| chunk | " + " | ".join(size_text(g) for g in GRANULARITIES) + " |",
             "|---|" + "---|" * len(GRANULARITIES)]
    for c in CHUNKS:
        lines.append(f"| {size_text(c)} | " + " | ".join(by[(g, c)]["outcome"] for g in GRANULARITIES) + " |")
    print("\n".join(lines))
    print()
    messages = {}
    for r in results:
        if r["outcome"] not in ("loads", "no record"):
            messages.setdefault((r["outcome"], short_message(r["message"])), []).append(
                f"{size_text(r['chunk'])} at {size_text(r['granularity'])}")
    for (outcome, message), where in messages.items():
        print(f"- {outcome}: \"{message}\" ({', '.join(where)})")
    disagree = [r for r in results if MODEL_WORDS[r["model"]["outcome"]] != r["outcome"]]
    for r in disagree:
        print(f"MODEL DISAGREES: {size_text(r['chunk'])} at {size_text(r['granularity'])}: QEMU {r['outcome']}, "
              f"model {r['model']['outcome']}")
    print(f"\n{len(results)} destinations in {time.monotonic() - started:.1f} s, {jobs} at a time; "
          f"{subprocess.run([QEMU, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
    return 1 if disagree else 0


# (granularity, chunk, disk or None): each outcome and the edges between them.
SAMPLE = [
    (4 * KiB, 4, None),           # aborts: below one 64-bit word
    (4 * KiB, 8, None),           # loads: one word
    (MiB, 1, None),               # aborts at the largest granularity too
    (64 * KiB, 8 * KiB, None),    # loads: the largest chunk whose buffer fits 10 KiB
    (64 * KiB, 16 * KiB, None),   # fails: a 16 KiB buffer
    (512, MiB, None),             # fails: the largest chunk
    (64 * KiB, 16 * KiB, 3 * (1 << 29)),  # loads: the whole bitmap is one short chunk (3 KiB)
    (4 * KiB, 2, 64 * KiB),       # loads: a 2 B chunk that is the whole bitmap (16 bits)
]


def sample(bitmig):
    need_qemu()
    bad = []
    with tempfile.TemporaryDirectory(prefix="bitmig-limits-") as folder:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda s: measure_case(bitmig, folder, s[0], s[1], s[2]), SAMPLE))
    for r in results:
        geometry = predicted(bitmig, r["granularity"], r["disk"], r["chunk"])
        model = MODEL_WORDS[r["model"]["outcome"]]
        row = (f"{size_text(r['chunk'])} chunks at {size_text(r['granularity'])}, {r['disk']} B disk: QEMU "
               f"{r['outcome']}, ChunkGeometry::qemuLoad {geometry}, loader model {model}")
        print(row + (f"; QEMU: {short_message(r['message'])}" if r["outcome"] != "loads" else ""))
        if not (r["outcome"] == geometry == model):
            bad.append(row)
        elif r["outcome"] != "loads":
            # The model's words are QEMU's own.
            finding = r["model"]["findings"][-1]["qemuMessage"]
            if finding not in r["message"]:
                bad.append(f"{row}: QEMU said '{r['message']}', the model '{finding}'")
    outcomes = {r["outcome"] for r in results}
    if outcomes != {"loads", "aborts", "fails"}:
        bad.append(f"the sample's outcomes are {sorted(outcomes)}")
    if bad:
        raise Failure("; ".join(bad))


def destination(bitmig):
    """A node the destination lacks, and a bitmap it already has: QEMU and stream-info agree."""
    need_qemu()
    disk = 1 << 30
    with tempfile.TemporaryDirectory(prefix="bitmig-limits-") as folder:
        mig = os.path.join(folder, "sim.mig")
        r = run([bitmig, "simulate", "--strategy", "stop-copy", "--disk", str(disk), "--granularity", "64K",
                 "--device", "disk0", "--bitmap", "b0", "--rate", "2k", "--start-at", "1s", "--qemu-file", mig])
        if r.returncode != 0:
            raise Failure(f"simulate: {r.stderr}")
        for case, nodes, existing, args, want in (
                ("no node", [("other", disk)], None, ["--destination-node", "other"], ("completed", "drops-bitmaps")),
                ("bitmap present", [("disk0", disk)], "b0", ["--destination-bitmap", "disk0/b0"],
                 ("failed", "fails-migration"))):
            dst = Destination(folder, case.replace(" ", "-"), nodes)
            try:
                if existing:
                    dst.cmd("block-dirty-bitmap-add", node="disk0", name=existing, granularity=65536)
                status = dst.load(mig)
                bitmaps = dst.bitmaps() if status == "completed" else {}
                messages = dst.messages()
            finally:
                dst.quit()
            info = run([bitmig, "stream-info", "--json", *args, mig])
            if info.returncode != 0:
                raise Failure(f"stream-info {args}: {info.stderr}")
            verdict = json.loads(info.stdout)["qemuLoad"]
            print(f"{case}: QEMU {status}, bitmaps {sorted(bitmaps)}; stream-info {verdict['outcome']} at byte "
                  f"{verdict['findings'][0]['offset'] if verdict['findings'] else '-'}; QEMU said: {messages}")
            if status != want[0] or verdict["outcome"] != want[1]:
                raise Failure(f"{case}: QEMU {status}, stream-info {verdict['outcome']}; expected {want}")
            if want[1] == "drops-bitmaps" and ("other", "b0") in bitmaps:
                raise Failure(f"{case}: the bitmap arrived")
            if verdict["findings"][-1]["qemuMessage"] not in messages:
                raise Failure(f"{case}: QEMU said '{messages}', stream-info '{verdict['findings'][-1]['qemuMessage']}'")


def need_qemu():
    if shutil.which(QEMU) is None:
        raise Failure(f"{QEMU} not found on PATH: install qemu-system-x86 (run.sh installs it); "
                      "these measurements need a real QEMU")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    bitmig, what = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    try:
        if what == "measure":
            need_qemu()
            jobs = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--jobs" else 2
            return measure(bitmig, jobs)
        if what == "sample":
            sample(bitmig)
        elif what == "destination":
            destination(bitmig)
        else:
            print(__doc__)
            return 2
    except Failure as e:
        print(f"FAIL ({what}): {e}")
        return 1
    print(f"{what}: passed in {time.monotonic() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
