"""What a workbook (.xlsx, .xlsm: a zip of XML) says of itself, checked before calamine reads
it. calamine makes room for the grid a sheet declares or reaches (`<dimension ref>`, the
furthest cell) and aborts the whole process when that room cannot be had: a 1.7 KB file
declaring A1:XFD1048576 asks for 512 GiB. A zip bomb of a few MB unpacks to GBs. So: the
zip's directory, then each sheet's XML streamed in bounded chunks, against what a roll can be.

>>> check_workbook(Path("花名册.xlsx"), data)  # one clear line (DyzError) when it cannot be  # doctest: +SKIP
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from danyuanzhang.errors import DyzError

ROW_LIMIT = 250_000  # a district's roll is 200,000 residents; a sheet or a CSV holds no more
UNZIPPED_LIMIT = 200 * 2**20  # all members together; a 200,000-row sheet is about 100 MB
RATIO_LIMIT = (
    250  # Excel's XML packs 5-20 times, a sheet of blank styled rows 100; deflate's most is 1032
)
_RATIO_FROM = 2**20  # smaller members may pack as they like
COLUMN_LIMIT = 200  # a roll has a dozen columns; GR is the 200th
# rows × columns of a grid as calamine holds it (32 bytes a cell): the most rows, A to Z
CELL_LIMIT = ROW_LIMIT * 26
_CHUNK = 1 << 20
_TOKEN_LIMIT = 1 << 20  # between two '>' of a sheet: Excel's longest cell is 32,767 characters
_DIMENSION = re.compile(
    rb"<(?:[\w.-]+:)?dimension\s+ref\s*=\s*[\"'][A-Za-z]*[0-9]*:?([A-Za-z]*)([0-9]*)[\"']"
)
# The quick reading, for a sheet written as Excel and the libraries write one: each row and
# cell opening with its place (<row r="2">, <c r="B2">), unprefixed, in double quotes.
_ROW = re.compile(rb'<row r="([0-9]+)"')
_ODD_ROW = re.compile(rb'<row r="(?![0-9]+")')
# a cell beyond column Z or row 299,999, or whose place is written oddly: a roll's own never
# match, so the scan of a 200,000-row sheet stays quick
_FAR_CELL = re.compile(rb'<c r="(?![A-Z](?:[0-9]{1,5}|[12][0-9]{5})")([^"]*)"')
_PLACE = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
_LONGER_C = re.compile(rb"<c[\w.-]")  # <col>, <cfRule>: no cells
_LONGER_ROW = re.compile(rb"<row[\w.-]")  # <rowBreaks>
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # <x:c>: the colon, quick to look for
# an attribute r besides a row's or a cell's first (said twice, calamine takes the last): the
# quick count first, the exact one only when pageMargins' header= and footer= add to it
_ANY_R = re.compile(rb"r\s*=")
_SPACED_R = re.compile(rb"(?<=\s)r\s*=")
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
    """A sheet's declared and reached grid, streamed in chunks: read quickly when it is
    written as Excel writes it, else parsed (a row or cell with its place unsaid, or said
    another way, goes where calamine would put it)."""
    grid = _quick_grid(path, book, name, budget)
    if grid is None:
        grid = _parsed_grid(path, book, name, budget)
    rows, columns = grid
    if rows > ROW_LIMIT or columns > COLUMN_LIMIT or rows * columns > CELL_LIMIT:
        raise DyzError(
            "roll_sheet_too_far",
            path=str(path),
            rows=rows,
            columns=columns,
            row_limit=ROW_LIMIT,
            column_limit=COLUMN_LIMIT,
        )


def _chunks(path: Path, book: zipfile.ZipFile, name: str, budget: list[int]) -> Iterator[bytes]:
    """The sheet's XML in chunks, each ending at a tag's start (a tag cut in two is read whole
    with the next), no more of it than the budget: the directory may say less than there is."""
    tail = b""
    with book.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise DyzError("roll_workbook_unpacks_big", path=str(path), mb=">200", limit_mb=200)
            text = tail + chunk
            cut = text.rfind(b"<")
            if cut <= 0 or len(text) - cut > _TOKEN_LIMIT:
                cut = len(text)
            yield text[:cut]
            tail = text[cut:]
    if tail:
        yield tail


def _quick_grid(
    path: Path, book: zipfile.ZipFile, name: str, budget: list[int]
) -> tuple[int, int] | None:
    """The grid, when every row and cell says its place as Excel writes it; None otherwise."""
    rows = columns = 0
    spent = budget[0]
    for text in _chunks(path, book, name, budget):
        plain_cells = text.count(b"<c") - text.count(b'<c r="') - len(_LONGER_C.findall(text))
        plain_rows = text.count(b"<row") - text.count(b'<row r="') - len(_LONGER_ROW.findall(text))
        places = text.count(b'<c r="') + text.count(b'<row r="')
        other_r = len(_ANY_R.findall(text)) > places and len(_SPACED_R.findall(text)) > places
        if plain_cells or plain_rows or other_r or _PREFIXED.search(text) or _ODD_ROW.search(text):
            budget[0] = spent  # read again, parsed
            return None
        if b"dimension" in text:
            for found in _DIMENSION.finditer(text):
                columns = max(columns, _column(found[1]))
                rows = max(rows, int(found[2] or 0))
        for found in _ROW.finditer(text):
            rows = max(rows, int(found[1]))
        for found in _FAR_CELL.finditer(text):
            place = _PLACE.fullmatch(found[1])
            if place is None:
                budget[0] = spent
                return None
            columns = max(columns, _column(place[1]))
            rows = max(rows, int(place[2]))
        if rows > ROW_LIMIT or columns > COLUMN_LIMIT:
            break
    return rows, max(columns, 26)  # columns A to Z are not looked at


def _parsed_grid(
    path: Path, book: zipfile.ZipFile, name: str, budget: list[int]
) -> tuple[int, int]:
    """The grid, parsed (expat: prefixes, quotes and spacing as XML allows them): a row
    without its place follows the one before, a cell the one before in its row."""
    import xml.parsers.expat

    at = {"rows": 0, "columns": 0, "row": 0, "column": 0}

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = tag.rpartition(":")[2]
        if local not in ("row", "c", "dimension"):
            return
        said = {k.rpartition(":")[2]: v.strip() for k, v in attributes.items()}
        if local == "dimension":
            place = _PLACE.fullmatch(said.get("ref", "").rpartition(":")[2].encode())
            if place is not None:
                at["columns"] = max(at["columns"], _column(place[1]))
                at["rows"] = max(at["rows"], int(place[2]))
            return
        if local == "row":
            number = said.get("r", "")
            at["row"] = int(number) if number.isdigit() else at["row"] + 1
            at["column"] = 0
        else:
            place = _PLACE.fullmatch(said.get("r", "").encode())
            if place is not None:
                at["column"] = _column(place[1])
                at["row"] = max(at["row"], int(place[2]))
            else:
                at["column"] += 1
            at["columns"] = max(at["columns"], at["column"])
        at["rows"] = max(at["rows"], at["row"])
        if at["rows"] > ROW_LIMIT or at["columns"] > COLUMN_LIMIT:
            raise _FarEnough

    def declared(*_: object) -> None:  # entities to expand: no workbook declares any
        raise DyzError("roll_not_a_workbook", path=str(path))

    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = declared
    try:
        for text in _chunks(path, book, name, budget):
            if max(map(len, text.split(b">"))) > _TOKEN_LIMIT:  # an attribute of 100 MB
                raise DyzError("roll_not_a_workbook", path=str(path))
            parser.Parse(text, False)
        parser.Parse(b"", True)
    except _FarEnough:
        pass
    except xml.parsers.expat.ExpatError:
        raise DyzError("roll_not_a_workbook", path=str(path)) from None
    return at["rows"], max(at["columns"], 1)


class _FarEnough(Exception):
    """The sheet reaches further than a roll: no need to read on."""


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number
