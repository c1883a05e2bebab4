"""`--help` entirely in the reader's language, wrapped at the terminal's width and never cut."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.cli.helptext import side
from danyuanzhang.text.i18n import set_lang
from danyuanzhang.text.width import display_width, wrap
from tests.conftest import Runner
from tests.test_conventions import all_commands

GROUPS = [[], ["hazard"], ["household"], ["members"], ["peers"], ["visit"]]
PATHS = [*GROUPS, *all_commands()]
ENGLISH_OWN_WORDS = re.compile(
    r"Usage|Options|Arguments|Commands|required|default:|Show this message|completion for"
)
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def prose(text: str) -> str:
    """Text without what is quoted or given as an example: those may be in Chinese."""
    return re.sub(
        r"`[^`]*`|\"[^\"]*\"|“[^”]*”|\S*[\u4e00-\u9fff]\S*\.(xlsx|html|yaml|csv)", "", text
    )


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "dyz")
def test_help_in_chinese_has_no_english_of_click_or_typer(dyz: Runner, path: list[str]) -> None:
    text = dyz(*path, "--help").stdout
    assert text.startswith("用法：dyz") and "选项：" in text and "显示本帮助" in text
    assert not ENGLISH_OWN_WORDS.search(text), text
    assert "…" not in text and " · " not in text, text
    assert all(display_width(line) <= 80 for line in text.splitlines()), text


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "dyz")
def test_help_in_english_has_no_chinese_but_examples(dyz: Runner, path: list[str]) -> None:
    text = dyz("--lang", "en", *path, "--help").stdout
    assert text.startswith("Usage: dyz") and "Options:" in text
    assert not re.search("用法|选项|必填|默认", text), text
    assert not CJK.search(prose(text)), prose(text)
    assert "…" not in text


def test_completion_is_offered_once_at_the_top(dyz: Runner) -> None:
    assert "--install-completion" in dyz("--help").stdout
    for path in all_commands():
        assert "--install-completion" not in dyz(*path, "--help").stdout, path


def test_required_and_defaults_are_said_in_chinese(dyz: Runner) -> None:
    add = dyz("hazard", "add", "--help").stdout
    assert re.search(r"--kind <文字>\s+隐患类别", add) and "[必填]" in add
    assert "--on <日期>" in add
    assert "--to <日期>" in dyz("patrol", "list", "--help").stdout


def test_to_is_a_date_only_where_it_names_a_date(dyz: Runner) -> None:
    """`--to` is whom a matter goes to on escalate and on a mediation step, not a day."""
    for path in (("petition", "escalate"), ("mediation", "step")):
        shown = dyz(*path, "--help").stdout
        assert "--to <文字>" in shown and "--to <日期>" not in shown, path
        english = dyz("--lang", "en", *path, "--help").stdout
        assert "--to <str>" in english and "<date>" not in english.split("--to")[1].split("\n")[0]
    assert "[默认 table]" in dyz("household", "list", "--help").stdout
    assert "用法：dyz hazard show [选项] 隐患编号" in dyz("hazard", "show", "--help").stdout


def test_help_wraps_at_the_real_width(dyz: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    wide = dyz("hazard", "add", "--help").stdout.splitlines()
    assert max(display_width(line) for line in wide) > 80
    monkeypatch.setenv("COLUMNS", "50")
    narrow = dyz("hazard", "add", "--help").stdout.splitlines()
    assert max(display_width(line) for line in narrow) <= 50


@pytest.mark.parametrize(
    ("text", "chinese", "english"),
    [
        ("小区名称 · estate", "小区名称", "estate"),
        (
            "登记隐患 · Record a hazard, e.g. `dyz hazard add`.",
            "登记隐患。例如：`dyz hazard add`",
            "Record a hazard, e.g. `dyz hazard add`.",
        ),
        ("txt | md | html", "txt | md | html", "txt | md | html"),
    ],
)
def test_each_language_reads_its_own_side(text: str, chinese: str, english: str) -> None:
    try:
        set_lang("zh")
        assert side(text) == chinese
        set_lang("en")
        assert side(text) == english
    finally:
        set_lang("zh")


@pytest.mark.parametrize(
    "text",
    [
        "2-2-602 已经 6 天没有走访了（上次 2026-11-20），独居老人王大爷需要帮扶，登记在2栋2单元602室",
        "Visits due for the elderly living alone, most overdue first, then households never visited",
        "截至 12月1日，本周入户走访 11 次，排查隐患 3 处（2026-11-30—2026-12-06），请于12月6日前整改",
    ],
)
@pytest.mark.parametrize("width", [20, 24, 31, 40])
def test_wrapping_never_breaks_inside_a_word_a_date_or_a_flat(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    whole = re.findall(r"[0-9][0-9\-—.:/]*[0-9]|[A-Za-z]+|\d+[月日号天栋室楼次处]|单元\d+", text)
    joined = "\n".join(lines)
    for piece in whole:
        if display_width(piece) + 4 <= width:
            assert piece in joined, (piece, lines)
    assert not any(line.startswith(("，", "。", "）", "、")) for line in lines), lines
    assert not any(line.endswith("（") for line in lines), lines


@given(st.text(alphabet="王建国，。（）2026-12-10 abc中", max_size=30), st.integers(1, 6))
def test_wrapping_to_the_narrowest_widths_keeps_every_character(text: str, width: int) -> None:
    """A terminal a few columns wide still gets every character, none lost or doubled, and no
    line left empty inside a paragraph (a character wider than the line stands alone)."""
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(line or len(lines) == 1 for line in lines), lines
