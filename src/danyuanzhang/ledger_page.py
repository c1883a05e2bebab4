"""A ledger as a printable page: A4 landscape, the header row repeated on every page, rows
never split across pages, names, flats and dates never broken inside, empty columns wide
enough to sign in, and signature lines for the person who filled it and the one who checked.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from danyuanzhang.i18n import pick, t
from danyuanzhang.ledgers import Ledger, period_words

# columns holding a date, a flat, a name or a short word: kept on one line (free text wraps)
_NOWRAP = {
    "on",
    "found_on",
    "due",
    "notified_on",
    "rectified_on",
    "verified_on",
    "raised_on",
    "settled_on",
    "moved_in",
    "moved_out",
    "when",
    "household",
    "phone",
    "born",
    "address",
    "where",
    "severity",
    "finder",
    "verifier",
    "visitor",
    "patroller",
    "recurrence",
    "outcome",
    "app",
    "level",
    "confirmed",
    "joint",
    "households",
    "tenure",
    "name",
    "resident",
    "passage",
    "lighting",
    "extinguisher",
    "ebike",
    "combustibles",
    "volunteer",
    "served",
    "hours",
    "recorder",
    "dispute",
    "mediator",
    "follow_up_on",
}

_CSS = """
@page { size: A4 landscape; margin: 12mm 10mm 14mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 10pt; } }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun",
       sans-serif; font-size: 12pt; color: #000; margin: 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.1em; }
p.period { text-align: center; margin: 0 0 3mm; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 1.2mm; vertical-align: top;
         overflow-wrap: break-word; line-height: 1.35; }
th { font-weight: bold; background: #eee; text-align: center; min-width: 2.2em; }
td.nowrap { white-space: nowrap; }
td.pen { min-width: 20mm; }
td.n { text-align: right; }
ul.notes { margin: 3mm 0 0; padding-left: 5mm; }
div.signatures { display: flex; justify-content: space-between; margin-top: 8mm; }
div.signatures span { min-width: 60mm; }
p.footer { margin-top: 4mm; font-size: 12pt; text-align: center; }
"""


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def ledger_html(ledger: Ledger) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(c.header())}</th>" for c in ledger.columns)
    body = []
    for row in ledger.rows:
        cells = []
        for column in ledger.columns:
            value = row.get(column.key)
            classes = [
                name
                for name, wanted in (
                    ("nowrap", column.key in _NOWRAP),
                    ("pen", column.pen),
                    ("n", isinstance(value, int | float)),
                )
                if wanted
            ]
            cells.append(f'<td class="{" ".join(classes)}">{esc(cell_text(value))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(ledger.columns)}">{esc(t("ledger_empty"))}</td></tr>')
    notes = "".join(f"<li>{esc(n)}</li>" for n in ledger.notes)
    signatures = "".join(
        f"<span>{esc(t(key))}____________</span>"
        for key in ("ledger_signed_by", "ledger_checked_by", "ledger_signed_on")
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{pick("zh-CN", "en")}"><head><meta charset="utf-8">'
        f"<title>{esc(ledger.title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{esc(ledger.title)}</h1>"
        f'<p class="period">{esc(period_words(ledger.period))}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
        + f'<div class="signatures">{signatures}</div>'
        f'<p class="footer">{esc(t("ledger_footer"))}</p>'
        "</body></html>\n"
    )
