"""Make examples/花名册.xlsx, the sample community's roll as a community really keeps it, from
examples/households.csv (the same people):

    python examples/make_roll_workbook.py [OUT.xlsx]

A sheet per building, a title row above the headers, an ID-card column (clearly made-up
numbers), the address in one cell merged over the rows of a flat, phones stored as numbers,
move-in dates as Excel dates, flags in the words people write (独居, 空巢, 残疾人), separated by
spaces or Alt-Enter, columns dyz does not use (序号, 性别), and a closing 合计 row. `dyz demo`
and the README's tour import it. The file is written the same way every time (fixed document
properties).
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from itertools import groupby
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
WORDS = {"独居老人": "独居", "子女不在身边": "空巢", "残疾": "残疾人"}
HEADERS = ["序号", "姓名", "性别", "身份证号", "联系电话", "住址", "出生年份", "备注", "迁入日期"]


def flags_as_written(flags: str, turn: int) -> str:
    words = [WORDS.get(f, f) for f in flags.split(";") if f]
    return ("\n" if turn % 2 else " ").join(words)  # Alt-Enter in every other cell


def main(target: Path) -> None:
    with (HERE / "households.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    book = xlsxwriter.Workbook(str(target))
    book.set_properties({"author": "dyz", "created": datetime(2026, 11, 1)})
    title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "align": "center"})
    cell = book.add_format({"border": 1, "valign": "vcenter", "text_wrap": True})
    day = book.add_format({"border": 1, "num_format": "yyyy/m/d"})
    turn = 0
    for building, in_building in groupby(rows, key=lambda r: r["楼栋"]):
        sheet = book.add_worksheet(f"{building}栋")
        estate = "新芙蓉之都"
        sheet.merge_range(
            0, 0, 0, len(HEADERS) - 1, f"芙蓉南路社区{estate}{building}栋住户花名册", title
        )
        sheet.write_row(1, 0, HEADERS, head)
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 4, 12)
        sheet.set_column(3, 3, 20)
        sheet.set_column(5, 5, 16)
        sheet.set_column(7, 8, 12)
        line, number = 2, 0
        for (unit, room), in_flat in groupby(in_building, key=lambda r: (r["单元"], r["房号"])):
            flat = list(in_flat)
            address = f"{building}栋{unit}单元{room}室"
            if len(flat) > 1:
                sheet.merge_range(line, 5, line + len(flat) - 1, 5, address, cell)
            else:
                sheet.write_string(line, 5, address, cell)
            for person in flat:
                turn += 1
                if person["姓名"]:
                    number += 1
                    sheet.write_number(line, 0, number, cell)
                    sheet.write_string(line, 1, person["姓名"], cell)
                    sheet.write_string(line, 3, f"430102{person['出生年份']}XXXXXXXX", cell)
                if person["电话"]:
                    sheet.write_number(line, 4, int(person["电话"]), cell)
                if person["出生年份"]:
                    sheet.write_number(line, 6, int(person["出生年份"]), cell)
                if person["标记"]:
                    sheet.write_string(line, 7, flags_as_written(person["标记"], turn), cell)
                if person["迁入日期"]:
                    moved_in = date.fromisoformat(person["迁入日期"])
                    sheet.write_datetime(
                        line, 8, datetime(moved_in.year, moved_in.month, moved_in.day), day
                    )
                line += 1
        sheet.merge_range(line, 0, line, 2, f"合计：{number}人", cell)  # read past by the import
    book.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "花名册.xlsx")
