"""Turning what people type into checked values; every refusal is a DyzError that says how.

>>> parse_ref("2-2-301")
HouseholdRef(building='2', unit='2', room='301')
>>> parse_ref("2栋2单元301室")
HouseholdRef(building='2', unit='2', room='301')
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import NamedTuple

from danyuanzhang.errors import DyzError

_PART = r"[0-9A-Za-z]{1,8}"
_REF = rf"^({_PART})-(\d{{1,3}})-({_PART})$"
_REF_ZH = rf"^({_PART})[栋幢号]楼?({_PART}|\d{{1,3}})单元({_PART})室?$"
_UNIT = rf"^({_PART})-(\d{{1,3}})$"
_UNIT_ZH = rf"^({_PART})[栋幢号]楼?(\d{{1,3}})单元$"
_BUILDING = rf"^({_PART})[栋幢号]?楼?$"
_FORBIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


class HouseholdRef(NamedTuple):
    building: str
    unit: str
    room: str

    def __str__(self) -> str:
        return f"{self.building}-{self.unit}-{self.room}"


class UnitRef(NamedTuple):
    building: str
    unit: str

    def __str__(self) -> str:
        return f"{self.building}-{self.unit}"


def _squash(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "")


def parse_ref(text: str) -> HouseholdRef:
    cleaned = _squash(text)
    match = re.match(_REF, cleaned) or re.match(_REF_ZH, cleaned)
    if not match:
        raise DyzError("bad_ref", text=text)
    building, unit, room = match.groups()
    return HouseholdRef(building.upper(), str(int(unit)) if unit.isdigit() else unit, room.upper())


def parse_unit(text: str) -> UnitRef:
    cleaned = _squash(text)
    match = re.match(_UNIT, cleaned) or re.match(_UNIT_ZH, cleaned)
    if not match:
        raise DyzError("bad_unit", text=text)
    building, unit = match.groups()
    return UnitRef(building.upper(), str(int(unit)))


def parse_building(text: str) -> str:
    match = re.match(_BUILDING, _squash(text))
    if not match:
        raise DyzError("bad_building", text=text)
    return match.group(1).upper()


def today() -> str:
    return date.today().isoformat()


def day_or_today(on: str | None) -> str:
    """The day given with --on (in any form `parse_date` reads), or today."""
    return parse_date(on) if on else today()


def parse_date(text: str, option: str = "--on") -> str:
    cleaned = _squash(text).replace("/", "-").replace(".", "-")
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", cleaned) or re.match(
        r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$", cleaned
    )
    try:
        if not match:
            raise ValueError
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        raise DyzError("bad_date", text=text, option=option) from None


def parse_week(text: str, option: str = "--week") -> tuple[str, str]:
    """An ISO week (`2026-W48`) or any date inside it → (its Monday, its Sunday)."""
    from datetime import timedelta

    cleaned = _squash(text).upper()
    match = re.match(r"^(\d{4})-?W(\d{1,2})$", cleaned)
    if match:
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


def parse_name(text: str, what: str = "name") -> str:
    name = unicodedata.normalize("NFC", text).strip()
    if not name:
        raise DyzError("empty_name")
    if len(name) > 40 or any(unicodedata.category(ch) in _FORBIDDEN for ch in name):
        raise DyzError("bad_name", text=clean_for_display(name))
    return name


def parse_phone(text: str) -> str:
    """Mobile (11 digits, starting 1) or landline (area code and number); kept as digits."""
    cleaned = _squash(text).replace("-", "").replace("(", "").replace(")", "")
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
    raw = _squash(str(text)).removesuffix("年")
    this_year = date.today().year
    if not raw.isdigit() or not 1900 <= int(raw) <= this_year:
        raise DyzError("bad_born", text=text, this_year=this_year)
    return int(raw)


def parse_free_text(text: str, limit: int = 500) -> str:
    cleaned = unicodedata.normalize("NFC", text).strip()
    if len(cleaned) > limit:
        raise DyzError("text_too_long", limit=limit)
    if any(unicodedata.category(ch) in _FORBIDDEN - {"Cc"} for ch in cleaned) or any(
        unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in cleaned
    ):
        raise DyzError("bad_text")
    return cleaned


def parse_yes_no(text: str, option: str) -> bool:
    """yes / no, in the words people use: 是、否、装了、没有…"""
    cleaned = _squash(text).lower()
    if cleaned in ("yes", "y", "true", "1", "是", "装了", "有", "对"):
        return True
    if cleaned in ("no", "n", "false", "0", "否", "没装", "没有", "不是"):
        return False
    raise DyzError("bad_yes_no", option=option, text=text)


def mask_phone(phone: str | None) -> str:
    """138****5678: enough to recognise a number, not enough to call it."""
    if not phone:
        return ""
    if len(phone) <= 7:
        return phone[:2] + "*" * (len(phone) - 2)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_phones_in(text: str) -> str:
    """Residents' phones typed into a petition never reach a printed agenda in full."""
    return re.sub(r"(?<!\d)1[3-9]\d{9}(?!\d)", lambda m: mask_phone(m.group(0)), text)


def clean_for_display(text: str) -> str:
    """Drop control and direction-override characters before echoing text back."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _FORBIDDEN)
