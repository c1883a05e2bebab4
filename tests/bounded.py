"""Run `dyz` in a process of its own under a memory and a time limit, as the hostile-file tests
need: a file that makes dyz allocate without bound must end in one clear line, not in the OOM
killer, and a file that makes it loop must end within seconds, not hang CI."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MEMORY_MIB = 400  # address space: Python with dyz's imports uses about 120 MiB of it
SECONDS = 60


@dataclass
class Bounded:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float  # this child's own peak resident memory

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.stdout + self.stderr).splitlines() if line.strip()]


def run_bounded(
    *args: str,
    cwd: Path | None = None,
    memory_mib: int = MEMORY_MIB,
    seconds: float = SECONDS,
    stdin: str | None = None,
) -> Bounded:
    """`dyz ARGS` with the test's environment (DYZ_DB and the rest), its address space capped
    at `memory_mib` and its run at `seconds` (a run over time fails the test)."""
    limit = memory_mib << 20

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONUTF8": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "danyuanzhang", *args],
            cwd=cwd or Path.cwd(),
            env=env,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            preexec_fn=capped,
        )
        assert child.stdin is not None
        child.stdin.write((stdin or "").encode())
        child.stdin.close()
        # reaped here with os.wait4, so that the peak is this child's own, not the largest so far
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > seconds:
                child.kill()
                child.wait()
                raise subprocess.TimeoutExpired(args, seconds)
            time.sleep(0.02)
        elapsed = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Bounded(
            child.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            elapsed,
            usage.ru_maxrss / 1024,  # KiB on Linux
        )
