"""`dyz visit due` and `dyz today`: their cost grows with the place they show, not with the
years in the notebook, and a whole district is drawn within 3 s and 200 MiB.

    python benchmarks/due.py [--rounds 5] [--quick]

Builds (once, cached in benchmarks/out/) the sample community of benchmarks/generate.py and
the district (100,000 households), each with six years of visits, hazards and needs with their
steps, and fire patrols every 90 days, written through the change log (benchmarks/history.py); then
runs each command at the scope of the whole notebook, of one estate and of one unit, in
interleaved rounds so that the machine's noise falls on all alike, and prints the median wall
and CPU seconds, the peak memory, and the district's figures as ratios to the community's.

Targets (issue 37): the whole district at most 3 s and 200 MiB; one estate and one unit at
most 1.3x the same on the community. `--quick` builds one estate with a year of history
against three with two, runs one round, and never fails on its figures (CI runs it so that the
benchmark cannot rot).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, places  # noqa: E402
from history import add_history  # noqa: E402
from startup import compile_package  # noqa: E402

OUT = HERE / "out"
DAY = date(2026, 11, 22)  # the day the commands are run for (--on), the history's last
ESTATE = "小区001"
# a wrapper that runs one command and reports its wall time, CPU time and peak memory
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - started
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace"))
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, used.ru_utime + used.ru_stime, used.ru_maxrss)
"""
# name: (households, years of history)
SIZES = {
    "community": ("community", 6),
    "district": ("district", 6),
    "quick-community": (1_080, 1),
    "quick-district": (3_240, 2),
}


def roll(path: Path, households: int) -> None:
    """A roll of `households` flats, without residents (the quick sizes)."""
    from danyuanzhang.store import Store, new_id

    store = Store.open(path)
    try:
        store.ensure_device("benchmark")
        with store.transaction():
            store.put_new(
                [
                    (
                        "household",
                        new_id(),
                        dict(zip(("estate", "building", "unit", "room"), p, strict=True)),
                    )
                    for p in places(households)
                ]
            )
    finally:
        store.close()


def database(name: str) -> Path:
    """The notebook of this size with its history, built once."""
    path = OUT / f"due-{name}.db"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    households, years = SIZES[name]
    building = OUT / f"due-{name}.building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    if isinstance(households, str):
        base = OUT / f"{households}.db"
        if not base.exists():
            generate(base, households)
        shutil.copyfile(base, building)
    else:
        roll(building, households)
    add_history(building, DAY - timedelta(days=365 * years), DAY, seed=len(name))
    building.rename(path)
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def measure(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of one run."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    elapsed, cpu, peak_kib = done.stdout.split()
    return float(elapsed), float(cpu), int(peak_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smallest size, one round")
    args = parser.parse_args()
    compile_package()
    prefix = "quick-" if args.quick else ""
    rounds = 1 if args.quick else args.rounds
    sample, district = database(f"{prefix}community"), database(f"{prefix}district")
    dyz = [sys.executable, "-m", "danyuanzhang"]
    scopes = {
        "whole": ["--all"],
        "estate": ["-e", ESTATE],
        "unit": ["-e", ESTATE, "--unit", "2-2"],
    }
    cases: dict[tuple[str, str, str], list[str]] = {}
    for command in (["visit", "due"], ["today"]):
        for scope, words in scopes.items():
            for label, path in (("community", sample), ("district", district)):
                cases[(" ".join(command), scope, label)] = [
                    *dyz, "--db", str(path), *command, *words, "--on", DAY.isoformat(),
                ]  # fmt: skip
    base = [sys.executable, "-c", "pass"]
    runs: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {k: [] for k in cases}
    bare: list[float] = []
    for _ in range(rounds):
        bare.append(measure(base)[0])
        for key, command in cases.items():
            runs[key].append(measure(command))

    def median(key: tuple[str, str, str], at: int) -> float:
        return statistics.median(run[at] for run in runs[key])

    def peak(key: tuple[str, str, str]) -> float:
        return max(run[2] for run in runs[key])

    print(f"median of {rounds}; python -c pass {statistics.median(bare):.3f} s")
    print(f"{'command':12} {'scope':7} {'notebook':10} {'wall s':>7} {'CPU s':>7} {'MiB':>6}")
    for key in cases:
        print(
            f"{key[0]:12} {key[1]:7} {key[2]:10} {median(key, 0):7.2f} {median(key, 1):7.2f}"
            f" {peak(key):6.0f}"
        )
    failed = False
    for command in ("visit due", "today"):
        for scope in scopes:
            there, here = (command, scope, "district"), (command, scope, "community")
            ratio = median(there, 1) / median(here, 1)
            line = f"{command} {scope}: district ÷ community {ratio:.2f} (CPU)"
            if scope == "whole":
                ok = median(there, 0) <= 3 and peak(there) <= 200
                line += f"; district {median(there, 0):.2f} s (≤ 3), {peak(there):.0f} MiB (≤ 200)"
            else:
                ok = ratio <= 1.3
                line += " (≤ 1.3)"
            failed |= not ok
            print(f"{line}: {'within' if ok else 'OUTSIDE'} the target")
    if args.quick:
        print("(--quick: the figures are not held to the targets)")
        return
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
