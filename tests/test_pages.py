"""Every printed page laid out for its paper, measured in headless Chromium with realistic data
(the sample community) and with long data (the longest names, a 12-character estate, 30 needs,
a long note): how many sheets, nothing running off its sheet or out of its cell, no name, flat,
day or phone broken across lines, no text under 12 pt (tests/pages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.pages import PAPER, assert_well_laid_out, chromium, needs_browser, printed

pytestmark = needs_browser

A4 = (595, 842)  # points
A5 = (420, 595)
LONG_ESTATE = "芙蓉南路新芙蓉之都花园小"  # 12 characters


@pytest.fixture
def demo(dyz: Runner, tmp_path: Path) -> list[str]:
    db = ["--db", str(tmp_path / "demo.db")]
    dyz("demo", "--to", db[1])
    return db


@pytest.fixture
def long(dyz: Runner, tmp_path: Path) -> list[str]:
    """A notebook of long data: a 12-character estate, five-character names, 30 needs sent to
    the council with long texts and phones in them, a hazard with a long note."""
    db = ["--db", str(tmp_path / "long.db")]
    dyz(*db, "init", "--community", "芙蓉南路街道新芙蓉之都社区")
    dyz(*db, "household", "add", "12-3-2501", "--estate", LONG_ESTATE)
    dyz(*db, "household", "add", "12-3-2502", "--estate", LONG_ESTATE)
    for name in ("欧阳秀兰英", "司马建国华", "诸葛丽华芳"):
        dyz(*db, "resident", "add", "12-3-2501", "--name", name, "--phone", "13812345678",
            "--flag", "独居老人")  # fmt: skip
    dyz(*db, "roster", "add", "--role", "unit_head", "--name", "欧阳玉梅芳", "--phone",
        "13907310202", "--scope", "12-3", "--estate", LONG_ESTATE)  # fmt: skip
    for n in range(30):
        said = dyz(*db, "petition", "add", "12-3-2501" if n % 2 else "12-3-2502",
                   "--category", ["停车", "维修", "环境卫生"][n % 3],
                   "--text", f"第{n + 1}件：楼下电动车乱停，晚上回家进不了单元门，王大爷 138 1234 5678 "
                   "说了好几次，请物业和社区一起想办法解决，最好在楼侧划一块停车区域",
                   "--on", f"2026-11-{n % 20 + 1:02d}").stderr  # fmt: skip
        petition = said.split("编号 ")[1][:8]
        dyz(*db, "petition", "escalate", petition, "--to", "议事会", "--on", "2026-11-21")
    dyz(*db, "hazard", "add", "--kind", "飞线充电", "--where", "12-3 25楼东侧窗外至一楼停车棚",
        "--household", "12-3-2501", "--on", "2026-11-20", "--due", "2026-11-27",
        "--note", "从二十五楼窗口垂下一根电线给楼下电动车充电，电线外皮已经破损，下雨天容易漏电，"
        "楼下常有小孩玩耍，十分危险，房东电话 139 0731 8888，已经当面提醒过两次" * 2,
        "--estate", LONG_ESTATE)  # fmt: skip
    return db


def page_of(dyz: Runner, tmp_path: Path, name: str, *command: str) -> Path:
    page = tmp_path / f"{name}.html"
    dyz(*command, "-o", str(page))
    return page


def printable_width(paper: str, margin_mm: float) -> float:
    return PAPER[paper][0] - 2 * margin_mm


def test_a_unit_s_weekly_report_fits_one_a4_sheet(
    dyz: Runner, demo: list[str], tmp_path: Path
) -> None:
    page = page_of(dyz, tmp_path, "unit", *demo, "report", "--week", "2026-W46", "--scope",
                   "unit:2-2", "-f", "html")  # fmt: skip
    assert printed(page, tmp_path) == (1, A4)
    assert_well_laid_out(page, tmp_path, printable_width("A4", 13))
    text = page.read_text(encoding="utf-8")
    assert "@top-center" in text and "counter(pages)" in text and "内部资料 · 用后请销毁" in text
    assert text.count("<svg") == 3
    png = tmp_path / "report.png"
    shot = chromium([f"--screenshot={png}", "--window-size=800,1200", page.as_uri()], tmp_path)
    assert shot.returncode == 0 and png.stat().st_size > 10_000  # drawn, not blank


@pytest.mark.parametrize("notebook", ["demo", "long"])
def test_a_community_s_weekly_report_fits_three_a4_sheets(
    dyz: Runner, tmp_path: Path, notebook: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(notebook)
    page = page_of(dyz, tmp_path, notebook, *db, "report", "--week", "2026-11-26", "-f", "html")
    sheets, size = printed(page, tmp_path)
    assert 1 <= sheets <= 3 and size == A4
    assert_well_laid_out(page, tmp_path, printable_width("A4", 13))


def test_a_redacted_report_carries_no_footer_about_personal_data(
    dyz: Runner, demo: list[str], tmp_path: Path
) -> None:
    page = page_of(dyz, tmp_path, "redacted", *demo, "report", "--week", "2026-W46", "--redact",
                   "-f", "html")  # fmt: skip
    assert "用后请销毁" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("notebook", ["demo", "long"])
def test_the_agenda_s_columns_fit_what_they_hold(
    dyz: Runner, tmp_path: Path, notebook: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(notebook)
    page = page_of(dyz, tmp_path, f"agenda-{notebook}", *db, "council", "agenda", "--date",
                   "2026-11-26", "-f", "html")  # fmt: skip
    sheets, size = printed(page, tmp_path)
    assert size == A4 and sheets <= (1 if notebook == "demo" else 6)
    assert_well_laid_out(page, tmp_path, printable_width("A4", 13))


@pytest.mark.parametrize("notebook", ["demo", "long"])
def test_the_walk_sheet_never_splits_a_name(
    dyz: Runner, tmp_path: Path, notebook: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(notebook)
    page = page_of(dyz, tmp_path, f"walk-{notebook}", *db, "visit", "due", "--not-due", "--on",
                   "2026-11-26", "-f", "html")  # fmt: skip
    sheets, size = printed(page, tmp_path)
    assert size == A4 and 1 <= sheets <= 8
    assert_well_laid_out(page, tmp_path, printable_width("A4", 13))
    assert "用后请销毁" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("paper", ["a5", "a4"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_notice_fits_one_sheet_with_its_receipt(
    dyz: Runner, dyz_json, long: list[str], tmp_path: Path, paper: str, lang: str
) -> None:
    [hazard] = dyz_json(*long, "hazard", "list")
    page = page_of(dyz, tmp_path, f"notice-{paper}", "--lang", lang, *long, "hazard", "notice",
                   hazard["id"][:8], "--on", "2026-11-21", "-f", "html", "--paper", paper)  # fmt: skip
    assert printed(page, tmp_path) == (1, A5 if paper == "a5" else A4)
    assert_well_laid_out(page, tmp_path, printable_width(paper.upper(), 10))
    text = page.read_text(encoding="utf-8")
    assert ("回执" if lang == "zh" else "Receipt") in text and "139 0731 8888" not in text
    # A5 quotes the long note up to a pause, A4 holds it, its phone masked
    assert ("……" in text) if paper == "a5" else ("139****8888" in text)


@pytest.mark.parametrize("paper", ["a5", "a4"])
@pytest.mark.parametrize("notebook", ["demo", "long"])
def test_the_card_fits_one_sheet(
    dyz: Runner, tmp_path: Path, paper: str, notebook: str, request: pytest.FixtureRequest
) -> None:
    db = request.getfixturevalue(notebook)
    unit = ["--unit", "2-2"] if notebook == "demo" else ["--unit", "12-3", "--estate", LONG_ESTATE]
    page = page_of(dyz, tmp_path, f"card-{paper}", *db, "card", *unit, "-f", "html", "--paper",
                   paper)  # fmt: skip
    assert printed(page, tmp_path) == (1, A5 if paper == "a5" else A4)
    assert_well_laid_out(page, tmp_path, printable_width(paper.upper(), 8))
    assert "119" in page.read_text(encoding="utf-8")
