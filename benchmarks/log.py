"""`dyz log --limit 20`: its cost grows with the twenty commands it shows, not with the log
behind them; and the room the log takes beside the tables it derives.

    python benchmarks/log.py [--rounds 5] [--quick]

Takes the sample community and the district of benchmarks/generate.py (cached in
benchmarks/out/, built there if missing), copies each, and on each copy makes the same thirty
small commands of today (a phone corrected, a flat added, a resident added), so that both logs
end with the same twenty commands and differ only in what lies behind them. Then runs
`dyz log --limit 20` on both in interleaved rounds, so that the machine's noise falls on both
alike, and prints the medians of the child's CPU time and its peak memory:

- district ÷ sample community, CPU time: at most 2;
- the district's peak memory: at most 100 MiB;
- beside them, for what it is, the district as the generator left it, whose newest twenty
  commands are batches of 5,000 records each: the log's cost grows with what it shows;
- the district's log (its table and indexes) ÷ every other table and index, before schema 20
  narrowed the device index and after: at most 1.5 (issue 37).

`--quick` takes a sample of 300 flats and a "district" of 3,000 (the sample community's size),
built in a few seconds, and prints the same figures. The figures never fail the run: a
benchmark that breaks does.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

from generate import GIVEN, SURNAMES, generate, places
from startup import compile_package

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
RECENT_COMMANDS = 30
# runs one command and reports its CPU time and peak memory (resource.getrusage of the child)
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace"))
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(used.ru_utime + used.ru_stime, used.ru_maxrss)
"""
# the device index as schema 19 made it: the log's room before
OLD_DEVICE_INDEX = "CREATE INDEX changes_by_device ON changes (device, hlc)"
SIZES = (
    "SELECT m.tbl_name = 'changes', sum(s.pgsize) FROM dbstat s"
    " JOIN sqlite_schema m ON m.name = s.name GROUP BY 1"
)


def small(path: Path, households: int, residents: int, seed: int = 7) -> None:
    """A notebook as benchmarks/generate.py makes one, of `households` flats."""
    from danyuanzhang.store import Store, new_id

    rng = random.Random(seed)
    store = Store.open(path)
    store.ensure_device("benchmark")
    ids = []
    with store.transaction():
        for estate, building, unit, room in places(households):
            ids.append(new_id())
            fields = {"estate": estate, "building": building, "unit": unit, "room": room}
            store.put("household", ids[-1], fields, new=True)
        for _ in range(residents):
            fields = {
                "household": rng.choice(ids),
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                "phone": f"13{rng.randrange(10**9):09d}",
                "born": rng.randint(1935, 2010),
            }
            store.put("resident", new_id(), fields, new=True)
    store.close()


def built(name: str, quick: bool) -> Path:
    """The cached notebook `name` (community or district), built if missing."""
    if quick:
        path = OUT / f"log-quick-{name}.db"
        if not path.exists():
            small(path, *((300, 800) if name == "community" else (3_000, 8_000)))
        return path
    path = OUT / f"{name}.db"
    if not path.exists():
        print(f"building {path} (benchmarks/generate.py {name}) ...", flush=True)
        generate(path, name)
    return path


def copied(source: Path, name: str) -> Path:
    target = OUT / f"log-{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    subprocess.run(["cp", "--reflink=auto", str(source), str(target)], check=True)
    return target


def with_recent_commands(path: Path) -> None:
    """The same thirty small commands of today, one transaction each, as the commands make."""
    from danyuanzhang.store import Store, new_id

    rng = random.Random(3)
    store = Store.open(path)  # brought up to this dyz's schema on open
    residents = [
        str(row[0]) for row in store.conn.execute("SELECT id FROM residents ORDER BY id LIMIT 10")
    ]
    household = str(store.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0])
    for n in range(RECENT_COMMANDS):
        with store.transaction():
            if n % 3 == 0:
                store.put(
                    "resident", residents[n % 10], {"phone": f"139{rng.randrange(10**8):08d}"}
                )
            elif n % 3 == 1:
                place = {"estate": "新建小区", "building": "1", "unit": "1", "room": f"{n}01"}
                store.put("household", new_id(), place, new=True)
            else:
                fields = {"household": household, "name": "王" + rng.choice(GIVEN)}
                store.put("resident", new_id(), fields, new=True)
    store.close()


def log_and_tables(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sizes = {bool(is_log): int(size) for is_log, size in conn.execute(SIZES)}
    finally:
        conn.close()
    return sizes.get(True, 0), sizes.get(False, 0)


def size_before(path: Path) -> tuple[int, int]:
    """The log and the tables with the device index schema 19 made, built afresh on a copy (as
    the index of schema 20 is by its migration: both packed alike)."""
    before = copied(path, "before")
    conn = sqlite3.connect(before, isolation_level=None)
    conn.execute("DROP INDEX changes_by_device")
    conn.execute(OLD_DEVICE_INDEX)
    conn.close()
    try:
        return log_and_tables(before)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{before}{suffix}").unlink(missing_ok=True)


def measured(dyz: list[str], path: Path) -> tuple[float, float]:
    """(CPU seconds, peak MiB) of one `dyz log --limit 20`."""
    command = [*dyz, "--db", str(path), "log", "--limit", "20"]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    cpu, peak_kib = done.stdout.split()
    return float(cpu), int(peak_kib) / 1024


def main() -> None:
    from danyuanzhang.store import Store

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="the smallest size, in seconds")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    compile_package()
    rounds = 3 if args.quick else args.rounds
    dyz = [sys.executable, "-m", "danyuanzhang"]
    notebooks = {name: copied(built(name, args.quick), name) for name in ("community", "district")}
    for path in notebooks.values():
        with_recent_commands(path)
    # the district as the generator left it: its newest commands are batches of 5,000 records
    notebooks["district as built"] = copied(built("district", args.quick), "as-built")
    Store.open(notebooks["district as built"]).close()  # brought up to this dyz's schema
    shown = {
        name: json.loads(
            subprocess.run(
                [*dyz, "--db", str(path), "log", "--limit", "20", "-f", "json"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for name, path in notebooks.items()
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in notebooks}
    for _ in range(rounds):
        for name, path in notebooks.items():
            runs[name].append(measured(dyz, path))
    print(f"dyz log --limit 20, median of {rounds} (CPU time and peak memory of the child)")
    cpu = {}
    for name, measures in runs.items():
        cpu[name] = statistics.median(m[0] for m in measures)
        peak = statistics.median(m[1] for m in measures)
        changes = sqlite3.connect(f"file:{notebooks[name]}?mode=ro", uri=True).execute(
            "SELECT count(*) FROM changes"
        )
        records = sum(len(entry["records"]) for entry in shown[name])
        print(
            f"  {name:17} {cpu[name] * 1000:7.0f} ms CPU  {peak:5.0f} MiB  {len(shown[name])}"
            f" lines of {records:,} records  ({changes.fetchone()[0]:,} changes in the log)"
        )
    print(f"  district ÷ community, CPU: {cpu['district'] / cpu['community']:.2f} (target <= 2)")
    print("  district's peak memory: target <= 100 MiB (the same twenty commands as the community)")
    district = notebooks["district"]
    log_before, tables_before = size_before(district)
    log_after, tables_after = log_and_tables(district)
    print("the district's change log beside the tables it derives (dbstat, pages)")
    for when, log, tables in (
        ("before (device, hlc)", log_before, tables_before),
        ("after (schema 20)", log_after, tables_after),
    ):
        print(
            f"  {when:21} log {log / 1e6:7.1f} MB  tables {tables / 1e6:7.1f} MB"
            f"  log ÷ tables {log / tables:.2f} (target <= 1.5)"
        )
    for path in notebooks.values():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
