"""`dyz visit due` and `dyz today`: their cost grows with the scope they show, not with history.

    python benchmarks/due.py [--rounds 5]

Builds (once, cached in benchmarks/out/) one estate of 1,080 flats with one week of visits, the
same estate with six years of visits, and the district database of benchmarks/generate.py with
a year of visits; then runs each command in interleaved rounds, so that the machine's noise
falls on all alike, and prints times, peak memory and the ratios the issue sets:

- estate with six years of history ÷ estate with one week: at most 1.3;
- a whole district: at most 3 s and 200 MiB.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from generate import FLAGS, GIVEN, SURNAMES, generate, places

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TODAY = date.today()
# a wrapper that runs one command and reports its wall time and its peak memory
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - started
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace"))
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def estate(path: Path, years: float, seed: int = 11) -> None:
    """One estate of 1,080 flats, 2,900 residents, and `years` of door-knocking: every flat
    about every 90 days, flats with someone flagged weekly."""
    from danyuanzhang.store import Store, new_id

    rng = random.Random(seed)
    store = Store.open(path)
    store.ensure_device("benchmark")
    homes: list[tuple[str, tuple[str, str, str, str]]] = []
    flagged: set[str] = set()
    with store.transaction():
        for place in places(1_080):
            household_id = new_id()
            homes.append((household_id, place))
            fields = dict(zip(("estate", "building", "unit", "room"), place, strict=True))
            store.put("household", household_id, fields, new=True)
        for _ in range(2_900):
            household_id = rng.choice(homes)[0]
            fields: dict[str, object] = {
                "household": household_id,
                "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                "born": rng.randint(1935, 2010),
            }
            if rng.random() < 0.08:
                fields["flag." + rng.choice(FLAGS)] = True
                flagged.add(household_id)
            store.put("resident", new_id(), fields, new=True)
    first = TODAY - timedelta(days=int(365 * years))
    visits = []
    for household_id, place in homes:
        every = 7 if household_id in flagged else 90
        day = first + timedelta(days=rng.randrange(every))
        while day <= TODAY:
            visits.append((day, household_id, place))
            day += timedelta(days=every + rng.randint(-2, 2))
    for start in range(0, len(visits), 5_000):
        with store.transaction():
            for day, household_id, place in visits[start : start + 5_000]:
                estate_name, building, unit, _ = place
                outcome = "met" if rng.random() < 0.8 else "not_home"
                store.put(
                    "visit",
                    new_id(),
                    {"household": household_id, "estate": estate_name, "building": building,
                     "unit": unit, "on": day.isoformat(), "kind": "door", "outcome": outcome,
                     "visitor": "单元长"},
                    new=True,
                )  # fmt: skip
    store.conn.execute("ANALYZE")
    store.close()


def district(path: Path, seed: int = 13) -> None:
    """The district database with two visits in the past year for every household."""
    from danyuanzhang.store import Store, new_id

    source = OUT / "district.db"
    if not source.exists():
        generate(source, "district")
    shutil.copyfile(source, path)
    rng = random.Random(seed)
    store = Store.open(path)
    homes = store.conn.execute(
        "SELECT id, estate, building, unit FROM households ORDER BY id"
    ).fetchall()
    for start in range(0, len(homes), 5_000):
        with store.transaction():
            for home in homes[start : start + 5_000]:
                for _ in range(2):
                    day = TODAY - timedelta(days=rng.randrange(365))
                    store.put(
                        "visit",
                        new_id(),
                        {"household": home["id"], "estate": home["estate"],
                         "building": home["building"], "unit": home["unit"],
                         "on": day.isoformat(), "kind": "door",
                         "outcome": "met" if rng.random() < 0.8 else "not_home",
                         "visitor": "单元长"},
                        new=True,
                    )  # fmt: skip
    store.conn.execute("ANALYZE")
    store.close()


def database(name: str) -> Path:
    path = OUT / f"due-{name}.db"
    stamp = OUT / f"due-{name}.day"
    # visits are dated back from today: a database built on another day is built again
    if path.exists() and stamp.exists() and stamp.read_text() == TODAY.isoformat():
        return path
    OUT.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    if name == "district":
        district(path)
    else:
        estate(path, years=6 if name == "estate-6y" else 7 / 365)
    stamp.write_text(TODAY.isoformat())
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def measure(command: list[str]) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    elapsed, peak_kib = done.stdout.split()
    return float(elapsed), int(peak_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    dyz = [sys.executable, "-m", "danyuanzhang"]
    week, years, whole = (database(n) for n in ("estate-1w", "estate-6y", "district"))
    count = json.loads(
        subprocess.run(
            [*dyz, "--db", str(whole), "visit", "due", "--format", "json"],
            capture_output=True,
            check=True,
        ).stdout
    )
    print(f"district: {len(count)} households due")
    cases = {}
    for command in (["visit", "due"], ["today"]):
        name = " ".join(command)
        for label, path in (("estate, 1 week", week), ("estate, 6 years", years)):
            cases[f"{name} ({label})"] = [*dyz, "--db", str(path), *command, "-e", "小区001"]
        cases[f"{name} (district)"] = [*dyz, "--db", str(whole), *command]
    cases["python -c pass"] = [sys.executable, "-c", "pass"]
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, float] = dict.fromkeys(cases, 0.0)
    for _ in range(args.rounds):
        for name, command in cases.items():
            elapsed, peak = measure(command)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    print(f"{'command':40} {'min s':>7} {'median s':>9} {'peak MiB':>9}")
    for name in cases:
        print(
            f"{name:40} {min(times[name]):7.2f} {statistics.median(times[name]):9.2f}"
            f" {peaks[name]:9.0f}"
        )
    failed = False
    for command in ("visit due", "today"):
        ratio = min(times[f"{command} (estate, 6 years)"]) / min(
            times[f"{command} (estate, 1 week)"]
        )
        whole_s = min(times[f"{command} (district)"])
        whole_mib = peaks[f"{command} (district)"]
        ok = ratio <= 1.3 and whole_s <= 3 and whole_mib <= 200
        failed |= not ok
        print(
            f"{command}: 6 years ÷ 1 week {ratio:.2f} (≤ 1.3); district {whole_s:.2f} s (≤ 3),"
            f" {whole_mib:.0f} MiB (≤ 200): {'within' if ok else 'OUTSIDE'} the targets"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
