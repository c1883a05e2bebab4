"""The frame every ledger is filed in, whatever its kind and format: 序号 first, the community
and the period at the top, 填表人/审核人/日期/社区（盖章） at the foot, a workbook set up to print
on A4 landscape, and all of last month when no dates are given."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from danyuanzhang.paperwork.ledgers import KIND_NAMES, last_full_month
from tests.conftest import Runner

PERIOD = ("--from", "2026-06-01", "--to", "2026-11-30")


@pytest.fixture
def demo(dyz: Runner, tmp_path: Path) -> str:
    path = tmp_path / "demo.db"
    dyz("demo", "--to", str(path))
    dyz("--db", str(path), "config", "set", "visitor.name", "周玉梅")
    return str(path)


def test_every_format_numbers_the_rows_first(
    dyz: Runner, demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # the whole row on one line, as a wide screen shows it
    ledger = json.loads(dyz("--db", demo, "ledger", "visits", *PERIOD, "-f", "json").stdout)
    assert ledger["columns"][0] == {"key": "no", "header": "序号"}
    assert [r["no"] for r in ledger["rows"]] == list(range(1, 12))
    table = dyz("--db", demo, "ledger", "visits", *PERIOD).stdout.splitlines()
    assert table[0].split()[:2] == ["序号", "日期"]
    assert [line.split()[0] for line in table[2:]] == [str(n) for n in range(1, 12)]
    listed = list(csv.reader(io.StringIO(dyz("--db", demo, "ledger", "visits", *PERIOD,
                                             "-f", "csv").stdout)))  # fmt: skip
    assert listed[0][0] == "no" and [r[0] for r in listed[1:]] == [str(n) for n in range(1, 12)]
    page = tmp_path / "走访.md"
    dyz("--db", demo, "ledger", "visits", *PERIOD, "-o", str(page))
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# 芙蓉南路社区入户走访台账"
    assert lines[2] == "2026-06-01 至 2026-11-30（全社区）"
    assert lines[4].startswith("| 序号 | 日期 |") and lines[6].startswith("| 1 | 2026-")
    assert f"填表人：周玉梅　　审核人：________　　日期：{date.today().isoformat()}" in lines[-3]
    assert lines[-3].endswith("社区（盖章）：________")
    html = tmp_path / "走访.html"
    dyz("--db", demo, "ledger", "visits", *PERIOD, "-o", str(html))
    text = html.read_text(encoding="utf-8")
    assert "<thead><tr><th>序号</th><th>日期</th>" in text
    assert '<tr><td class="nowrap n">1</td>' in text
    assert '<p class="period">2026-06-01 至 2026-11-30（全社区）</p>' in text
    for label, value in (("填表人：", "周玉梅"), ("审核人：", ""), ("社区（盖章）：", "")):
        assert f'<span>{label}<span class="blank">{value}</span></span>' in text


def test_a_workbook_is_a_form_set_up_to_print(dyz: Runner, demo: str, tmp_path: Path) -> None:
    target = tmp_path / "巡查.xlsx"
    dyz("--db", demo, "ledger", "patrols", *PERIOD, "-o", str(target))
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "芙蓉南路社区防火巡查记录"
    assert rows[1][0] == "2026-06-01 至 2026-11-30（全社区）"
    header = rows[2]
    assert header[0] == "序号" and header[-4:] == (
        "处置",
        "巡查人1签字",
        "巡查人2签字",
        "值班负责人签字",
    )
    width = len(header)
    # the title and the period are centred over the whole table
    merged = {str(r) for r in sheet.merged_cells.ranges}
    last = openpyxl.utils.get_column_letter(width)
    assert merged == {f"A1:{last}1", f"A2:{last}2"}
    assert sheet["A1"].alignment.horizontal == "center"
    # the foot: who filled it in, a line for who checks it, the day, the stamp
    foot = [c for c in rows[-1] if c is not None]
    assert foot == [
        "填表人：周玉梅",
        "审核人：________",
        f"日期：{date.today().isoformat()}",
        "社区（盖章）：________",
    ]
    assert rows[-3][0] == "共巡查 7 次，其中一切正常 4 次。"
    # printed as the office prints it
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.print_title_rows == "$3:$3"  # the header row on every page
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.fitToHeight == 0  # as many pages down as the rows need
    assert sheet.page_setup.fitToWidth in (None, 1)  # one page wide (1 is the default)
    assert sheet.freeze_panes == "A4"
    # a signature column is wide enough to sign in
    signature = openpyxl.utils.get_column_letter(width - 1)
    assert sheet.column_dimensions[signature].width >= 12


def test_the_foot_names_the_laptops_person_else_the_laptop(
    dyz: Runner, dyz_json, stairwell: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ledger = dyz_json("ledger", "moves", *PERIOD)
    assert (ledger["filled_by"], ledger["printed_on"]) == ("王建国的电脑", date.today().isoformat())
    dyz("config", "set", "visitor.name", "李志平")
    assert dyz_json("ledger", "moves", *PERIOD)["filled_by"] == "李志平"


def test_an_empty_ledger_keeps_its_frame(dyz: Runner, stairwell: str, tmp_path: Path) -> None:
    target = tmp_path / "调解.xlsx"
    dyz("ledger", "mediation", *PERIOD, "-o", str(target))
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[1][0] == "2026-06-01 至 2026-11-30（全社区）" and rows[2][0] == "序号"
    assert rows[-1][0] == "填表人：王建国的电脑"


def test_with_no_dates_every_ledger_is_last_month_and_says_so(
    dyz: Runner, dyz_json, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    first, last = last_full_month(date.today())
    day = first[:8] + "15"
    dyz("visit", "add", "2-2-301", "--on", day, "--anti-fraud-app", "yes", "--briefed")
    dyz("hazard", "add", "--kind", "其他", "--where", "2-2 楼顶", "--on", day)
    dyz("patrol", "--unit", "2-2", "--all-clear", "--on", day, "--by", "李建国")
    dyz("petition", "add", "2-2-302", "-c", "维修", "-t", "楼道灯坏了", "--on", day)
    dyz("resident", "add", "2-2-402", "--name", "陈志明", "--moved-in", day)
    dyz("volunteer", "add", "--name", "左师傅", "--service", "维修", "--household", "2-2-401")
    dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "1",
        "--on", day)  # fmt: skip
    dyz("petition", "add", "2-2-301", "-c", "矛盾调解", "-t", "楼上漏水", "--on", day)
    dispute = next(p for p in dyz_json("petition", "list") if p["category"] == "mediation")
    dyz("mediation", "set", dispute["id"][:8], "--kind", "漏水", "--party", "2-2-401")
    dyz("petition", "escalate", dispute["id"][:8], "--on", day)
    dyz("council", "propose", dispute["id"][:8], "--text", "请物业查漏水", "--on", day)
    for kind in KIND_NAMES:
        ledger = dyz_json("ledger", kind)
        assert (ledger["from"], ledger["to"]) == (first, last), kind
        assert ledger["rows"], f"the {kind} ledger of last month is empty"
    said = dyz("ledger", "visits")
    assert f"没写日期，按上个月整月（{first} 至 {last}）" in said.stderr
    assert f"{first} 至 {last}（全社区）" in said.stderr
    assert "没写日期" not in dyz("ledger", "visits", "--from", first).stderr


@pytest.mark.parametrize(
    ("today", "month"),
    [
        (date(2026, 12, 7), ("2026-11-01", "2026-11-30")),
        (date(2027, 1, 1), ("2026-12-01", "2026-12-31")),
        (date(2028, 3, 31), ("2028-02-01", "2028-02-29")),
    ],
)
def test_last_month_is_the_calendar_month_before(today: date, month: tuple[str, str]) -> None:
    assert last_full_month(today) == month
    assert date.fromisoformat(month[1]) + timedelta(days=1) <= today


def test_the_signature_columns_print_narrow_on_two_lines(
    dyz: Runner, demo: str, tmp_path: Path
) -> None:
    page = tmp_path / "巡查.html"
    dyz("--db", demo, "ledger", "patrols", *PERIOD, "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert (
        '<th class="pen"><span class="line">值班负责人</span><br><span class="line">签字</span></th>'
        in text
    )
    assert text.count('<td class="pen">') == 3 * 7  # three signatures on each of 7 patrols
    assert "th.pen, td.pen { width: 15mm;" in text


def test_a_settled_need_says_whether_the_resident_confirmed(
    dyz: Runner, dyz_json, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    def need(text: str) -> str:
        dyz("petition", "add", "2-2-301", "-c", "维修", "-t", text, "--on", "2026-11-02")
        return str(next(p for p in dyz_json("petition", "list") if p["text"] == text)["id"][:8])

    confirmed, unconfirmed, unclosed, _ = (need(w) for w in ("灯", "锁", "门", "窗"))
    for settled in (confirmed, unconfirmed, unclosed):
        dyz("petition", "resolve", settled, "--note", "修好了", "--on", "2026-11-03")
    dyz("petition", "close", confirmed, "--confirmed-by-resident", "--on", "2026-11-04")
    dyz("petition", "close", unconfirmed, "--on", "2026-11-04")
    rows = dyz_json("ledger", "needs", "--from", "2026-11-01", "--to", "2026-11-30")["rows"]
    assert {r["text"]: r["confirmed"] for r in rows} == {
        "灯": "是",
        "锁": "否",
        "门": "待确认",  # finished, and the resident not yet asked
        "窗": None,  # still open
    }
