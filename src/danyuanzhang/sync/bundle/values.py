"""Turning a bundle's text back into field values, by what each field holds.

Every scalar in a bundle is read as text; this is where `no`, `0731…` or `1:20` become a name,
a phone or whatever the field says — never what YAML 1.1 would have guessed. A value must be
in the form dyz itself writes (a phone as bare digits, a date as YYYY-MM-DD), so that a
bundle edited by hand cannot slip in a value that the commands would have refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.text.inputs import parse_free_text, parse_name, parse_phone
from danyuanzhang.text.vocab import (
    DISPUTE_KINDS,
    MEDIATION_STEPS,
    RISK_LEVELS,
    SATISFACTION,
    VISIT_KINDS,
    VISIT_OUTCOMES,
    WELLBEING,
)

_HEX32 = re.compile(r"[0-9a-f]{32}")
_PART = re.compile(r"[0-9A-Z]{1,8}")
_UNIT = re.compile(r"[1-9][0-9]{0,2}")
_FLAG_CODE = re.compile(r"[a-z][a-z0-9_]{1,30}")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_PHOTO = re.compile(r"data:image/(jpeg|png|gif);base64,[A-Za-z0-9+/]+={0,2}")
PHOTO_TEXT_LIMIT = 720_000  # 512 KiB of picture, in base64
ROLES = ("area_head", "building_head", "unit_head", "household_rep")
SEVERITIES = ("low", "medium", "high")
STEPS = ("notified", "rectified", "verified", "reopened", "withdrawn")
PETITION_STEPS = (
    "resolved", "escalated", "proposed", "adopted", "declined", "done", "closed", "withdrawn",
    "assigned",
)  # fmt: skip

# A need or a hazard names the visit that found it only as context: the visit may be gone with
# its household while the petition lives on, so that name is not checked as a reference
# (records.py declares which fields are references).


class BadValue(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _same(parse: Callable[[str], Any]) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            parsed = parse(text)
        except DyzError as error:
            raise BadValue(error.message()) from None
        if parsed != text:
            raise BadValue(f"“{text[:40]}” ≠ “{str(parsed)[:40]}”")
        return text

    return check


def _pattern(pattern: re.Pattern[str], what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not pattern.fullmatch(text):
            raise BadValue(f"{what}: “{text[:40]}”")
        return text

    return check


def _count(text: str) -> int:
    """A number of people: 0 to 9999, digits only, no leading zero."""
    if not (
        text.isascii() and text.isdigit() and len(text) <= 4 and (text == "0" or text[0] != "0")
    ):
        raise BadValue(f"count: “{text[:20]}”")
    return int(text)


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise BadValue(f"year: “{text[:20]}”")
    year = int(text)
    if not 1900 <= year <= date.today().year:  # as `resident add --born` allows
        raise BadValue(f"year: “{text}”")
    return year


def _date(text: str) -> str:
    try:
        if len(text) != 10 or not text.isascii():
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise BadValue(f"date: “{text[:20]}”") from None
    return day.isoformat()


def _bool(text: str) -> bool:
    if text == "true":
        return True
    if text == "false":
        return False
    raise BadValue(f"true | false: “{text[:20]}”")


def _role(text: str) -> str:
    if text not in ROLES:
        raise BadValue(f"role: “{text[:30]}”")
    return text


def _buildings(text: str) -> str:
    parts = text.split(",")
    if not parts or len(parts) > 200 or not all(_PART.fullmatch(p) for p in parts):
        raise BadValue(f"buildings: “{text[:40]}”")
    return text


def _flats(text: str) -> str:
    """Flats as 2-2-301, separated by commas."""
    parts = text.split(",")
    ok = 0 < len(parts) <= 20 and all(
        len(bits := p.split("-")) == 3
        and _PART.fullmatch(bits[0])
        and _UNIT.fullmatch(bits[1])
        and _PART.fullmatch(bits[2])
        for p in parts
    )
    if not ok:
        raise BadValue(f"flats: “{text[:40]}”")
    return text


def _record_ids(text: str) -> str:
    """Record ids separated by commas (the residents met on a visit)."""
    parts = text.split(",")
    if not (0 < len(parts) <= 50 and all(_HEX32.fullmatch(p) for p in parts)):
        raise BadValue(f"record ids: “{text[:40]}”")
    return text


def _service_kinds(text: str) -> str:
    parts = text.split(",")
    if not 0 < len(parts) <= 20 or not all(_FLAG_CODE.fullmatch(p) for p in parts):
        raise BadValue(f"services: “{text[:40]}”")
    return text


_HOURS = re.compile(r"(?:[1-9]\d?|0)(?:\.\d{1,2})?")


def _hours(text: str) -> str:
    """Hours as `service add --hours` writes them: 1.5, 0.25, 12; more than 0, at most 24."""
    if (
        not _HOURS.fullmatch(text)
        or not 0 < float(text) <= 24
        or text.endswith("0")
        and "." in text
    ):
        raise BadValue(f"hours: “{text[:20]}”")
    return text


def _photo(text: str) -> str:
    if len(text) > PHOTO_TEXT_LIMIT or not _PHOTO.fullmatch(text):
        raise BadValue("photo")
    return text


def _quick(is_canonical: Callable[[str], bool], slow: Callable[[str], Any]) -> Callable[[str], Any]:
    """Accept at once what is plainly in canonical form; ask the full check otherwise (and for
    the message when it is wrong). Most of a bundle's names and phones are read this way."""

    def check(text: str) -> Any:
        return text if is_canonical(text) else slow(text)

    return check


def _plain_name(text: str) -> bool:
    # isprintable() is False for control, format (bidi overrides), surrogate, private-use,
    # unassigned and line/paragraph separator characters: what parse_name refuses
    return (
        0 < len(text) <= 40
        and text.isprintable()
        and text == text.strip()
        and unicodedata.is_normalized("NFC", text)
    )


def _plain_phone(text: str) -> bool:
    if not (text.isascii() and text.isdigit()):
        return False
    return (len(text) == 11 and text[0] == "1") or (7 <= len(text) <= 12 and text[0] != "1")


def _one_of(choices: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text not in choices:
            raise BadValue(f"{what}: “{text[:30]}”")
        return text

    return check


READERS: dict[str, Callable[[str], Any]] = {
    "hazard_kind": _pattern(_FLAG_CODE, "hazard kind"),
    "service_kind": _pattern(_FLAG_CODE, "service kind"),
    "service_kinds": _service_kinds,
    "hours": _hours,
    "dispute_kind": _one_of(tuple(DISPUTE_KINDS), "dispute"),
    "mediation_step": _one_of(tuple(MEDIATION_STEPS), "mediation step"),
    "flats": _flats,
    "severity": _one_of(SEVERITIES, "severity"),
    "step": _one_of(STEPS, "step"),
    "petition_step": _one_of(PETITION_STEPS, "step"),
    "record_id": _pattern(_HEX32, "record id"),
    "record_ids": _record_ids,
    "name": _quick(_plain_name, _same(parse_name)),
    "text": _quick(
        lambda text: (
            len(text) <= 500
            and text.isprintable()
            and text == text.strip()
            and unicodedata.is_normalized("NFC", text)
        ),
        _same(lambda text: parse_free_text(text)),
    ),
    "phone": _quick(_plain_phone, _same(parse_phone)),
    "part": _pattern(_PART, "building or room"),
    "unit": _pattern(_UNIT, "unit"),
    "household_id": _pattern(_HEX32, "household id"),
    "flag_code": _pattern(_FLAG_CODE, "flag code"),
    "year": _year,
    "count": _count,
    "date": _date,
    "bool": _bool,
    "role": _role,
    "decision": _one_of(("adopted", "declined"), "decision"),
    "satisfaction": _one_of(tuple(SATISFACTION), "satisfaction"),
    "escalation": _one_of(("building_head", "area_head", "council"), "escalated to"),
    "visit_kind": _one_of(tuple(VISIT_KINDS), "visit kind"),
    "visit_outcome": _one_of(tuple(VISIT_OUTCOMES), "outcome"),
    "wellbeing": _one_of(tuple(WELLBEING), "wellbeing"),
    "risk": _one_of(tuple(RISK_LEVELS), "risk level"),
    "buildings": _buildings,
    "photo": _photo,
    "clock": _pattern(_CLOCK, "time of day"),
    "check": _one_of(("ok", "problem"), "checklist item"),
    "merged_entity": _one_of(("household", "resident", "roster"), "what is merged"),
}


def is_record_id(entity: str, text: str) -> bool:
    if entity == "flag_kind":
        return text.startswith("flag_") and bool(_FLAG_CODE.fullmatch(text[5:]))
    if entity == "hazard_kind":
        return text.startswith("hazard_kind_") and bool(_FLAG_CODE.fullmatch(text[12:]))
    if entity == "service_kind":
        return text.startswith("service_kind_") and bool(_FLAG_CODE.fullmatch(text[13:]))
    return bool(_HEX32.fullmatch(text))


def is_change_id(text: str) -> bool:
    return bool(_HEX32.fullmatch(text))
