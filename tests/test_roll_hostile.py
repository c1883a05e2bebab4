"""Rolls that would take dyz down, refused in one line within bounds (issue 35): workbooks whose
sheet declares or reaches a grid no roll has (calamine would abort the process asking for
512 GiB, or spend minutes and GBs), zip bombs, and files that are no files (/dev/zero, a
FIFO, a symlink to /dev/zero), each run in a process of its own under a memory limit."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from tests.bounded import run_bounded
from tests.conftest import Runner, snapshot

ESTATE = ("--estate", "新芙蓉之都")
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
    'workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main">'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>住址</t></is></c><c r="B1" t="inlineStr"><is>'
    "<t>姓名</t></is></c></row>"
)


def workbook(path: Path, sheet_xml: bytes | str) -> Path:
    """A minimal .xlsx whose one sheet is `sheet_xml`, written as Excel lays it out."""
    data = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", data)
    return path


def sheet(rows: str, dimension: str = "A1:B1") -> str:
    return f'{SHEET_HEAD}<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'


def refused(dyz: Runner, db: Path, roll: Path, *words: str) -> None:
    """`dyz household import ROLL` under 400 MiB and 60 s: one line naming the fault, exit 1,
    the notebook as it was."""
    before = snapshot(db)
    run = run_bounded("household", "import", str(roll), *ESTATE)
    assert run.code == 1, (run.code, run.stderr[-2000:])
    assert "Traceback" not in run.stderr and len(run.lines) == 1, run.lines
    for word in words:
        assert word in run.lines[0], run.lines[0]
    assert snapshot(db) == before


@pytest.fixture
def notebook(dyz: Runner) -> None:
    dyz("init")
    dyz("household", "add", "1-1-101", "--estate", "新芙蓉之都")


def test_a_workbook_is_read_as_before(dyz: Runner, dyz_json, notebook: None, tmp_path: Path):
    """The minimal workbook the hostile ones are made from comes in: what refuses them is
    what they add, not how they are written."""
    rows = HEADER_ROW + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2栋2单元602室</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>刘桂英</t></is></c></row>'
    )
    roll = workbook(tmp_path / "花名册.xlsx", sheet(rows, "A1:B2"))
    run = run_bounded("household", "import", str(roll), *ESTATE)
    assert run.code == 0, run.stderr
    assert [h["ref"] for h in dyz_json("household", "list")] == ["1-1-101", "2-2-602"]


def test_a_declared_grid_of_the_whole_sheet_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """calamine would ask for 512 GiB and abort (exit 134, a Rust backtrace)."""
    roll = workbook(tmp_path / "花名册.xlsx", sheet(HEADER_ROW, "A1:XFD1048576"))
    assert roll.stat().st_size < 2000
    refused(dyz, db, roll, "1048576", "16384", "删去数据下方和右边的空行空列")


def test_one_far_cell_is_refused(dyz: Runner, db: Path, notebook: None, tmp_path: Path) -> None:
    """One cell at GR1048576: 119 s and 8.3 GB before."""
    far = '<row r="1048576"><c r="GR1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    refused(dyz, db, workbook(tmp_path / "花名册.xlsx", sheet(HEADER_ROW + far)), "1048576")


def test_a_far_column_on_a_near_row_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    far = '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'
    refused(dyz, db, workbook(tmp_path / "花名册.xlsx", sheet(HEADER_ROW + far)), "16384")


def test_rows_and_cells_naming_no_place_are_counted(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """A cell with no `r` goes after the one before it: 300 of them make a row 300 wide."""
    row = "<row>" + "<c/>" * 300 + "</row>"
    refused(dyz, db, workbook(tmp_path / "花名册.xlsx", sheet(HEADER_ROW + row)), "花名册最多")


def test_a_zip_bomb_is_refused_by_its_directory(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """A sheet of 300 MB of spaces, deflated to 300 KB: refused before a byte is unpacked."""
    roll = tmp_path / "花名册.xlsx"
    spaces = b" " * (300 << 20)
    workbook(roll, SHEET_HEAD.encode() + spaces + b"<sheetData/></worksheet>")
    del spaces
    assert roll.stat().st_size < 1 << 20
    refused(dyz, db, roll, "解压后有", "另存一份")


def test_a_packing_no_excel_makes_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """Under the size cap, yet packed a thousand times over: a bomb's shape."""
    roll = tmp_path / "花名册.xlsx"
    workbook(roll, sheet(HEADER_ROW) + " " * (50 << 20))
    refused(dyz, db, roll, "压缩了", "倍")


def test_a_directory_that_lies_about_sizes_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """The zip's directory says 1 MB where the sheet unpacks to 8 MB (its caps would pass it):
    what is unpacked is checked against what the directory says, not trusted."""
    roll = tmp_path / "花名册.xlsx"
    body = sheet(HEADER_ROW).replace("<sheetData>", " " * (8 << 20) + "<sheetData>")
    data = bytearray(workbook(roll, body).read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    local = data.find(name)
    central = data.find(name, local + 1)
    for field in (local - 30 + 22, central - 46 + 24):  # the uncompressed size of each header
        data[field : field + 4] = (1 << 20).to_bytes(4, "little")
    roll.write_bytes(bytes(data))
    refused(dyz, db, roll, "不是完好的 Excel 文件")


def test_three_million_empty_rows_are_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """1.9 GB before; packed, they are a few MB."""
    rows = HEADER_ROW + "".join(f'<row r="{n}"/>' for n in range(2, 3_000_002))
    refused(dyz, db, workbook(tmp_path / "花名册.xlsx", sheet(rows)), "250000 行")


def test_a_csv_of_too_many_rows_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    roll = tmp_path / "花名册.csv"
    roll.write_text("房号,姓名\n" + "\n" * 300_000, encoding="utf-8")
    refused(dyz, db, roll, "250000")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("name", ["花名册.csv", "花名册.xlsx", "花名册.xls"])
def test_a_link_to_dev_zero_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path, name: str
) -> None:
    """Its size is 0, so a size check passes it; it then reads for ever."""
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    refused(dyz, db, link, "不是普通文件")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_itself_is_refused(dyz: Runner, db: Path, notebook: None) -> None:
    refused(dyz, db, Path("/dev/zero"), "不是普通文件")


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    fifo = tmp_path / "花名册.csv"
    os.mkfifo(fifo)
    refused(dyz, db, fifo, "不是普通文件")


def test_a_folder_is_refused(dyz: Runner, db: Path, notebook: None, tmp_path: Path) -> None:
    folder = tmp_path / "花名册.csv"
    folder.mkdir()
    refused(dyz, db, folder)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_the_other_files_a_user_names_are_read_bounded(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    """A roster to import, a photo for the card, a backup's passphrase file and a ledger's
    template go through the same bounded read."""
    photo = tmp_path / "照片.jpg"
    photo.symlink_to("/dev/zero")
    template = tmp_path / "模板.yaml"
    template.symlink_to("/dev/zero")
    add = ("roster", "add", "--role", "unit_head", "--name", "王", "--phone", "13900000000")
    for args in (
        (*add, "--scope", "1-1", "--photo", str(photo)),
        ("roster", "import", str(photo)),
        ("backup", "-o", str(tmp_path / "备份.dyzbak"), "--passphrase-file", str(photo)),
        ("ledger", "hazards", "--template", str(template), "-o", str(tmp_path / "台账.html")),
    ):
        before = snapshot(db)
        run = run_bounded(*args)
        assert run.code == 1 and len(run.lines) == 1, run.lines
        assert "不是普通文件" in run.lines[0] and snapshot(db) == before


def test_sheets_each_within_bounds_are_bounded_together(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path
) -> None:
    import xlsxwriter

    roll = tmp_path / "花名册.xlsx"
    book = xlsxwriter.Workbook(str(roll))
    for name in ("1栋", "2栋"):
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, ["住址", "姓名"])
        sheet.write_row(129_999, 0, ["2栋2单元602室", "刘桂英"])
    book.close()
    refused(dyz, db, roll, "250000")


@pytest.mark.parametrize(
    "far",
    [
        '<x:row r="2"><x:c r="XFD2"/></x:row>',  # prefixed, as the Open XML SDK writes
        "<row r='2'><c r='XFD2'/></row>",  # single quotes
        '<row r="2"><c\tr="XFD2"/></row>',  # a tab before the place
        '<row r="2"><c s="0" r="XFD2"/></row>',  # the place not first
        '<row r="2"><c r="xfd2"/></row>',  # small letters
        "<row>" + "<c/>" * 300 + "</row>",  # no place: one after another
        '<row r="2"><c r="A2" s=">" r="XFD2"/></row>',  # said twice, a '>' in between
        '<row r="2"/><row/><row r=" 900000"/>',
    ],
)
def test_a_far_place_written_any_way_xml_allows_is_refused(
    dyz: Runner, db: Path, notebook: None, tmp_path: Path, far: str
) -> None:
    """What the quick reading does not recognise is parsed, as calamine would read it."""
    head = SHEET_HEAD.replace("<worksheet ", '<worksheet xmlns:x="urn:x" ')
    roll = workbook(
        tmp_path / "花名册.xlsx", f"{head}<sheetData>{HEADER_ROW}{far}</sheetData></worksheet>"
    )
    refused(dyz, db, roll)
