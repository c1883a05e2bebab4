"""The office's ledgers (台账), filled from what dyz has recorded: every kind against its usual
columns, phones masked, nothing run as a formula, templates that re-lay a ledger out, and
printable pages that fit A4 landscape in a real browser."""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Runner, one_line_error, snapshot
from tests.pages import CHROMIUM, REQUIRED, assert_well_laid_out, chromium

FORMULA = '=HYPERLINK("http://example.com","点这里")'
FULL_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
PERIOD = ("--from", "2026-06-01", "--to", "2026-11-30")

HEADERS = {
    "visits": "序号 日期 房号 受访人 电话 走访方式 结果 反映诉求 办理情况 发现隐患 走访人"
    " 走访人签字 群众签字",
    "hazards": "序号 排查日期 排查人 部位 类别 描述 等级 责任户 被查户签名 整改要求（通知书编号） 期限 告知日"
    " 整改日 复查日 复查人 复查人签字 结果 是否回潮",
    "patrols": "序号 日期时间 巡查人 部位 通道/出口畅通 应急照明/指示 灭火器在位有效"
    " 电动车入户/飞线充电 可燃物堆放 巡查情况 处置 巡查人1签字 巡查人2签字 值班负责人签字",
    "needs": "序号 收集日期 户 类别 内容 联名户数 办理层级 承办人 结果 办结日 居民确认 回访日 满意度",
    "care": "序号 姓名 出生年份 住址 电话 紧急联系人（电话） 类别 风险等级 月均探访（次） 探访日期 方式"
    " 情况 探访内容 转介 发现的需求 探访人 探访人签字",
    "antifraud": "序号 日期 房号 对象 电话 是否安装国家反诈中心APP 宣传内容 宣传人",
    "moves": "序号 房号 住户 自住/租户 迁入 迁出",
    "volunteers": "序号 志愿者 日期 服务对象（房号） 服务内容 时长（小时） 记录人",
    "mediation": "序号 卷号 受理日期 案件来源 当事人（房号） 纠纷类型 调解人 调解经过 结果 协议书编号"
    " 回访日期 回访人 回访情况",
    "council": "序号 日期 地点 主持人 记录人 应到/实到 议题 户数 建议 表决（赞成/反对/弃权） 社区决定 落实",
}


@pytest.fixture
def demo(dyz: Runner, tmp_path: Path) -> str:
    """The sample community, with a need holding a formula and a phone typed into its text."""
    path = tmp_path / "demo.db"
    dyz("demo", "--to", str(path))
    dyz("--db", str(path), "petition", "add", "2-2-401", "--category", "维修",
        "--text", FORMULA, "--on", "2026-11-20")  # fmt: skip
    dyz("--db", str(path), "petition", "add", "2-2-401", "--category", "维修",
        "--text", "水管漏水，请打王师傅13912345678", "--on", "2026-11-21")  # fmt: skip
    return str(path)


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def ledger_json(dyz: Runner, demo: str, kind: str, *args: str) -> dict:  # type: ignore[type-arg]
    return json.loads(dyz("--db", demo, "ledger", kind, *PERIOD, *args, "-f", "json").stdout)


@pytest.mark.parametrize("kind", list(HEADERS))
def test_every_ledger_has_its_columns_masks_phones_and_runs_no_formula(
    dyz: Runner, demo: str, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"{kind}.xlsx"
    said = dyz("--db", demo, "ledger", kind, *PERIOD, "-o", str(target)).stderr
    assert str(target) in said and "行" in said
    rows = sheet_rows(target)
    # the care ledger says whom it is for under the period
    heading = [row[0] for row in rows[2:3]] if kind == "care" else []
    title, period, header = rows[0], rows[1], rows[2 + len(heading)]
    assert str(title[0]).startswith("芙蓉南路社区")
    assert period[0] == "2026-06-01 至 2026-11-30（全社区）"
    assert all(str(line).startswith("关爱对象：截至 2026-11-30") for line in heading)
    assert " ".join(str(h) for h in header) == HEADERS[kind]
    body = rows[3 + len(heading) :]
    assert body, "the sample community fills every ledger"
    numbers = [row[0] for row in body if isinstance(row[0], int)]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    text = " ".join(str(c) for row in body for c in row if c is not None)
    assert not FULL_PHONE.search(text), "a full phone in a ledger"
    assert FORMULA not in text.replace("'" + FORMULA, "")
    book = openpyxl.load_workbook(target)
    assert book.active is not None and book.active.freeze_panes == f"A{4 + len(heading)}"
    for cell in (c for row in book.active.iter_rows(min_row=4 + len(heading)) for c in row):
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    # the same ledger as CSV: the same rows, a BOM for Excel, the flats kept text
    as_csv = tmp_path / f"{kind}.csv"
    dyz("--db", demo, "ledger", kind, *PERIOD, "-o", str(as_csv))
    raw = as_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert " ".join(lines[1]) == HEADERS[kind]
    assert not FULL_PHONE.search(raw.decode("utf-8-sig"))


def test_the_visits_ledger(dyz: Runner, demo: str) -> None:
    ledger = ledger_json(dyz, demo, "visits")
    rows = ledger["rows"]
    assert len(rows) == 11 and rows == sorted(rows, key=lambda r: r["on"])
    luo = next(r for r in rows if r["household"] == "2-1-602")
    # one resident lives there and was met: dyz knows who it was, and masks the phone
    assert luo["resident"] == "罗永红" and luo["phone"] == "136****7072"
    assert luo["kind"] == "上门" and luo["outcome"] == "见到了" and luo["visitor"] == "胡德胜"
    nobody = next(r for r in rows if r["outcome"] == "家中无人")
    assert nobody["resident"] is None and nobody["phone"] is None  # never invented
    assert all(r["signature"] is None for r in rows)  # for pen
    assert ledger["notes"] == ["共走访 11 次。"]


def test_needs_heard_at_the_door_appear_in_the_visits_ledger(
    dyz: Runner, dyz_json, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    dyz("visit", "add", "2-2-301", "--on", "2026-11-20", "--need", "维修:楼道灯坏了",
        "--hazard", "飞线充电:3楼窗外")  # fmt: skip
    [row] = json.loads(
        dyz("ledger", "visits", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "json").stdout
    )["rows"]
    assert row["resident"] == "刘桂英" and row["phone"] == "138****5678"
    assert row["needs"] == "维修：楼道灯坏了" and row["handling"] == "已收集"
    assert row["hazards"] == "飞线充电：3楼窗外"


def test_the_hazards_ledger(dyz: Runner, demo: str) -> None:
    rows = ledger_json(dyz, demo, "hazards")["rows"]
    assert len(rows) == 11
    first = rows[0]  # the flying wire of September: told, fixed, re-inspected
    assert first["found_on"] == "2026-09-01" and first["kind"] == "飞线充电"
    assert (first["notified_on"], first["rectified_on"], first["verified_on"]) == (
        "2026-09-01",
        "2026-09-03",
        "2026-09-08",
    )
    assert first["verifier"] and first["result"] == "已复查" and first["recurrence"] == "否"
    assert any(r["recurrence"] == "是" for r in rows)  # it came back in November
    on_patrol = [r for r in rows if r["finder"] == "谭国强"]  # found by the building head
    assert [r["kind"] for r in on_patrol] == ["灭火器缺失/过期"]
    # each found by the unit head on the roster, as on their own laptop: never "演示电脑"
    assert {r["finder"] for r in rows} == {"周玉梅", "胡德胜", "何丽华", "邓立新", "谭国强"}
    assert any("逾期" in r["result"] for r in rows)


def test_the_patrols_ledger_shows_every_patrol_all_clear_included(dyz: Runner, demo: str) -> None:
    ledger = ledger_json(dyz, demo, "patrols")
    rows = ledger["rows"]
    assert len(rows) == 7
    clear = [r for r in rows if r["result"] == "正常"]
    assert len(clear) == 4
    checks = ("passage", "lighting", "extinguisher", "ebike", "combustibles")
    assert all(r[c] == "正常" for r in clear for c in checks)
    problem = next(r for r in rows if r["combustibles"] == "有问题")
    assert "4楼楼道堆放泡沫箱" in problem["result"]
    assert "已登记隐患" in problem["handling"] and "期限 2026-11-16" in problem["handling"]
    assert next(r for r in rows if r["where"] == "3栋")["patroller"] == "谭国强"
    assert ledger["notes"] == ["共巡查 7 次，其中一切正常 4 次。"]


def test_the_needs_ledger(dyz: Runner, demo: str) -> None:
    rows = ledger_json(dyz, demo, "needs")["rows"]
    parking = [r for r in rows if r["category"] == "停车"]
    # three households behind one matter, carried to the council, one already carried out
    assert {r["joint"] for r in parking} == {3}
    assert {r["level"] for r in parking} == {"“小巷回声”议事会"}
    assert any(r["result"] == "已落实" for r in parking)
    lamp = next(r for r in rows if "声控灯" in r["text"])
    assert lamp["level"] == "单元长" and lamp["result"] == "就地解决"
    assert lamp["settled_on"] == "2026-11-15"
    typed = next(r for r in rows if "王师傅" in r["text"])
    assert typed["text"] == "水管漏水，请打王师傅139****5678"


def test_the_care_ledger(dyz: Runner, demo: str) -> None:
    ledger = ledger_json(dyz, demo, "care")
    rows = ledger["rows"]
    liu = [r for r in rows if r["name"] == "刘桂英"]
    assert [r["on"] for r in liu] == ["2026-11-02", "2026-11-16"]  # a row per visit
    assert liu[0]["address"] == "2-2-301" and "独居老人" in liu[0]["category"]
    assert liu[0]["phone"] == "186****3936" and liu[0]["wellbeing"] == "一切安好"
    assert liu[0]["rate"] == 0.3  # two visits in the six months
    unvisited = [r for r in rows if r["on"] is None]  # on the ledger too, for all to see
    assert unvisited and all(r["visitor"] is None for r in unvisited)
    # who it is for, by the rule its first line says: the young only by a flag
    assert all(r["born"] <= 1966 or r["category"] in ("残疾", "需帮扶") for r in rows if r["born"])
    assert ledger["heading"][0].startswith("关爱对象：截至 2026-11-30 年满 60 周岁")
    # a knock that found nobody home is listed, not counted
    song = [r for r in rows if r["name"] == "宋永红"]
    assert [(r["on"], r["wellbeing"]) for r in song] == [
        ("2026-11-05", "家中无人"),
        ("2026-11-12", "见到了"),
    ]
    assert song[0]["rate"] == 0.2  # one visit met her: 1 ÷ 6 months
    people = len({(r["name"], r["address"]) for r in rows})
    met = len({(r["name"], r["address"]) for r in rows if r["rate"]})
    assert ledger["notes"][0].startswith(
        f"本期关爱对象 {people} 人，见到本人的 {met} 人（{met * 100 // people}%）"
    )


def test_the_antifraud_ledger_with_the_install_rate_per_unit(dyz: Runner, demo: str) -> None:
    ledger = ledger_json(dyz, demo, "antifraud")
    rows = ledger["rows"]
    liu = [r for r in rows if r["household"] == "2-2-301"]
    assert [r["app"] for r in liu] == ["否", "是"]  # installed on the second visit
    assert "常见骗术讲解" in liu[0]["content"]
    assert "2-2单元 安装率：12 户中 4 户已安装（33%）。" in ledger["notes"]


def test_the_moves_and_council_ledgers(dyz: Runner, demo: str) -> None:
    moves = ledger_json(dyz, demo, "moves")["rows"]
    newest = [r for r in moves if r["household"] == "2-2-502"]
    assert {r["resident"] for r in newest} == {"陈志明", "黄晓燕"}
    assert {(r["tenure"], r["moved_in"], r["moved_out"]) for r in newest} == {
        ("租户", "2026-11-10", None)
    }
    [meeting] = ledger_json(dyz, demo, "council")["rows"]
    assert meeting["households"] == 3 and "停车" in meeting["topic"]
    assert meeting["decision"].startswith("采纳 2026-11-12")
    assert meeting["done"] == "已落实 2026-11-20"


def test_a_scope_and_a_period_bound_the_rows(dyz: Runner, demo: str) -> None:
    rows = ledger_json(dyz, demo, "visits", "--scope", "unit:2-1")["rows"]
    assert rows and {r["household"][:3] for r in rows} == {"2-1"}
    november = json.loads(
        dyz(
            "--db",
            demo,
            "ledger",
            "visits",
            "--from",
            "2026-11-10",
            "--to",
            "2026-11-15",
            "-f",
            "json",
        ).stdout  # fmt: skip
    )["rows"]
    assert november and all("2026-11-10" <= r["on"] <= "2026-11-15" for r in november)


def test_dates_are_dates_in_the_workbook(dyz: Runner, demo: str, tmp_path: Path) -> None:
    target = tmp_path / "hazards.xlsx"
    dyz("--db", demo, "ledger", "hazards", *PERIOD, "-o", str(target))
    first = sheet_rows(target)[3]
    assert first[:2] == (1, datetime(2026, 9, 1))
    assert first[7] == "2-2-301"


def test_english_headers_when_the_interface_is_english(
    dyz: Runner, demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "patrols.xlsx"
    dyz("--lang", "en", "--db", demo, "ledger", "patrols", *PERIOD, "-o", str(target))
    rows = sheet_rows(target)
    assert rows[1][0] == "2026-06-01 to 2026-11-30 (the whole community)"
    assert rows[2][:4] == ("No.", "date and time", "patroller", "where")
    assert "in order" in [c for row in rows[3:] for c in row]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["ledger", "meetings"], "没有“meetings”这种台账"),
        (["ledger", "visits", "-o", "走访.docx"], ".xlsx、.csv、.md 或 .html"),
        (["ledger", "visits", "--from", "2026-12-01", "--to", "2026-11-01"], "请对调"),
        (["ledger", "visits", "--from", "昨儿"], "--from"),
        (["ledger", "visits", "--template", "nowhere"], "找不到台账模板“nowhere”"),
    ],
)
def test_a_wrong_ledger_request_is_one_line(
    dyz: Runner, demo: str, args: list[str], words: str
) -> None:
    before = snapshot(Path(demo))
    line = one_line_error(dyz("--db", demo, *args, code=1))
    assert words in line, line
    assert snapshot(Path(demo)) == before
    assert not list(Path(demo).parent.glob("走访.docx"))


EXAMPLE = Path(__file__).parents[1] / "examples" / "ledger-templates" / "走访台账-芙蓉南路.yaml"


def test_a_template_renames_reorders_drops_and_adds_columns(
    dyz: Runner, demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "走访.xlsx"
    dyz("--db", demo, "ledger", "--template", str(EXAMPLE), *PERIOD, "-o", str(target))
    rows = sheet_rows(target)
    assert rows[0][0] == "芙蓉南路社区入户走访登记表"
    assert rows[2] == (
        "序号", "走访日期", "户号", "受访人", "联系电话", "走访方式", "群众反映的问题", "办理情况",
        "走访人员", "走访人签字", "备注", "群众签字",
    )  # fmt: skip
    luo = next(r for r in rows[3:] if r[2] == "2-1-602")
    assert luo[3:5] == ("罗永红", "136****7072") and luo[9] is None and luo[10] is None


SHORT = EXAMPLE.with_name("巡查记录-简表.yaml")


def test_a_template_renames_moves_and_drops_the_number_and_the_signature_columns(
    dyz: Runner, demo: str, tmp_path: Path
) -> None:
    """序号 and the signature columns are columns like any other to a district's template."""
    renamed = ledger_json(dyz, demo, "patrols", "-t", str(SHORT))
    keys = [c["key"] for c in renamed["columns"]]
    assert keys[0] == "no" and renamed["columns"][0]["header"] == "编号"
    assert keys[-2:] == ["signature", "duty_signature"] and "signature_2" not in keys
    assert [r["no"] for r in renamed["rows"]] == list(range(1, len(renamed["rows"]) + 1))
    template = tmp_path / "t.yaml"
    template.write_text(
        "kind: visits\ncolumns: [household, {signature: 签名}, {no: 序}]\n", encoding="utf-8"
    )
    moved = ledger_json(dyz, demo, "visits", "-t", str(template))
    assert [(c["key"], c["header"]) for c in moved["columns"]] == [
        ("household", "房号"),
        ("signature", "签名"),
        ("no", "序"),
    ]
    dropped = tmp_path / "d.yaml"
    dropped.write_text("kind: visits\ncolumns: [on, household]\n", encoding="utf-8")
    target = tmp_path / "走访.xlsx"
    dyz("--db", demo, "ledger", "-t", str(dropped), *PERIOD, "-o", str(target))
    assert sheet_rows(target)[2] == ("日期", "房号")


def test_templates_beside_the_database_are_found_by_name_and_listed(
    dyz: Runner, demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "台账模板"
    folder.mkdir()
    (folder / "走访台账-芙蓉南路.yaml").write_bytes(EXAMPLE.read_bytes())
    (folder / "坏的.yaml").write_text("kind: visits\ncolumns: [on, nosuch]\n", encoding="utf-8")
    listing = dyz("--db", demo, "ledger", "--list").stdout
    for kind in HEADERS:
        assert f"  {kind}" in listing
    assert dyz("--db", demo, "ledger").stdout == listing  # no name: the list, as help says
    assert "走访台账-芙蓉南路" in listing and "芙蓉南路社区入户走访登记表" in listing
    assert "坏的" in listing
    monkeypatch.setenv("COLUMNS", "250")  # the ledger's columns side by side
    shown = dyz("--db", demo, "ledger", "visits", "-t", "走访台账-芙蓉南路", *PERIOD).stdout
    assert shown.splitlines()[0].split()[:3] == ["序号", "走访日期", "户号"]
    line = one_line_error(dyz("--db", demo, "ledger", "visits", "-t", "坏的", *PERIOD, code=1))
    assert "nosuch" in line and "household" in line  # names the columns it knows


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("kind: visits\ncolumns: [on\n", "line"),
        ("kind: meetings\ncolumns: [on]\n", "meetings"),
        ("kind: visits\n", "columns:"),
        ("kind: visits\ncolumns:\n  - on: [a, b]\n", "columns:"),
        ("- just a list\n", "kind:"),
        ("kind: hazards\ncolumns: [found_on]\n", "“hazards”台账用的"),
    ],
)
def test_a_wrong_template_is_one_line(
    dyz: Runner, demo: str, tmp_path: Path, text: str, words: str
) -> None:
    template = tmp_path / "t.yaml"
    template.write_text(text, encoding="utf-8")
    line = one_line_error(
        dyz("--db", demo, "ledger", "visits", "-t", str(template), *PERIOD, code=1)
    )
    assert words in line, line


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="no Chromium on this machine")
@pytest.mark.parametrize("kind", list(HEADERS))
def test_every_ledger_prints_on_a4_landscape(
    dyz: Runner, demo: str, tmp_path: Path, kind: str
) -> None:
    page = tmp_path / f"{kind}.html"
    dyz("--db", demo, "ledger", kind, *PERIOD, "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert "size: A4 landscape" in text and "内部资料 · 用后请销毁" in text
    assert "填表人" in text and "审核人" in text
    assert not FULL_PHONE.search(text) and "<script" not in text
    assert "&lt;" not in text or kind == "needs"  # only the formula text needs escaping
    pdf = tmp_path / f"{kind}.pdf"
    result = chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    # the care ledger lists everyone aged 60 and over, with a line to sign beside each: some
    # 60 people in the sample community, ten a sheet beside its 2022 columns (紧急联系人,
    # 风险等级, 探访内容, 转介)
    assert 1 <= len(pages) <= (6 if kind == "care" else 3)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (842, 595)
    # the table fits the printed width (277 mm, 1047 px): no column pushed off the sheet
    measured = tmp_path / f"{kind}-measured.html"
    measured.write_text(
        text.replace(
            "</body>",
            "<script>document.body.dataset.width ="
            " document.querySelector('table').scrollWidth</script></body>",
        ),
        encoding="utf-8",
    )
    dom = chromium(["--dump-dom", "--window-size=1047,740", measured.as_uri()], tmp_path).stdout
    width = re.search(r'data-width="(\d+)"', dom)
    assert width is not None and int(width.group(1)) <= 1047, width
    assert_well_laid_out(page, tmp_path, 277)


def test_a_day_or_a_flat_inside_a_printed_cell_is_never_broken(
    dyz: Runner, demo: str, tmp_path: Path
) -> None:
    """In free text (处置: 已登记隐患…期限 2026-11-16) a day, a flat and an id are kept on one
    line of the printed page however narrow the column."""
    page = tmp_path / "patrols.html"
    dyz("--db", demo, "ledger", "patrols", *PERIOD, "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert '期限 <span class="nobreak">2026-11-16</span>' in text


def test_the_hazards_ledger_names_who_found_each(dyz: Runner, stairwell: str) -> None:
    """The patroller of a patrol, the visitor of a visit, else the person who recorded it:
    the laptop's person, or one named for a command (--by); the laptop's name only when it
    knows no person."""
    dyz("hazard", "add", "--kind", "其他", "--where", "2-2 楼顶", "--on", "2026-11-19")
    dyz("config", "set", "visitor.name", "周玉梅")  # its former name still sets the person
    dyz("visit", "add", "2-2-301", "--on", "2026-11-20", "--hazard", "飞线充电:3楼窗外")
    dyz("patrol", "--unit", "2-2", "-p", "灭火器:1楼灭火器过期", "--on", "2026-11-21",
        "--by", "李建国")  # fmt: skip
    dyz("hazard", "add", "--kind", "其他", "--where", "2-2 楼顶", "--on", "2026-11-22")
    dyz("--by", "罗淑珍", "hazard", "add", "--kind", "其他", "--where", "2-2 1楼",
        "--on", "2026-11-23")  # fmt: skip
    rows = json.loads(
        dyz("ledger", "hazards", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "json").stdout
    )["rows"]
    assert [r["finder"] for r in rows] == ["王建国的电脑", "周玉梅", "李建国", "周玉梅", "罗淑珍"]


def test_a_ledger_is_named_by_its_chinese_title_too(dyz: Runner, demo: str) -> None:
    by_code = ledger_json(dyz, demo, "patrols")
    assert ledger_json(dyz, demo, "防火巡查记录") == by_code


def test_the_needs_ledger_has_the_return_visit_and_what_the_resident_said(
    dyz: Runner, stairwell: str
) -> None:
    """A need closed after asking the resident: 回访日 is that day, 满意度 their answer."""
    said = dyz("petition", "add", "2-2-301", "-c", "维修", "--text", "楼道灯坏了",
               "--on", "2026-11-02").stderr  # fmt: skip
    need = said.split("编号 ")[1][:8]
    dyz("petition", "resolve", need, "--note", "换了灯泡", "--on", "2026-11-02")
    refused = one_line_error(dyz("petition", "close", need, "--satisfaction", "凑合", code=1))
    assert "满意度" in refused and "满意" in refused
    dyz("petition", "close", need, "--confirmed-by-resident", "--satisfaction", "基本满意",
        "--on", "2026-11-09")  # fmt: skip
    [row] = json.loads(
        dyz("ledger", "needs", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "json").stdout
    )["rows"]
    assert (row["confirmed"], row["revisited_on"], row["satisfaction"]) == (
        "是",
        "2026-11-09",
        "基本满意",
    )


def test_every_builder_fills_only_the_columns_its_kind_declares(demo: str) -> None:
    """A row is keyed by text (a template picks its columns when it runs), so mypy cannot see
    a misspelt key in a builder: it would leave its column empty without a word."""
    from danyuanzhang.paperwork import ledgers
    from danyuanzhang.store import Store

    store = Store.open(Path(demo))
    try:
        within = ledgers.period(store, *PERIOD[1::2])
        for name, kind in ledgers.kinds().items():
            declared = {column.key for column in kind.columns}
            rows, _ = kind.build(store, within)
            assert rows, name
            assert {key for row in rows for key in row} <= declared, name
    finally:
        store.close()
