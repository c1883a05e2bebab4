"""The stairwell service card (单元长服务牌) as text, Markdown and a page for A5 or A4: who
to call by role, with names, phones and duties, then the numbers every resident may need —
the property management and the community office where `dyz config` has them, and 119, 120
and 110 always."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from danyuanzhang.paperwork.card import CARD_ROLES
from danyuanzhang.text.i18n import pick, t
from danyuanzhang.text.phones import spaced_phone
from danyuanzhang.text.render import role_name
from danyuanzhang.text.typeset import FONTS

NUMBER_NAMES = {
    "property": ("物业", "Property management"),
    "office": ("社区居委会", "Community office"),
    "fire": ("火警", "Fire"),
    "ambulance": ("急救", "Ambulance"),
    "police": ("报警", "Police"),
}


def unit_title(card: dict[str, Any]) -> str:
    building, unit = card["unit"].split("-")
    return t("card_unit", building=building, unit=unit)


def card_heading(card: dict[str, Any]) -> str:
    parts = [p for p in (card.get("community"), card["estate"]) if p]
    return " · ".join(parts)


def numbers(card: dict[str, Any]) -> list[tuple[str, str]]:
    """(whom, phone) of the numbers at the foot of the card."""
    return [(pick(*NUMBER_NAMES[n["for"]]), spaced_phone(n["phone"])) for n in card["numbers"]]


def entries(card: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
    """(role, person or None for a role no one holds, their duties) in the card's order."""
    for role in CARD_ROLES:
        if not card[role]:
            yield role, None, ""
        for person in card[role]:
            yield role, person, person["duties"] or t(f"duties_{role}")


def card_txt(card: dict[str, Any]) -> str:
    rule = "=" * 44
    lines = [rule, f"  {card_heading(card)}", f"  {unit_title(card)}  {t('card_title')}", rule, ""]
    for role, person, duties in entries(card):
        if person is None:
            lines += [f"  {role_name(role)}{t('colon')}{t('card_vacant')}", ""]
            continue
        lines.append(f"  {role_name(role)}{t('colon')}{person['name']}")
        lines.append(f"      {t('card_phone')}{t('colon')}{spaced_phone(person['phone'])}")
        lines.append(f"      {t('card_duties')}{t('colon')}{duties}")
        lines.append("")
    lines += ["-" * 44, f"  {t('card_numbers')}"]
    lines += [f"      {whom}{t('colon')}{phone}" for whom, phone in numbers(card)]
    lines += ["-" * 44, f"  {t('card_footer')}", ""]
    return "\n".join(lines)


def card_md(card: dict[str, Any]) -> str:
    from danyuanzhang.text.markdown import md_cell

    lines = [f"# {md_cell(unit_title(card))} {t('card_title')}", ""]
    lines += [f"**{md_cell(card_heading(card))}**", ""]
    for role, person, duties in entries(card):
        if person is None:
            lines += [f"## {role_name(role)}{t('colon')}{t('card_vacant')}", ""]
            continue
        lines += [
            f"## {role_name(role)}{t('colon')}{md_cell(person['name'])}",
            "",
            f"- {t('card_phone')}{t('colon')}**{md_cell(spaced_phone(person['phone']))}**",
            f"- {t('card_duties')}{t('colon')}{md_cell(duties)}",
            "",
        ]
    lines += [f"## {t('card_numbers')}", ""]
    lines += [f"- {whom}{t('colon')}**{md_cell(phone)}**" for whom, phone in numbers(card)]
    lines += ["", f"> {t('card_footer')}", ""]
    return "\n".join(lines)


def _css(paper: str) -> str:
    """A5 as the card is hung in a stairwell; A4 for a notice board, everything larger."""
    scale = 1.38 if paper == "a4" else 1.0  # A4 is √2 times A5 on each side

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    def mm(size: float) -> str:
        return f"{size * scale:.1f}mm"

    return f"""
@page {{ size: {paper.upper()} portrait; margin: 8mm; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {FONTS}; color: #000; background: #fff; word-break: keep-all; }}
.card {{ width: {mm(132)}; margin: 0 auto; border: {mm(1.5)} solid #b22222;
        padding: {mm(4)} {mm(6)}; }}
h1 {{ font-size: {pt(22)}; text-align: center; margin: 0 0 {mm(1)}; color: #b22222; }}
.place {{ font-size: {pt(14)}; text-align: center; margin: 0 0 {mm(2)}; }}
.person {{ display: flex; gap: {mm(4)}; border-top: 0.4mm solid #999; padding: {mm(2)} 0; }}
.photo {{ width: {mm(20)}; height: {mm(26)}; object-fit: cover; border: 0.3mm solid #666; }}
.role {{ font-size: {pt(13)}; color: #b22222; margin: 0; }}
.name {{ font-size: {pt(20)}; font-weight: bold; margin: 0; white-space: nowrap; }}
.phone {{ font-size: {pt(21)}; font-weight: bold; margin: 0.5mm 0; letter-spacing: 0.3mm;
         white-space: nowrap; }}
.duties {{ font-size: {pt(12)}; margin: 0; }}
.vacant {{ font-size: {pt(18)}; color: #555; margin: 0; }}
.numbers {{ border-top: 0.4mm solid #999; padding: {mm(1.5)} 0 0; margin: 0;
           display: flex; flex-wrap: wrap; column-gap: {mm(5)}; font-size: {pt(14)}; }}
.numbers span {{ white-space: nowrap; }}
.numbers b {{ font-size: {pt(16)}; }}
.footer {{ font-size: {pt(13)}; text-align: center; border-top: 0.4mm solid #999;
          padding-top: {mm(2)}; margin: {mm(2)} 0 0; }}
"""


def card_html(card: dict[str, Any], paper: str = "a5") -> str:
    esc = html.escape
    blocks = []
    for role, person, duties in entries(card):
        if person is None:
            blocks.append(
                f'<div class="person"><div><p class="role">{esc(role_name(role))}</p>'
                f'<p class="vacant">{esc(t("card_vacant"))}</p></div></div>'
            )
        else:
            photo = (
                f'<img class="photo" src="{esc(person["photo"])}" alt="">'
                if person["photo"]
                else ""
            )
            blocks.append(
                f'<div class="person">{photo}<div>'
                f'<p class="role">{esc(role_name(role))}</p>'
                f'<p class="name">{esc(person["name"])}</p>'
                f'<p class="phone">☎ {esc(spaced_phone(person["phone"]))}</p>'
                f'<p class="duties">{esc(t("card_duties"))}{esc(t("colon"))}{esc(duties)}</p>'
                "</div></div>"
            )
    called = "".join(
        f"<span>{esc(whom)}{esc(t('colon'))}<b>{esc(phone)}</b></span>"
        for whom, phone in numbers(card)
    )
    title = f"{unit_title(card)} {t('card_title')}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(pick("zh-CN", "en"))}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_css(paper)}</style></head><body>"
        f'<div class="card"><h1>{esc(title)}</h1>'
        f'<p class="place">{esc(card_heading(card))}</p>'
        + "".join(blocks)
        + f'<p class="numbers">{called}</p>'
        + f'<p class="footer">{esc(t("card_footer"))}</p></div></body></html>\n'
    )
