"""The weekly report on a district that has years of history, against the same report on a
database that holds only that week: the report's cost must grow with the week, not the file.

    python benchmarks/report.py [--rounds 5]

Targets (issue 6): the report for one week on a district-scale database (100,000 households,
1,000,000 visits, 200,000 hazards, 200,000 petitions) at most 1.5x the time of the same report
on a database holding only that week; for one unit's scope in the terminal, at most 12x
`python -c pass`. Both databases are built once and cached in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import OUT, compile_package, database, dyz_command, timed  # noqa: E402

WEEK = "2026-W47"
WEEK_START = date(2026, 11, 16)
HISTORY_START = date(2020, 12, 1)
ESTATE = "小区001"
SCALE = {"visits": 1_000_000, "hazards": 200_000, "petitions": 200_000}
KINDS = ["flying_wire", "blocked_exit", "ebike_indoor", "extinguisher", "emergency_light"]
CATEGORIES = ["parking", "repair", "elderly_care", "environment", "safety"]
# a week's records are at every stage; older ones have mostly run their course, as in a
# community that works through its notebook (a few stay open for good)
PETITION_PATHS = [
    ["resolved"],
    ["escalated"],
    ["escalated", "proposed"],
    [],
    ["resolved", "closed"],
]
SETTLED_PETITIONS = [["resolved"], ["resolved", "closed"], ["escalated", "proposed", "declined"]]
HAZARD_PATHS = [["notified", "rectified", "verified"], ["notified"], [], ["notified", "rectified"]]
VERIFIED_HAZARDS = [["notified", "rectified", "verified"], ["rectified", "verified"]]
STILL_OPEN = 0.03  # of the records older than the week


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def fill(path: Path, days: list[date], share: float, seed: int, history: bool = False) -> None:
    """Visits, hazards and petitions (with their steps) on these days, `share` of the
    district's totals, written straight into the tables the report reads."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    homes = conn.execute("SELECT id, estate, building, unit FROM households").fetchall()
    device = conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()[0]
    changes: list[tuple[str, ...]] = []

    def step_change(record: str, entity: str, day: date) -> None:
        wall = int(time.mktime(day.timetuple()) * 1000)
        changes.append(
            (record, "step", _hex(rng), f"{wall:015d}-0000000000-{device}", "bench", entity,
             "set", '"x"', "[]")
        )  # fmt: skip

    visits, hazards, events, petitions, steps = [], [], [], [], []
    for _ in range(int(SCALE["visits"] * share)):
        home, day = rng.choice(homes), rng.choice(days)
        outcome = rng.choice(["met", "met", "met", "not_home", "declined"])
        visits.append(
            (_hex(rng), home[0], *home[1:], day.isoformat(), "door", outcome, "周玉梅",
             rng.choice(["1", "0", None]), rng.choice(["1", "0"]))
        )  # fmt: skip
    for _ in range(int(SCALE["hazards"] * share)):
        home, day = rng.choice(homes), rng.choice(days)
        hazard_id = _hex(rng)
        due = (day + timedelta(days=7)).isoformat()
        hazards.append(
            (
                hazard_id,
                rng.choice(KINDS),
                *home[1:],
                "楼道",
                home[0],
                "medium",
                day.isoformat(),
                due,
            )
        )
        paths = VERIFIED_HAZARDS if history and rng.random() > STILL_OPEN else HAZARD_PATHS
        for n, step in enumerate(rng.choice(paths), start=1):
            event_id, on = _hex(rng), day + timedelta(days=n)
            events.append((event_id, hazard_id, step, on.isoformat()))
            step_change(event_id, "hazard_event", on)
    for _ in range(int(SCALE["petitions"] * share)):
        home, day = rng.choice(homes), rng.choice(days)
        petition_id = _hex(rng)
        petitions.append(
            (petition_id, home[0], *home[1:], rng.choice(CATEGORIES), "楼道灯坏了", day.isoformat())
        )
        paths = SETTLED_PETITIONS if history and rng.random() > STILL_OPEN else PETITION_PATHS
        for n, step in enumerate(rng.choice(paths), start=1):
            event_id, on = _hex(rng), day + timedelta(days=n)
            steps.append(
                (
                    event_id,
                    petition_id,
                    step,
                    on.isoformat(),
                    "council" if step == "escalated" else None,
                    "已处理" if step == "resolved" else None,
                )
            )
            step_change(event_id, "petition_event", on)
    with conn:
        conn.executemany(
            "INSERT INTO visits (id, household_id, estate, building, unit, on_date, kind,"
            " outcome, visitor, anti_fraud_app, briefed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            visits,
        )
        conn.executemany(
            "INSERT INTO hazards (id, kind, estate, building, unit, place, household_id,"
            " severity, found_on, due) VALUES (?,?,?,?,?,?,?,?,?,?)",
            hazards,
        )
        conn.executemany(
            "INSERT INTO hazard_events (id, hazard_id, step, on_date) VALUES (?,?,?,?)", events
        )
        conn.executemany(
            "INSERT INTO petitions (id, household_id, estate, building, unit, category, text,"
            " raised_on) VALUES (?,?,?,?,?,?,?,?)",
            petitions,
        )
        conn.executemany(
            "INSERT INTO petition_events (id, petition_id, step, on_date, escalated_to, note)"
            " VALUES (?,?,?,?,?,?)",
            steps,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO changes (record, field, id, hlc, author, entity, op, value,"
            " parents) VALUES (?,?,?,?,?,?,?,?,?)",
            changes,
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def databases() -> tuple[Path, Path]:
    """(years of history plus the week, only the week): the same households in both."""
    base = database("district")
    week_days = [WEEK_START + timedelta(days=n) for n in range(7)]
    history = OUT / "report-history.db"
    only_week = OUT / "report-week.db"
    if not only_week.exists():
        # the migrations of this dyz run once on open, before anything is added
        from danyuanzhang.store import Store

        shutil.copy(base, OUT / "report-base.db")
        Store.open(OUT / "report-base.db").close()
        days = (WEEK_START - HISTORY_START).days
        past = [HISTORY_START + timedelta(days=n) for n in range(days)]
        week_share = 7 / (days + 7)
        shutil.copy(OUT / "report-base.db", history)
        fill(history, past, 1 - week_share, seed=1, history=True)
        fill(history, week_days, week_share, seed=2)
        shutil.copy(OUT / "report-base.db", only_week)
        fill(only_week, week_days, week_share, seed=2)
    return history, only_week


CHILD = r"""
import sys, time
from pathlib import Path
from danyuanzhang.store import Store
from danyuanzhang.paperwork.report import weekly_report
store = Store.open(Path(sys.argv[1]))
started = time.perf_counter()
weekly_report(store, week=sys.argv[2], scope=sys.argv[3], estate=sys.argv[4])
print(time.perf_counter() - started)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    compile_package()
    history, only_week = databases()
    env = {**os.environ, "DYZ_LANG": "zh"}
    scopes = ["unit:2-2", "community"]
    runs: dict[tuple[str, str], list[float]] = {
        (scope, kind): [] for scope in scopes for kind in ("history", "week")
    }
    for _ in range(args.rounds):
        for scope in scopes:
            for kind, path in (("history", history), ("week", only_week)):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(path), WEEK, scope, ESTATE],
                    capture_output=True, text=True, check=True, env=env,
                )  # fmt: skip
                runs[(scope, kind)].append(float(out.stdout))
    print(
        f"report {WEEK} for {ESTATE}: years of history against that week alone (median of {args.rounds})"
    )
    for scope in scopes:
        long, short = (statistics.median(runs[(scope, k)]) for k in ("history", "week"))
        print(
            f"  {scope:10} history {long * 1000:8.1f} ms   week only {short * 1000:8.1f} ms"
            f"   ratio {long / short:5.2f} (target <= 1.5)"
        )
    dyz = dyz_command()
    command = [*dyz, "--db", str(history), "report", "--week", WEEK, "--scope", "unit:2-2",
               "--estate", ESTATE]  # fmt: skip
    base, report_times = [], []
    for _ in range(args.rounds * 3):
        base.append(timed([sys.executable, "-c", "pass"], env))
        report_times.append(timed(command, env))
    ratio = min(report_times) / min(base)
    print(
        f"dyz report --scope unit:2-2 on the district: {min(report_times) * 1000:.0f} ms,"
        f" {ratio:.1f}x python -c pass (target <= 12)"
    )


if __name__ == "__main__":
    main()
