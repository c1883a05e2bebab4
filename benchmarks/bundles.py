"""Bundle import and export speed, as ratios to merely walking the same file's YAML events with
PyYAML's C parser, measured side by side in one run; and the import's peak memory.

    python benchmarks/bundles.py [--changes 100000] [--rounds 3]

A bundle in the layout dyz writes is read line by line (bundle/lines.py); the figure for the
same bundle read from its YAML events, as one laid out otherwise would be, is printed too.

Targets (issue 3): import at least half as fast as the event walk; export at least as fast as
the import; a second import of the same bundle under a tenth of the first; peak memory of the
import under 200 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

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
start = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    data = f.read()
for _ in yaml.parse(data.decode("utf-8"), Loader=yaml.CSafeLoader):
    pass
print(time.perf_counter() - start, peak_mib())
"""
)


def make_source(folder: Path, changes: int) -> Path:
    """A unit head's-style notebook: households with residents, a few edits each."""
    from danyuanzhang.store import Store, new_id

    path = folder / "source.db"
    store = Store.open(path)
    store.ensure_device("周玉梅的电脑")
    made = 0
    n = 0
    while made < changes:
        with store.transaction():
            for _ in range(500):
                n += 1
                household = new_id()
                store.put(
                    "household",
                    household,
                    {
                        "estate": f"小区{n // 1080:03d}",
                        "building": str(n % 30 + 1),
                        "unit": "2",
                        "room": f"{n % 6 + 1}0{n % 2 + 1}",
                    },
                    new=True,
                )
                store.put(
                    "resident",
                    new_id(),
                    {
                        "household": household,
                        "name": "刘桂英",
                        "phone": f"138{n:08d}",
                        "born": 1941,
                        "flag.elderly_alone": True,
                    },
                    new=True,
                )
                made += 9
                if made >= changes:
                    break
    store.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from danyuanzhang.store import Store
    from danyuanzhang.sync.exporting import export_bundle

    sys.path.insert(0, str(HERE))
    from startup import compile_package

    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = make_source(folder, args.changes)
        store = Store.open(source)
        bundle = folder / "bundle.yaml"
        started = time.perf_counter()
        report = export_bundle(store, bundle, everything=True, plain=True)
        export_time = time.perf_counter() - started
        store.close()
        # walk and import take turns, so that a busy moment of this shared machine falls on
        # both alike; each figure is the median of its rounds
        walks, imports, by_events = [], [], []
        for round_number in range(args.rounds):
            baseline = subprocess.run(
                [sys.executable, "-c", BASELINE, str(bundle)],
                capture_output=True,
                text=True,
                check=True,
            )
            walks.append([float(x) for x in baseline.stdout.split()])
            for way, results in (("as-written", imports), ("events", by_events)):
                target = folder / f"office-{way}-{round_number}.db"
                child = subprocess.run(
                    [sys.executable, "-c", CHILD, str(target), str(bundle), way],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results.append(json.loads(child.stdout))
                target.unlink()
        ratios = sorted(w[0] / r["first"] for w, r in zip(walks, imports, strict=True))
        event_ratios = sorted(w[0] / r["first"] for w, r in zip(walks, by_events, strict=True))
        events_first = statistics.median(r["first"] for r in by_events)
        walk_time, walk_peak = statistics.median(w[0] for w in walks), max(w[1] for w in walks)
        result = {
            "first": statistics.median(r["first"] for r in imports),
            "second": statistics.median(r["second"] for r in imports),
            "peak_mib": max(r["peak_mib"] for r in imports),
        }
        size_mb = bundle.stat().st_size / 1e6
        print(f"bundle: {report.changes} changes, {size_mb:.1f} MB")
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


if __name__ == "__main__":
    os.environ.setdefault("DYZ_LANG", "en")
    main()
