"""The weekly report on a district that has six years of history, against the same report on
the same district holding only the weeks the report shows (the week and the seven before it,
its trend): the report's cost must grow with what it shows, not with the file.

    python benchmarks/report.py [--rounds 5] [--quick]

The district with its history is benchmarks/due.py's (100,000 households, about 1,000,000
visits, 200,000 hazards and 200,000 needs with their steps, fire patrols), written through the
change log so that `dyz doctor` passes on it (benchmarks/history.py); the weeks alone are the
same roll with only the records of the weeks shown, at the same density. Both are built once and cached
in benchmarks/out/. Each report is timed inside its own process, in interleaved rounds.

Targets (issues 6 and 37): the report for one unit, and for the whole community, with the
history at most 1.5x the same report on the weeks alone (medians). Printed beside them: the
whole `dyz report` for one unit, as a user starts it, against `python -c pass`. `--quick`
uses due.py's smallest district, runs one round and never fails on its figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from danyuanzhang.paperwork.report import TREND_WEEKS  # noqa: E402
from due import DAY, ESTATE, OUT, SIZES, database, roll  # noqa: E402
from generate import generate  # noqa: E402
from history import add_history  # noqa: E402
from startup import compile_package  # noqa: E402

WEEK = DAY.strftime("%G-W%V")  # the week that ends on the history's last day
# the first day the report shows: its trend's first week
SHOWN_FROM = DAY - timedelta(days=6) - timedelta(weeks=TREND_WEEKS - 1)
SCOPES = ("unit:2-2", "community")

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


def weeks_alone(name: str) -> Path:
    """The roll of due.py's notebook `name` with only the records of the weeks shown."""
    path = OUT / f"report-weeks-{name}.db"
    if path.exists():
        return path
    started = time.perf_counter()
    building = OUT / f"report-weeks-{name}.building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    households, _ = SIZES[name]
    if isinstance(households, str):
        base = OUT / f"{households}.db"
        if not base.exists():
            generate(base, households)
        shutil.copyfile(base, building)
    else:
        roll(building, households)
    add_history(building, SHOWN_FROM, DAY, seed=len(name))
    building.rename(path)
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smallest size, one round")
    args = parser.parse_args()
    compile_package()
    name = "quick-district" if args.quick else "district"
    rounds = 1 if args.quick else args.rounds
    history, only_week = database(name), weeks_alone(name)
    env = {**os.environ, "DYZ_LANG": "zh"}
    runs: dict[tuple[str, str], list[float]] = {
        (scope, kind): [] for scope in SCOPES for kind in ("history", "week")
    }
    for _ in range(rounds):
        for scope in SCOPES:
            for kind, path in (("history", history), ("week", only_week)):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(path), WEEK, scope, ESTATE],
                    capture_output=True, text=True, check=True, env=env,
                )  # fmt: skip
                runs[(scope, kind)].append(float(out.stdout))
    print(f"report {WEEK} for {ESTATE}: six years of history against the weeks shown alone")
    print(f"(median of {rounds}, the report alone, inside its process)")
    failed = False
    for scope in SCOPES:
        long, short = (statistics.median(runs[(scope, k)]) for k in ("history", "week"))
        ok = long / short <= 1.5
        failed |= not ok
        print(
            f"  {scope:10} history {long * 1000:8.1f} ms   weeks alone {short * 1000:8.1f} ms"
            f"   ratio {long / short:5.2f} (≤ 1.5): {'within' if ok else 'OUTSIDE'} the target"
        )
    dyz = [sys.executable, "-m", "danyuanzhang"]
    command = [*dyz, "--db", str(history), "report", "--week", WEEK, "--scope", "unit:2-2",
               "--estate", ESTATE]  # fmt: skip
    base, report_times = [], []
    for _ in range(rounds * 3):
        base.append(timed([sys.executable, "-c", "pass"], env))
        report_times.append(timed(command, env))
    whole, bare = statistics.median(report_times), statistics.median(base)
    print(
        f"dyz report --scope unit:2-2 on the district with its history: {whole * 1000:.0f} ms,"
        f" {whole / bare:.1f}x python -c pass (medians of {rounds * 3})"
    )
    if args.quick:
        print("(--quick: the figures are not held to the targets)")
        return
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
