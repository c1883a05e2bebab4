"""Start-up of the commands typed all day, as ratios to `python -c pass`, measured side by side.

    python benchmarks/startup.py [--rounds 15] [--before SRC]

`--before SRC` times every command a second time with another checkout's `src/` put first on
the path (e.g. `git worktree add /tmp/before e72cde8`, then `--before /tmp/before/src`), in the
same rounds, and prints each command's median now ÷ before: the check that a change of layout
did not make start-up slower.

Builds (once, cached in benchmarks/out/) a community-scale and a district-scale database, then
runs each command in interleaved rounds so that the machine's noise falls on all alike. The
issues' target: `dyz household add`, `dyz household list --unit 2-2` and `dyz hazard add` each
at most 8x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGET = 8.0


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


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--before", type=Path, help="another checkout's src/ to time beside")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    compile_package(args.before)
    env = {**os.environ, "DYZ_LANG": "zh"}
    cases = commands(dyz_command(), "")
    envs = dict.fromkeys(cases, env)
    if args.before is not None:
        before_env = {**env, "PYTHONPATH": str(args.before.resolve())}
        for name, command in commands(dyz_command(), "before").items():
            if name != "python -c pass":
                cases[f"{name} before"] = command
                envs[f"{name} before"] = before_env
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(args.rounds):
        for name, command in cases.items():
            if name.startswith("household add"):
                command = [
                    *command,
                    f"99-{round_number % 9 + 1}-{round_number}0{len(times[name])}",
                    "--estate",
                    "小区001",
                ]
            times[name].append(timed(command, envs[name]))
    report(times)
    if args.before is not None:
        print(f"\n{'command':45} {'median now ÷ before':>20}")
        for name, values in times.items():
            if f"{name} before" in times:
                ratio = statistics.median(values) / statistics.median(times[f"{name} before"])
                print(f"{name:45} {ratio:19.2f}x")


def commands(dyz: list[str], tree: str) -> dict[str, list[str]]:
    """The commands timed, each against its own copy of the databases (the households added
    here must not accumulate in the cached file, nor collide between the two trees)."""
    cases: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
    cases["dyz (the menu's help, no terminal)"] = [*dyz, "--help"]
    for scale in ("community", "district"):
        db = database(scale)
        work = OUT / f"{scale}-work{'-' + tree if tree else ''}.db"
        shutil.copy(db, work)
        cases[f"household list --unit 2-2 ({scale})"] = [
            *dyz,
            "--db",
            str(work),
            "household",
            "list",
            "--estate",
            "小区001",
            "--unit",
            "2-2",
        ]
        cases[f"household add ({scale})"] = [*dyz, "--db", str(work), "household", "add"]
        cases[f"hazard add ({scale})"] = [
            *dyz,
            "--db",
            str(work),
            "hazard",
            "add",
            "--kind",
            "飞线充电",
            "--where",
            "2-2 3楼窗外",
            "--days",
            "3",
            "--estate",
            "小区001",
        ]
        cases[f"visit due --unit 2-2 ({scale})"] = [
            *dyz,
            "--db",
            str(work),
            "visit",
            "due",
            "--estate",
            "小区001",
            "--unit",
            "2-2",
        ]
    return cases


def report(times: dict[str, list[float]]) -> None:
    base = min(times["python -c pass"])
    base_median = statistics.median(times["python -c pass"])
    print(f"{'command':45} {'min ms':>8} {'ratio':>7} {'median ratio':>13}")
    worst = 0.0
    for name, values in times.items():
        ratio = min(values) / base
        median_ratio = statistics.median(values) / base_median
        if name != "python -c pass" and not name.endswith("before"):
            worst = max(worst, ratio)
        print(f"{name:45} {min(values) * 1000:8.1f} {ratio:6.1f}x {median_ratio:12.1f}x")
    verdict = "within" if worst <= TARGET else "OVER"
    print(f"worst ratio (min over min) {worst:.1f}x: {verdict} the {TARGET:.0f}x target")


if __name__ == "__main__":
    main()
