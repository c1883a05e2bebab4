"""The council's agenda and the unit head's walk sheet as pages for A4: columns as wide as
what they hold, the long text taking the rest, nothing broken inside a name, a flat, a day or
a number, the title at the head of every sheet and its number at the foot."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from danyuanzhang.text.i18n import pick, t
from danyuanzhang.text.ids import short
from danyuanzhang.text.typeset import (
    BASE_CSS,
    day_words,
    flat_words,
    private_footer,
    unbroken,
    unit_words,
)

if TYPE_CHECKING:
    from danyuanzhang.cases.council_shape import Agenda
    from danyuanzhang.paperwork.today_shape import VisitDue

PAGES_ZH = '"第 " counter(page) " 页，共 " counter(pages) " 页"'
PAGES_EN = '"page " counter(page) " of " counter(pages)'


def css_text(text: str) -> str:
    """Text as a CSS string, for a page's margin boxes."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page(title: str, body: str, css: str, personal: bool) -> str:
    """A page for A4 with `title` at the head of every sheet and the sheet's number at its
    foot, and, where it holds residents' personal data, the footer asking to destroy it."""
    margin_boxes = (
        "@page { size: A4 portrait; margin: 15mm 13mm;"
        f" @top-center {{ content: {css_text(title)}; font-size: 10pt; color: #444; }}"
        f" @bottom-center {{ content: {pick(PAGES_ZH, PAGES_EN)}; font-size: 10pt; color: #444; }}"
        + (
            f" @bottom-left {{ content: {css_text(private_footer())}; font-size: 10pt; color: #444; }}"
            if personal
            else ""
        )
        + " }"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(pick("zh-CN", "en"))}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{BASE_CSS}{margin_boxes}{css}</style></head>"
        f"<body>{body}</body></html>\n"
    )


_TABLE_CSS = """
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 6mm 0 2mm; break-after: avoid; }
p.sub { margin: 0 0 3mm; color: #333; }
table { width: 100%; }
th, td { border: 0.3mm solid #555; padding: 1.5mm 2mm; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; }
td.fit { white-space: nowrap; width: 1%; }
td.num { text-align: right; }
"""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], kinds: str) -> str:
    """Cells already HTML; `kinds` has a letter per column: f a column as wide as its widest
    cell, n the same for a number (set right), t a text sharing what is left."""
    classes = {"f": ' class="fit"', "n": ' class="fit num"', "t": ""}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td{classes[kind]}>{cell}</td>" for cell, kind in zip(row, kinds, strict=True))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def agenda_page(data: Agenda) -> str:
    """议事会议程 for the council table: each matter with the households behind it and how
    long it has waited, then the proposals the office has not answered. The texts are the
    residents' own words, phones masked: the page says it is not to be kept."""
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    esc = html.escape
    title = t("agenda_title", date=day_words(data["date"], full=True))
    matters = [
        [
            esc(pick(*PETITION_CATEGORIES.get(m["category"], (m["category"], m["category"])))),
            esc(unit_words(m["unit"])),
            esc(str(m["households"])),
            esc(str(m["waiting_days"])),
            "<br>".join(unbroken(text) for text in m["texts"]),
        ]
        for m in data["matters"]
    ]
    proposals = [
        [
            esc(short(p["id"])),
            unbroken(p["text"]),
            esc(day_words(p["proposed_on"])),
            esc(str(p["waiting_days"])),
        ]
        for p in data["proposals"]
    ]
    from danyuanzhang.text.render import AGENDA_MATTER_HEADERS, AGENDA_PROPOSAL_HEADERS

    none = f"<p>{esc(t('agenda_none'))}</p>"
    body = (
        f"<h1>{unbroken(title)}</h1>"
        f'<p class="sub">{esc(data.get("community") or "")}</p>'
        f"<h2>{esc(t('agenda_matters'))}</h2>"
        + (_table([t(h) for h in AGENDA_MATTER_HEADERS], matters, "ffnnt") if matters else none)
        + f"<h2>{esc(t('agenda_proposals'))}</h2>"
        + (
            _table([t(h) for h in AGENDA_PROPOSAL_HEADERS], proposals, "ftfn")
            if proposals
            else none
        )
    )
    return page(title, body, _TABLE_CSS, personal=True)


_WALK_CSS = """
.tick { display: inline-block; white-space: nowrap; margin-right: 2mm; }
.tick span { display: inline-block; width: 4mm; height: 4mm; border: 0.3mm solid #000;
             margin-right: 1mm; vertical-align: -0.6mm; }
td:nth-child(4) { min-width: 42mm; }
td:last-child { width: 24%; }
.name { margin-right: 0.5em; }
"""


def walk_sheet_page(items: Sequence[VisitDue], scope: str, on: str | None) -> str:
    """The walk sheet (走访清单): one line per household in the order to visit, boxes to tick
    and room for notes. It names the residents: the page says it is not to be kept."""
    from datetime import date

    from danyuanzhang.text.render import DUE_HEADERS, due_reason

    esc = html.escape
    day = on or date.today().isoformat()
    title = t("walk_title", scope=unit_words(scope) if scope else "").strip()
    boxes = "".join(
        f'<span class="tick"><span></span>{esc(t(key))}</span>'
        for key in ("walk_met", "walk_not_home", "walk_declined")
    )
    rows = [
        [
            str(n),
            esc(flat_words(item["household"])),
            " ".join(f'<span class="name">{esc(name)}</span>' for name in item["residents"]),
            unbroken(due_reason(_in_words(item))),
            boxes,
            "",
        ]
        for n, item in enumerate(items, start=1)
    ]
    # the reason says how the last visit went; the room goes to the notes
    headers = [t(h) for h in DUE_HEADERS[:4]] + [t("walk_result"), t("walk_notes")]
    headers[1] = t("walk_flat")
    table = _table(headers, rows, "nfttft").replace(
        f'<td class="fit">{boxes}</td>', f'<td class="fit box">{boxes}</td>'
    )
    body = (
        f"<h1>{esc(title)}</h1>"
        f'<p class="sub">{unbroken(t("walk_sub", date=day_words(day, full=True), count=len(items)))}</p>'
        + (table if items else f"<p>{esc(t('nobody_due'))}</p>")
    )
    return page(title, body, _TABLE_CSS + _WALK_CSS, personal=True)


def _in_words(item: VisitDue) -> dict[str, object]:
    """The walk list's item with its days as the page writes them (11月5日)."""
    return {
        **item,
        **{
            key: day_words(item[key])
            for key in ("last_visit", "last_attempt", "due_on")
            if item[key]
        },
    }
