"""A redacted report (`--redact`, and always the WeChat text) never ties a flat to a
vulnerability or an absence: which flat has an old woman living alone and often out is not for
the group chat. It counts them instead ("独居老人 1 户（哪几户见纸质版）"). Every form and both
languages are read section by section: no flat stands in one beside a flag or an absence."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from danyuanzhang.text.vocab import BUILTIN_FLAGS, FLAG_WORDS
from tests.conftest import Runner

# 2-2-301, or 2栋2单元301室 as the printed page writes it
FLAT = re.compile(r"(?<![\d-])\d{1,3}(?:-\d{1,2}-|栋\d{1,2}单元)\d{3,4}(?![\d-])")
ABSENCE = ("家中无人", "无人", "没见到", "未见到", "不在家", "从未走访", "未宣传", "没讲过")
ABSENCE += ("not home", "nobody", "never visited", "not briefed")
TIED = (
    *(label for labels in BUILTIN_FLAGS.values() for label in labels),
    *FLAG_WORDS,
    *("老人", "迁入", "moved in", "alone", "刘桂英", "孙丽", "灯坏了"),
    *ABSENCE,
)
WEEK = ["--week", "2026-W47"]


@pytest.fixture
def vulnerable_week(dyz: Runner, stairwell: str) -> str:
    """In W47 (Nov 16–22): 刘桂英 of 2-2-301, living alone, not at home when knocked; a
    resident of 2-2-402 needing help, never visited; 孙丽 moving into 2-2-302, not briefed;
    a need of 2-2-301 in her own words; a hazard at 2-2-401 overdue."""
    dyz("visit", "add", "2-2-301", "--on", "2026-11-18", "--outcome", "not_home")
    dyz("resident", "add", "2-2-402", "--name", "周国强", "--flag", "需帮扶")
    dyz("resident", "add", "2-2-302", "--name", "孙丽", "--moved-in", "2026-11-17")
    dyz("petition", "add", "2-2-301", "--category", "维修", "--on", "2026-11-10",
        "--text", "独居老人刘桂英家楼道灯坏了，常家中无人")  # fmt: skip
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 4楼窗外", "--household",
        "2-2-401", "--on", "2026-11-09", "--days", "3")  # fmt: skip
    return stairwell


def sections_of(form: str, text: str) -> list[str]:
    """The parts of a report that a reader takes together: a section of the text or the
    Markdown, a section of the page, a row of the CSV."""
    if form == "html":
        body = text[text.find("<body") :]
        return [
            html.unescape(re.sub(r"<[^>]+>", " ", part))
            for part in re.split(r"<section|<h1|<h2", body)
        ]
    if form == "csv":
        return text.splitlines()
    return re.split(r"\n\s*\n|^#+ |【", text, flags=re.M)


def ties(part: str) -> list[tuple[str, str]]:
    flats = FLAT.findall(part)
    return [(flat, word) for flat in flats for word in TIED if word.lower() in part.lower()]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scope", ["unit:2-2", "community"])
@pytest.mark.parametrize(
    ("form", "redact"),
    [("text", []), ("text", ["--redact"]), ("md", ["--redact"]), ("table", ["--redact"])]
    + [("html", ["--redact"]), ("csv", ["--redact"])],
)
def test_no_flat_beside_a_flag_or_an_absence(
    dyz: Runner, vulnerable_week: str, lang: str, scope: str, form: str, redact: list[str]
) -> None:
    made = dyz("--lang", lang, "report", *WEEK, "--scope", scope, "-f", form, *redact).stdout
    assert FLAT.search(made), "the overdue hazard's flat is still named: the check can see flats"
    for part in sections_of(form, made):
        assert not ties(part), (ties(part), part)


@pytest.mark.parametrize("scope", ["unit:2-2", "community"])
def test_the_redacted_figures_carry_no_flat_beside_a_reason(
    dyz_json, vulnerable_week: str, scope: str
) -> None:
    r = dyz_json("report", *WEEK, "--scope", scope, "--redact")

    def objects(value: Any) -> list[dict[str, Any]]:
        if isinstance(value, dict):
            return [value] + [o for v in value.values() for o in objects(v)]
        if isinstance(value, list):
            return [o for v in value for o in objects(v)]
        return []

    for found in objects(r):
        flat = [v for v in found.values() if isinstance(v, str) and FLAT.search(v)]
        if flat:
            keys = set(found) & {"reason", "last_outcome", "moved_in", "briefed", "text", "name"}
            assert not keys, (flat, found)
    assert [home["reason"] for home in r["visits"]["vulnerable_not_reached"]] == [
        "elderly_alone",
        "needs_help",
    ]


def test_the_group_is_told_how_many_and_where_to_look(dyz: Runner, vulnerable_week: str) -> None:
    text = dyz("report", *WEEK, "--scope", "unit:2-2", "-f", "text").stdout
    assert "独居、需帮扶未按时走访：独居老人 1 户；需帮扶 1 户（哪几户见纸质版）" in text
    assert "本周迁入：1 人，其中 1 人还没讲过骗术（哪几户见纸质版）" in text
    assert "最久的一条：维修，已 12 天（" in text
    assert "逾期未改：飞线充电（2-2-401，逾期 10 天）" in text  # a hazard is not a person's
    printed = dyz("report", *WEEK, "--scope", "unit:2-2").stdout.replace("\n", "")
    assert "2-2-301（独居老人，还没见到人，上次11月18日家中无人）" in printed  # the paper names it
    assert "2-2-302 孙丽（未宣传）" in printed
