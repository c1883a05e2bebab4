"""The roll (花名册) as the community's file holds it: every sheet of an Excel workbook (.xlsx,
or the older .xls that WPS and old Excel write), or a CSV (UTF-8 with or without BOM, GBK or
GB18030) or "Unicode text" (UTF-16, tab-separated) file. Each cell comes out as text, each row
with its number as Excel shows it, blank rows counted.

python-calamine (the Rust reader calamine) reads both kinds of workbook, eight times faster
than openpyxl's read-only mode and in less memory; it is imported only here. It trusts what a
workbook says of itself, and aborts the process (no exception to catch) when that is absurd:
so the zip's directory and the sheets' extent are looked at first (`rollbounds`), and what a
roll can be is bounded before calamine sees it.
"""

from __future__ import annotations

import codecs
import csv
import io
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from danyuanzhang.errors import DyzError
from danyuanzhang.households.rollbounds import ROW_LIMIT
from danyuanzhang.system.userfiles import open_regular, read_bounded

SIZE_LIMIT = 20 * 1024 * 1024
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_SNIFF = 1 << 20  # the bytes that decide between UTF-8 and GB18030, from the first non-ASCII
_SEP = "\x1f"  # between the cells of a packed row: a control character no roll's cell keeps


class Rows:
    """A sheet's rows, each packed into one string: 200,000 rows of ten cells take tens of
    MB, not hundreds as lists of strings would. Iterates as (the row's number, its cells)."""

    def __init__(self) -> None:
        self._numbers = array("q")
        self._packed: list[str] = []

    def append(self, number: int, cells: list[str]) -> None:
        end = len(cells)
        while end and not cells[end - 1]:
            end -= 1
        self._numbers.append(number)
        self._packed.append(_SEP.join(c.replace(_SEP, " ") for c in cells[:end]))

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for number, packed in zip(self._numbers, self._packed, strict=True):
            yield number, packed.split(_SEP) if packed else []

    def __len__(self) -> int:
        return len(self._packed)

    def head(self, count: int) -> list[tuple[int, list[str]]]:
        """The first `count` rows."""
        rows: list[tuple[int, list[str]]] = []
        for row in self:
            if len(rows) == count:
                break
            rows.append(row)
        return rows


@dataclass
class Sheet:
    name: str  # "" for a CSV file
    rows: Rows = field(default_factory=Rows)


def read_roll_file(path: Path, sheet: str | None = None) -> list[Sheet]:
    """The sheets of the file (only `sheet`, if named), as text."""
    suffix = path.suffix.lower()
    workbook = suffix in (".xlsx", ".xlsm", ".xls")
    sheets = _workbook(path, sheet) if workbook else [_text_sheet(path)]
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


def _workbook(path: Path, wanted: str | None) -> list[Sheet]:
    """Every sheet of an .xlsx, .xlsm or .xls workbook, each row numbered as Excel shows it
    (blank rows above the title kept, so the numbers match). The file is read once, bounded,
    and what was checked is what calamine reads."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    from danyuanzhang.households.rollbounds import check_workbook

    data = read_bounded(path, SIZE_LIMIT)
    zipped = data.startswith(b"PK")  # not an .xls, nor an encrypted .xlsx (OLE, both)
    if zipped:
        check_workbook(path, data)
    try:
        # calamine tells an OLE file's kind (and its password) only by its name
        opened = (
            CalamineWorkbook.from_filelike(io.BytesIO(data))
            if zipped
            else CalamineWorkbook.from_path(str(path))
        )
        del data
        with opened as book:
            sheets = []
            rows = 0
            for name in book.sheet_names:
                if wanted is not None and name != wanted.strip():
                    sheets.append(Sheet(name))  # named in a message, never read
                    continue
                found = book.get_sheet_by_name(name)
                # the sheets together: each within bounds, many of them could still be too many
                rows += found.total_height
                if rows > ROW_LIMIT:
                    raise DyzError("roll_too_many_rows", path=str(path), limit=ROW_LIMIT)
                left = [""] * (found.start[1] if found.start else 0)
                sheet = Sheet(name)
                for number, row in enumerate(found.iter_rows(), 1):
                    sheet.rows.append(number, [*left, *(cell_text(v) for v in row)])
                sheets.append(sheet)
            return sheets
    except PasswordError:
        raise DyzError("roll_workbook_password", path=str(path)) from None
    except (CalamineError, OSError, ValueError):
        raise DyzError("roll_not_a_workbook", path=str(path)) from None


def read_text(path: Path) -> str:
    """UTF-16 (Excel's "Unicode text"), UTF-8 with or without BOM, else GB18030 (GBK)."""
    with _opened_text(path) as text:
        try:
            return text.read()
        except UnicodeDecodeError:
            raise DyzError("file_encoding", path=str(path)) from None


def _opened_text(path: Path) -> IO[str]:
    """The file as text, decoded as it is read: UTF-16 when it starts with its mark; else
    UTF-8 or GB18030, whichever the first MB from the first byte beyond ASCII reads as (ASCII
    reads alike in both). A fault further on is told as the file's encoding."""
    stream = open_regular(path, SIZE_LIMIT)
    try:
        encoding = _encoding(stream, path)
        stream.seek(0)
        capped = io.BufferedReader(_Capped(stream, SIZE_LIMIT, path))
        return io.TextIOWrapper(capped, encoding, newline="")
    except BaseException:
        stream.close()
        raise


def _encoding(stream: IO[bytes], path: Path) -> str:
    first = stream.read(_SNIFF)
    if first.startswith(_UTF16_MARKS):
        return "utf-16"
    at, chunk = 0, first
    while chunk.isascii():
        at += len(chunk)
        if at > SIZE_LIMIT or not chunk:
            return "utf-8-sig"
        chunk = stream.read(_SNIFF)
    window = chunk + stream.read(_SNIFF - len(chunk)) if len(chunk) < _SNIFF else chunk
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(window, final=False)
            return encoding
        except UnicodeDecodeError:
            continue
    raise DyzError("file_encoding", path=str(path))


class _Capped(io.RawIOBase):
    """A stream that refuses to give more than `limit` bytes: a file growing as it is read."""

    def __init__(self, stream: IO[bytes], limit: int, path: Path) -> None:
        self._stream, self._left, self._path = stream, limit, path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        self._left -= len(data)
        if self._left < 0:
            raise DyzError("file_too_big", path=str(self._path), limit_mb=SIZE_LIMIT // 2**20)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def _text_sheet(path: Path) -> Sheet:
    """A CSV or a tab-separated text, row by row: never the whole file as one string."""
    sheet = Sheet("")
    with _opened_text(path) as text:
        try:
            first = text.readline()
            delimiter = "\t" if first.count("\t") > first.count(",") else ","
            reader = csv.reader(_lines(first, text), delimiter=delimiter)
            for number, row in enumerate(reader, start=1):
                if number > ROW_LIMIT:
                    raise DyzError("roll_too_many_rows", path=str(path), limit=ROW_LIMIT)
                sheet.rows.append(number, [as_shown(c.strip()) for c in row])
        except UnicodeDecodeError:
            raise DyzError("file_encoding", path=str(path)) from None
        except csv.Error:
            raise DyzError("roll_csv_broken", path=str(path), line=reader.line_num) from None
    return sheet


def _lines(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest
