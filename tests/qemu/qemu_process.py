"""A QEMU process for the scripts next to this one (qemu_migration_test.py, qemu_limits.py): started
with the arguments a script gives, its output in NAME.log in the script's folder, QMP on a unix socket
there, the connection open and its capabilities negotiated; ended with QMP quit, or killed by its own
pid when it does not exit.
"""
import json
import os
import socket
import subprocess
import time

QEMU = "qemu-system-x86_64"


class Failure(Exception):
    pass


class QmpClosed(Failure, ConnectionError):
    """The QMP connection closed during a command: QEMU exited or was killed."""


class QemuProcess:
    def __init__(self, folder, name, args):
        """`args`: QEMU's arguments after the program name; -qmp is added."""
        self.sock_path = os.path.join(folder, name + ".qmp")
        self.log_path = os.path.join(folder, name + ".log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([QEMU, *args, "-qmp", f"unix:{self.sock_path},server=on,wait=off"],
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        self.sock = None
        deadline = time.monotonic() + 10
        while True:
            if self.proc.poll() is not None:
                raise Failure(f"{QEMU} exited with {self.proc.returncode}: {self.messages()}")
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(self.sock_path)
                break
            except OSError:
                self.sock.close()
                self.sock = None
                if time.monotonic() > deadline:
                    raise Failure(f"{QEMU}: no QMP socket after 10 s")
                time.sleep(0.01)
        self.sock.settimeout(30)
        self.reader = self.sock.makefile("r")
        greeting = json.loads(self.reader.readline())
        if "QMP" not in greeting:
            raise Failure(f"not a QMP greeting: {greeting}")
        self.cmd("qmp_capabilities")

    def messages(self):
        """What QEMU printed so far, one line after another."""
        self.log.flush()
        with open(self.log_path) as f:
            return " | ".join(line.strip() for line in f if line.strip())

    def cmd(self, command, **arguments):
        self.sock.sendall((json.dumps({"execute": command, "arguments": arguments}) + "\n").encode())
        while True:
            line = self.reader.readline()
            if not line:
                raise QmpClosed(f"QMP connection closed during {command}")
            reply = json.loads(line)
            if "event" in reply:
                continue
            if "error" in reply:
                raise Failure(f"QMP {command} {arguments}: {reply['error']}")
            if "return" not in reply:
                raise Failure(f"QMP {command} {arguments}: not a reply: {reply}")
            return reply["return"]

    def bitmaps(self):
        """{(node, name): query-named-block-nodes entry plus its sha256}"""
        out = {}
        for node in self.cmd("query-named-block-nodes"):
            for b in node.get("dirty-bitmaps", []):
                sha = self.cmd("x-debug-block-dirty-bitmap-sha256", node=node["node-name"], name=b["name"])
                out[(node["node-name"], b["name"])] = dict(b, sha256=sha["sha256"])
        return out

    def quit(self):
        if self.proc.poll() is None:
            try:
                self.sock.sendall(b'{"execute":"quit"}\n')
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()  # this QEMU's own pid
                self.proc.wait()
        if self.sock:
            self.sock.close()
        self.log.close()
