"""A ledger as a printable page: A4 landscape, the community and the period at the top, the
header row repeated on every page, rows never split across pages, names, flats and dates never
broken inside, columns for a signature narrow but wide enough to sign in (their header on two
lines: who, then 签字), and at the foot 填表人, 审核人, 日期 and 社区（盖章）. The same frame as
Markdown, for a ledger pasted into a document.
"""

from __future__ import annotations

import html
from datetime import date

from danyuanzhang.paperwork.ledgers import Cell, Column, Ledger, foot, foot_text, period_words
from danyuanzhang.text.i18n import pick, t
from danyuanzhang.text.typeset import FONTS, unbroken

# columns holding a date, a flat, a name or a short word: kept on one line (free text wraps)
_NOWRAP = {
    "no",
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
    "risk",
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

# columns of a few short words each (独居老人、残疾) in a ledger of many columns: wide enough
# for a word or two a line, not a character a line
_WORDS = {("care", "category")}

_CSS = """
@page { size: A4 landscape; margin: 12mm 10mm 14mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 10pt; } }
body { font-family: FONTS; font-size: 12pt; color: #000; margin: 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; letter-spacing: 0.1em; }
p.period { text-align: center; margin: 0 0 3mm; font-size: 12pt; }
p.heading { margin: 0 0 3mm; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 1.2mm; vertical-align: top;
         overflow-wrap: break-word; line-height: 1.35; }
th { font-weight: bold; background: #eee; text-align: center; min-width: 2.2em; }
td.nowrap { white-space: nowrap; }
td.words { min-width: 5.5em; }
th.pen, td.pen { width: 15mm; min-width: 15mm; }
span.line, span.nobreak { white-space: nowrap; }
td.n { text-align: right; }
/* the totals and the foot never stand alone on a last sheet: the last rows come along */
div.end { break-before: avoid; break-inside: avoid; }
ul.notes { margin: 3mm 0 0; padding-left: 5mm; }
div.signatures { display: flex; justify-content: space-between; margin-top: 8mm; }
div.signatures span { white-space: nowrap; }
span.blank { display: inline-block; min-width: 30mm; border-bottom: 0.3mm solid #000; }
p.footer { margin-top: 4mm; font-size: 12pt; text-align: center; }
""".replace("FONTS", FONTS)


def cell_text(value: Cell, year: int | None = None) -> str:
    """A cell as printed; a day of `year` (the year the period lies in, printed above the
    table) as month and day alone, so that a ledger of many dated columns fits the page."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%m-%d") if value.year == year else value.isoformat()
    return str(value)


def header_lines(column: Column) -> list[str]:
    """A header as printed: a signature column's on two lines (who, then 签字), so that the
    column stays as narrow as a signature; any other on one."""
    header = column.header()
    if not column.pen:
        return [header]
    for tail in ("签字", "签名"):
        if header.endswith(tail) and len(header) > len(tail):
            return [header.removesuffix(tail), tail]
    who, space, what = header.rpartition(" ")
    return [who, what] if space and who else [header]


def _th(column: Column) -> str:
    if not column.pen:
        return f"<th>{html.escape(column.header())}</th>"
    lines = "<br>".join(f'<span class="line">{html.escape(x)}</span>' for x in header_lines(column))
    return f'<th class="pen">{lines}</th>'


def ledger_html(ledger: Ledger) -> str:
    esc = html.escape
    head = "".join(_th(c) for c in ledger.columns)
    start, end = ledger.period.start, ledger.period.end
    year = int(start[:4]) if start[:4] == end[:4] else None
    body = []
    for row in ledger.rows:
        cells = []
        for column in ledger.columns:
            value = row.get(column.key)
            classes = [
                name
                for name, wanted in (
                    ("nowrap", column.key in _NOWRAP),
                    ("words", (ledger.kind, column.key) in _WORDS),
                    ("pen", column.pen),
                    ("n", isinstance(value, int | float)),
                )
                if wanted
            ]
            text = unbroken(cell_text(value, year))
            cells.append(f'<td class="{" ".join(classes)}">{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(ledger.columns)}">{esc(t("ledger_empty"))}</td></tr>')
    notes = "".join(f"<li>{esc(n)}</li>" for n in ledger.notes)
    signatures = "".join(
        f'<span>{esc(label)}<span class="blank">{esc(value)}</span></span>'
        for label, value in foot(ledger)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{pick("zh-CN", "en")}"><head><meta charset="utf-8">'
        f"<title>{esc(ledger.title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{esc(ledger.title)}</h1>"
        f'<p class="period">{esc(period_words(ledger.period))}</p>'
        + "".join(f'<p class="heading">{esc(line)}</p>' for line in ledger.heading)
        + f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        '<div class="end">'
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
        + f'<div class="signatures">{signatures}</div>'
        f'<p class="footer">{esc(t("ledger_footer"))}</p>'
        "</div></body></html>\n"
    )


def ledger_markdown(ledger: Ledger) -> str:
    """The ledger as Markdown: title, period, the table, its totals and the lines at its foot."""
    from danyuanzhang.text.markdown import md_cell, md_table, md_text

    headers = [c.header() for c in ledger.columns]
    rows = [[cell_text(row.get(c.key)) for c in ledger.columns] for row in ledger.rows]
    lines = [f"# {md_cell(ledger.title)}", "", md_text(period_words(ledger.period)), ""]
    if ledger.heading:
        lines += [*map(md_text, ledger.heading), ""]
    lines += md_table(headers, rows) if rows else [t("ledger_empty")]
    if ledger.notes:
        lines += ["", *(f"- {md_cell(note)}" for note in ledger.notes)]
    lines += ["", md_text(pick("　　", "    ").join(foot_text(ledger))), "", t("ledger_footer")]
    return "\n".join(lines) + "\n"
