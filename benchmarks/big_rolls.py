"""A district's roll of 200,000 residents imported within bounds, and hostile rolls refused
within them: time and peak memory.

    python benchmarks/big_rolls.py [--rounds 3] [--rows 200000] [--kinds hostile,csv,xlsx] [--quick]

The roll is written twice, as a CSV (the template's headers) and as an .xlsx (xlsxwriter, as
the office's own spreadsheets are), one to four residents a flat, phones, birth years, flags
and notes as communities fill them. Each is imported by `dyz household import` into an empty
notebook in a fresh process; it prints the median time and peak resident memory of the rounds
(target of issue 35: at most 300 MiB for 200,000 rows), and the ratio of the full roll to one
of a tenth its size (linear work gives about 10).

`hostile`: each hostile roll of tests/test_roll_hostile.py, refused by `dyz household import`
in a process of its own under 400 MiB of address space (tests/bounded.py): its time, peak
memory and the line it says. Before issue 35, the filled dimension aborted the process asking
for 512 GiB, one far cell took 119 s and 8.3 GB, a 4 MB zip bomb 4.2 GB, 3 million empty rows
1.9 GB, and /dev/zero read until MemoryError.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import GIVEN, SURNAMES  # noqa: E402

HEADERS = ["小区", "楼栋", "单元", "房号", "姓名", "电话", "出生年份", "标记", "迁入日期", "备注"]
FLAGS = ["独居", "空巢", "残疾人", "租户", "", "", "", "", "", ""]
NOTES = ["", "", "", "", "子女在外地", "无", "党员", "行动不便，需上门"]

IMPORT = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from danyuanzhang.store import Store
from danyuanzhang.households.rollcall import import_roll
store = Store.open(Path(sys.argv[2]))
store.ensure_device("办公室")
result = import_roll(store, Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "residents": result.residents_added}))
"""


def roll_rows(residents: int, rng: random.Random) -> list[list[str]]:
    """Rows of a roll: estates of 30 buildings, 3 units, 18 floors of 4 flats."""
    rows: list[list[str]] = []
    flat = 0
    while len(rows) < residents:
        estate, rest = divmod(flat, 30 * 3 * 18 * 4)
        building, rest = divmod(rest, 3 * 18 * 4)
        unit, rest = divmod(rest, 18 * 4)
        floor, door = divmod(rest, 4)
        names = {rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(rng.randint(1, 4))}
        for name in sorted(names):
            born = rng.randint(1935, 2010)
            phone = str(13000000000 + rng.randrange(10**9)) if rng.random() < 0.8 else ""
            moved = f"{rng.randint(1995, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            rows.append(
                [
                    f"芙蓉{estate + 1}区",
                    str(building + 1),
                    str(unit + 1),
                    f"{floor + 1}0{door + 1}",
                    name,
                    phone,
                    str(born),
                    rng.choice(FLAGS),
                    moved if rng.random() < 0.3 else "",
                    rng.choice(NOTES),
                ]
            )
        flat += 1
    return rows[:residents]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, HEADERS)
    for line, row in enumerate(rows, 1):
        sheet.write_row(line, 0, row)
    book.close()


def imported(roll: Path, folder: Path, turn: int) -> dict[str, float]:
    target = folder / f"n-{roll.stem}-{turn}.db"
    env = {**os.environ, "DYZ_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORT, str(roll), str(target)],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    target.unlink()
    return json.loads(done.stdout.strip().splitlines()[-1])


def streamed_workbook(path: Path, pieces: Iterator[bytes]) -> Path:
    """A workbook as tests/test_roll_hostile.py writes one, its sheet written piece by piece:
    this process stays small, as the peak memory of its children counts it (fork)."""
    from tests import test_roll_hostile as made

    parts = {
        "[Content_Types].xml": made.CONTENT_TYPES,
        "_rels/.rels": made.ROOT_RELS,
        "xl/workbook.xml": made.WORKBOOK,
        "xl/_rels/workbook.xml.rels": made.WORKBOOK_RELS,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            for piece in pieces:
                out.write(piece)
    return path


def hostile(folder: Path, bomb_mib: int = 4096, empty_rows: int = 3_000_000) -> None:
    """`--quick` makes the bomb and the empty rows smaller, each still beyond what a roll may
    be (200 MB unpacked, 250,000 rows): refused by the same check."""
    sys.path.insert(0, str(HERE.parent))
    from tests.bounded import run_bounded
    from tests.test_roll_hostile import HEADER_ROW, SHEET_HEAD, sheet, workbook

    far = '<row r="1048576"><c r="GR1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    start = f"{SHEET_HEAD}<sheetData>{HEADER_ROW}".encode()
    end = b"</sheetData></worksheet>"
    spaces = b" " * (1 << 20)
    rows = (f'<row r="{n}"/>'.encode() for n in range(2, empty_rows + 2))
    rolls = {
        "filled dimension A1:XFD1048576": workbook(
            folder / "dimension.xlsx", sheet(HEADER_ROW, "A1:XFD1048576")
        ),
        "one cell at GR1048576": workbook(folder / "far.xlsx", sheet(HEADER_ROW + far)),
        f"zip bomb, {bomb_mib} MiB of spaces in sheetData": streamed_workbook(
            folder / "bomb.xlsx",
            itertools.chain([start], itertools.repeat(spaces, bomb_mib), [end]),
        ),
        f"{empty_rows:,} empty rows": streamed_workbook(
            folder / "rows.xlsx", itertools.chain([start], rows, [end])
        ),
        "/dev/zero": Path("/dev/zero"),
        "a .csv symlinked to /dev/zero": folder / "zero.csv",
    }
    (folder / "zero.csv").symlink_to("/dev/zero")
    os.environ["DYZ_DB"] = str(folder / "hostile.db")
    os.environ["DYZ_LANG"] = "en"
    subprocess.run([sys.executable, "-m", "danyuanzhang", "init"], capture_output=True, check=True)
    for what, roll in rolls.items():
        size = roll.stat().st_size if roll.is_file() else 0
        run = run_bounded("household", "import", str(roll), "--estate", "E", cwd=folder)
        said = run.lines[0].replace(str(roll), "FILE") if run.lines else ""
        print(
            f"{what} ({size / 1024:.0f} KiB): exit {run.code}, {run.seconds:.2f} s,"
            f" peak {run.peak_mib:.0f} MiB: {said[:100]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=200_000)
    # hostile first: a child's peak is measured as the largest of all children so far
    parser.add_argument("--kinds", default="hostile,csv,xlsx")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.rows = 1, 2_000
    full: list[list[str]] = []  # made once a roll is wanted: the hostile ones' peak is theirs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for kind in args.kinds.split(","):
            if kind == "hostile":  # first: a child's peak is the largest of all children so far
                hostile(folder, *((256, 300_000) if args.quick else ()))
                continue
            write = write_csv if kind == "csv" else write_xlsx
            medians = {}
            for rows in (args.rows // 10, args.rows):
                roll = folder / f"roll-{rows}.{kind}"
                full = full or roll_rows(args.rows, random.Random(35))
                write(roll, full[:rows])
                runs = [imported(roll, folder, turn) for turn in range(args.rounds)]
                assert all(r["residents"] == rows for r in runs), runs
                seconds = statistics.median(r["seconds"] for r in runs)
                peak = statistics.median(r["peak_mib"] for r in runs)
                medians[rows] = seconds
                print(
                    f"{kind} {rows:>7,} rows ({roll.stat().st_size / 2**20:.1f} MiB):"
                    f" {seconds:6.1f} s, peak {peak:5.0f} MiB (median of {args.rounds})"
                )
            small, large = sorted(medians)
            print(f"{kind} time {large:,} ÷ {small:,} rows: {medians[large] / medians[small]:.1f}")


if __name__ == "__main__":
    main()
