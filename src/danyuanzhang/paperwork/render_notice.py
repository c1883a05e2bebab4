"""The rectification notice (整改通知书) as text and as a page for A5 or A4 paper: the number,
who it is for, what was found and why it is dangerous, the deadline and the re-inspection, the
unit head to call, the signature lines, and a receipt stub to cut off, sign and return."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from danyuanzhang.text.i18n import pick, t
from danyuanzhang.text.phones import mask_phones_in, spaced_phone
from danyuanzhang.text.typeset import (
    BASE_CSS,
    FANGSONG,
    FONTS,
    day_words,
    flat_words,
    joined,
    unbroken,
    unit_words,
    weekday_words,
)

if TYPE_CHECKING:
    from danyuanzhang.paperwork.notice import Notice, NoticeHazard

PAPERS = {"a5": ("A5", 148, 210), "a4": ("A4", 210, 297)}  # name, width and height in mm
# how much of the unit head's note the notice quotes, so that it stays one sheet with its stub
NOTE_ROOM = {"a5": 60, "a4": 240}


def quoted(note: str, room: int) -> str:
    """The note as the notice quotes it: whole when it is short, else up to the last pause
    that leaves it under `room` characters, and an ellipsis."""
    if len(note) <= room:
        return note
    cut = note[:room]
    pause = max(cut.rfind(mark) for mark in "，。；、,;")
    return (cut[:pause] if pause > room // 2 else cut).rstrip("，。；、,; ") + "……"


def notice_lines(data: Notice, paper: str = "a4") -> dict[str, str]:
    """Each part of the notice in words; the note quoted as the paper has room for."""
    from danyuanzhang.text.vocab import HAZARD_DANGERS

    hazard = data["hazard"]
    kind = pick(*data["kind_names"])
    danger = pick(*HAZARD_DANGERS.get(hazard["kind"], HAZARD_DANGERS["other"]))
    estate, due, head = hazard["estate"], hazard["due"], data["unit_head"]
    household = joined(estate, flat_words(hazard["household"])) if hazard["household"] else None
    where = joined(unit_words(hazard["unit"]), hazard["place"])
    # the requirement takes its room from the note's on the small sheet
    room = NOTE_ROOM[paper] - (len(hazard.get("requirement") or "") if paper == "a5" else 0)
    note = quoted(mask_phones_in(hazard["note"]), max(room, 20)) if hazard["note"] else ""
    issued = day_words(data["issued_on"], full=True)
    return {
        "title": t("notice_title"),
        "number": t("notice_number", number=data["number"] or t("notice_unnumbered")),
        "to": t("notice_to", household=household)
        if household
        else t("notice_to_unit", unit=joined(estate, unit_words(hazard["unit"]))),
        "found": t(
            "notice_found",
            on=day_words(hazard["found_on"], full=True),
            where=where,
            kind=kind,
            note=t("notice_note", note=note) if note else "",
        ),
        "danger": t("notice_danger", why=danger),
        "due": _due_words(hazard, due),
        "recheck": t("notice_recheck", day=day_words(data["re_inspection"], full=True))
        if due
        else t("notice_recheck_soon"),
        "contact": t("notice_contact", name=head["name"], phone=spaced_phone(head["phone"]))
        if head
        else t("notice_contact_vacant"),
        "signed": t("notice_signed_head"),
        "stamp": t("notice_stamp", community=data["community"] or ""),
        "issued": issued,
        "cut": t("notice_cut"),
        "receipt": t("notice_receipt"),
        "receipt_number": t(
            "notice_receipt_number", number=data["number"] or t("notice_unnumbered")
        ),
        "receipt_to": household or joined(estate, unit_words(hazard["unit"])),
        "receipt_text": t(
            "notice_receipt_text" if due else "notice_receipt_text_soon",
            on=issued,
            kind=kind,
            due=day_words(due, full=True),
        ),
        "resident_sign": t("notice_resident_sign"),
        "date_blank": t("notice_date_blank"),
    }


def _due_words(hazard: NoticeHazard, due: str | None) -> str:
    """请于…前整改完毕, with what is required when the hazard says it: in the line printed
    bold, so that the notice stays one sheet of A5 with its stub."""
    what = _requirement_words(hazard) if hazard.get("requirement") else None
    if due:
        when = {"due": day_words(due, full=True), "weekday": weekday_words(due)}
        return t("notice_due_what", what=what, **when) if what else t("notice_due", **when)
    return t("notice_soon_what", what=what) if what else t("notice_soon")


def _requirement_words(hazard: NoticeHazard) -> str:
    """The requirement as written, or the kind's standard wording in the reader's language."""
    from danyuanzhang.text.vocab import HAZARD_REQUIREMENTS

    standard = HAZARD_REQUIREMENTS.get(hazard["kind"])
    if standard is not None and hazard["requirement"] == standard[1]:
        return pick(standard[1], standard[2])
    return str(hazard["requirement"])


def notice_txt(data: Notice) -> str:
    lines = notice_lines(data)
    rule, cut = "=" * 44, "-" * 12
    return "\n".join(
        [
            rule,
            f"  {lines['title']}",
            f"  {lines['number']}",
            rule,
            "",
            lines["to"],
            "",
            lines["found"],
            lines["danger"],
            lines["due"],
            lines["recheck"],
            "",
            lines["contact"],
            "",
            f"{lines['signed']}{pick('', ' ')}__________    {lines['stamp']}",
            lines["issued"],
            "",
            f"{cut} {lines['cut']} {cut}",
            f"  {lines['receipt']}    {lines['receipt_number']}",
            f"{lines['receipt_to']}{t('colon')}".rstrip(),
            lines["receipt_text"],
            f"{lines['resident_sign']}{pick('', ' ')}__________    {lines['date_blank']}",
            "",
        ]
    )


def notice_html(data: Notice, paper: str = "a5") -> str:
    """One page of A5 (or A4): the notice above, the receipt stub at the foot of the page."""
    name, _, height = PAPERS[paper]
    margin = 10
    big = paper == "a4"
    lines = notice_lines(data, paper)
    esc = html.escape

    def p(key: str, cls: str | None = None) -> str:
        return f'<p class="{cls or key}">{unbroken(lines[key])}</p>'

    body = (
        f'<main class="page"><h1>{esc(lines["title"])}</h1>'
        + p("number")
        + p("to")
        + p("found", "text")
        + p("danger")
        + p("due")
        + p("recheck", "text")
        + p("contact", "text")
        + '<div class="signs">'
        f'<p><span class="label">{esc(lines["signed"])}</span><span class="line"></span></p>'
        f'<p class="stamp">{esc(lines["stamp"])}</p>'
        f'<p class="day">{esc(lines["issued"])}</p></div>'
        '<section class="stub">'
        + p("cut")
        + f"<h2>{esc(lines['receipt'])}</h2>"
        + p("receipt_number", "nobreak")
        + p("receipt_to", "to")
        + p("receipt_text", "text")
        + '<p class="signs2">'
        f'<span class="label">{esc(lines["resident_sign"])}</span><span class="line"></span>'
        f'<span class="label">{esc(lines["date_blank"])}</span></p>'
        "</section>" + "</main>"
    )
    size = 14 if big else 12
    css = (
        BASE_CSS
        + f"@page {{ size: {name} portrait; margin: {margin}mm; }}"
        + f" body {{ font-size: {size}pt; font-family: {FANGSONG}; }}"
        + f" h1, .stub h2, .due {{ font-family: {FONTS}; }}"
        + f" .page {{ height: {height - 2 * margin - 1}mm; display: flex; flex-direction: column; }}"
        + f" h1 {{ text-align: center; font-size: {size + 8}pt; letter-spacing: 2pt;"
        " margin: 0 0 1mm; }"
        " .number { text-align: center; margin: 0 0 3mm; white-space: nowrap; }"
        " .to { font-weight: bold; margin: 2mm 0; } p { margin: 0.8mm 0; }"
        " .text { text-indent: 2em; }"
        " .danger { border-left: 1.5mm solid #b22222; padding-left: 3mm; margin: 2mm 0; }"
        f" .due {{ font-weight: bold; font-size: {size + 2}pt; text-indent: 2em; }}"
        " .signs { margin-top: 4mm; text-align: right; }"
        " .signs p { margin: 1.5mm 0; }"
        " .label { white-space: nowrap; }"
        " .line { display: inline-block; width: 32mm; border-bottom: 0.3mm solid #000;"
        " margin: 0 4mm 0 1mm; height: 1em; }"
        " .stub { margin-top: auto; border-top: 0.4mm dashed #000; padding-top: 1mm; }"
        " .cut { text-align: center; color: #333; white-space: nowrap; }"
        f" .stub h2 {{ text-align: center; font-size: {size + 4}pt; letter-spacing: 6pt;"
        " margin: 1mm 0; }"
        " .signs2 { margin-top: 3mm; white-space: nowrap; }"
        # English runs a third longer than Chinese: closer lines keep the stub on the sheet
         + pick("", " body { line-height: 1.3; } .signs { margin-top: 2mm; }")
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(pick("zh-CN", "en"))}"><head><meta charset="utf-8">'
        f"<title>{esc(lines['title'])}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>\n"
    )
