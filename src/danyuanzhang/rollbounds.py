"""What a workbook (.xlsx, .xlsm: a zip of XML) says of itself, checked before calamine reads
it. calamine makes room for the grid a sheet declares or reaches (`<dimension ref>`, the
furthest cell) and aborts the whole process when that room cannot be had: a 1.7 KB file
declaring A1:XFD1048576 asks for 512 GiB. A zip bomb of a few MB unpacks to GBs. So: the
zip's directory, then each sheet's XML streamed in bounded chunks, against what a roll can be.

>>> check_workbook(Path("花名册.xlsx"), data)  # one clear line (DyzError) when it cannot be
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from danyuanzhang.errors import DyzError
from danyuanzhang.rollfile import ROW_LIMIT

UNZIPPED_LIMIT = 200 * 2**20  # all members together; a 200,000-row sheet is about 100 MB
RATIO_LIMIT = (
    250  # Excel's XML packs 5-20 times, a sheet of blank styled rows 100; deflate's most is 1032
)
_RATIO_FROM = 2**20  # smaller members may pack as they like
COLUMN_LIMIT = 200  # a roll has a dozen columns; GR is the 200th
# rows × columns of a grid as calamine holds it (32 bytes a cell): the most rows, A to Z
CELL_LIMIT = ROW_LIMIT * 26
_CHUNK = 1 << 20
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*[0-9]*:?([A-Z]*)([0-9]*)\"")
_ROW = re.compile(rb'<row r="([0-9]+)"')
# cells beyond a dozen columns (two letters or more) or 300,000 rows: a roll's own never match,
# so the scan of a 200,000-row sheet stays quick
_FAR_CELL = re.compile(rb'<c r="([A-Z]{2,})([0-9]+)"|<c r="([A-Z])([0-9]{7,}|[3-9][0-9]{5})"')
_SHEET_REL = re.compile(rb"<Relationship\b[^>]*>")


def check_workbook(path: Path, data: bytes) -> None:
    """Refuse, in one line, a workbook whose unpacked size, packing or grid no roll has."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        members = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DyzError("roll_not_a_workbook", path=str(path)) from None
    told = sum(m.file_size for m in members)
    if told > UNZIPPED_LIMIT:
        raise DyzError("roll_workbook_unpacks_big", path=str(path), mb=told >> 20, limit_mb=200)
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > _RATIO_FROM and member.file_size / packed > RATIO_LIMIT:
            raise DyzError(
                "roll_workbook_packed_oddly", path=str(path), ratio=member.file_size // packed
            )
    budget = [UNZIPPED_LIMIT]
    try:
        for name in _sheet_members(book):
            _check_sheet(path, book, name, budget)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise DyzError("roll_not_a_workbook", path=str(path)) from None


def _sheet_members(book: zipfile.ZipFile) -> list[str]:
    """The sheets' XML, where the workbook's relationships place them (as calamine finds
    them), and any under xl/worksheets/ besides."""
    names = set(book.namelist())
    found = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        with book.open(rels) as stream:
            text = stream.read(_CHUNK)
        for tag in _SHEET_REL.findall(text):
            kind = re.search(rb'Type="([^"]*)"', tag)
            target = re.search(rb'Target="([^"]*)"', tag)
            if kind and target and kind[1].endswith(b"/worksheet"):
                where = target[1].decode("utf-8", "replace")
                where = where[1:] if where.startswith("/") else posixpath.join("xl", where)
                found.add(posixpath.normpath(where))
    return sorted(found & names)


def _check_sheet(path: Path, book: zipfile.ZipFile, name: str, budget: list[int]) -> None:
    """A sheet's declared and reached grid, streamed: the rows and cells it names, and those
    that name no place (calamine puts them after the one before)."""
    rows = columns = 0
    row_tags = placed_rows = cell_tags = placed_cells = 0
    tail = b""
    with book.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:  # the directory said less than there is
                raise DyzError("roll_workbook_unpacks_big", path=str(path), mb=">200", limit_mb=200)
            text = tail + chunk
            # a tag cut at the chunk's end is read whole with the next one
            cut = text.rfind(b"<")
            text, tail = (text[:cut], text[cut:]) if cut >= 0 else (text, b"")
            if len(tail) > 4096:  # no tag of a sheet is that long before its '>'
                text, tail = text + tail, b""
            for found in _DIMENSION.finditer(text):
                columns = max(columns, _column(found[1]))
                rows = max(rows, int(found[2] or 0))
            for found in _ROW.finditer(text):
                rows = max(rows, int(found[1]))
            for found in _FAR_CELL.finditer(text):
                columns = max(columns, _column(found[1] or found[3]))
                rows = max(rows, int(found[2] or found[4]))
            row_tags += text.count(b"<row ") + text.count(b"<row>")
            placed_rows += text.count(b'<row r="')
            cell_tags += text.count(b"<c ") + text.count(b"<c>") + text.count(b"<c/>")
            placed_cells += text.count(b'<c r="')
            if rows > ROW_LIMIT or columns > COLUMN_LIMIT:
                break
    # a row or cell naming no place goes after the one before it: at worst, all at the end
    rows += row_tags - placed_rows
    columns = max(columns, 26) + (cell_tags - placed_cells)
    if rows > ROW_LIMIT or columns > COLUMN_LIMIT or rows * columns > CELL_LIMIT:
        raise DyzError(
            "roll_sheet_too_far",
            path=str(path),
            rows=rows,
            columns=columns,
            row_limit=ROW_LIMIT,
            column_limit=COLUMN_LIMIT,
        )


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
