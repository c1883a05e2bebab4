"""A roll as the office hands it over: a title naming the estate, merged cells, a free-text
备注 column, blank rows and a closing 合计 row, read in Excel (.xlsx) and in CSV alike."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Runner, one_line_error, snapshot

TITLE = "新芙蓉之都2栋住户花名册"
HEADERS = ["序号", "姓名", "联系电话", "住址", "出生年份", "备注"]
# the rows under the title and headers, as the office types them (None: an empty cell)
ROWS: list[list[object]] = [
    [1, "刘桂英", "13812345678", "2栋2单元602室", 1948, "独居老人，党员，子女在国外"],
    [2, "王建国", "13900001111", None, 1950, "空巢"],  # the address merged with the row above
    [],
    [3, "陈志明", "13700002222", "2栋2单元301室", 1988, "租户"],
    [4, "黄晓燕", "", "2栋2单元401室", 1990, "无"],
    [],
    ["合计：4人", None, None, None, None, None],
]


def messy(path: Path) -> Path:
    """The roll, as a workbook (the address of 602 merged over its two rows) or as CSV."""
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append([TITLE])
        sheet.merge_cells("A1:F1")
        sheet.append(HEADERS)
        for row in ROWS:
            sheet.append(row)
        sheet.merge_cells("D3:D4")
        book.save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([TITLE])
            writer.writerow(HEADERS)
            writer.writerows([["" if c is None else c for c in row] for row in ROWS])
    return path


def residents(dyz_json, ref: str) -> dict[str, dict]:  # type: ignore[no-untyped-def,type-arg]
    return {r["name"]: r for r in dyz_json("household", "show", ref)["residents"]}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_messy_roll_comes_in_without_estate_and_keeps_what_is_no_flag_as_a_note(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path, suffix: str
) -> None:
    roll = messy(tmp_path / f"花名册{suffix}")
    dyz("init")
    before = snapshot(db)
    checked = dyz("household", "import", str(roll), "--dry-run").stderr
    assert snapshot(db) == before
    said = dyz("household", "import", str(roll)).stderr
    for told in (checked, said):
        assert "略过空行 1 行（第 5 行）" in told  # the one below the last person is no row
        assert "略过合计行 1 行（第 9 行）" in told
        assert "备注里这些话不是标记，记在居民的备注里：党员、子女在国外" in told
        assert "按名册标题记在“新芙蓉之都”" in told
    assert "将新登记 3 户" in checked and "新增居民 4 人" in checked
    assert "新登记 3 户" in said and "新增居民 4 人" in said
    assert [(h["estate"], h["ref"]) for h in dyz_json("household", "list")] == [
        ("新芙蓉之都", "2-2-301"),
        ("新芙蓉之都", "2-2-401"),
        ("新芙蓉之都", "2-2-602"),
    ]
    flat = residents(dyz_json, "2-2-602")
    assert flat["刘桂英"]["flags"] == ["elderly_alone"]
    assert flat["刘桂英"]["note"] == "党员，子女在国外"
    assert flat["王建国"]["flags"] == ["children_away"] and flat["王建国"]["note"] is None
    assert residents(dyz_json, "2-2-301")["陈志明"]["flags"] == ["tenant"]
    assert residents(dyz_json, "2-2-401")["黄晓燕"]["note"] is None  # 无 says nothing
    assert "刘桂英 备注：党员，子女在国外" in dyz("household", "show", "2-2-602").stdout
    # the same roll again changes nothing, the notes neither
    before = snapshot(db)
    assert "无变化 4 人" in dyz("household", "import", str(roll)).stderr
    assert snapshot(db) == before


def test_the_note_goes_out_with_the_roll_and_comes_back(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path
) -> None:
    dyz("household", "import", str(messy(tmp_path / "花名册.xlsx")))
    exported = tmp_path / "导出.xlsx"
    dyz("household", "export", "-o", str(exported))
    before = snapshot(db)
    assert "无变化 4 人" in dyz("household", "import", str(exported)).stderr
    assert snapshot(db) == before
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "household", "import", str(exported))
    [liu] = [
        r for r in dyz_json(*other, "household", "show", "2-2-602")["residents"]
        if r["name"] == "刘桂英"
    ]  # fmt: skip
    assert liu["note"] == "党员，子女在国外" and liu["flags"] == ["elderly_alone"]


@pytest.mark.parametrize(
    "total",
    [
        ["合计：4人", None, None, None, None, None],
        [None, "合计", None, None, None, "4人"],
        [None, None, None, "小　计", None, None],
        [None, None, None, None, None, "总计 4 人"],
    ],
)
def test_a_total_row_is_read_past_whichever_cell_says_it(
    dyz: Runner, dyz_json, tmp_path: Path, total: list[object]
) -> None:
    roll = tmp_path / "花名册.csv"
    with roll.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADERS)
        writer.writerow(["1", "刘桂英", "", "新芙蓉之都2栋2单元602室", "1948", "独居老人"])
        writer.writerow(["" if c is None else c for c in total])
    said = dyz("household", "import", str(roll)).stderr
    assert "略过合计行 1 行（第 3 行）" in said and "新增居民 1 人" in said
    assert [h["ref"] for h in dyz_json("household", "list")] == ["2-2-602"]


def test_a_remark_speaking_of_a_total_is_only_words(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    roll = tmp_path / "花名册.csv"
    roll.write_text(
        "住址,姓名,备注\r\n新芙蓉之都2栋2单元602室,刘桂英,一家合计三口\r\n", encoding="utf-8"
    )
    assert "新增居民 1 人" in dyz("household", "import", str(roll)).stderr
    assert residents(dyz_json, "2-2-602")["刘桂英"]["note"] == "一家合计三口"


def test_the_title_names_an_estate_of_the_notebook(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    """Two estates in the notebook; the roll's addresses name none, its title does."""
    dyz("household", "add", "1-1-101", "--estate", "湘江世纪城")
    dyz("household", "add", "1-1-101", "--estate", "新芙蓉之都")
    roll = messy(tmp_path / "花名册.xlsx")
    dyz("household", "import", str(roll))
    assert [h["ref"] for h in dyz_json("household", "list", "--estate", "新芙蓉之都")] == [
        "1-1-101",
        "2-2-301",
        "2-2-401",
        "2-2-602",
    ]
    assert len(dyz_json("household", "list", "--estate", "湘江世纪城")) == 1


def test_an_address_naming_the_estate_longer_finds_the_one_kept(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    dyz("household", "add", "1-1-101", "--estate", "新芙蓉之都")
    dyz("household", "add", "1-1-101", "--estate", "湘江世纪城")
    roll = tmp_path / "花名册.csv"
    roll.write_text(
        "住址,姓名\r\n长沙市天心区芙蓉南路社区新芙蓉之都2栋2单元602室,刘桂英\r\n",
        encoding="utf-8",
    )
    dyz("household", "import", str(roll))
    assert "2-2-602" in [h["ref"] for h in dyz_json("household", "list", "--estate", "新芙蓉之都")]


def test_estate_option_agreeing_with_the_roll_is_fine_and_a_clash_is_one_line(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path
) -> None:
    roll = tmp_path / "花名册.csv"
    roll.write_text(
        "住址,姓名\r\n新芙蓉之都2栋2单元602室,刘桂英\r\n2栋2单元301室,陈志明\r\n",
        encoding="utf-8",
    )
    dyz("init")
    before = snapshot(db)
    line = one_line_error(dyz("household", "import", str(roll), "--estate", "湘江世纪城", code=1))
    assert "湘江世纪城" in line and "新芙蓉之都" in line and "第 2 行" in line
    assert snapshot(db) == before
    dyz("household", "import", str(roll), "--estate", "新芙蓉之都")
    assert {h["estate"] for h in dyz_json("household", "list")} == {"新芙蓉之都"}
