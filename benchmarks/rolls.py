"""Importing a community's roll kept as an Excel workbook, against python-calamine merely
reading it (calamine is the reader dyz uses: households/rollfile.py).

    python benchmarks/rolls.py [--rounds 3] [--buildings 24] [--quick]

A roll of 3,024 households (24 buildings, a sheet each, 6 units of 21 flats), one to four
residents a flat, written as communities keep it: a title row, the address in one cell merged
over the flat's rows, an ID-card column, phones as numbers. Side by side, round by round:

- python-calamine reading every cell of the same workbook (the floor: what reading costs);
- `dyz household import` of it into an empty notebook, in a fresh process each time;

and it prints the median ratio import ÷ calamine's bare read: what dyz adds to reading. Issue
13 set its target (at most 3) against openpyxl's read-only read, which dyz no longer reads
with; no issue has set one against calamine, so none is printed. `--quick`: two buildings,
once.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import GIVEN, SURNAMES  # noqa: E402
from office import child  # noqa: E402

BUILDINGS, UNITS, FLOORS, FLATS = 24, 6, 7, 3
FLAGS = ["独居", "空巢", "残疾人", "租户", "", "", "", ""]
HEADERS = ["序号", "姓名", "性别", "身份证号", "联系电话", "住址", "出生年份", "备注"]

CALAMINE_READ = r"""
import json, sys, time
started = time.perf_counter()
from python_calamine import CalamineWorkbook
cells = 0
with CalamineWorkbook.from_path(sys.argv[1]) as book:
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False):
            cells += len(row)
print(json.dumps({"seconds": time.perf_counter() - started, "cells": cells}))
"""

IMPORT = r"""
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from danyuanzhang.store import Store
from danyuanzhang.households.rollcall import import_roll
store = Store.open(Path(sys.argv[2]))
store.ensure_device("办公室")
result = import_roll(store, Path(sys.argv[1]), estate="新芙蓉之都")
print(json.dumps({"seconds": time.perf_counter() - started, "households": result.households_added,
                  "residents": result.residents_added}))
"""


def write_roll(path: Path, rng: random.Random, buildings: int = BUILDINGS) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    merged = book.add_format({"valign": "vcenter"})
    people = 0
    for building in range(1, buildings + 1):
        sheet = book.add_worksheet(f"{building}栋")
        sheet.merge_range(0, 0, 0, len(HEADERS) - 1, f"新芙蓉之都{building}栋住户花名册")
        sheet.write_row(1, 0, HEADERS)
        line = 2
        for unit in range(1, UNITS + 1):
            for floor in range(1, FLOORS + 1):
                for flat in range(1, FLATS + 1):
                    names = {
                        rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(rng.randint(1, 4))
                    }
                    address = f"{building}栋{unit}单元{floor}0{flat}室"
                    if len(names) > 1:
                        sheet.merge_range(line, 5, line + len(names) - 1, 5, address, merged)
                    else:
                        sheet.write_string(line, 5, address)
                    for name in sorted(names):
                        people += 1
                        born = rng.randint(1935, 2010)
                        sheet.write_row(line, 0, [people, name, "", f"430102{born}XXXXXXXX"])
                        if rng.random() < 0.8:
                            sheet.write_number(line, 4, 13000000000 + rng.randrange(10**9))
                        sheet.write_number(line, 6, born)
                        sheet.write_string(line, 7, rng.choice(FLAGS))
                        line += 1
    book.close()
    return people


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--buildings", type=int, default=BUILDINGS)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.buildings = 1, 2
    with tempfile.TemporaryDirectory() as folder:
        roll = Path(folder) / "花名册.xlsx"
        began = time.perf_counter()
        people = write_roll(roll, random.Random(13), args.buildings)
        print(
            f"roll: {args.buildings * UNITS * FLOORS * FLATS:,} households, {people:,} residents,"
            f" {roll.stat().st_size / 1e6:.1f} MB, written in {time.perf_counter() - began:.1f} s"
        )
        ratios = []
        for turn in range(args.rounds):
            calamine = child(CALAMINE_READ, str(roll))
            target = Path(folder) / f"office-{turn}.db"
            imported = child(IMPORT, str(roll), str(target))
            assert imported["residents"] == people, imported
            ratios.append(imported["seconds"] / calamine["seconds"])
            print(
                f"  round {turn + 1}: calamine bare read {calamine['seconds']:.2f} s,"
                f" import {imported['seconds']:.2f} s"
            )
        print(
            f"roll import ÷ calamine's bare read   {statistics.median(ratios):.2f}"
            f"   (median; rounds {', '.join(f'{r:.2f}' for r in sorted(ratios))})"
        )


if __name__ == "__main__":
    main()
