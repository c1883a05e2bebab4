"""A command typed wrong is answered in the reader's language, with no word of click's English
nor a parameter's name in it; counts may be written as people say them (三天, 十五, 两)."""

from __future__ import annotations

import re

import pytest

from danyuanzhang.errors import DyzError
from danyuanzhang.text.inputs import parse_count
from tests.conftest import Runner

MISTAKES = [
    (
        ("hazard", "add", "-k", "杂物堆放", "-w", "2-2 楼道", "--days", "很多"),
        "“很多”不是一个数",
    ),
    (("hazard", "fix"), "少了隐患编号，请写在命令后面：dyz hazard fix [选项] 隐患编号"),
    (("hazard", "add", "-w", "2-2 楼道", "--kind"), "--kind 后面要写上隐患类别"),
    (("hazard", "add", "-w", "2-2 楼道"), "少了隐患类别，请加上 -k, --kind"),
    (("hazard", "recurrence-days", "abc"), "天数 的值不对"),
    (("household", "list", "--formt", "json"), "是不是 --format？"),
    (("household", "list", "--format", "xml"), "只能是：table、json、csv"),
    (("hazard", "shw"), "没有 shw 这个命令，是不是 show？"),
    (("log", "--limit", "x"), "--limit 的值不对：“x”不是一个数"),
    (("household", "list", "--help=yes"), "--help 后面不用写值"),
]


def english_left(message: str, typed: tuple[str, ...]) -> list[str]:
    """The English words of a Chinese message once the command, its options, the metavars,
    the choices and what the user typed are taken out."""
    message = re.sub(r"dyz(?: [a-z][a-z-]*)*", "", message)
    message = re.sub(r"--?[a-z][a-z-]*|<[^>]*>|\b(?:table|json|csv|show)\b", "", message)
    words = set(re.findall(r"[A-Za-z]{2,}", message))
    return sorted(words - {w for arg in typed for w in re.findall(r"[A-Za-z]{2,}", arg)})


@pytest.mark.parametrize(("args", "said"), MISTAKES, ids=lambda a: " ".join(a))
def test_a_mistake_is_said_in_chinese_without_clicks_english(
    dyz: Runner, stairwell: str, args: tuple[str, ...], said: str
) -> None:
    result = dyz(*args, code=2)
    [line] = result.stderr.strip().splitlines()
    assert said in line and "--help" in line, line
    assert not english_left(line, args), line


def test_a_missing_argument_in_english_names_it_in_words(dyz: Runner, stairwell: str) -> None:
    line = dyz("--lang", "en", "hazard", "fix", code=2).stderr.strip()
    assert line.startswith("Missing hazard id or prefix: give it after the command"), line


def test_a_wrong_option_names_the_help_of_its_own_command(dyz: Runner, stairwell: str) -> None:
    line = dyz("visit", "due", "--on", code=2).stderr.strip()
    assert line.endswith("写法见：dyz visit due --help"), line


@pytest.mark.parametrize(
    ("typed", "count"),
    [("3", 3), ("３", 3), ("三", 3), ("两", 2), ("十五", 15), ("二十", 20), ("一百零五", 105)]
    + [("三天", 3), ("15天", 15), ("两百", 200)],
)
def test_counts_are_read_as_people_write_them(typed: str, count: int) -> None:
    assert parse_count(typed) == count


@pytest.mark.parametrize("typed", ["", "很多", "五五", "十十", "-3", "三点五", "3.5"])
def test_what_is_not_a_count_is_refused(typed: str) -> None:
    with pytest.raises(DyzError):
        parse_count(typed)


def test_days_and_limits_take_chinese_numerals(dyz: Runner, dyz_json, stairwell: str) -> None:
    for flat, days in (("2-2-301", "三天"), ("2-2-302", "十五")):
        dyz("hazard", "add", "--kind", "杂物堆放", "-w", "2-2 楼道", "--household", flat,
            "--on", "2026-12-01", "--days", days)  # fmt: skip
    dues = sorted(h["due"] for h in dyz_json("hazard", "list"))
    assert dues == ["2026-12-04", "2026-12-16"]
    assert len(dyz_json("log", "--limit", "两")) == 2
    assert "15" in dyz("hazard", "recurrence-days", "十五").stderr
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "楼道灯坏了", "--on", "2026-11-01")
    assert len(dyz_json("petition", "list", "--older-than", "十")) == 1


def test_a_setting_in_days_takes_chinese_numerals(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("config", "set", "visit.cadence.elderly_alone", "十天")
    settings = {s["key"]: s["value"] for s in dyz_json("config", "list")}
    assert settings["visit.cadence.elderly_alone"] == 10
