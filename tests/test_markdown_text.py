"""Markdown pages show residents' words as text: no tag, no split table cell, no stray heading,
whatever a petition, a name or a place holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from danyuanzhang.text.markdown import md_cell, md_text
from tests.conftest import Runner

HOSTILE = "<script>alert(1)</script> a|b `c` d\\|e"
NAME = "<script>alert(1)</script>|`"  # a name is at most 40 characters


def cells(line: str) -> list[str]:
    """A table row's cells as a Markdown renderer splits them: at each `|` not escaped."""
    found, current, escaped = [], "", False
    for ch in line.strip()[1:-1]:
        if escaped:
            current, escaped = current + ch, False
        elif ch == "\\":
            current, escaped = current + ch, True
        elif ch == "|":
            found, current = [*found, current], ""
        else:
            current += ch
    return [*found, current]


def tables_hold_together(page: str) -> int:
    """Every table's rows have as many cells as its header; how many rows were checked."""
    checked, width = 0, None
    for line in page.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        if width is None:
            width = len(cells(line))
            continue
        if set(line) <= set("|-:"):
            continue
        assert len(cells(line)) == width, line
        checked += 1
    return checked


def shows_no_markup(page: str) -> None:
    assert "<script" not in page and "</script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.fixture
def hostile(dyz: Runner, estate: str) -> str:
    """A petition escalated to the council and a hazard whose words are markup."""
    said = dyz(
        "petition", "add", "2-2-301", "--category", "停车", "--text", HOSTILE,
        "--on", "2026-11-02",
    ).stderr  # fmt: skip
    petition = said.split("编号 ")[1][:8]
    dyz("petition", "escalate", petition, "--to", "council", "--on", "2026-11-10")
    dyz("hazard", "add", "--kind", "blocked_exit", "--where", f"2-2 {HOSTILE}",
        "--on", "2026-11-09", "--days", "3")  # fmt: skip
    return petition


def test_the_agenda(dyz: Runner, hostile: str) -> None:
    page = dyz("council", "agenda", "--date", "2026-11-26", "--format", "md").stdout
    shows_no_markup(page)
    assert tables_hold_together(page) == 1
    assert "a\\|b \\`c\\` d\\\\\\|e" in page


def test_the_report(dyz: Runner, hostile: str) -> None:
    page = dyz("report", "--week", "2026-W46", "--all", "-f", "md").stdout
    shows_no_markup(page)
    assert tables_hold_together(page) > 5


def test_the_ledger_page(dyz: Runner, hostile: str, tmp_path: Path) -> None:
    page = tmp_path / "隐患.md"
    dyz("ledger", "hazards", "--from", "2026-11-01", "--to", "2026-11-30", "--all",
        "-o", str(page))  # fmt: skip
    text = page.read_text(encoding="utf-8")
    shows_no_markup(text)
    assert tables_hold_together(text) == 1


def test_the_card(dyz: Runner, estate: str) -> None:
    dyz("roster", "add", "--role", "unit_head", "--name", NAME, "--phone", "13907310202",
        "--scope", "2-2", "--duties", "# 入户走访 | `排查`")  # fmt: skip
    page = dyz("card", "--unit", "2-2", "--format", "md").stdout
    shows_no_markup(page)
    assert "## 单元长：&lt;script&gt;alert(1)&lt;/script&gt;\\|\\`\n" in page
    assert "- 职责：# 入户走访 \\| \\`排查\\`\n" in page  # mid-line, `#` is no heading


def test_the_community_named_in_markup(dyz: Runner) -> None:
    dyz("init", "--community", "<b>芙蓉</b>南路社区")
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    said = dyz("petition", "add", "2-2-301", "--category", "停车", "--text", "乱停车",
               "--on", "2026-11-02").stderr  # fmt: skip
    dyz("petition", "escalate", said.split("编号 ")[1][:8], "--to", "council", "--on", "2026-11-10")
    page = dyz("council", "agenda", "--date", "2026-11-26", "--format", "md").stdout
    assert "**&lt;b&gt;芙蓉&lt;/b&gt;南路社区**" in page


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# 标题", "\\# 标题"),
        ("> 引用", "&gt; 引用"),
        ("- 一项", "\\- 一项"),
        ("* 一项", "\\* 一项"),
        ("1. 一项", "1\\. 一项"),
        ("[点这里](http://x)", "\\[点这里\\](http://x)"),
        ("A&amp;B", "A&amp;amp;B"),
        ("第一行\n# 第二行", "第一行 # 第二行"),
        ("楼道\x1b[2J", "楼道␛[2J"),
        ("2-2-301", "2-2-301"),
    ],
)
def test_text_that_would_render_as_markup_is_escaped(text: str, shown: str) -> None:
    assert md_text(text) == shown


def test_a_cell_keeps_what_only_starts_a_line() -> None:
    assert md_cell("-3") == "-3" and md_cell("138****5678") == "138****5678"
