"""Run `dyz` in a process of its own under a memory and a time limit, as the hostile-file tests
need: a file that makes dyz allocate without bound must end in one clear line, not in the OOM
killer, and a file that makes it loop must end within seconds, not hang CI."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
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
    peak_mib: float  # the child's peak resident memory

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
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    completed = subprocess.run(
        [sys.executable, "-m", "danyuanzhang", *args],
        cwd=cwd or Path.cwd(),
        env=env,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=seconds,
        preexec_fn=capped,
    )
    elapsed = time.monotonic() - started
    # ru_maxrss of children is the largest of any child so far: a fair bound, not exact
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return Bounded(completed.returncode, completed.stdout, completed.stderr, elapsed, peak)
