"""A table written as a spreadsheet the office opens in Excel or WPS: .xlsx or .csv, chosen by
the file's suffix.

Every text stays text: a reference such as 2-2 or a phone is never turned into a date or a
number, and a cell a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or
a carriage return) is neutralised with a leading apostrophe, as OWASP advises against CSV
injection, in .xlsx too, since a workbook is often saved again as CSV. CSV is UTF-8 with a
byte-order mark, which Excel needs to read Chinese, and writes text that Excel would take for
a number or a date (2-2, a phone) as ="2-2". .xlsx is written by XlsxWriter, imported
only here: it writes a community's year of rows about twice as fast as openpyxl and starts in
about half the time (measured when it was chosen: 1.8 s against 3.1 s for 40,000 rows of 11
columns; 58 ms against 98 ms to import).

A sheet that is a form to print and file (a ledger) is given a `Form`: in .xlsx, lines under the
title (the period) and at the foot (填表人, 审核人…), columns for a hand wide enough to sign, and
the page set up as the office prints it — A4 landscape, the header row on every page, fitted to
the page's width. A CSV holds the table only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.width import display_width

Cell = str | int | float | date | None
SUFFIXES = (".xlsx", ".csv")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Text Excel would turn into a number or a date when it opens a CSV (2-2, a phone, 1/2): kept
# text by writing it as a formula of that text alone, ="2-2", which holds no user text to run
_LOOKS_NUMERIC = re.compile(r"[0-9][0-9./:-]*")
_WIDEST = 60  # columns of a cell's width in Excel: longer text wraps in the cell
_SIGNING = 10  # columns of a cell's width in Excel (about 2 cm): room to sign a name
_A4 = 9  # Excel's paper size number for A4


class Form(Record):
    """What makes a sheet a form to print and file."""

    lines: Sequence[str] = ()  # under the title: the period
    foot: Sequence[str] = ()  # after the rows and notes: 填表人, 审核人, 日期, 社区（盖章）
    pen: frozenset[int] = frozenset()  # the columns left for a hand: a signature


def neutralised(text: str) -> str:
    """`text`, made safe to open in a spreadsheet: never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def check_suffix(path: Path) -> None:
    """Refuse, before any work, a file name that is neither .xlsx nor .csv."""
    if path.suffix.lower() not in SUFFIXES:
        raise DyzError("sheet_suffix", path=str(path))


def write_sheet(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    title: str = "",
    notes: Sequence[str] = (),
    form: Form | None = None,
) -> None:
    """Write the table to `path` (.xlsx or .csv): whole, or not at all (written beside it,
    then moved into place). `title`, if given, is a first row above the headers; `notes`
    (a ledger's totals) follow the rows after an empty one; `form` makes an .xlsx a printed
    form (see above)."""
    from danyuanzhang.system.writing import written_whole

    check_suffix(path)
    target = path.expanduser()
    with written_whole(target) as partial:
        if target.suffix.lower() == ".csv":
            _write_csv(partial, headers, rows, title, notes)
        else:
            _write_xlsx(partial, headers, rows, title, notes, form or Form())


def _print_setup(sheet: Any, header_row: int) -> None:
    """A4 landscape, the header row repeated on every page, all columns on one page's width
    (as many pages down as the rows need), the page number at the foot."""
    sheet.set_landscape()
    sheet.set_paper(_A4)
    sheet.repeat_rows(header_row)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_footer("&C&P / &N")


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return f'="{value}"' if _LOOKS_NUMERIC.fullmatch(value) else neutralised(value)
    return str(value)


def _write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    title: str,
    notes: Sequence[str],
) -> None:
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        if title:
            writer.writerow([neutralised(title)])
        writer.writerow([neutralised(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])
        if notes:
            writer.writerow([])
            for note in notes:
                writer.writerow([neutralised(note)])


def _write_above(
    book: Any, sheet: Any, above: Sequence[str], titled: bool, columns: int, form: Form
) -> None:
    """The title and the form's lines, over the table."""
    for line, text in enumerate(above):
        # a form's title and period are centred over the table, as on the paper form; a rule
        # said under them (whom the ledger is for) is read as a sentence, wrapped
        look = book.add_format({"bold": line == 0 and titled, "align": "center"})
        if line >= 1 + titled and columns > 1:
            look = book.add_format({"text_wrap": True, "valign": "top"})
            sheet.set_row(line, 32)
        if form.lines and columns > 1:
            sheet.merge_range(line, 0, line, columns - 1, "", look)
        else:
            look = book.add_format({"bold": line == 0 and titled})
        sheet.write_string(line, 0, neutralised(text), look)


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    title: str,
    notes: Sequence[str],
    form: Form,
) -> None:
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    # constant_memory: rows go to disk as they are written, so a year of rows stays small
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    day = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    widths = [
        max(display_width(h), _SIGNING if column in form.pen else 0)
        for column, h in enumerate(headers)
    ]
    above = ([title] if title else []) + list(form.lines)
    _write_above(book, sheet, above, bool(title), len(headers), form)
    first = len(above)
    for column, header in enumerate(headers):
        sheet.write_string(first, column, neutralised(header), bold)
    sheet.freeze_panes(first + 1, 0)
    if form.lines or form.foot:
        _print_setup(sheet, first)
    number = first
    for number, row in enumerate(rows, start=first + 1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, date):
                sheet.write_datetime(number, column, value, day)
                shown = 10
            elif isinstance(value, str):
                text = neutralised(value)
                sheet.write_string(number, column, text, wrapped)
                shown = max(display_width(line) for line in text.split("\n"))
            else:
                sheet.write_number(number, column, value)
                shown = len(str(value))
            if column < len(widths) and shown > widths[column]:
                widths[column] = shown
    for offset, note in enumerate(notes, start=2):
        sheet.write_string(number + offset, 0, neutralised(note))
    if form.foot:
        # one line, its parts spread across the table as on the paper form; a table too
        # narrow for that has them one under the other
        below = number + len(notes) + (3 if notes else 2)
        step = len(headers) // len(form.foot)
        for place, words in enumerate(form.foot):
            line, at = (below, place * step) if step else (below + place, 0)
            sheet.write_string(line, at, neutralised(words))
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width, _WIDEST) + 2)
    try:
        book.close()
    except FileCreateError as error:
        cause = error.__context__ if isinstance(error.__context__, OSError) else None
        raise cause or OSError(str(error)) from None
