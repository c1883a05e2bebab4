"""A community's year of visits as the visits ledger (入户走访台账) in .xlsx, against XlsxWriter
writing the same rows bare.

    python benchmarks/ledgers.py [--rounds 3] [--visits 40000] [--quick]

A community of 3,024 households (about 6,000 residents) with 40,000 visits in a year and a
need heard at one visit in twenty, written straight into the tables the ledger reads. Side by
side, round by round, each in a fresh process:

- XlsxWriter writing the ledger's rows, already in memory, to a workbook in constant-memory
  mode with a date format for the dates (the floor: what the library costs);
- `dyz ledger visits` for the year (imports, the reading of the records, the workbook);

and it prints the ratio ledger ÷ bare write (target of issue 13: at most 2).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import GIVEN, SURNAMES  # noqa: E402
from office import child  # noqa: E402

BUILDINGS, UNITS, FLOORS, FLATS = 24, 6, 7, 3
VISITS = 40_000
YEAR = (date(2025, 12, 1), date(2026, 11, 30))

LEDGER = r"""
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from danyuanzhang.text.i18n import set_lang
set_lang("zh")
from danyuanzhang.store import Store
from danyuanzhang.paperwork import ledgers
from danyuanzhang.text.sheets import write_sheet
store = Store.open(Path(sys.argv[1]))
filled = ledgers.fill(store, "visits", ledgers.period(store, sys.argv[3], sys.argv[4]))
write_sheet(Path(sys.argv[2]), [c.header() for c in filled.columns],
            ([row.get(c.key) for c in filled.columns] for row in filled.rows), title=filled.title,
            notes=filled.notes)
print(json.dumps({"seconds": time.perf_counter() - started, "rows": len(filled.rows)}))
"""

# the same rows, read from a JSON file before the clock starts: only the library's work
BARE_WRITE = r"""
import json, sys, time
from datetime import date
sheet_data = json.loads(open(sys.argv[1], encoding="utf-8").read())
rows, dates = sheet_data["rows"], sheet_data["dates"]
for row in rows:
    for column in dates:
        if row[column] is not None:
            row[column] = date.fromisoformat(row[column])
started = time.perf_counter()
import xlsxwriter
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
sheet = book.add_worksheet()
day = book.add_format({"num_format": "yyyy-mm-dd"})
sheet.write_row(0, 0, sheet_data["headers"])
for number, row in enumerate(rows, start=1):
    for column, value in enumerate(row):
        if value is None:
            continue
        if column in dates:
            sheet.write_datetime(number, column, value, day)
        elif isinstance(value, int):
            sheet.write_number(number, column, value)
        else:
            sheet.write_string(number, column, value)
book.close()
print(json.dumps({"seconds": time.perf_counter() - started, "rows": len(rows)}))
"""


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def build(path: Path, rng: random.Random, visit_count: int = VISITS) -> None:
    from danyuanzhang.store import Store

    store = Store.open(path)
    store.ensure_device("社区办公室")
    store.set_setting("community", "芙蓉南路社区")
    store.close()
    conn = sqlite3.connect(path)
    homes, people = [], []
    for building in range(1, BUILDINGS + 1):
        for unit in range(1, UNITS + 1):
            for floor in range(1, FLOORS + 1):
                for flat in range(1, FLATS + 1):
                    home = _hex(rng)
                    homes.append((home, "新芙蓉之都", str(building), str(unit), f"{floor}0{flat}"))
                    for _ in range(rng.randint(1, 3)):
                        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                        phone = f"1{rng.randint(3, 9)}{rng.randrange(10**9):09d}"
                        people.append((_hex(rng), home, name, phone, rng.randint(1935, 2010)))
    conn.executemany(
        "INSERT INTO households (id, estate, building, unit, room) VALUES (?,?,?,?,?)", homes
    )
    conn.executemany(
        "INSERT INTO residents (id, household_id, name, phone, born) VALUES (?,?,?,?,?)", people
    )
    days = (YEAR[1] - YEAR[0]).days + 1
    visits, petitions = [], []
    for _ in range(visit_count):
        home = rng.choice(homes)
        day = (YEAR[0] + timedelta(days=rng.randrange(days))).isoformat()
        visit = _hex(rng)
        outcome = rng.choice(["met", "met", "met", "not_home", "declined"])
        visits.append((visit, home[0], *home[1:4], day, "door", outcome, "周玉梅"))
        if rng.random() < 0.05:
            petitions.append(
                (_hex(rng), home[0], *home[1:4], "repair", "楼道灯坏了，晚上看不见", day, visit)
            )
    conn.executemany(
        "INSERT INTO visits (id, household_id, estate, building, unit, on_date, kind, outcome,"
        " visitor) VALUES (?,?,?,?,?,?,?,?,?)",
        visits,
    )
    conn.executemany(
        "INSERT INTO petitions (id, household_id, estate, building, unit, category, text,"
        " raised_on, visit_id) VALUES (?,?,?,?,?,?,?,?,?)",
        petitions,
    )
    conn.commit()
    conn.close()


def ledger_rows(database: Path, target: Path) -> int:
    """The ledger's rows, as cells, for the bare write to copy."""
    import json

    from danyuanzhang.paperwork import ledgers
    from danyuanzhang.store import Store
    from danyuanzhang.text.i18n import set_lang

    set_lang("zh")
    store = Store.open(database)
    filled = ledgers.fill(store, "visits", ledgers.period(store, *map(str, YEAR)))
    store.close()
    rows = [
        [
            v.isoformat() if isinstance(v, date) else v
            for v in (row.get(c.key) for c in filled.columns)
        ]
        for row in filled.rows
    ]
    # the ledger's own columns, the dates among them found by what they hold
    dates = sorted(
        {
            i
            for row in filled.rows
            for i, c in enumerate(filled.columns)
            if isinstance(row.get(c.key), date)
        }
    )
    headers = [c.header() for c in filled.columns]
    sheet = {"headers": headers, "dates": dates, "rows": rows}
    target.write_text(json.dumps(sheet, ensure_ascii=False), encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--visits", type=int, default=VISITS)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the smallest size, once: a check that it runs (CI); its figures never fail it",
    )
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.visits = 1, 2_000
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "community.db"
        build(database, random.Random(17), args.visits)
        rows_file = Path(folder) / "rows.json"
        count = ledger_rows(database, rows_file)
        print(f"community: {BUILDINGS * UNITS * FLOORS * FLATS:,} households, {count:,} visits")
        ratios = []
        for turn in range(args.rounds):
            bare = child(BARE_WRITE, str(rows_file), str(Path(folder) / f"bare-{turn}.xlsx"))
            made = child(
                LEDGER, str(database), str(Path(folder) / f"ledger-{turn}.xlsx"), *map(str, YEAR)
            )
            assert made["rows"] == bare["rows"] == count, (made, bare)
            ratios.append(made["seconds"] / bare["seconds"])
            print(
                f"  round {turn + 1}: XlsxWriter bare write {bare['seconds']:.2f} s,"
                f" dyz ledger visits {made['seconds']:.2f} s"
            )
        print(
            f"visits ledger ÷ XlsxWriter's bare write   {statistics.median(ratios):.2f}"
            f"   (target <= 2.00; rounds {', '.join(f'{r:.2f}' for r in sorted(ratios))})"
        )


if __name__ == "__main__":
    main()
