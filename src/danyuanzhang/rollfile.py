"""The roll (花名册) as the community's file holds it: every sheet of an Excel workbook (.xlsx,
or the older .xls that WPS and old Excel write), or a CSV (UTF-8 with or without BOM, GBK or
GB18030) or "Unicode text" (UTF-16, tab-separated) file. Each cell comes out as text, each row
with its number as Excel shows it, blank rows counted.

python-calamine (the Rust reader calamine) reads both kinds of workbook, eight times faster
than openpyxl's read-only mode and in less memory; it is imported only here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError

SIZE_LIMIT = 20 * 1024 * 1024
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Sheet:
    name: str  # "" for a CSV file
    rows: list[tuple[int, list[str]]]  # (the row's number as Excel shows it, its cells)


def read_roll_file(path: Path, sheet: str | None = None) -> list[Sheet]:
    """The sheets of the file (only `sheet`, if named), as text."""
    _check_size(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        sheets = _workbook(path)
    else:
        sheets = [Sheet("", _text_rows(read_text(path)))]
    if sheet is not None:
        chosen = [s for s in sheets if s.name == sheet.strip()]
        if not chosen:
            names = "、".join(s.name for s in sheets if s.name) or "—"
            raise DyzError("roll_no_such_sheet", sheet=sheet, sheets=names)
        return chosen
    return sheets


def cell_text(value: Any) -> str:
    """A cell as text: a phone stored as a number keeps its digits, a date is a date."""
    if type(value) is str:  # most cells, blank ones too: the quick way first
        text = value.strip()
        return as_shown(text) if text[:1] in ("=", "'") else text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return as_shown(str(value).strip())


def as_shown(text: str) -> str:
    """Text as a spreadsheet shows it, undoing what `sheets.py` writes to keep it text: ="2-2"
    (a CSV's way to keep a reference or a phone from becoming a number) and the apostrophe
    before a cell that would otherwise run as a formula."""
    if text.startswith('="') and text.endswith('"') and len(text) > 3:
        return text[2:-1]
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return text[1:]
    return text


def _workbook(path: Path) -> list[Sheet]:
    """Every sheet of an .xlsx, .xlsm or .xls workbook, each row numbered as Excel shows it
    (blank rows above the title kept, so the numbers match)."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            sheets = []
            for name in book.sheet_names:
                grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                rows = [(number, [cell_text(v) for v in row]) for number, row in enumerate(grid, 1)]
                sheets.append(Sheet(name, rows))
            return sheets
    except PasswordError:
        raise DyzError("roll_workbook_password", path=str(path)) from None
    except (CalamineError, OSError, ValueError):
        raise DyzError("roll_not_a_workbook", path=str(path)) from None


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        raise DyzError("file_unreadable", path=str(path)) from None
    if size > SIZE_LIMIT:
        raise DyzError("file_too_big", path=str(path), limit_mb=SIZE_LIMIT // 2**20)


def read_text(path: Path) -> str:
    """UTF-16 (Excel's "Unicode text"), UTF-8 with or without BOM, else GB18030 (GBK)."""
    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError:
        raise DyzError("file_unreadable", path=str(path)) from None
    if data.startswith(_UTF16_MARKS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DyzError("file_encoding", path=str(path)) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DyzError("file_encoding", path=str(path))


def _text_rows(text: str) -> list[tuple[int, list[str]]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [
        (number, [as_shown(c.strip()) for c in row]) for number, row in enumerate(reader, start=1)
    ]
