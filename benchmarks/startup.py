"""Start-up of the commands typed all day, as medians and as ratios to `import typer` alone and
to `python -c pass`, measured side by side.

    python benchmarks/startup.py [--rounds 21] [--before SRC] [--quick]

Issue 37's targets, medians in one run: the everyday commands (today, visit due, household
list, hazard add, petition add) at most 1.15x `python -c "import typer"`, and `dyz --help` and
the unit's weekly report at most 1.3x. Every command runs once per round, all of them in turn
(each round in another order), so the noise of a machine shared with others falls on all alike;
the medians are compared, never the best run. Each command's wall time and CPU time are both
shown; the targets are judged on CPU time, which other work on the machine disturbs less.

`--before SRC` times every command a second time with another checkout's `src/` put first on
the path (e.g. `git worktree add /tmp/before 6701d75`, then `--before /tmp/before/src`), in the
same rounds, and prints each command's median now ÷ before.

`--quick` is a few rounds on the community alone, well under a minute, and never fails on
figures: it only shows that the benchmark still runs. Otherwise the community's and the
district's databases are built once (benchmarks/generate.py, cached in benchmarks/out/), and
each command runs against a copy of them, so that what it adds does not pile up in the cache.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
BARE = "python -c pass"
TYPER = "import typer"
EVERYDAY_TARGET = 1.15
HEAVIER_TARGET = 1.3
# the commands held to 1.3x `import typer`; every other dyz command here is held to 1.15x
HEAVIER = ("dyz --help", "report")


def compile_package(before: Path | None = None) -> None:
    """Byte-compile dyz as an installed copy is: with PYTHONDONTWRITEBYTECODE set (it is on
    some machines) an editable install would otherwise be compiled again on every run."""
    import compileall

    import danyuanzhang

    compileall.compile_dir(Path(danyuanzhang.__file__).parent, quiet=1)
    if before is not None:
        compileall.compile_dir(before / "danyuanzhang", quiet=1)


def database(scale: str) -> Path:
    path = OUT / f"{scale}.db"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), scale, str(path)], check=True)
    return path


def dyz_command() -> list[str]:
    script = Path(sys.executable).parent / "dyz"
    found = str(script) if script.exists() else shutil.which("dyz")
    return [found] if found else [sys.executable, "-m", "danyuanzhang"]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The command's wall time and the CPU time it used (user and system): on a machine
    shared with other work the CPU time is the steadier of the two."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if not hasattr(os, "wait4"):  # Windows: wall time alone
        process.wait()
        cpu = None
    else:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return wall, wall if cpu is None else cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, help="rounds (default 21, or 3 with --quick)")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to time beside")
    parser.add_argument(
        "--quick", action="store_true", help="a few rounds on the community; no verdict"
    )
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 21)
    scales = ("community",) if args.quick else ("community", "district")
    OUT.mkdir(exist_ok=True)
    compile_package(args.before)
    env = {**os.environ, "DYZ_LANG": "zh"}
    cases = commands(dyz_command(), "", scales)
    envs = dict.fromkeys(cases, env)
    if args.before is not None:
        before_env = {**env, "PYTHONPATH": str(args.before.resolve())}
        for name, command in commands(dyz_command(), "before", scales).items():
            if name not in (BARE, TYPER):
                cases[f"{name} before"] = command
                envs[f"{name} before"] = before_env
    walls: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    order = list(cases)
    shuffled = random.Random(37)
    for round_number in range(rounds):
        shuffled.shuffle(order)
        for name in order:
            wall, cpu = timed(numbered(cases[name], name, round_number), envs[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    print("Wall time")
    report(walls)
    print("\nCPU time (user + system), the figures held to the targets")
    over = report(cpus)
    if args.before is not None:
        print(f"\n{'command':48} {'median now ÷ before: wall':>26} {'CPU':>6}")
        for name in cases:
            if f"{name} before" in cases:
                wall = statistics.median(walls[name]) / statistics.median(walls[f"{name} before"])
                cpu = statistics.median(cpus[name]) / statistics.median(cpus[f"{name} before"])
                print(f"{name:48} {wall:25.2f}x {cpu:5.2f}x")
    if args.quick:
        print("\n(--quick: too few rounds for a verdict)")
    elif over:
        print(f"\nOVER the target: {', '.join(over)}")
    else:
        print("\nevery command within its target")


def numbered(command: list[str], name: str, round_number: int) -> list[str]:
    """`household add` is given a flat of its own each time it runs."""
    if not name.startswith("household add"):
        return command
    flat = f"99-{round_number % 9 + 1}-{round_number + 1}01"
    return [*command, flat, "--estate", "小区001"]


def commands(dyz: list[str], tree: str, scales: tuple[str, ...]) -> dict[str, list[str]]:
    """The commands timed, against copies of the databases: one that is only read, so that
    what the others add (a household, a hazard, a need each round) does not lengthen today's
    list as the rounds go, and one they write to; neither the cached file nor the other
    tree's copies."""
    python = sys.executable
    cases: dict[str, list[str]] = {
        BARE: [python, "-c", "pass"],
        TYPER: [python, "-c", "import typer"],
        "dyz --help": [*dyz, "--help"],
    }
    unit = ["--estate", "小区001", "--unit", "2-2"]
    for scale in scales:
        db = database(scale)
        suffix = f"-{tree}" if tree else ""
        read, written = OUT / f"{scale}-read{suffix}.db", OUT / f"{scale}-work{suffix}.db"
        shutil.copy(db, read)
        shutil.copy(db, written)
        on, adding = [*dyz, "--db", str(read)], [*dyz, "--db", str(written)]
        cases[f"today --unit 2-2 ({scale})"] = [*on, "today", *unit]
        cases[f"visit due --unit 2-2 ({scale})"] = [*on, "visit", "due", *unit]
        cases[f"household list --unit 2-2 ({scale})"] = [*on, "household", "list", *unit]
        cases[f"household add ({scale})"] = [*adding, "household", "add"]
        cases[f"hazard add ({scale})"] = [
            *adding,
            *("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3"),
            *("--estate", "小区001"),
        ]
        cases[f"petition add ({scale})"] = [
            *adding,
            *("petition", "add", "2-2-301", "--category", "停车", "--text", "楼下乱停车"),
            *("--estate", "小区001"),
        ]
        cases[f"report --week --unit 2-2 ({scale})"] = [*on, "report", "--week", *unit]
    return cases


def report(times: dict[str, list[float]]) -> list[str]:
    """Prints each command's median and its ratios; returns the commands over their target."""
    bare = statistics.median(times[BARE])
    typer = statistics.median(times[TYPER])
    print(
        f"{'command':48} {'median ms':>9} {'÷ pass':>7} {'÷ typer':>8} {'target':>7}"
        f"  (medians of {len(times[BARE])} rounds)"
    )
    over = []
    for name, values in times.items():
        median = statistics.median(values)
        target = ""
        if name not in (BARE, TYPER) and not name.endswith(" before"):
            limit = HEAVIER_TARGET if name.startswith(HEAVIER) else EVERYDAY_TARGET
            target = f"{limit:.2f}x"
            if median / typer > limit:
                over.append(name)
                target += " OVER"
        print(
            f"{name:48} {median * 1000:9.1f} {median / bare:6.2f}x {median / typer:7.2f}x"
            f" {target:>7}"
        )
    return over


if __name__ == "__main__":
    main()
