"""Turning what people type into checked values; every refusal is a DyzError that says how.

>>> parse_ref("2-2-301")
HouseholdRef(building='2', unit='2', room='301')
>>> parse_ref("2栋2单元301室")
HouseholdRef(building='2', unit='2', room='301')
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from danyuanzhang.errors import DyzError
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.normal import nfc, nfkc, plain

_PART = r"[0-9A-Za-z]{1,8}"
_REF = rf"^({_PART})-(\d{{1,3}})-({_PART})$"
_REF_ZH = rf"^({_PART})[栋幢号]楼?({_PART}|\d{{1,3}})单元({_PART})室?$"
_UNIT = rf"^({_PART})-(\d{{1,3}})$"
_UNIT_ZH = rf"^({_PART})[栋幢号]楼?(\d{{1,3}})单元$"
_BUILDING = rf"^({_PART})[栋幢号]?楼?$"
_FORBIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


class HouseholdRef(Record):
    building: str
    unit: str
    room: str

    def __str__(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class UnitRef(Record):
    building: str
    unit: str

    def __str__(self) -> str:
        return f"{self.building}-{self.unit}"


def squash(text: str) -> str:
    return nfkc(text).strip().replace(" ", "")


def parse_ref(text: str) -> HouseholdRef:
    cleaned = squash(text)
    match = re.match(_REF, cleaned) or re.match(_REF_ZH, cleaned)
    if not match:
        raise DyzError("bad_ref", text=text)
    building, unit, room = match.groups()
    return HouseholdRef(building.upper(), str(int(unit)) if unit.isdigit() else unit, room.upper())


def parse_unit(text: str) -> UnitRef:
    cleaned = squash(text)
    # 2-2, as nearly every command is given it, read without compiling the patterns below
    building, dash, unit = cleaned.partition("-")
    if (
        dash
        and building.isascii()
        and building.isalnum()
        and len(building) <= 8
        and unit.isascii()
        and unit.isdigit()
        and len(unit) <= 3
    ):
        return UnitRef(building.upper(), str(int(unit)))
    match = re.match(_UNIT, cleaned) or re.match(_UNIT_ZH, cleaned)
    if not match:
        raise DyzError("bad_unit", text=text)
    building, unit = match.groups()
    return UnitRef(building.upper(), str(int(unit)))


def parse_building(text: str) -> str:
    match = re.match(_BUILDING, squash(text))
    if not match:
        raise DyzError("bad_building", text=text)
    return match.group(1).upper()


def place_of(unit: str | None, building: str | None) -> tuple[str | None, str | None]:
    """(building, unit number) of a place given as a unit ("2-2") or a building ("2栋"), for
    the queries that take them; a unit wins, as it lies inside its building."""
    if unit:
        parsed = parse_unit(unit)
        return parsed.building, parsed.unit
    return (parse_building(building) if building else None), None


def today() -> str:
    return date.today().isoformat()


def day_or_today(on: str | None, option: str = "--on") -> str:
    """The day given with --on (in any form `parse_date` reads), or today."""
    return parse_date(on, option) if on else today()


def day_it_happened(on: str | None, option: str = "--on") -> str:
    """The day something was done or seen, or today: never a day still to come."""
    return parse_date(on, option, past=True) if on else today()


_DAY_WORDS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3}
_DAY_WORDS_AHEAD = {"明天": 1, "明日": 1, "后天": 2, "大后天": 3}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_WEEK_SHIFT = {"上": -1, "本": 0, "这": 0, "下": 1, "": 0}
_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_NUMBERS |= {"九": 9, "十": 10}
# how far ahead a month and day without a year may lie before it is taken for last year's:
# in January "12月28日" is last December, in December "12月20日" is a slip of the finger
_LAST_YEAR_AFTER = 60


def parse_date(text: str, option: str = "--on", past: bool = False) -> str:
    """A day as people write it: 2026-11-20, 2026年11月20日, 11月20日, 11.20, 11-20, 20号,
    今天, 昨天, 前天, 上周五, 周五, 3天前. With `past`, a day still to come is refused."""
    day = read_day(squash(text).replace("/", "-").replace(".", "-"), date.today(), past)
    if day is None:
        raise DyzError("bad_date", text=text, option=option)
    if past and day > date.today():
        from danyuanzhang.text.i18n import day as in_words

        raise DyzError("date_in_future", text=text, day=in_words(day), option=option)
    return day.isoformat()


def _is_numbered_day(cleaned: str) -> bool:
    """Whether `cleaned` is a day in numbers, as 2026-12-07 or 2026-1-5 (any decimal digits)."""
    parts = cleaned.split("-")
    return (
        len(parts) == 3  # noqa: PLR2004 - year, month, day
        and all(part.isdecimal() for part in parts)
        and len(parts[0]) == 4  # noqa: PLR2004
        and 1 <= len(parts[1]) <= 2  # noqa: PLR2004
        and 1 <= len(parts[2]) <= 2  # noqa: PLR2004
    )


def read_day(cleaned: str, now: date, past: bool) -> date | None:
    """The day `cleaned` (NFKC-folded, no spaces) names, seen from `now`; None if none."""

    # the form commands hand on to each other (2026-12-07) is read first: the phrases' patterns
    # of Chinese below cost more to compile than the whole of reading a day
    if _is_numbered_day(cleaned):
        try:
            return date(*map(int, cleaned.split("-")))
        except ValueError:
            return None
    words = _DAY_WORDS | _DAY_WORDS_AHEAD
    if cleaned in words:
        return now + timedelta(days=words[cleaned])
    match = re.match(r"^(\d{1,3}|[一两二三四五六七八九十])天(前|以前|后|以后)$", cleaned)
    if match:
        count, way = match.groups()
        n = int(count) if count.isdigit() else _NUMBERS[count]
        return now + timedelta(days=-n if "前" in way else n)
    match = re.match(r"^(上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天七])$", cleaned)
    if match:
        shift, weekday = match.groups()
        monday = now - timedelta(days=now.weekday())
        day = monday + timedelta(weeks=_WEEK_SHIFT[shift or ""], days=_WEEKDAYS[weekday])
        if past and not shift and day > now:  # "周五" on a Tuesday: the Friday just gone
            day -= timedelta(weeks=1)
        return day
    try:
        match = re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$", cleaned)
        if match:
            return date(*(int(part) for part in match.groups()))
        match = re.match(r"^(\d{1,2})-(\d{1,2})$", cleaned) or re.match(
            r"^(\d{1,2})月(\d{1,2})[日号]?$", cleaned
        )
        if match:
            day = date(now.year, int(match.group(1)), int(match.group(2)))
            if past and (day - now).days > _LAST_YEAR_AFTER:
                day = date(now.year - 1, day.month, day.day)
            return day
        match = re.match(r"^(\d{1,2})[日号]$", cleaned)
        if match:  # "20号": this month's, or last month's for a day done
            day = date(now.year, now.month, int(match.group(1)))
            if past and day > now:
                before = now.replace(day=1) - timedelta(days=1)
                day = date(before.year, before.month, int(match.group(1)))
            return day
    except ValueError:
        return None
    return None


def parse_week(text: str, option: str = "--week") -> tuple[str, str]:
    """An ISO week (`2026-W48`), 本周 or 上周, or any day inside it → (its Monday, its Sunday)."""

    cleaned = squash(text).upper()
    match = re.match(r"^(\d{4})-?W(\d{1,2})$", cleaned)
    shift = re.match(r"^(上|本|这|下)(?:周|星期|礼拜)$", cleaned)
    if shift:
        this_monday = date.today() - timedelta(days=date.today().weekday())
        monday = this_monday + timedelta(weeks=_WEEK_SHIFT[shift.group(1)])
    elif match:
        try:
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            raise DyzError("bad_week", text=text, option=option) from None
    else:
        try:
            day = date.fromisoformat(parse_date(text, option))
        except DyzError:
            raise DyzError("bad_week", text=text, option=option) from None
        monday = day - timedelta(days=day.weekday())
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


_DIGITS_ZH = {"零": 0, "〇": 0, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
_DIGITS_ZH |= {"六": 6, "七": 7, "八": 8, "九": 9}
_TENS_ZH = {"十": 10, "百": 100, "千": 1000}
# what may follow a count as it is said: 三天, 两周, 五条, 十个
_COUNTERS = "天日周条个次户人项件名"


def parse_count(text: str) -> int:
    """A count as people type it: 3, ３, 三, 两, 十五, 二十, 一百零五, 三天.

    >>> [parse_count(x) for x in ("3", "三天", "两", "十五", "二十", "一百零五")]
    [3, 3, 2, 15, 20, 105]
    """
    cleaned = squash(text).rstrip(_COUNTERS) if text.strip() else ""
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    count = _chinese_count(cleaned)
    if count is None:
        raise DyzError("bad_count", text=text)
    return count


def _chinese_count(text: str) -> int | None:
    """一百零五 → 105; None unless every character is a numeral in a sensible order."""
    if not text or any(ch not in _DIGITS_ZH and ch not in _TENS_ZH for ch in text):
        return None
    total, digit, last_ten = 0, None, 10_000
    for ch in text:
        if ch in _DIGITS_ZH:
            if digit:  # 五五: two digits with no ten between them
                return None
            digit = _DIGITS_ZH[ch]
        else:
            ten = _TENS_ZH[ch]
            if ten >= last_ten or digit == 0:
                return None
            total += (1 if digit is None else digit) * ten
            digit, last_ten = None, ten
    return total + (digit or 0)


# what a Chinese input method types for each separator
_WIDE = {":": ("：",), "=>": ("＝＞", "=》", "＝》", "→")}


def parse_pair(text: str, sep: str, option: str) -> tuple[str, str]:
    """`维修:楼道灯坏了` → ("维修", "楼道灯坏了"), the full-width `：` a Chinese input method
    types read as `:`, and `＝＞` as `=>`."""
    spots = [(text.find(s), s) for s in (sep, *_WIDE.get(sep, ())) if s in text]
    if spots:
        at, found = min(spots)
        head, tail = text[:at], text[at + len(found) :]
        if head.strip() and tail.strip():
            return head.strip(), tail.strip()
    raise DyzError("bad_pair", option=option, text=text, sep=sep)


def parse_name(text: str) -> str:
    name = nfc(text).strip()
    if not name:
        raise DyzError("empty_name")
    if len(name) > 40 or (not plain(name) and _forbidden(name) is not None):
        raise DyzError("bad_name", text=name)
    return name


def _forbidden(text: str, allowed: str = "") -> int | None:
    """Where the text holds a control, format, private or unassigned character (none of
    `allowed`); None when nowhere."""
    import unicodedata

    for at, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category in _FORBIDDEN and (category != "Cc" or ch not in allowed):
            return at
    return None


def parse_laptop_name(text: str) -> str:
    """A laptop's name: a name that is never a path, since bundles carry it to other laptops."""
    name = parse_name(text)
    if not laptop_name_ok(name):
        raise DyzError("bad_laptop_name", text=name)
    return name


def laptop_name_ok(name: str) -> bool:
    return "/" not in name and "\\" not in name and name not in (".", "..")


def parse_phone(text: str) -> str:
    """Mobile (11 digits, starting 1) or landline (area code and number); kept as digits."""
    cleaned = squash(text).replace("-", "").replace("(", "").replace(")", "")
    if cleaned.startswith("+86"):
        cleaned = cleaned[3:]
    if not cleaned.isdigit() or not cleaned.isascii():
        raise DyzError("bad_phone", text=text)
    mobile = len(cleaned) == 11 and cleaned.startswith("1")
    landline = 7 <= len(cleaned) <= 12 and not cleaned.startswith("1")
    if not (mobile or landline):
        raise DyzError("bad_phone", text=text)
    return cleaned


def parse_born(text: str | int) -> int:
    raw = squash(str(text)).removesuffix("年")
    this_year = date.today().year
    if not raw.isdigit() or not 1900 <= int(raw) <= this_year:
        raise DyzError("bad_born", text=text, this_year=this_year)
    return int(raw)


def parse_free_text(text: str, limit: int = 500) -> str:
    cleaned = nfc(text).strip()
    if len(cleaned) > limit:
        raise DyzError("text_too_long", limit=limit)
    if cleaned.isprintable():  # nearly every text: nothing to look for
        return cleaned
    at = _forbidden(cleaned, allowed="\n\t")
    if at is not None:
        # the words around it, so the person finds it in a long text (shown made visible)
        raise DyzError("bad_text", where=cleaned[max(0, at - 8) : at + 9])
    return cleaned


def parse_yes_no(text: str, option: str) -> bool:
    """yes / no, in the words people use: 是、否、装了、没有…"""
    cleaned = squash(text).lower()
    if cleaned in ("yes", "y", "true", "1", "是", "装了", "有", "对"):
        return True
    if cleaned in ("no", "n", "false", "0", "否", "没装", "没有", "不是"):
        return False
    raise DyzError("bad_yes_no", option=option, text=text)
