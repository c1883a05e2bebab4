"""The one-folder build (packaging/build.py): its size, unpacked and zipped, and the start-up
of its `dyz --help` and `dyz household list` beside the virtualenv's, medians in one run.

    python packaging/build.py --no-zip && python benchmarks/frozen.py [--rounds 21] [--quick]

Each round runs every command once, in a shuffled order, so that a busy machine slows the
frozen and the installed dyz alike; wall and CPU time are both shown, with the frozen build's
median ÷ the virtualenv's. No build (dist/dyz/, or --build FOLDER): says so and stops, passing.
`--quick` is three rounds, a check that the benchmark runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from startup import OUT, compile_package, database, dyz_command, timed  # noqa: E402


def executable_in(folder: Path) -> Path | None:
    for name in ("dyz.exe", "dyz"):
        if (folder / name).is_file():
            return folder / name
    return None


def folder_size(folder: Path) -> int:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files)


def zipped_size(folder: Path) -> int:
    """The folder zipped as packaging/build.py zips it."""
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "dyz.zip"
        build.zip_folder(folder, archive)
        return archive.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", type=Path, default=ROOT / "dist" / "dyz", help="the folder")
    parser.add_argument("--rounds", type=int, help="rounds (default 21, or 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="three rounds; a check it runs")
    args = parser.parse_args()
    frozen = executable_in(args.build)
    if frozen is None:
        print(f"no one-folder build in {args.build}: `python packaging/build.py` makes one")
        return
    rounds = args.rounds or (3 if args.quick else 21)
    print(f"{args.build}: {folder_size(args.build) / 1e6:.1f} MB", end="", flush=True)
    print(f", zipped {zipped_size(args.build) / 1e6:.1f} MB")

    OUT.mkdir(exist_ok=True)
    compile_package()
    read = OUT / "community-frozen.db"
    shutil.copy(database("community"), read)
    commands = {
        "dyz --help": ["--help"],
        "household list --unit 2-2 (community)": [
            *("--db", str(read), "household", "list", "--estate", "小区001", "--unit", "2-2"),
        ],
    }
    builds = {"virtualenv": dyz_command(), "frozen": [str(frozen)]}
    env = {**os.environ, "DYZ_LANG": "zh"}
    cases = [(name, build) for name in commands for build in builds]
    walls: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    cpus: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    shuffled = random.Random(38)
    for _ in range(rounds):
        shuffled.shuffle(cases)
        for name, build in cases:
            wall, cpu = timed([*builds[build], *commands[name]], env)
            walls[name, build].append(wall)
            cpus[name, build].append(cpu)

    print(f"\n{'command':40} {'':10} {'wall ms':>8} {'CPU ms':>8}   (medians of {rounds} rounds)")
    for name in commands:
        for build in builds:
            wall = statistics.median(walls[name, build]) * 1000
            cpu = statistics.median(cpus[name, build]) * 1000
            print(f"{name:40} {build:10} {wall:8.1f} {cpu:8.1f}")
        wall_ratio = statistics.median(walls[name, "frozen"]) / statistics.median(
            walls[name, "virtualenv"]
        )
        cpu_ratio = statistics.median(cpus[name, "frozen"]) / statistics.median(
            cpus[name, "virtualenv"]
        )
        print(f"{'':40} {'frozen ÷':10} {wall_ratio:7.2f}x {cpu_ratio:7.2f}x")
    if args.quick:
        print("\n(--quick: too few rounds to go by)")


if __name__ == "__main__":
    main()
