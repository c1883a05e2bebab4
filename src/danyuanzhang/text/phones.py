"""Phones masked in everything meant for other eyes: the agenda, the report, the notice, the
walk sheet, the ledgers, the WeChat text, redacted bundles. One masker finds them however they
were typed — 13812345678, 138 1234 5678, 138-1234-5678, +86 138…, full-width digits, a landline
with or without its area code, or written from abroad (+86 731 8555 1234, tel:+86-731-8555-1234)
— and leaves other numbers alone: dates, flats, counts, years.

>>> mask_phones_in("王大爷138 1234 5678，座机0731-85551234")
'王大爷138****5678，座机0731-****1234'
>>> mask_phone("073185551234")
'0731-****1234'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

# full-width digits, plus and dashes read as ASCII, one character for one, so that what is
# found in the folded text is replaced at the same place in the text as it was typed
_FOLD = str.maketrans("０１２３４５６７８９＋－（）．　", "0123456789+-(). ")
_GAP = r"[ \-.]?"  # what people put between the groups of a number
# +86 and 0086 as a landline from abroad takes them, 00 86 (libphonenumber's way from Hong
# Kong) included
_MOBILE = (
    rf"(?:(?:(?:\+|00){_GAP})?86{_GAP})?"
    rf"(?P<mobile>1[3-9][0-9]{_GAP}[0-9]{{4}}{_GAP}[0-9]{{4}})"
)
_AREA_DIALLED = r"(?:10|2[0-9]|[3-9][0-9]{2})"  # Beijing 10, 2x, and the three-digit codes
_AREA = rf"0{_AREA_DIALLED}"
# from abroad the area code follows +86 (or 0086) without its 0: +86 731 8555 1234, and in
# libphonenumber's RFC 3966 form tel:+86-731-8555-1234; some write the 0 in brackets
_ABROAD = rf"(?:\+|00){_GAP}86{_GAP}(?:\(0\){_GAP})?(?P<dialled>{_AREA_DIALLED})"
# after an area code the local number may start with any digit (libphonenumber's own examples
# include 010 1234 5678)
_LANDLINE = (
    rf"(?:(?P<area>\({_AREA}\)|{_AREA})|{_ABROAD}){_GAP}"
    rf"(?P<local>[0-9]{{3,4}}{_GAP}[0-9]{{4}})"
)
_LOCAL = r"(?P<alone>[2-9][0-9]{2,3}-?[0-9]{4})"
# a number glued to other digits, or to them by a dash, slash or dot (a flat 2-2-301, a day
# 2026-12-01, a decimal) is not a phone. Compiled when a text with a digit is first searched
# (re keeps it): compiling it on import cost every report about 0.4 ms, most of whose texts
# hold no number at all
_FOUND = rf"(?<![0-9])(?<![0-9][\-/.])(?:{_MOBILE}|{_LANDLINE}|{_LOCAL})(?![0-9])(?![\-/.][0-9])"


def mask_phone(phone: str | None) -> str:
    """A phone as kept (digits only): 138****5678, 0731-****1234, ****1234 — enough to
    recognise a number, not enough to call it."""
    if not phone:
        return ""
    front, hidden, back = _parts(phone)
    return front + ("*" * len(hidden) if len(hidden) < 4 and not back else "****") + back


def masks_apart(phones: Sequence[str | None]) -> list[str]:
    """Each phone masked, and numbers that would mask alike told apart: of their hidden digits,
    those where they differ are shown, one place at a time from the left, until each mask is
    its own — 13812342000 and 13856782000 are 1381***2000 and 1385***2000, not both
    138****2000."""
    masks = [mask_phone(phone) for phone in phones]
    alike: dict[str, list[int]] = {}
    for i, mask in enumerate(masks):
        if mask:
            alike.setdefault(mask, []).append(i)
    for group in alike.values():
        numbers = sorted({_parts(phones[i] or "") for i in group})
        if len(numbers) < 2:
            continue
        shown: set[int] = set()
        told = _told(numbers, shown)
        while len(set(told.values())) < len(numbers):
            width = max(len(hidden) for _, hidden, _ in numbers)
            shown.add(
                next(
                    place
                    for place in range(width)
                    if place not in shown
                    and len({hidden[place : place + 1] for _, hidden, _ in numbers}) > 1
                )
            )
            told = _told(numbers, shown)
        for i in group:
            masks[i] = told[_parts(phones[i] or "")]
    return masks


def _told(numbers: list[tuple[str, str, str]], shown: set[int]) -> dict[tuple[str, str, str], str]:
    """Each number with only the hidden digits at the places `shown` written out."""
    return {
        (front, hidden, back): front
        + "".join(d if place in shown else "*" for place, d in enumerate(hidden))
        + back
        for front, hidden, back in numbers
    }


def _parts(phone: str) -> tuple[str, str, str]:
    """A phone as its masked form shows it: what is shown before the hidden digits (138,
    0731-), the hidden digits, and what is shown after them (the last four)."""
    digits = "".join(ch for ch in phone.translate(_FOLD) if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3], digits[3:7], digits[-4:]
    area = re.match(_AREA, digits) if digits.startswith("0") else None
    if area is not None and len(digits) - area.end() >= 7:
        return f"{area.group()}-", digits[area.end() : -4], digits[-4:]
    if len(digits) <= 4:
        return "", digits, ""
    return "", digits[:-4], digits[-4:]


def spaced_phone(phone: str | None) -> str:
    """A phone as kept, written to be read aloud and dialled from paper: 139 0731 0202,
    0731-8555 1234, 8555 1234."""
    if not phone:
        return ""
    if len(phone) == 11 and phone.startswith("1"):
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    area = re.match(_AREA, phone) if phone.startswith("0") else None
    local = phone[area.end() :] if area is not None and len(phone) - area.end() >= 7 else phone
    if not (local.isdigit() and 7 <= len(local) <= 8):
        return phone
    spaced = f"{local[:-4]} {local[-4:]}"
    return f"{area.group()}-{spaced}" if area is not None and local != phone else spaced


def mask_phones_in(text: str) -> str:
    """`text` with every phone in it masked, wherever it was typed."""
    if not text:
        return text
    folded = text.translate(_FOLD)
    if not any(digit in folded for digit in "0123456789"):
        return text  # every phone is digits
    pieces, position = [], 0
    for found in re.finditer(_FOUND, folded):
        if found["alone"] is not None and _is_date(found["alone"]):
            continue
        digits = re.sub(r"[^0-9]", "", found.group(found.lastgroup or 0))
        if found["local"] is not None:
            area = found["area"] or f"0{found['dialled']}"
            digits = re.sub(r"[^0-9]", "", area + found["local"])
        pieces += [text[position : found.start()], mask_phone(digits)]
        position = found.end()
    return "".join([*pieces, text[position:]])


def _is_date(number: str) -> bool:
    """20261201 is a day, not a landline."""
    if len(number) != 8 or not number.isdigit():
        return False
    try:
        date(int(number[:4]), int(number[4:6]), int(number[6:]))
    except ValueError:
        return False
    return number[:2] in ("19", "20")
