"""The roll as communities really keep it: an Excel workbook with a title row, merged cells for
a flat of several residents, the address in one cell, an ID-card column, phones stored as
numbers, dates as Excel dates, a sheet per building."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Runner, one_line_error, snapshot

HEADERS = ["序号", "姓名", "性别", "身份证号", "联系电话", "住址", "出生日期", "备注"]
ESTATE = ("--estate", "新芙蓉之都")  # the roll names it only in its title
ID_CARDS = ("430102194803021234", "430102195001011111", "430102195005012222")


def messy_roll(path: Path, second_sheet: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "2栋"
    sheet.append(["芙蓉南路社区新芙蓉之都2栋住户花名册"])
    sheet.merge_cells("A1:H1")
    sheet.append(HEADERS)
    sheet.append([1, "刘桂英", "女", ID_CARDS[0], 13812345678, "2栋2单元602室",
                  datetime(1948, 3, 2), "独居 残疾人"])  # fmt: skip
    sheet.append([2, "王建国", "男", ID_CARDS[1], 13900001111, None, datetime(1950, 1, 1),
                  "空巢\n需帮扶"])  # fmt: skip
    sheet.merge_cells("F3:F4")  # one flat, two residents
    sheet.append([])  # a blank row, as rolls have
    sheet.append([3, "陈志明", "男", "", "13700002222", "新芙蓉之都2栋2单元301", "", "租户"])
    if second_sheet:
        other = book.create_sheet("3栋")
        other.append(["3栋花名册"])
        other.append(HEADERS)
        other.append(
            [1, "罗淑珍", "女", ID_CARDS[2], "", "3栋1单元101室", datetime(1950, 5, 1), ""]
        )
    book.save(path)
    return path


def residents(dyz_json, ref: str) -> dict[str, dict]:
    return {r["name"]: r for r in dyz_json("household", "show", ref)["residents"]}


def test_a_messy_workbook_comes_in_as_it_is(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path
) -> None:
    dyz("init")
    said = dyz("household", "import", str(messy_roll(tmp_path / "花名册.xlsx")), *ESTATE).stderr
    assert "新登记 3 户" in said and "新增居民 4 人" in said
    assert "身份证号不保存" in said and "序号、性别" in said
    refs = [h["ref"] for h in dyz_json("household", "list")]
    assert refs == ["2-2-301", "2-2-602", "3-1-101"]
    flat = residents(dyz_json, "2-2-602")
    assert flat["刘桂英"]["phone"] == "13812345678"  # stored as a number in the workbook
    assert flat["刘桂英"]["born"] == 1948
    assert sorted(flat["刘桂英"]["flags"]) == ["disabled", "elderly_alone"]
    assert sorted(flat["王建国"]["flags"]) == ["children_away", "needs_help"]  # Alt-Enter
    assert residents(dyz_json, "3-1-101")["罗淑珍"]["born"] == 1950
    assert residents(dyz_json, "2-2-301")["陈志明"]["flags"] == ["tenant"]
    held = db.read_bytes()
    assert not any(number.encode() in held for number in ID_CARDS)


def test_importing_the_same_workbook_again_changes_nothing(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    roll = messy_roll(tmp_path / "花名册.xlsx")
    dyz("household", "import", str(roll), *ESTATE)
    before = snapshot(db)
    said = dyz("household", "import", str(roll), *ESTATE).stderr
    assert "新登记 0 户" in said and "无变化 4 人" in said
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k != "changes"} == {
        k: v for k, v in before.items() if k != "changes"
    }


def test_one_sheet_of_the_workbook(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    roll = messy_roll(tmp_path / "花名册.xlsx")
    dyz("household", "import", str(roll), "--sheet", "3栋", *ESTATE)
    assert [h["ref"] for h in dyz_json("household", "list")] == ["3-1-101"]
    line = one_line_error(dyz("household", "import", str(roll), "--sheet", "5栋", code=1))
    assert "5栋" in line and "2栋、3栋" in line


def test_a_bad_row_is_named_by_its_sheet_and_the_row_excel_shows(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    roll = messy_roll(tmp_path / "花名册.xlsx")
    book = openpyxl.load_workbook(roll)
    book["2栋"]["F6"] = "三楼东边"  # the row after the blank one
    book["3栋"]["E3"] = "1.38E+10"  # a phone that lost its digits before it was saved
    book.save(roll)
    dyz("init")
    before = snapshot(db)
    said = dyz("household", "import", str(roll), *ESTATE, code=1).stderr
    assert "工作表“2栋”第 6 行" in said and "三楼东边" in said
    assert "工作表“3栋”第 3 行" in said and "丢了位数" in said
    assert "什么都没有写入" in said
    assert snapshot(db) == before


def test_a_roll_saved_as_unicode_text(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    """Excel's "Unicode text": UTF-16, tab-separated."""
    roll = tmp_path / "花名册.txt"
    lines = ["楼栋\t单元\t房号\t姓名\t手机", "2\t2\t301\t刘桂英\t13812345678"]
    roll.write_bytes("\r\n".join(lines).encode("utf-16"))
    dyz("household", "import", str(roll), *ESTATE)
    assert residents(dyz_json, "2-2-301")["刘桂英"]["phone"] == "13812345678"


def test_a_damaged_workbook_is_refused_in_one_line(dyz: Runner, db: Path, tmp_path: Path) -> None:
    roll = messy_roll(tmp_path / "花名册.xlsx")
    roll.write_bytes(roll.read_bytes()[:2000])  # not fully saved
    dyz("init")
    before = snapshot(db)
    line = one_line_error(dyz("household", "import", str(roll), code=1))
    assert "不是完好的 Excel 文件" in line
    assert snapshot(db) == before


def test_a_workbook_with_a_password_is_refused_in_one_line(dyz: Runner, db: Path) -> None:
    """tests/data/花名册-有密码.xlsx, made by tests/data/make-locked-xlsx.py."""
    roll = Path(__file__).parent / "data" / "花名册-有密码.xlsx"
    dyz("init")
    before = snapshot(db)
    line = one_line_error(dyz("household", "import", str(roll), *ESTATE, code=1))
    assert "设了打开密码" in line and "去掉密码另存一份" in line
    assert snapshot(db) == before


@pytest.mark.parametrize("word, code", [("独居", "elderly_alone"), ("空巢老人", "children_away")])
def test_the_words_people_use_for_a_flag(dyz: Runner, dyz_json, word: str, code: str) -> None:
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--flag", word)
    assert residents(dyz_json, "2-2-301")["刘桂英"]["flags"] == [code]


def test_a_roll_naming_no_estate_is_told_once_not_on_every_row(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    roll = messy_roll(tmp_path / "花名册.xlsx")
    book = openpyxl.load_workbook(roll)  # neither its title nor an address names the estate
    book["2栋"]["A1"] = "芙蓉南路社区住户花名册"
    book["2栋"]["F6"] = "2栋2单元301"
    book.save(roll)
    dyz("init")
    before = snapshot(db)
    line = one_line_error(dyz("household", "import", str(roll), code=1))
    assert "--estate" in line
    assert snapshot(db) == before


def test_one_problem_on_many_rows_is_one_line(dyz: Runner, db: Path, tmp_path: Path) -> None:
    lines = ["楼栋,单元,房号,姓名,电话"] + [f"2,2,{300 + n},居民{n},12345" for n in range(1, 31)]
    roll = tmp_path / "花名册.csv"
    roll.write_text("\r\n".join(lines), encoding="utf-8")
    dyz("init")
    said = dyz("household", "import", str(roll), *ESTATE, code=1).stderr.strip().splitlines()
    assert len(said) == 2, said  # the rows, then that nothing was written
    assert said[0].startswith("第 2、3、4、5、6 行等，共 30 行：电话“12345”不对")


def test_the_older_xls_that_wps_writes(dyz: Runner, dyz_json) -> None:
    """tests/data/花名册.xls, made by tests/data/make-roll-xls.py: a title row, a merged
    address, a phone stored as a number, birth dates as Excel dates."""
    roll = Path(__file__).parent / "data" / "花名册.xls"
    said = dyz("household", "import", str(roll), *ESTATE).stderr
    assert "新登记 1 户" in said and "新增居民 2 人" in said
    flat = residents(dyz_json, "2-2-602")
    assert flat["刘桂英"]["phone"] == "13812345678" and flat["刘桂英"]["born"] == 1948
    assert flat["刘桂英"]["flags"] == ["elderly_alone"]
    assert flat["王建国"]["born"] == 1950 and flat["王建国"]["flags"] == ["children_away"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_roll_exported_and_imported_again_changes_nothing(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path, suffix: str
) -> None:
    dyz("household", "import", str(messy_roll(tmp_path / "花名册.xlsx")), *ESTATE)
    dyz("household", "add", "2-2-701")  # a flat with no one registered yet
    dyz("resident", "add", "2-2-602", "--name", "周玉梅", "--phone", "0731-85551234",
        "--moved-in", "2026-11-10")  # fmt: skip
    exported = tmp_path / f"导出{suffix}"
    said = dyz("household", "export", "-o", str(exported)).stderr
    assert "4 户，5 位居民" in said and "个人信息" in said
    before = snapshot(db)
    said = dyz("household", "import", str(exported)).stderr
    assert "新登记 0 户" in said and "新增居民 0 人" in said and "无变化 5 人" in said
    assert snapshot(db) == before
    # and into a new laptop, the same notebook
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "household", "import", str(exported))
    for ref in ("2-2-602", "2-2-301", "3-1-101"):
        mine = sorted((r["name"], r["phone"], r["born"], sorted(r["flags"]), r["moved_in"])
                      for r in residents(dyz_json, ref).values())  # fmt: skip
        theirs = dyz_json(*other, "household", "show", ref)["residents"]
        assert mine == sorted((r["name"], r["phone"], r["born"], sorted(r["flags"]),
                               r["moved_in"]) for r in theirs)  # fmt: skip
    assert [h["ref"] for h in dyz_json(*other, "household", "list")] == [
        h["ref"] for h in dyz_json("household", "list")
    ]


def test_the_roll_export_refuses_a_file_that_is_no_spreadsheet(dyz: Runner, tmp_path: Path) -> None:
    line = one_line_error(dyz("household", "export", "-o", str(tmp_path / "花名册.doc"), code=1))
    assert ".xlsx" in line and not (tmp_path / "花名册.doc").exists()


def test_the_roll_exported_in_english_reads_back_too(
    dyz: Runner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dyz("household", "import", str(messy_roll(tmp_path / "花名册.xlsx")), *ESTATE)
    monkeypatch.setenv("DYZ_LANG", "en")
    exported = tmp_path / "roll.csv"
    dyz("household", "export", "-o", str(exported))
    header = exported.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header == "estate,building,unit,room,name,phone,birth_year,flags,moved_in,note"
    before = snapshot(db)
    assert "0 added" in dyz("household", "import", str(exported)).stderr
    assert snapshot(db) == before
