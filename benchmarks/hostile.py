"""Hostile bundles' shapes against an ordinary bundle of as many changes, imported side by side,
round by round, each into a fresh copy of one office notebook.

    python benchmarks/hostile.py [--changes 20000] [--rounds 3] [--quick]

The office already holds 20,000 flats. The ordinary bundle sets one note on each of them
(20,000 changes spread over 20,000 records; as dyz writes it, it carries each flat whole); each
hostile bundle sets 20,000 notes on one flat:

- side by side: none replaces another, every one a head of the field (all in conflict);
- a run: each replaces the one before;
- a run and a fan: half a run, the other half each replacing the run's last change;
- braided: each replaces the three before it.

It prints each import's median time and its ratio to the ordinary bundle's median (target of
issue 34: at most 2; before, the bundle of 20,000 notes side by side had not been imported
after 300 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, sys, time
from pathlib import Path
from danyuanzhang.store import Store
from danyuanzhang.sync.importing import import_bundle
store = Store.open(Path(sys.argv[1]))
started = time.perf_counter()
report = import_bundle(store, Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "added": report.added}))
"""

SHAPES = ("spread", "side by side", "a run", "a run and a fan", "braided")


def checkpointed(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def notes(shape: str, households: list[str], changes: int) -> list[tuple[str, list[int]]]:
    """(the record, the positions of the changes it replaces) of each note, in order."""
    if shape == "spread":
        return [(households[n], []) for n in range(changes)]
    one = households[0]
    if shape == "side by side":
        return [(one, []) for _ in range(changes)]
    if shape == "a run":
        return [(one, [n - 1] if n else []) for n in range(changes)]
    if shape == "a run and a fan":
        half = changes // 2
        return [
            (one, [n - 1] if 0 < n <= half else [half] if n > half else []) for n in range(changes)
        ]
    return [(one, list(range(max(0, n - 3), n))) for n in range(changes)]  # braided


def make_bundles(folder: Path, changes: int) -> tuple[Path, dict[str, Path]]:
    """The office's notebook holding the flats, and each shape's bundle from a member."""
    from danyuanzhang.core.changes import Change, encode
    from danyuanzhang.store import Store, derive, new_id
    from danyuanzhang.store import sync as sql
    from danyuanzhang.sync.exporting import export_bundle
    from danyuanzhang.sync.importing import import_bundle

    source = folder / "member.db"
    member = Store.open(source)
    member.ensure_device("周玉梅的电脑")
    households = [new_id() for _ in range(changes)]
    with member.transaction():
        member.put_new(
            [
                ("household", h, {"estate": f"小区{n // 1080:03d}", "building": str(n % 30 + 1),
                                  "unit": str(n // 30 % 6 + 1), "room": f"{n % 1080 // 180 + 1}0{n % 6 + 1}"})
                for n, h in enumerate(households)
            ]
        )  # fmt: skip
    flats = folder / "flats.yaml"
    export_bundle(member, flats, everything=True, plain=True)
    member.close()
    checkpointed(source)
    office_path = folder / "office.db"
    office = Store.open(office_path)
    office.ensure_device("社区办公室")
    import_bundle(office, flats)
    office.close()
    checkpointed(office_path)
    bundles = {}
    for number, shape in enumerate(SHAPES):
        copy = folder / f"member-{number}.db"
        shutil.copy(source, copy)
        member = Store.open(copy)
        author = member.author()
        made: list[Change] = []
        with member.transaction():
            for n, (record, replaced) in enumerate(notes(shape, households, changes)):
                parents = encode(sorted(made[p].id for p in replaced))
                made.append(Change.make(member.stamp(), author, "household", record, "set",
                                        "note", encode(f"楼道灯坏了{n}"), parents))  # fmt: skip
            sql.insert_changes(member, made)
            derive.refresh(
                member.conn, "household", {r: {"note"} for r in {c.record for c in made}}
            )
        bundles[shape] = folder / f"bundle-{number}.yaml"
        export_bundle(member, bundles[shape], plain=True)
        member.close()
    return office_path, bundles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.changes, args.rounds = 2_000, 1
    sys.path.insert(0, str(HERE))
    from startup import compile_package

    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        office, bundles = make_bundles(folder, args.changes)
        print(f"bundles made in {time.perf_counter() - started:.1f} s")
        seconds: dict[str, list[float]] = {shape: [] for shape in SHAPES}
        for _ in range(args.rounds):
            for shape in SHAPES:  # in turns, so that a busy moment falls on all alike
                target = folder / "office-copy.db"
                shutil.copy(office, target)
                child = subprocess.run(
                    [sys.executable, "-c", CHILD, str(target), str(bundles[shape])],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                result = json.loads(child.stdout)
                assert result["added"] == args.changes, (shape, result)
                seconds[shape].append(result["seconds"])
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{target}{suffix}").unlink(missing_ok=True)
        spread = statistics.median(seconds["spread"])
        print(f"{args.changes:,} notes, median of {args.rounds} rounds")
        for shape in SHAPES:
            median = statistics.median(seconds[shape])
            where = "over as many flats" if shape == "spread" else "on one flat"
            print(
                f"{shape:16} {where:19} {median:6.2f} s   ratio to spread {median / spread:5.2f}"
                + ("" if shape == "spread" else "   (target <= 2.00)")
            )


if __name__ == "__main__":
    os.environ.setdefault("DYZ_LANG", "en")
    main()
