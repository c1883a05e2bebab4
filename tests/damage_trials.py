"""Single-bit flips in a notebook's file: is the damage said, found, or silent?

    python tests/damage_trials.py [--trials 100] [--seed 1]

Each trial flips one random bit of a copy of a small notebook (300 flats, log folded into the
file), then runs what a unit head runs first in a day (`dyz household list`) and `dyz doctor`,
and sorts the outcome:

- refused: the command said the notebook is damaged, in its one line;
- found: the command worked, and `dyz doctor` found the damage;
- harmless: nothing differs from the notebook before the flip, and the doctor is content
  (a bit in free space, or in a page no longer used);
- silent: what the command showed changed, and neither it nor the doctor said so. The goal is 0.

Never an internal error, in any trial. tests/test_damage_trials.py runs a few in CI.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

if not __package__:  # run as a script: the project's folder is where `tests` is found
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.crash_trials import notebook, run  # noqa: E402

INTERNAL = ("内部错误", "internal error", "Traceback")


def outcome(db: Path, listed_before: str) -> str:
    listed = run(db, "household", "list", "--format", "json")
    for said in (listed.stderr, listed.stdout):
        assert not any(word in said for word in INTERNAL), said
    if listed.returncode:
        assert "损坏" in listed.stderr or "不是 dyz" in listed.stderr, listed.stderr
        return "refused"
    doctor = run(db, "doctor")
    assert not any(word in doctor.stderr for word in INTERNAL), doctor.stderr
    if doctor.returncode:
        return "found"
    return "harmless" if listed.stdout == listed_before else "silent"


def trials(count: int, seed: int, households: int = 300) -> dict[str, int]:
    rng = random.Random(seed)
    figures = dict.fromkeys(("refused", "found", "harmless", "silent"), 0)
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        base = here / "base.db"
        notebook(base, households, seed)
        before = run(base, "household", "list", "--format", "json").stdout
        conn = sqlite3.connect(base)
        conn.execute("DELETE FROM settings WHERE key = 'checked_on'")  # a new day
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size = base.stat().st_size
        for _ in range(count):
            copy = here / "copy.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
            shutil.copy(base, copy)
            data = bytearray(copy.read_bytes())
            at = rng.randrange(size)
            data[at] ^= 1 << rng.randrange(8)
            copy.write_bytes(bytes(data))
            figures[outcome(copy, before)] += 1
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    figures = trials(args.trials, args.seed)
    print(f"{args.trials} single-bit flips: " + ", ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
