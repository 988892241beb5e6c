#!/usr/bin/env python3
"""Checks `bitmig` against a real QEMU (qemu-system-x86_64 and qemu-img, QEMU 7.2 or later).

    qemu_migration_test.py BITMIG CASE

CASE is one of:
  real-source     a source QEMU with bitmaps on two nodes migrates into a file; `bitmig stream-info
                  --json` reports every bitmap with the SHA-256 and dirty bytes QEMU gives for it
  sim-stop-copy   `bitmig simulate --strategy stop-copy --qemu-file` output loads in a destination QEMU,
                  whose SHA-256 of the bitmap equals the simulation's
  sim-precopy     the same for precopy with dirty passes
  sim-postcopy    the same for postcopy: the destination holds the source's bits at the switch
  sim-layout-stop-copy, sim-layout-precopy
                  a scenario with three bitmaps on two disks (one disabled and persistent): a destination
                  with the same nodes loads every bitmap with the simulation's SHA-256, granularity,
                  recording and persistent state
  real-ram        a source with 16 MiB of RAM (-machine pc) and a bitmap: stream-info steps over the RAM
                  pages (QEMU's counts of zero and normal pages), reads the bitmap, and stops at the
                  first device section with its name
Each case starts its QEMUs in a temporary folder (qcow2 images, QMP on a unix socket there) and ends
them with QMP quit, or kills them by their own pid if they do not exit. A missing QEMU is a failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from qemu_process import QEMU, Failure, QemuProcess

QEMU_IMG = "qemu-img"


def check(condition, message):
    if not condition:
        raise Failure(message)


def need_tools():
    for tool, package in ((QEMU, "qemu-system-x86"), (QEMU_IMG, "qemu-utils")):
        if shutil.which(tool) is None:
            raise Failure(f"{tool} not found on PATH: install {package} (run.sh installs it); "
                          "these tests need a real QEMU")


def make_image(path, size):
    subprocess.run([QEMU_IMG, "create", "-q", "-f", "qcow2", path, str(size)], check=True)


class Qemu(QemuProcess):
    """One QEMU with no guest (-machine none), its disks as qcow2 nodes, QMP on a unix socket."""

    def __init__(self, folder, name, disks, incoming=False, machine=("-machine", "none")):
        args = [*machine, "-nodefaults", "-display", "none", "-S"]
        for i, (node, image) in enumerate(disks):
            args += ["-blockdev", f"driver=file,filename={image},node-name=file{i}",
                     "-blockdev", f"driver=qcow2,file=file{i},node-name={node}"]
        if incoming:
            args += ["-incoming", "defer"]
        super().__init__(folder, name, args)

    def hmp(self, line):
        return self.cmd("human-monitor-command", **{"command-line": line})

    def wait_migration(self, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            status = self.cmd("query-migrate")
            if status.get("status") == "completed":
                return status
            if status.get("status") == "failed":
                raise Failure(f"migration failed: {status}; log: {open(self.log.name).read()}")
            check(time.monotonic() < deadline, f"migration not completed after {timeout} s: {status}")
            time.sleep(0.02)


def run_bitmig(bitmig, *args):
    r = subprocess.run([bitmig, *args], capture_output=True, text=True, timeout=120)
    return r


def enable_dirty_bitmaps(q):
    q.cmd("migrate-set-capabilities", capabilities=[{"capability": "dirty-bitmaps", "state": True}])


def case_real_source(bitmig, folder):
    mib = 1 << 20
    # drive1: 580 MiB, so at 64 KiB granularity its second chunk covers 68 MiB, short of the 512 MiB
    # of a full chunk.
    a = os.path.join(folder, "a.qcow2")
    b = os.path.join(folder, "b.qcow2")
    make_image(a, 100 * mib)
    make_image(b, 580 * mib)
    src = Qemu(folder, "source", [("drive0", a), ("drive1", b)])
    try:
        src.cmd("block-dirty-bitmap-add", node="drive0", name="bitmap0", granularity=65536)
        src.cmd("block-dirty-bitmap-add", node="drive0", name="fine", granularity=4096, persistent=True)
        src.cmd("block-dirty-bitmap-add", node="drive1", name="tail", granularity=65536)
        for node, write in (("drive0", "write 0 64k"), ("drive0", "write 10M 1M"), ("drive0", "write 99M 1M"),
                            ("drive1", "write 100M 4k"), ("drive1", "write 530M 2M"),
                            ("drive1", "write 579M 1M")):
            src.hmp(f'qemu-io {node} "{write}"')  # qemu-io reports on QEMU's own output (the log)
        # Disabled and persistent: "fine" stops recording before a last write.
        src.cmd("block-dirty-bitmap-disable", node="drive0", name="fine")
        src.hmp('qemu-io drive0 "write 50M 64k"')
        expected = src.bitmaps()
        enable_dirty_bitmaps(src)
        mig = os.path.join(folder, "out.mig")
        src.cmd("migrate", uri=f"exec:cat > {mig}")
        src.wait_migration()
    finally:
        src.quit()

    r = run_bitmig(bitmig, "stream-info", "--json", mig)
    check(r.returncode == 0, f"stream-info exit {r.returncode}: {r.stderr}")
    info = json.loads(r.stdout)
    check(info["container"] == "qemu", f"container {info['container']}")
    check(info["walked"] and info["eof"] and info["description"], "the walk did not reach the description")
    names = {s["name"]: s for s in info["qemuSections"]}
    check("ram" in names and "dirty-bitmap" in names, f"sections {list(names)}")
    got = {(b["node"], b["name"]): b for b in info["bitmaps"]}
    check(set(got) == set(expected), f"bitmaps {sorted(got)} != QEMU's {sorted(expected)}")
    for key, q in expected.items():
        g = got[key]
        check(g["sha256"] == q["sha256"], f"{key}: sha256 {g['sha256']} != QEMU's {q['sha256']}")
        check(g["dirtyBytes"] == q["count"], f"{key}: dirty bytes {g['dirtyBytes']} != QEMU's {q['count']}")
        check(g["granularity"] == q["granularity"], f"{key}: granularity")
        check(g["enabled"] == q["recording"], f"{key}: enabled {g['enabled']} != recording {q['recording']}")
        check(g["persistent"] == q["persistent"], f"{key}: persistent")
        check(g["complete"], f"{key}: no COMPLETE")
        check(q["count"] > 0, f"{key}: the test wrote nothing into it")
    check(not expected[("drive0", "fine")]["recording"] and expected[("drive0", "fine")]["persistent"],
          "the disabled persistent bitmap is not one")
    print(f"real-source: {len(got)} bitmaps, {info['bytes']} bytes, sections "
          + ", ".join(f"{s['name']}={s['id']}" for s in info["qemuSections"]))


def case_real_ram(bitmig, folder):
    image = os.path.join(folder, "a.qcow2")
    make_image(image, 64 << 20)
    src = Qemu(folder, "source", [("drive0", image)], machine=("-machine", "pc", "-m", "16M"))
    try:
        src.cmd("block-dirty-bitmap-add", node="drive0", name="bitmap0", granularity=65536)
        src.hmp('qemu-io drive0 "write 1M 200k"')
        expected = src.bitmaps()
        enable_dirty_bitmaps(src)
        mig = os.path.join(folder, "ram.mig")
        src.cmd("migrate", uri=f"exec:cat > {mig}")
        ram = src.wait_migration()["ram"]
    finally:
        src.quit()
    r = run_bitmig(bitmig, "stream-info", "--json", mig)
    check(r.returncode == 0, f"stream-info exit {r.returncode}: {r.stderr}")
    info = json.loads(r.stdout)
    check(info["ram"]["totalBytes"] == ram["total"], f"RAM total {info['ram']['totalBytes']} != {ram['total']}")
    check(info["ram"]["zeroPages"] == ram["duplicate"], f"zero pages {info['ram']['zeroPages']} != {ram['duplicate']}")
    check(info["ram"]["normalPages"] == ram["normal"], f"normal pages {info['ram']['normalPages']} != {ram['normal']}")
    check(ram["normal"] > 0 and ram["duplicate"] > 0, f"QEMU sent no pages of some kind: {ram}")
    check(not info["walked"] and "stopped" in info, "the walk did not stop at a device section")
    stopped = info["stopped"]
    check(stopped["section"] not in ("ram", "dirty-bitmap") and "cannot step over" in stopped["reason"],
          f"stopped {stopped}")
    check("stopped" in r.stderr, "no word of the stop on standard error")
    got = {(b["node"], b["name"]): b for b in info["bitmaps"]}
    q = expected[("drive0", "bitmap0")]
    check(got[("drive0", "bitmap0")]["sha256"] == q["sha256"], "sha256")
    check(got[("drive0", "bitmap0")]["dirtyBytes"] == q["count"], "dirty bytes")
    print(f"real-ram: {len(info['ram']['blocks'])} RAM blocks, {ram['duplicate']} zero and {ram['normal']} normal "
          f"pages; stopped at section '{stopped['section']}' (id {stopped['sectionId']}) at byte {stopped['offset']}")


def case_simulated(bitmig, folder, strategy, extra, want_dirty_passes):
    disk = 2 << 30
    mig = os.path.join(folder, "sim.mig")
    r = run_bitmig(bitmig, "simulate", "--strategy", strategy, "--disk", str(disk), "--device", "disk0",
                   "--bitmap", "since-backup", *extra, "--qemu-file", mig, "--json")
    check(r.returncode == 0, f"simulate exit {r.returncode}: {r.stderr}")
    summary = json.loads(r.stdout)
    check(summary["verified"], "the simulation did not verify")
    if want_dirty_passes:
        check(summary["dirtyPasses"] > 0, "precopy made no dirty pass")
    qf = summary["qemuFile"]
    check(qf["bitmapSectionId"] == 3 and qf["ramSectionId"] == 2, f"section ids {qf}")
    check(qf["footers"] == qf["bitmapSections"] + 2, f"footers {qf}")
    check(qf["sha256"] == summary["sourceSha256"], "the file's SHA-256 is not the source's")

    image = os.path.join(folder, "dest.qcow2")
    make_image(image, disk)
    dst = Qemu(folder, "destination", [("disk0", image)], incoming=True)
    try:
        enable_dirty_bitmaps(dst)
        dst.cmd("migrate-incoming", uri=f"exec:cat {mig}")
        dst.wait_migration()
        loaded = dst.bitmaps()
    finally:
        dst.quit()
    check(("disk0", "since-backup") in loaded, f"the destination has no bitmap since-backup: {loaded}")
    b = loaded[("disk0", "since-backup")]
    check(b["sha256"] == summary["sourceSha256"],
          f"destination sha256 {b['sha256']} != simulation {summary['sourceSha256']}")
    check(b["granularity"] == summary["config"]["granularity"], "granularity")
    check(b["recording"], "the bitmap does not record at the destination")
    check(b["count"] > 0, "the simulated bitmap is empty")
    print(f"{strategy}: {qf['bytes']} bytes, {qf['bitmapSections']} dirty-bitmap sections, "
          f"{summary['dirtyPasses']} dirty passes, {b['count']} dirty bytes, sha256 {b['sha256']}")


def case_simulated_layout(bitmig, folder, strategy, extra):
    """Two disks, three bitmaps (one disabled and persistent), as a scenario file of version 4."""
    sizes = {"drive0": 1 << 30, "drive1": 3 << 29}
    scenario = {
        "format": "bitmig-scenario", "version": 4, "strategy": strategy, "bandwidth": "20Mbit",
        "migrationStart": "1s", "maxDowntime": "20ms", "maxPasses": 4,
        "disks": [{"node": node, "size": str(size)} for node, size in sizes.items()],
        "bitmaps": [{"disk": "drive0", "name": "incr-2", "granularity": "64K"},
                    {"disk": "drive0", "name": "full", "granularity": "1M", "enabled": False, "persistent": True},
                    {"disk": "drive1", "name": "incr-1", "granularity": "4K", "persistent": True}],
        "workload": {"type": "uniform", "rate": 3000},
        # Something in the disabled bitmap? It records nothing: it stays empty, and must arrive so.
        "injections": [{"time": "0s", "op": "write", "offset": str((1 << 30) - 65536), "length": "128K"}],
    }
    path = os.path.join(folder, "layout.json")
    with open(path, "w") as f:
        json.dump(scenario, f)
    mig = os.path.join(folder, "layout.mig")
    r = run_bitmig(bitmig, "simulate", "--scenario", path, *extra, "--qemu-file", mig, "--json")
    check(r.returncode == 0, f"simulate exit {r.returncode}: {r.stdout} {r.stderr}")
    summary = json.loads(r.stdout)
    check(summary["verified"], "the simulation did not verify")
    want = {(b["device"], b["name"]): b for b in summary["bitmaps"]}
    check(len(want) == 3, f"bitmaps in the summary: {list(want)}")

    disks = []
    for node, size in sizes.items():
        image = os.path.join(folder, node + ".qcow2")
        make_image(image, size)
        disks.append((node, image))
    dst = Qemu(folder, "destination", disks, incoming=True)
    try:
        enable_dirty_bitmaps(dst)
        dst.cmd("migrate-incoming", uri=f"exec:cat {mig}")
        dst.wait_migration()
        loaded = dst.bitmaps()
    finally:
        dst.quit()
    check(set(loaded) == set(want), f"the destination has {sorted(loaded)}, the simulation {sorted(want)}")
    for key, w in want.items():
        b = loaded[key]
        check(b["sha256"] == w["destinationSha256"],
              f"{key}: destination sha256 {b['sha256']} != simulation {w['destinationSha256']}")
        check(b["granularity"] == w["granularity"], f"{key}: granularity {b['granularity']}")
        check(b["recording"] == w["enabled"], f"{key}: recording {b['recording']}")
        check(b["persistent"] == w["persistent"], f"{key}: persistent {b['persistent']}")
        check(b["count"] == w["dirtyBits"] * w["granularity"], f"{key}: {b['count']} dirty bytes")
    check(want[("drive0", "full")]["dirtyBits"] == 0, "the disabled bitmap recorded writes")
    check(want[("drive1", "incr-1")]["dirtyBits"] > 0 and want[("drive0", "incr-2")]["dirtyBits"] > 0,
          "a recording bitmap is empty")
    print(f"{strategy}: " + ", ".join(f"{d}/{n} {loaded[(d, n)]['count']} dirty bytes" for d, n in sorted(loaded)))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    bitmig, case = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    try:
        need_tools()
        with tempfile.TemporaryDirectory(prefix="bitmig-qemu-") as folder:
            if case == "real-source":
                case_real_source(bitmig, folder)
            elif case == "real-ram":
                case_real_ram(bitmig, folder)
            elif case == "sim-stop-copy":
                case_simulated(bitmig, folder, "stop-copy",
                               ["--granularity", "64K", "--rate", "2k", "--start-at", "1s"], False)
            elif case == "sim-precopy":
                case_simulated(bitmig, folder, "precopy",
                               ["--granularity", "4K", "--bandwidth", "2Mbit", "--rate", "5k", "--start-at", "1s",
                                "--max-downtime", "20ms", "--max-passes", "6"], True)
            elif case == "sim-postcopy":
                case_simulated(bitmig, folder, "postcopy",
                               ["--granularity", "4K", "--bandwidth", "2Mbit", "--rate", "5k", "--start-at", "1s"],
                               False)
            elif case == "sim-layout-stop-copy":
                case_simulated_layout(bitmig, folder, "stop-copy", [])
            elif case == "sim-layout-precopy":
                case_simulated_layout(bitmig, folder, "precopy", [])
            else:
                print(f"unknown case {case}")
                return 2
    except Failure as e:
        print(f"FAIL ({case}): {e}")
        return 1
    print(f"{case}: passed in {time.monotonic() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
