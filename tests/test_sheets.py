"""Lists written as spreadsheets for the office: `-o FILE.xlsx` or `.csv`, in the interface's
language, every text kept text, nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from danyuanzhang.text.sheets import neutralised, write_sheet
from tests.conftest import Runner, one_line_error, snapshot

FORMULA = '=HYPERLINK("http://example.com","点这里")'


@pytest.fixture
def recorded(dyz: Runner, db: Path) -> Path:
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("petition", "add", "2-2-301", "--category", "停车", "--text", FORMULA, "--on", "2026-11-03")
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--on", "2026-11-04",
        "--days", "3", "--note", "-已告知")  # fmt: skip
    return db


def rows_of(path: Path) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_petition_list_in_excel_is_in_chinese_and_runs_no_formula(
    dyz: Runner, recorded: Path, tmp_path: Path
) -> None:
    target = tmp_path / "诉求.xlsx"
    said = dyz("petition", "list", "-o", str(target)).stderr
    assert str(target) in said
    header, row = rows_of(target)
    assert header[:4] == ("状态", "类别", "房号", "内容")
    assert row[1] == "停车"  # the label, not the code `parking`
    assert row[2] == "2-2-301"
    assert row[3] == "'" + FORMULA
    assert row[4] == datetime(2026, 11, 3)  # a date, as a date
    book = openpyxl.load_workbook(target)
    assert book.active is not None and book.active.freeze_panes == "A2"
    assert all(cell.data_type == "s" for cell in book.active[2] if isinstance(cell.value, str))


def test_a_hazard_list_as_csv_opens_in_excel_with_chinese_and_references_as_text(
    dyz: Runner, recorded: Path, tmp_path: Path
) -> None:
    target = tmp_path / "隐患.csv"
    dyz("hazard", "list", "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8
    header, row = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert header[:3] == ["状态", "类别", "单元"]
    assert row[1] == "飞线充电"
    assert row[2] == '="2-2"'  # Excel would make 2-2 a date: kept text
    assert row[header.index("期限")] == "2026-11-07"


def test_households_in_english_when_the_interface_is(
    dyz: Runner, recorded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DYZ_LANG", "en")
    target = tmp_path / "households.xlsx"
    dyz("household", "list", "-o", str(target))
    header, row = rows_of(target)
    assert header[0] == "household" and row[0] == "2-2-301"


def test_a_file_that_is_no_spreadsheet_is_refused_in_one_line(
    dyz: Runner, recorded: Path, tmp_path: Path
) -> None:
    before = snapshot(recorded)
    line = one_line_error(dyz("household", "list", "-o", str(tmp_path / "住户.docx"), code=1))
    assert ".xlsx" in line and ".csv" in line and "住户.docx" in line
    assert not (tmp_path / "住户.docx").exists()
    assert snapshot(recorded) == before


def test_every_formula_start_is_neutralised_in_both_kinds(tmp_path: Path) -> None:
    cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "普通文字", "2-2-301", "13812345678"]
    for suffix in (".csv", ".xlsx"):
        target = tmp_path / f"t{suffix}"
        write_sheet(target, ["列"], [[c] for c in cells] + [[date(2026, 1, 2)], [7]])
        if suffix == ".csv":
            text = io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")
            read = [r[0] for r in list(csv.reader(text))[1:]]
            texts = read[: len(cells)]
            assert texts[-2:] == ['="2-2-301"', '="13812345678"']  # kept text in Excel
            assert read[len(cells) :] == ["2026-01-02", "7"]
            texts = texts[:-2]
        else:
            # a carriage return is stored as _x000D_, which openpyxl gives back as it is
            written = rows_of(target)[1:]
            texts = [str(r[0]).replace("_x000D_", "\r") for r in written[: len(cells) - 2]]
            assert written[len(cells) - 2 : len(cells)] == [("2-2-301",), ("13812345678",)]
            assert written[len(cells) :] == [(datetime(2026, 1, 2),), (7,)]
        assert texts == [neutralised(c) for c in cells[:-2]]
        assert all(t.startswith("'") for t in texts[:6]) and texts[6] == "普通文字"


def test_a_failed_write_leaves_no_half_file(tmp_path: Path) -> None:
    from danyuanzhang.errors import DyzError

    def rows():
        yield ["一"]
        raise OSError(28, "No space left on device")

    target = tmp_path / "台账.xlsx"
    with pytest.raises(DyzError):
        write_sheet(target, ["列"], rows())
    assert list(tmp_path.iterdir()) == []


def test_csv_on_standard_output_keeps_its_english_keys_and_runs_no_formula(
    dyz: Runner, recorded: Path
) -> None:
    """For scripts, `--format csv` keeps the JSON's keys and codes; redirected into a file
    and opened in Excel, a resident's text still runs as no formula."""
    header, row = list(csv.reader(dyz("petition", "list", "--format", "csv").stdout.splitlines()))
    assert row[header.index("category")] == "parking"
    assert row[header.index("text")] == "'" + FORMULA


def test_the_walk_list_as_a_spreadsheet(dyz: Runner, recorded: Path, tmp_path: Path) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "独居老人")
    target = tmp_path / "走访.xlsx"
    dyz("visit", "due", "--unit", "2-2", "-o", str(target))
    header, row = rows_of(target)
    assert header == ("序", "责任户", "住户", "原因", "上次结果")  # as the terminal shows it
    assert row[1] == "2-2-301" and row[2] == "刘桂英"


def test_visits_and_the_roster_as_spreadsheets(dyz: Runner, recorded: Path, tmp_path: Path) -> None:
    dyz("visit", "add", "2-2-301", "--on", "2026-11-05", "--outcome", "met", "--kind", "door")
    visits = tmp_path / "走访.xlsx"
    dyz("visit", "list", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(visits))
    header, row = rows_of(visits)
    assert header[:2] == ("日期", "责任户") and row[0] == datetime(2026, 11, 5)
    assert row[1] == "2-2-301" and row[2] == "见到了"
    dyz("roster", "add", "--role", "unit_head", "--name", "周玉梅", "--phone", "13812345678",
        "--scope", "2-2")  # fmt: skip
    roster = tmp_path / "名册.csv"
    dyz("roster", "list", "-o", str(roster))
    header, row = list(csv.reader(roster.read_bytes().decode("utf-8-sig").splitlines()))
    assert "单元长" in row and "周玉梅" in row


def test_the_other_lists_as_spreadsheets(dyz: Runner, recorded: Path, tmp_path: Path) -> None:
    """The anti-fraud watch, the flags and hazard kinds, the peers and the conflicts: every
    list can go to the office as a workbook or a CSV."""
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    watch = tmp_path / "反诈.xlsx"
    dyz("antifraud", "-o", str(watch))
    title, header, unit, total = rows_of(watch)
    assert str(title[0]).startswith("反诈情况")
    assert header[:2] == ("单元", "有居民的户")
    assert unit[:2] == ("新芙蓉之都 2-2", 1)  # a count is a number
    assert total[0] == "合计"
    for command, target, first in (
        (["flag", "list"], "标记.csv", ["代码", "中文", "英文"]),
        (["hazard", "kinds"], "隐患类别.csv", ["代码", "中文", "英文"]),
        (["config", "list"], "设置.csv", ["设置", "值", "默认", "含义"]),
    ):
        path = tmp_path / target
        dyz(*command, "-o", str(path))
        lines = list(csv.reader(path.read_bytes().decode("utf-8-sig").splitlines()))
        assert lines[0] == first and len(lines) > 5
    for command, target, header_start in (
        (["peers", "list"], "电脑.xlsx", ("电脑",)),
        (["conflicts", "list"], "冲突.xlsx", ("记录",)),
        (["duplicates"], "重复.xlsx", ("可能重复",)),
    ):
        path = tmp_path / target
        dyz(*command, "-o", str(path))
        assert rows_of(path)[0][: len(header_start)] == header_start
