"""Every table fits the terminal: long cells wrap between words or Chinese characters, never
inside a flat, a date or a phone, and a table that cannot fit is shown one record per block."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danyuanzhang.text.render import text_table
from danyuanzhang.text.width import display_width
from tests.conftest import Runner

# what must never be cut across two lines: a flat, a date (with its time), a masked or a whole
# phone, a short id, a ratio
WHOLE = re.compile(
    r"\d+-\d+-\d{3}|\d{4}-\d{2}-\d{2}|1\d{2}\*{4}\d{4}|1\d{10}|\b[0-9a-f]{8}\b|\d+/\d+", re.ASCII
)
TABLES = [
    ["council", "agenda"],
    ["antifraud"],
    ["visit", "due"],
    ["config", "list"],
    ["--lang", "en", "household", "list"],
    ["household", "list"],
    ["hazard", "list"],
    ["patrol", "list"],
    ["petition", "list"],
    ["volunteer", "list"],
    ["service", "list"],
    ["mediation", "list"],
    ["roster", "list"],
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo community, with a long escalated need that quotes a phone and a date."""
    from typer.testing import CliRunner

    from danyuanzhang.cli import app
    from danyuanzhang.upkeep.demo import build_demo

    path = tmp_path_factory.mktemp("sample") / "demo.db"
    store, _ = build_demo(path)
    store.close()
    runner = CliRunner()
    env = {"DYZ_DB": str(path), "DYZ_LANG": "zh"}
    text = "三楼住户反映楼道灯坏了两周，联系人电话13912345678，物业说2026-11-10前修好，至今没人来看"
    added = runner.invoke(app, ["petition", "add", "2-2-301", "-c", "维修", "-t", text], env=env)
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["petition", "list", "--format", "json"], env=env)
    need = next(n for n in json.loads(listed.stdout) if n["text"] == text)
    raised = runner.invoke(app, ["petition", "escalate", need["id"]], env=env)
    assert raised.exit_code == 0, raised.output
    return path


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("command", TABLES, ids=" ".join)
def test_every_table_fits_the_terminal_without_cutting_a_flat_a_date_or_a_phone(
    dyz: Runner,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    width: int,
) -> None:
    shutil.copy(sample, tmp_path / "mine.db")
    monkeypatch.setenv("DYZ_DB", str(tmp_path / "mine.db"))
    monkeypatch.setenv("COLUMNS", "400")
    wide = dyz(*command).stdout
    monkeypatch.setenv("COLUMNS", str(width))
    fitted = dyz(*command).stdout
    too_wide = [line for line in fitted.splitlines() if display_width(line) > width]
    assert not too_wide, fitted
    for piece in set(WHOLE.findall(wide)):
        assert fitted.count(piece) >= wide.count(piece), (piece, fitted)


def test_the_escalated_need_on_the_agenda_wraps_with_its_phone_whole(
    dyz: Runner, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(sample, tmp_path / "mine.db")
    monkeypatch.setenv("DYZ_DB", str(tmp_path / "mine.db"))
    agenda = dyz("council", "agenda").stdout
    assert "139****5678" in agenda and "13912345678" not in agenda
    assert max(display_width(line) for line in agenda.splitlines()) <= 80


def test_a_table_too_wide_to_wrap_shows_one_record_per_block() -> None:
    headers = ["姓名", "电话", "服务项目", "服务范围", "能帮忙的时间", "住在", "编号"]
    row = ["李老师", "136****0002", "送学上门", "新芙蓉之都", "周二周四晚上", "2-2-301", "0414978c"]
    text = text_table(headers, [row, row], width=60)
    assert text.splitlines()[:3] == ["姓名：李老师", "电话：136****0002", "服务项目：送学上门"]
    assert "\n\n姓名：李老师\n" in text


def test_a_table_that_fits_is_left_as_it_is() -> None:
    text = text_table(["房号", "内容"], [["2-2-301", "楼道灯坏了"]], width=60)
    assert text == "房号     内容\n-------  ----------\n2-2-301  楼道灯坏了\n"


def test_a_long_text_wraps_inside_its_column_and_a_short_one_stays_whole() -> None:
    text = "脑科巷乱停车，早上车开不出去，联系王建国 138****5678，2026-11-10 以后更严重"
    lines = text_table(["房号", "收集日期", "内容"], [["2-2-301", "2026-10-20", text]], width=50)
    assert lines.splitlines()[2].startswith("2-2-301  2026-10-20  脑科巷乱停车，")
    assert all(display_width(line) <= 50 for line in lines.splitlines())
    assert "138****5678" in lines and "2026-11-10" in lines


def test_a_separator_stays_at_the_end_of_its_line() -> None:
    headers = ["unit", "Households", "App installed", "Briefed", "Recent move-ins not briefed"]
    moved_in = "2-2-502 陈志明（2026-11-10）; 2-2-502 黄晓燕（2026-11-10）"
    row = ["新芙蓉之都 2-2", "12", "4/12 (33%)", "5/12 (42%)", moved_in]
    text = text_table(headers, [row], width=60)
    assert "（2026-11-10）;\n" in text and not re.search(r"^\s*;", text, re.M), text


CHINESE = st.text(
    st.sampled_from("楼道灯坏了独居老人王建国李秀兰刘桂英停车维修安全出口"), min_size=1, max_size=12
)
PIECES = st.one_of(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.from_regex(r"1[3-9][0-9]\*{4}[0-9]{4}", fullmatch=True),
    st.from_regex(r"20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9])", fullmatch=True),
    st.from_regex(r"[1-9]-[1-9]-[1-6]0[1-4]", fullmatch=True),
    CHINESE,
    st.sampled_from(["elderly", "lives alone", "children away", "(18%)", "0/11"]),
)
GLUE = st.sampled_from([" ", "", "，", "（", "）", "；", "、", "; ", ";"])


@st.composite
def cells(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(PIECES, GLUE), max_size=6))
    return "".join(piece + glue for piece, glue in parts).strip()


@settings(max_examples=300, deadline=None)
@given(
    headers=st.lists(
        st.sampled_from(["房号", "内容", "电话", "日期", "住户", "flags"]), min_size=1, max_size=7
    ),
    data=st.data(),
    width=st.integers(40, 120),
)
def test_no_line_is_wider_than_the_terminal_and_nothing_whole_is_cut(
    headers: list[str], data: st.DataObject, width: int
) -> None:
    rows = data.draw(st.lists(st.lists(cells(), min_size=len(headers), max_size=len(headers))))
    text = text_table(headers, rows, width=width)
    assert all(display_width(line) <= width for line in text.splitlines()), text
    for piece in {p for row in rows for cell in row for p in WHOLE.findall(cell)}:
        wanted = sum(cell.count(piece) for row in rows for cell in row)
        assert text.count(piece) >= wanted, (piece, text)


@settings(max_examples=300, deadline=None)
@given(text=cells(), width=st.integers(24, 80))
def test_a_wrapped_cell_never_starts_a_line_with_a_closing_mark(text: str, width: int) -> None:
    from danyuanzhang.text.width import wrap

    lines = wrap(text, width, whole=16)
    assert all(display_width(line) <= width for line in lines), lines
    assert not any(line.startswith(("，", "）", "；", "、", ";", ",", ")")) for line in lines), (
        lines
    )


def test_one_space_between_columns_comes_before_breaking_a_word() -> None:
    """The hazards of a stairwell at 80 columns: with two spaces between columns 电动车入户停放
    would break; with one, every term stays whole."""
    headers = ["状态", "类别", "单元", "地点", "责任户", "期限", "提示", "编号"]
    rows = [
        ["已告知整改", "电动车入户停放", "2-1", "4楼楼道", "2-1-201", "2026-10-25", "逾期、回潮", "8bb857e1"],
        ["已复查", "灭火器缺失/过期", "2-2", "2楼", "", "2026-11-17", "", "281a3204"],
    ]  # fmt: skip
    shown = text_table(headers, rows, width=80)
    lines = shown.splitlines()
    assert all(display_width(line) <= 80 for line in lines)
    assert len(lines) == 4  # header, separator, one line a hazard
    assert "电动车入户停放" in shown and "灭火器缺失/过期" in shown and "已告知整改" in shown
    assert text_table(headers, rows, width=120).count("  ") > shown.count("  ")


def test_a_walk_list_measures_each_different_text_a_few_times_not_once_a_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A district's walk list repeats its flats, reasons and outcomes tens of thousands of times:
    each different text is measured (and wrapped) a few times whatever the rows repeating it,
    and the cells the rows do not share take a bounded number of measures each."""
    from collections import Counter

    from danyuanzhang.text import render, width

    measured: Counter[str] = Counter()
    real = width.display_width

    def counted(text: str) -> int:
        measured[text] += 1
        return real(text)

    monkeypatch.setattr(width, "display_width", counted)
    monkeypatch.setattr(render, "display_width", counted)
    reasons = [
        f"lives alone, every 7 days; {n} days overdue (last 2026-11-{n:02d})" for n in (1, 2)
    ]
    names = ["冯国强", "周玉梅", "萧春花", "蔡玉梅", "林卫东"]
    rows = [
        [
            str(n),
            f"2-{n % 3 + 1}-{n % 6 + 1}0{n % 2 + 1}",
            " ".join(names[: n % 5 + 1] + [f"住户{n}"]),
            reasons[n % 2],
            ("met", "nobody home")[n % 2],
        ]
        for n in range(1, 3_001)
    ]
    shown = text_table(["#", "household", "Residents", "Why", "Last time"], rows, width=80)
    assert shown.count("\n") > len(rows)  # the names and the reasons are wrapped
    shared = {cell for row in rows for cell in row[1::2]}  # flats, reasons, outcomes
    assert max(measured[cell] for cell in shared) <= 3
    assert measured.total() <= 6 * len(rows)
