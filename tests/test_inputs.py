"""What people type, read on its own (text/inputs.py): each reader's edges, where one more
character, digit or day is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.errors import DyzError
from danyuanzhang.text import inputs
from danyuanzhang.text.inputs import HouseholdRef, UnitRef


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2-2-301", ("2", "2", "301")),
        (" 2 - 02 - 301 ", ("2", "2", "301")),
        ("a-1-b12", ("A", "1", "B12")),
        ("ABCDEFGH-999-ABCDEFGH", ("ABCDEFGH", "999", "ABCDEFGH")),
        ("2栋2单元301室", ("2", "2", "301")),
        ("2幢2单元301", ("2", "2", "301")),
        ("2号楼2单元301室", ("2", "2", "301")),
        ("2栋A单元301", ("2", "A", "301")),
        ("２－２－３０１", ("2", "2", "301")),
    ],
)
def test_a_flat_is_read_however_it_is_written(typed: str, read: tuple[str, str, str]) -> None:
    assert inputs.parse_ref(typed) == HouseholdRef(*read)


@pytest.mark.parametrize(
    "typed",
    [
        "2-2",
        "2-2-301-1",
        "ABCDEFGHI-1-301",
        "2-1000-301",
        "2-2-ABCDEFGHI",
        "2-x-301",
        "",
        "2栋2单元",
    ],
)
def test_what_is_not_a_flat_is_refused(typed: str) -> None:
    with pytest.raises(DyzError) as refused:
        inputs.parse_ref(typed)
    assert refused.value.key == "bad_ref" and refused.value.params == {"text": typed}


def test_a_unit_and_a_building_are_read_and_a_unit_wins_over_its_building() -> None:
    assert inputs.parse_unit("2-02") == UnitRef("2", "2") and str(UnitRef("2", "2")) == "2-2"
    assert inputs.parse_unit("b3栋2单元") == UnitRef("B3", "2")
    assert inputs.parse_unit("2号楼12单元") == UnitRef("2", "12")
    for typed in ("2-1000", "2-A", "2", "2-2-301"):
        with pytest.raises(DyzError) as refused:
            inputs.parse_unit(typed)
        assert refused.value.key == "bad_unit" and refused.value.params == {"text": typed}
    assert [inputs.parse_building(b) for b in ("2", "2栋", "b2幢", "2号楼", "2楼")] == [
        "2",
        "2",
        "B2",
        "2",
        "2",
    ]
    with pytest.raises(DyzError) as refused:
        inputs.parse_building("2-2")
    assert refused.value.key == "bad_building" and refused.value.params == {"text": "2-2"}
    assert inputs.place_of("2-3", "9栋") == ("2", "3")
    assert inputs.place_of(None, "9栋") == ("9", None)
    assert inputs.place_of(None, None) == inputs.place_of("", "") == (None, None)


NOW = date(2026, 12, 8)  # a Tuesday


@pytest.mark.parametrize(
    ("typed", "past", "day"),
    [
        ("今天", False, NOW),
        ("前天", False, NOW - timedelta(days=2)),
        ("大前天", False, NOW - timedelta(days=3)),
        ("大后天", False, NOW + timedelta(days=3)),
        ("3天前", False, NOW - timedelta(days=3)),
        ("十天以后", False, NOW + timedelta(days=10)),
        ("两天后", False, NOW + timedelta(days=2)),
        ("周一", False, date(2026, 12, 7)),
        ("星期五", False, date(2026, 12, 11)),
        ("星期五", True, date(2026, 12, 4)),  # the Friday just gone
        ("礼拜天", False, date(2026, 12, 13)),
        ("上周日", True, date(2026, 12, 6)),
        ("下周三", False, date(2026, 12, 16)),
        ("本周二", True, NOW),
        ("2026-2-3", False, date(2026, 2, 3)),
        ("2025年12月31日", False, date(2025, 12, 31)),
        ("12-31", False, date(2026, 12, 31)),
        ("1月5日", True, date(2026, 1, 5)),
        ("2月6号", True, date(2026, 2, 6)),  # 60 days ahead at most would be this year's
        ("20号", False, date(2026, 12, 20)),
        ("20号", True, date(2026, 11, 20)),  # a day done: last month's
        ("8号", True, NOW),
        ("周二", True, NOW),  # today is the Tuesday just gone
    ],
)
def test_a_day_is_read_from_a_fixed_today(typed: str, past: bool, day: date) -> None:
    assert inputs.read_day(typed, NOW, past) == day


def test_a_month_and_day_more_than_sixty_days_ahead_is_last_year_s_for_a_day_done() -> None:
    january = date(2027, 1, 10)
    assert inputs.read_day("3-11", january, past=True) == date(2027, 3, 11)  # 60 days ahead
    assert inputs.read_day("3-12", january, past=True) == date(2026, 3, 12)  # 61 days ahead
    assert inputs.read_day("3-12", january, past=False) == date(2027, 3, 12)
    assert inputs.read_day("31号", date(2027, 3, 1), past=True) is None  # no 31 Feb


@pytest.mark.parametrize(
    "typed", ["1000天前", "十一天前", "周八", "2026-13-01", "32号", "上周", "明年"]
)
def test_what_names_no_day_is_none(typed: str) -> None:
    assert inputs.read_day(typed, NOW, past=False) is None


def test_a_day_given_or_today() -> None:
    today = date.today().isoformat()
    assert inputs.today() == today
    assert inputs.day_or_today(None) == inputs.day_it_happened(None) == today
    assert inputs.day_or_today("2030-01-02") == "2030-01-02"
    assert inputs.day_or_today("明天") == (date.today() + timedelta(days=1)).isoformat()
    with pytest.raises(DyzError) as refused:
        inputs.day_it_happened("2030-01-02", "--at")
    assert refused.value.key == "date_in_future"
    assert refused.value.params["option"] == "--at" and refused.value.params["text"] == "2030-01-02"
    with pytest.raises(DyzError) as refused:
        inputs.day_or_today("2030/13/02", "--due")
    assert refused.value.key == "bad_date"
    assert refused.value.params == {"text": "2030/13/02", "option": "--due"}
    # an option not named is --on
    for read in (inputs.day_or_today, inputs.day_it_happened, inputs.parse_date):
        with pytest.raises(DyzError) as refused:
            read("2030-13-02")
        assert refused.value.params == {"text": "2030-13-02", "option": "--on"}
    with pytest.raises(DyzError) as refused:
        inputs.day_it_happened("2030-01-02")
    assert refused.value.params["option"] == "--on"
    assert inputs.parse_date("2026.11.20") == inputs.parse_date("2026/11/20") == "2026-11-20"


class OnATuesday(date):
    """`date` as text/inputs.py sees it, on Tuesday 8 December 2026."""

    @classmethod
    def today(cls) -> OnATuesday:
        return cls(2026, 12, 8)


def test_a_day_and_a_week_are_read_from_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "date", OnATuesday)
    assert inputs.parse_date("周五", past=True) == "2026-12-04"
    assert inputs.parse_date("周五") == "2026-12-11"
    assert inputs.parse_week("本周") == ("2026-12-07", "2026-12-13")
    assert inputs.parse_week("上周") == ("2026-11-30", "2026-12-06")
    assert inputs.parse_week("周日") == ("2026-12-07", "2026-12-13")


def test_a_week_is_its_monday_and_its_sunday() -> None:
    assert inputs.parse_week("2026-W48") == ("2026-11-23", "2026-11-29")
    assert inputs.parse_week("2026w1") == ("2025-12-29", "2026-01-04")
    assert inputs.parse_week("2026-11-26") == ("2026-11-23", "2026-11-29")
    assert inputs.parse_week("2026-11-29") == ("2026-11-23", "2026-11-29")
    monday = date.today() - timedelta(days=date.today().weekday())
    for typed, weeks in (("本周", 0), ("这星期", 0), ("上周", -1), ("下礼拜", 1)):
        start = monday + timedelta(weeks=weeks)
        assert inputs.parse_week(typed) == (
            start.isoformat(),
            (start + timedelta(days=6)).isoformat(),
        )
    for typed in ("2026-W54", "第三周", "2026-W"):
        with pytest.raises(DyzError) as refused:
            inputs.parse_week(typed, "--of")
        assert refused.value.key == "bad_week"
        assert refused.value.params == {"text": typed, "option": "--of"}
        with pytest.raises(DyzError) as refused:
            inputs.parse_week(typed)
        assert refused.value.params == {"text": typed, "option": "--week"}


def test_a_pair_is_split_at_its_first_separator_however_it_was_typed() -> None:
    assert inputs.parse_pair(" 维修 : 楼道灯坏了 ", ":", "--need") == ("维修", "楼道灯坏了")
    assert inputs.parse_pair("维修：楼道灯：坏了", ":", "--need") == ("维修", "楼道灯：坏了")
    assert inputs.parse_pair("a：b:c", ":", "--need") == ("a", "b:c")
    assert inputs.parse_pair("旧＝＞新", "=>", "--rename") == ("旧", "新")
    assert inputs.parse_pair("旧=》新", "=>", "--rename") == ("旧", "新")
    assert inputs.parse_pair("旧→新", "=>", "--rename") == ("旧", "新")
    assert inputs.parse_pair("甲,乙", ",", "--pair") == ("甲", "乙")  # no wide form of its own
    for typed in ("维修", "维修：", "：楼道灯", " : "):
        with pytest.raises(DyzError) as refused:
            inputs.parse_pair(typed, ":", "--need")
        assert refused.value.key == "bad_pair"
        assert refused.value.params == {"option": "--need", "text": typed, "sep": ":"}


def test_a_name_is_forty_characters_at_most_and_holds_no_control_character() -> None:
    assert inputs.parse_name("  刘桂英 ") == "刘桂英"
    assert inputs.parse_name("x" * 40) == "x" * 40
    for typed, key in (("x" * 41, "bad_name"), ("刘\u202e英", "bad_name"), (" ", "empty_name")):
        with pytest.raises(DyzError) as refused:
            inputs.parse_name(typed)
        assert refused.value.key == key
    assert inputs.parse_laptop_name("周玉梅的电脑") == "周玉梅的电脑"
    for typed in ("a/b", "a\\b", ".", ".."):
        with pytest.raises(DyzError) as refused:
            inputs.parse_laptop_name(typed)
        assert refused.value.key == "bad_laptop_name"
    assert inputs.laptop_name_ok("...") and not inputs.laptop_name_ok("..")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13812345678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("(0731)85551234", "073185551234"),
        ("0731-8555 1234", "073185551234"),
        ("１３８１２３４５６７８", "13812345678"),
        ("5551234", "5551234"),
        ("073185551234", "073185551234"),
    ],
)
def test_a_phone_is_kept_as_its_digits(typed: str, kept: str) -> None:
    assert inputs.parse_phone(typed) == kept


@pytest.mark.parametrize(
    "typed", ["555123", "0731855512345", "1381234567", "138123456789", "138-1234-567x", "٣٣٣٣٣٣٣"]
)
def test_what_is_not_a_phone_is_refused(typed: str) -> None:
    with pytest.raises(DyzError) as refused:
        inputs.parse_phone(typed)
    assert refused.value.key == "bad_phone" and refused.value.params == {"text": typed}


def test_a_birth_year_is_from_1900_to_this_year() -> None:
    this_year = date.today().year
    assert inputs.parse_born("1900") == 1900 and inputs.parse_born(f"{this_year}年") == this_year
    assert inputs.parse_born(1941) == 1941 and inputs.parse_born(" １９４１ ") == 1941
    for typed in ("1899", str(this_year + 1), "四一年", "-1941", ""):
        with pytest.raises(DyzError) as refused:
            inputs.parse_born(typed)
        assert refused.value.key == "bad_born"
        assert refused.value.params == {"text": typed, "this_year": this_year}


def test_free_text_keeps_lines_and_tabs_and_refuses_what_hides_or_is_too_long() -> None:
    assert inputs.parse_free_text(" 第一行\n\t第二行 ") == "第一行\n\t第二行"
    assert inputs.parse_free_text("x" * 500) == "x" * 500
    assert inputs.parse_free_text("x" * 20, limit=20) == "x" * 20
    with pytest.raises(DyzError) as refused:
        inputs.parse_free_text("x" * 21, limit=20)
    assert refused.value.key == "text_too_long" and refused.value.params == {"limit": 20}
    with pytest.raises(DyzError) as refused:
        inputs.parse_free_text("x" * 501)
    assert refused.value.params == {"limit": 500}
    with pytest.raises(DyzError) as refused:
        inputs.parse_free_text("楼道灯坏了很多天，一直没有人来修\x1b[2J请尽快处理这件事情")
    assert refused.value.key == "bad_text"
    # eight characters either side of it
    assert refused.value.params == {"where": "，一直没有人来修\x1b[2J请尽快处理"}
    with pytest.raises(DyzError) as refused:
        inputs.parse_free_text("ab\x1bcd")
    assert refused.value.params == {"where": "ab\x1bcd"}  # from the first character


@pytest.mark.parametrize(
    ("typed", "said"),
    [(w, True) for w in ("yes", "Y", "true", "1", "是", "装了", "有", "对")]
    + [(w, False) for w in ("no", "N", "FALSE", "0", "否", "没装", "没有", "不是")],
)
def test_yes_and_no_in_the_words_people_use(typed: str, said: bool) -> None:
    assert inputs.parse_yes_no(f" {typed} ", "--app") is said


def test_what_is_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(DyzError) as refused:
        inputs.parse_yes_no("也许", "--app")
    assert refused.value.key == "bad_yes_no"
    assert refused.value.params == {"option": "--app", "text": "也许"}


def read_by_pattern(typed: str) -> UnitRef | None:
    """What `parse_unit` read when it read every unit through its patterns."""
    import re

    cleaned = inputs.squash(typed)
    match = re.match(inputs._UNIT, cleaned) or re.match(inputs._UNIT_ZH, cleaned)
    if match is None:
        return None
    building, unit = match.groups()
    return UnitRef(building.upper(), str(int(unit)))


@given(
    st.text(alphabet="0123456789AbZ-٣²１栋单元", max_size=14)
    | st.from_regex(r"[0-9A-Za-z]{1,9}-[0-9]{1,4}", fullmatch=True)
)
def test_a_unit_is_read_without_its_patterns_as_with_them(typed: str) -> None:
    """`parse_unit` reads 2-2 without compiling its patterns (a start-up saving): it reads
    exactly what the patterns read, and refuses what they refused."""
    try:
        read: UnitRef | None = inputs.parse_unit(typed)
    except DyzError:
        read = None
    assert read == read_by_pattern(typed)


@given(st.text(alphabet="0123456789-٣²１", max_size=12) | st.dates().map(str))
def test_a_day_in_numbers_is_read_as_its_pattern_read_it(typed: str) -> None:
    import re

    cleaned = inputs.squash(typed)
    matched = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", cleaned)
    if matched is None:
        return
    try:
        expected: date | None = date(*(int(part) for part in matched.groups()))
    except ValueError:
        expected = None
    assert inputs.read_day(cleaned, date(2026, 12, 8), past=True) == expected
