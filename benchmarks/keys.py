"""The cost of `dyz init` (which makes the laptop's key pair) against starting Python at all,
measured side by side, round by round, in one run.

    python benchmarks/keys.py [--rounds 15] [--quick]

Prints the median of `dyz init` on a new notebook ÷ `python -c pass`, and of making the key
pair alone (PyNaCl's Ed25519 key generation, with its import) ÷ `python -c pass` (issue 12).
`--compare DYZ` times another installed `dyz` (an earlier version, without keys) alongside.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from startup import compile_package, dyz_command, timed  # noqa: E402


def cpu(command: list[str], env: dict[str, str]) -> float:
    """The CPU time a command used: steadier than its wall time on a shared machine."""
    return timed(command, env)[1]


KEY_ALONE = "from nacl.signing import SigningKey; SigningKey.generate()"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--compare", help="another dyz executable to time alongside")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
    compile_package()
    env = {**os.environ, "DYZ_LANG": "zh"}
    dyz = dyz_command()
    times: dict[str, list[float]] = {"pass": [], "init": [], "key": [], "compare": []}
    with tempfile.TemporaryDirectory(prefix="dyz-keys-") as tmp:
        for turn in range(args.rounds + 1):  # the first round warms the disk cache, untimed
            db = Path(tmp) / f"new-{turn}.db"
            measured = {
                "pass": cpu([sys.executable, "-c", "pass"], env),
                "init": cpu([*dyz, "--db", str(db), "init", "--device-name", "新电脑"], env),
                "key": cpu([sys.executable, "-c", KEY_ALONE], env),
            }
            if args.compare:
                other = [
                    args.compare,
                    "--db",
                    str(db) + ".other",
                    "init",
                    "--device-name",
                    "新电脑",
                ]
                measured["compare"] = cpu(other, env)
            if turn:
                for name, seconds in measured.items():
                    times[name].append(seconds)
    base = statistics.median(times["pass"])
    labels = [("init", "dyz init (new notebook, key pair)"), ("key", "key pair alone")]
    if args.compare:
        labels.append(("compare", f"{args.compare} init"))
    for name, label in labels:
        ratios = sorted(t / p for t, p in zip(times[name], times["pass"], strict=True))
        print(
            f"{label:<36} {statistics.median(times[name]) * 1000:6.0f} ms"
            f"   ÷ python -c pass ({base * 1000:.0f} ms) {statistics.median(ratios):.2f}"
            f"   (rounds {', '.join(f'{r:.2f}' for r in ratios)})"
        )


if __name__ == "__main__":
    main()
