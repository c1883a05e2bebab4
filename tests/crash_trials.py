"""kill -9 during `dyz backup` and `dyz restore`, at random moments: never a partial or
unreadable backup, never a half-restored notebook.

    python tests/crash_trials.py [--trials 100] [--seed 1]

Each backup trial kills `dyz backup -o T` part-way: T is then either absent or a whole backup
that restores; the next backup removes what the killed one left behind. Each restore trial kills
`dyz restore` part-way over a notebook holding more than the backup (with --overwrite), or over a
damaged notebook: the notebook is then, change for change, either what it was or what the
backup holds, and opens. tests/test_crash_trials.py runs a handful of each in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "芙蓉南路二栋二单元"
DYZ = [sys.executable, "-m", "danyuanzhang"]


def env_for(db: Path) -> dict[str, str]:
    return {**os.environ, "DYZ_DB": str(db), "DYZ_LANG": "zh", "CI": "true"}


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*DYZ, *args], env=env_for(db), capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def notebook(db: Path, households: int, seed: int) -> None:
    """A notebook of `households` flats with a few residents each: a few MB, so that a backup
    spends a good part of its time copying and writing, where a kill hurts."""
    from danyuanzhang.store import Store, new_id

    rng = random.Random(seed)
    store = Store.open(db)
    try:
        store.ensure_device("单元长的电脑")
        with store.transaction():
            for n in range(households):
                home = new_id()
                place = {"estate": "新芙蓉之都", "building": str(1 + n // 120)}
                place |= {"unit": str(1 + n // 20 % 6), "room": str(101 + n % 20)}
                store.put("household", home, {**place, "note": "楼道灯坏了" * 8}, new=True)
                for _ in range(rng.randint(1, 3)):
                    person = {"household": home, "name": rng.choice("王李张刘陈") + "桂英"}
                    store.put("resident", new_id(), person, new=True)
    finally:
        store.close()


def change_ids(db: Path) -> frozenset[str] | None:
    """The notebook's change log, or None when it does not open whole."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                return None
            return frozenset(r[0] for r in conn.execute("SELECT id FROM changes"))
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def killed(db: Path, args: list[str], after: float) -> bool:
    """Run dyz and kill -9 it `after` seconds in; whether it was still running then."""
    process = subprocess.Popen(
        [*DYZ, *args],
        env=env_for(db),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    alive = process.poll() is None
    if alive:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return alive


def timed(db: Path, args: list[str]) -> float:
    started = time.perf_counter()
    done = run(db, *args)
    if done.returncode:
        raise SystemExit(f"dyz {' '.join(args)} failed: {done.stderr}")
    return time.perf_counter() - started


def trials(count: int, seed: int, households: int = 3_000) -> dict[str, int]:
    rng = random.Random(seed)
    figures = {"backup killed": 0, "restore killed": 0, "damaged restore killed": 0}
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        secret = here / "口令.txt"
        secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
        base = here / "base.db"
        notebook(base, households, seed)
        reference = here / "reference.dyzbak"
        backup_s = timed(base, ["backup", "-o", str(reference), "--passphrase-file", str(secret)])
        backed = change_ids(base)
        bigger = here / "bigger.db"
        shutil.copy(base, bigger)
        assert run(bigger, "household", "add", "9-9-909", "-e", "新芙蓉之都").returncode == 0
        grown = change_ids(bigger)
        assert backed is not None and grown is not None and backed < grown
        restore_args = ["restore", str(reference), "--passphrase-file", str(secret)]
        scratch = here / "scratch.db"
        shutil.copy(bigger, scratch)
        restore_s = timed(scratch, [*restore_args, "--overwrite"])
        for trial in range(count):
            kind = trial % 3
            if kind == 0:
                target = here / f"t{trial}.dyzbak"
                args = ["backup", "-o", str(target), "--passphrase-file", str(secret)]
                alive = killed(base, args, rng.uniform(0, backup_s * 1.1))
                figures["backup killed"] += alive
                assert alive or target.exists(), f"trial {trial}: a backup that ended unwritten"
                if target.exists():
                    check = here / f"check{trial}.db"
                    done = run(check, "restore", str(target), "--passphrase-file", str(secret))
                    assert done.returncode == 0, f"trial {trial}: a backup that does not restore"
                    assert change_ids(check) == backed, f"trial {trial}: a backup not whole"
                    check.unlink()
                    target.unlink()
                # what the killed backup left is gone after the next one, once an hour old
                # (until then it may be another laptop's, writing in a shared folder)
                then = time.time() - 2 * 3600
                for left in here.iterdir():
                    if left.name.startswith(".dyz-backup-") or left.name.endswith(".part"):
                        os.utime(left, (then, then))
                after = here / "after.dyzbak"
                done = run(base, "backup", "-o", str(after), "--passphrase-file", str(secret))
                assert done.returncode == 0, done.stderr
                leftovers = [p.name for p in here.iterdir() if p.name.startswith(".dyz-backup-")]
                leftovers += [p.name for p in here.iterdir() if p.name.endswith(".part")]
                assert not leftovers, f"trial {trial}: left behind {leftovers}"
                after.unlink()
            elif kind == 1:
                shutil.copy(bigger, scratch)
                for suffix in ("-wal", "-shm"):
                    Path(f"{scratch}{suffix}").unlink(missing_ok=True)
                alive = killed(
                    scratch, [*restore_args, "--overwrite"], rng.uniform(0, restore_s * 1.1)
                )
                figures["restore killed"] += alive
                found = change_ids(scratch)
                assert found == backed or (alive and found == grown), (
                    f"trial {trial}: a half-restored notebook"
                )
                assert run(scratch, "household", "list").returncode == 0
            else:
                shutil.copy(bigger, scratch)
                for suffix in ("-wal", "-shm"):
                    Path(f"{scratch}{suffix}").unlink(missing_ok=True)
                with scratch.open("r+b") as stream:
                    stream.truncate(scratch.stat().st_size // 2)
                damaged = scratch.read_bytes()
                alive = killed(scratch, restore_args, rng.uniform(0, restore_s * 1.1))
                figures["damaged restore killed"] += alive
                found = change_ids(scratch)
                assert found == backed or (alive and scratch.read_bytes() == damaged), (
                    f"trial {trial}: a damaged notebook neither kept nor restored"
                )
                for aside in here.glob("scratch.db.damaged-*"):
                    if not aside.name.endswith("-wal"):
                        assert aside.read_bytes() == damaged, f"trial {trial}: a bad copy aside"
                    aside.unlink()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    figures = trials(args.trials, args.seed)
    print(
        f"{args.trials} trials in {time.perf_counter() - started:.0f} s, every one sound; killed"
        f" while running: {', '.join(f'{k} {v}' for k, v in figures.items())}"
    )


if __name__ == "__main__":
    main()
