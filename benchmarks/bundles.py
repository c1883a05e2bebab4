"""Bundle import and export speed, as ratios to merely walking the same file's YAML events with
PyYAML's C parser, measured side by side in one run; and the import's peak memory.

    python benchmarks/bundles.py [--changes 100000] [--rounds 3] [--profile] [--quick]

A bundle in the layout dyz writes is read line by line (bundle/lines.py); the figure for the
same bundle read from its YAML events, as one laid out otherwise would be, is printed too.

`--profile` also prints what the import spends its time on (parsing the lines, checking values
and change ids, verifying signatures and spans, planning, inserting into the log, deriving the
tables), each part with the speed ratio the import would reach without it. `--quick` runs the
smallest bundle that is still read beside the import, once, profiled: a check that the
benchmark runs, in CI; its figures are printed and never fail it.

Targets (issues 3 and 37): import speed >= 0.5 of the event walk's, measured in the same run;
export at least as fast as the import; a second import of the same bundle under a tenth of the
first; peak memory of the import under 200 MiB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
QUICK_CHANGES = 45_000  # a bundle over 8 MB: read by a second process beside the import

# The peak is read from /proc (VmHWM, this program's own): Linux keeps ru_maxrss across exec,
# so a child started by this benchmark would report the parent's peak as its own. The peak of
# the process that reads a big bundle beside the import is added (forked, it counts the pages
# it shares with the import again: an upper bound).
PEAK = r"""
def peak_mib():
    import resource
    reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024 + reader
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + reader
"""

CHILD = (
    PEAK
    + r"""
import json, sys, time
from pathlib import Path
from danyuanzhang.store import Store
from danyuanzhang.sync.importing import import_bundle
if sys.argv[3] == "events":  # as a bundle laid out otherwise than dyz writes would be read
    from danyuanzhang.sync.bundle import reader
    reader.read_as_written = lambda *_: None
store = Store.open(Path(sys.argv[1]))
store.ensure_device("office")
started = time.perf_counter()
report = import_bundle(store, Path(sys.argv[2]))
first = time.perf_counter() - started
started = time.perf_counter()
again = import_bundle(store, Path(sys.argv[2]))
second = time.perf_counter() - started
print(json.dumps({"first": first, "second": second, "added": report.added,
                  "seen_before": again.seen_before, "peak_mib": peak_mib()}))
"""
)

BASELINE = (
    PEAK
    + r"""
import sys, time
import yaml
start, cpu = time.perf_counter(), time.process_time()
with open(sys.argv[1], "rb") as f:
    data = f.read()
for _ in yaml.parse(data.decode("utf-8"), Loader=yaml.CSafeLoader):
    pass
print(time.perf_counter() - start, peak_mib(), time.process_time() - cpu)
"""
)


# What the import spends its time on, each part timed where it runs, the bundle read in the
# importing process so that the parts add up to the whole (in a real import of a big bundle, a
# second process reads while this one writes: bundle/beside.py). Each part is its own time,
# without the parts it calls, in CPU seconds: on a shared machine, waiting for a core would
# fall on whichever part was running.
PROFILE = (
    PEAK
    + r"""
import json, sys, time
from pathlib import Path
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.sync import importing, provenance, members
from danyuanzhang.sync.bundle import lines, reader

spent = {}  # each part's own CPU time, without the parts it calls
inside = [0.0]  # for each timed call running, the time its timed callees took

def timed(name, function):
    def run(*args, **kwargs):
        started = time.process_time()
        inside.append(0.0)
        try:
            return function(*args, **kwargs)
        finally:
            took = time.process_time() - started
            spent[name] = spent.get(name, 0.0) + took - inside.pop()
            inside[-1] += took
    return run

def timed_generator(name, function):
    def run(*args, **kwargs):
        inner = timed(name, function(*args, **kwargs).__next__)
        while True:
            try:
                item = inner()
            except StopIteration:
                return
            yield item
    return run

importing.worth_reading_beside = lambda size: False
lines.records = timed_generator("parse", lines.records)
reader.Body.record = timed("record", reader.Body.record)
reader.Body.finish = timed("finish", reader.Body.finish)
importing._Importer.deliver = timed("deliver", importing._Importer.deliver)
importing._Importer.flush = timed("flush", importing._Importer.flush)
importing._check_signature = timed("signature", importing._check_signature)
for method in ("collect", "require", "check_and_keep"):
    setattr(provenance.Proofs, method, timed(method, getattr(provenance.Proofs, method)))
members.Gate.check = timed("gate", members.Gate.check)
sql.apply_plan = timed("apply", sql.apply_plan)
sql.insert_changes = timed("insert", sql.insert_changes)
importing._write_down = timed("write_down", importing._write_down)

store = Store.open(Path(sys.argv[1]))
store.ensure_device("office")
started = time.process_time()
importing.import_bundle(store, Path(sys.argv[2]))
total = time.process_time() - started
get = lambda *names: sum(spent.get(name, 0.0) for name in names)
parts = {
    "parse the lines": get("parse"),
    "check values and change ids": get("record", "finish"),
    "verify signature and spans": get("signature", "collect", "require", "check_and_keep", "gate"),
    "plan (what is new, merge)": get("deliver", "flush"),
    "insert into the log": get("insert"),
    "derive the tables": get("apply"),
    "write down (references, marks)": get("write_down"),
}
parts["the rest (header, commit)"] = total - sum(parts.values())
print(json.dumps({"total": total, "parts": parts}))
"""
)


def make_source(folder: Path, changes: int) -> Path:
    """A notebook as `dyz init` makes one (its key signs its changes) and a roll fills it: each
    flat of the estates registered once, a resident in each (names, phones and births drawn
    as in benchmarks/generate.py), every change signed."""
    from danyuanzhang.store import Store, new_id
    from danyuanzhang.sync.keys import ensure_key

    sys.path.insert(0, str(HERE))
    from generate import GIVEN, SURNAMES, places

    rng = random.Random(3)
    path = folder / "source.db"
    store = Store.open(path)
    store.ensure_device("周玉梅的电脑")
    ensure_key(store)
    flats = iter(places(changes // 8 + 1))  # 8 or 9 changes a flat
    made = 0
    while made < changes:
        with store.transaction():
            for estate, building, unit, room in itertools.islice(flats, 500):
                household = new_id()
                store.put(
                    "household",
                    household,
                    {"estate": estate, "building": building, "unit": unit, "room": room},
                    new=True,
                )
                resident: dict[str, object] = {
                    "household": household,
                    "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                    "phone": f"13{rng.randrange(10**9):09d}",
                    "born": rng.randint(1935, 2010),
                }
                if rng.random() < 0.15:
                    resident["flag.elderly_alone"] = True
                store.put("resident", new_id(), resident, new=True)
                made += 4 + len(resident)
                if made >= changes:
                    break
    store.close()
    return path


def child(code: str, *args: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--profile", action="store_true", help="also print what the import spends its time on"
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_CHANGES:,} changes, one round, profiled"
    )
    args = parser.parse_args()
    if args.quick:
        args.changes, args.rounds, args.profile = QUICK_CHANGES, 1, True
    from danyuanzhang.store import Store
    from danyuanzhang.sync.exporting import export_bundle

    sys.path.insert(0, str(HERE))
    from startup import compile_package

    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_source(folder, args.changes)
        bundle = folder / "bundle.yaml"
        # walk, import and export take turns, so that a busy moment of this shared machine
        # falls on all alike; each figure is the median of its rounds
        walks, imports, by_events, exports, profiles = [], [], [], [], []
        for round_number in range(args.rounds):
            store = Store.open(source)
            started = time.perf_counter()
            report = export_bundle(store, bundle, everything=True, plain=True)
            exports.append(time.perf_counter() - started)
            store.close()
            baseline = subprocess.run(
                [sys.executable, "-c", BASELINE, str(bundle)],
                capture_output=True,
                text=True,
                check=True,
            )
            walks.append([float(x) for x in baseline.stdout.split()])
            ways = [("as-written", CHILD, imports), ("events", CHILD, by_events)]
            if args.profile:
                ways.append(("profiled", PROFILE, profiles))
            for way, code, results in ways:
                target = folder / f"office-{way}-{round_number}.db"
                results.append(child(code, str(target), str(bundle), way))
                target.unlink()
        ratios = sorted(w[0] / r["first"] for w, r in zip(walks, imports, strict=True))
        event_ratios = sorted(w[0] / r["first"] for w, r in zip(walks, by_events, strict=True))
        events_first = statistics.median(r["first"] for r in by_events)
        walk_time, walk_peak = statistics.median(w[0] for w in walks), max(w[1] for w in walks)
        export_time = statistics.median(exports)
        result = {
            "first": statistics.median(r["first"] for r in imports),
            "second": statistics.median(r["second"] for r in imports),
            "peak_mib": max(r["peak_mib"] for r in imports),
        }
        size_mb = bundle.stat().st_size / 1e6
        print(
            f"bundle: {report.changes} changes, {size_mb:.1f} MB; medians of {args.rounds} rounds"
        )
        print(
            f"YAML event walk (C parser)   {walk_time:6.2f} s   {report.changes / walk_time:9,.0f} changes/s"
        )
        print(
            f"import                       {result['first']:6.2f} s   {report.changes / result['first']:9,.0f} changes/s"
            f"   speed ratio to the walk {statistics.median(ratios):.2f} (target >= 0.50;"
            f" rounds {', '.join(f'{r:.2f}' for r in ratios)})"
        )
        print(
            f"  the same, read by events     {events_first:6.2f} s   {report.changes / events_first:9,.0f} changes/s"
            f"   speed ratio to the walk {statistics.median(event_ratios):.2f} (how a bundle laid out"
            f" otherwise than dyz writes is read; rounds {', '.join(f'{r:.2f}' for r in event_ratios)})"
        )
        print(
            f"export                       {export_time:6.2f} s   {report.changes / export_time:9,.0f} changes/s"
            f"   speed ratio to the import {result['first'] / export_time:.2f} (target >= 1.00)"
        )
        print(
            f"second import                {result['second']:6.3f} s   ratio to the first {result['second'] / result['first']:.3f} (target < 0.10)"
        )
        print(
            f"import peak memory           {result['peak_mib']:6.0f} MiB (target < 200; read by events"
            f" {max(r['peak_mib'] for r in by_events):.0f} MiB; the bare walk peaks at {walk_peak:.0f} MiB)"
        )
        if profiles:
            print_profile(profiles, statistics.median(w[2] for w in walks))


def print_profile(profiles: list[dict[str, Any]], walk_cpu: float) -> None:
    """Each part's median CPU time in an import read in one process, its share, and the speed
    ratio to the walk (CPU to CPU) that import would reach if that part cost nothing."""
    total = statistics.median(p["total"] for p in profiles)
    print(
        f"what the import spends its time on (CPU, the bundle read in the importing process):"
        f" {total:.2f} s against the walk's {walk_cpu:.2f} s, ratio {walk_cpu / total:.2f}"
    )
    for part in profiles[0]["parts"]:
        seconds = statistics.median(p["parts"][part] for p in profiles)
        print(
            f"  {part:34} {seconds:6.2f} s  {seconds / total:4.0%}"
            f"   ratio to the walk without it {walk_cpu / max(total - seconds, 1e-9):5.2f}"
        )


if __name__ == "__main__":
    os.environ.setdefault("DYZ_LANG", "en")
    main()
