"""The weekly report in each of its forms: terminal tables, Markdown for a chat group,
CSV for Excel, and one printable HTML page with its charts drawn as inline SVG.

Every form is drawn from the same rows (`sections`), so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, TypedDict

from danyuanzhang.text.i18n import counted, said, short_day, t, word
from danyuanzhang.text.ids import short

if TYPE_CHECKING:
    from danyuanzhang.paperwork.report_shape import (
        AntiFraud,
        Council,
        Hazards,
        Needs,
        Visits,
        Volunteers,
        VulnerableHome,
        WeeklyReport,
    )

BARS = "▁▂▃▄▅▆▇█"

# (label, this week, last week, change): a figure and, when it is compared, last week's
Figure = tuple[str, str | int | float, str | int | float | None, int | float | None]


class Section(TypedDict):
    key: str
    heading: str
    rows: list[Figure]
    lines: list[str]


def signed(value: int | float) -> str:
    if value == 0:
        return "—"
    return f"+{value}" if value > 0 else str(value)


def _listing(parts: list[str]) -> str:
    return t("list_sep").join(parts) if parts else t("rp_none")


def title(report: WeeklyReport) -> str:
    """芙蓉南路社区每周汇总（11月30日—12月6日，截至12月1日）; 2栋2单元每周汇总（…）"""
    from danyuanzhang.text.i18n import span

    scope = report["scope"]
    if scope["kind"] == "unit":
        name = "、".join(
            t("rp_scope_unit", building=building, unit=unit)
            for building, _, unit in (u.partition("-") for u in str(scope["name"]).split(","))
        )
    else:
        name = t(f"rp_scope_{scope['kind']}", name=scope["name"])
    as_of = ""
    if report["as_of"] < report["to"]:
        as_of = t("rp_as_of", day=short_day(date.fromisoformat(report["as_of"])))
    return t("rp_title", scope=name, days=span(*_days(report["from"], report["to"])), as_of=as_of)


def trend_heading(report: WeeklyReport) -> str:
    from danyuanzhang.text.i18n import span

    return t("rp_trend", weeks=span(*_days(report["trend"]["from"], report["trend"]["to"])))


def _days(first: str, last: str) -> tuple[date, date]:
    return date.fromisoformat(first), date.fromisoformat(last)


def sections(report: WeeklyReport) -> list[Section]:
    """Each section: a heading, rows of (label, this week, last week, change), and lines."""
    redacted = report["redacted"]
    return [
        _visits_section(report["visits"], redacted),
        _needs_section(report["needs"]),
        _hazards_section(report["hazards"]),
        _anti_fraud_section(report["anti_fraud"], redacted),
        _volunteers_section(report["volunteers"]),
        _council_section(report["council"]),
    ]


def _visits_section(v: Visits, redacted: bool) -> Section:
    from danyuanzhang.text.vocab import BUILTIN_FLAGS

    return {
        "key": "visits",
        "heading": t("rp_visits"),
        "rows": [
            (t("rp_visits_made"), v["made"], v["last_week"]["made"], v["change"]["made"]),
            (
                t("rp_reached", total=v["households"]),
                v["households_reached"],
                v["last_week"]["households_reached"],
                v["change"]["households_reached"],
            ),
            (
                t("rp_coverage"),
                f"{v['coverage']}%",
                f"{v['last_week']['coverage']}%",
                v["change"]["coverage"],
            ),
            (t("rp_not_home"), v["not_home"], v["last_week"]["not_home"], None),
        ],
        "lines": [
            t("rp_by_visitor", who=_listing(v["visitors"])),
            _vulnerable_counted(v["vulnerable_not_reached"])
            if redacted and v["vulnerable_not_reached"]
            else t(
                "rp_vulnerable",
                who=_listing(
                    [
                        t(
                            "rp_vulnerable_one",
                            ref=d["household"],
                            reason=word(d["reason"], BUILTIN_FLAGS),
                            when=_not_reached(d),
                        )
                        for d in v["vulnerable_not_reached"]
                    ]
                ),
            ),
        ],
    }


def _needs_section(n: Needs) -> Section:
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    ages = n["open_by_age"]
    oldest = n["oldest_open"]
    lines = [
        t(
            "rp_by_category",
            what=_listing(
                [f"{word(k, PETITION_CATEGORIES)} {x}" for k, x in n["by_category"].items()]
            ),
        ),
        t(
            "rp_open_by_age",
            total=n["open"],
            under_7=ages["under_7"],
            mid=ages["7_to_30"],
            over_30=ages["over_30"],
        ),
    ]
    if oldest and oldest["text"] is None:  # redacted: neither the flat nor their words
        lines.append(
            t(
                "rp_oldest_counted",
                category=word(oldest["category"], PETITION_CATEGORIES),
                days=oldest["days"],
                id=short(oldest["id"]),
            )
        )
    elif oldest:
        lines.append(
            t(
                "rp_oldest",
                ref=oldest["household"] or "—",
                text=said(oldest["text"]),
                days=oldest["days"],
                id=short(oldest["id"]),
            )
        )
    return {
        "key": "needs",
        "heading": t("rp_needs"),
        "rows": [
            (
                t("rp_collected"),
                n["collected"],
                n["last_week"]["collected"],
                n["change"]["collected"],
            ),
            (
                t("rp_resolved"),
                n["resolved_on_the_spot"],
                n["last_week"]["resolved_on_the_spot"],
                n["change"]["resolved_on_the_spot"],
            ),
            (
                t("rp_escalated"),
                n["escalated"],
                n["last_week"]["escalated"],
                n["change"]["escalated"],
            ),
        ],
        "lines": lines,
    }


def _hazards_section(h: Hazards) -> Section:
    from danyuanzhang.text.vocab import HAZARD_KINDS

    return {
        "key": "hazards",
        "heading": t("rp_hazards"),
        "rows": [
            (t("rp_found"), h["found"], h["last_week"]["found"], h["change"]["found"]),
            (
                t("rp_rectified"),
                h["rectified"],
                h["last_week"]["rectified"],
                h["change"]["rectified"],
            ),
            (t("rp_verified"), h["verified"], h["last_week"]["verified"], h["change"]["verified"]),
            (
                t("rp_recurrences"),
                h["recurrences"],
                h["last_week"]["recurrences"],
                h["change"]["recurrences"],
            ),
        ],
        "lines": [
            t(
                "rp_by_kind",
                what=_listing([f"{word(k, HAZARD_KINDS)} {x}" for k, x in h["by_kind"].items()]),
            ),
            t(
                "rp_overdue",
                what=_listing(
                    [
                        t(
                            "rp_overdue_one",
                            kind=word(o["kind"], HAZARD_KINDS),
                            where=o["household"] or o["unit"],
                            days=o["days_overdue"],
                        )
                        for o in h["overdue"]
                    ]
                ),
            ),
        ],
    }


def _anti_fraud_section(a: AntiFraud, redacted: bool) -> Section:
    return {
        "key": "anti_fraud",
        "heading": t("rp_anti_fraud"),
        "rows": [
            (
                t("rp_app"),
                f"{a['app_installed']}/{a['households']} ({a['app_coverage']}%)",
                None,
                None,
            ),
            (
                t("rp_briefed"),
                f"{a['briefed']}/{a['households']} ({a['briefing_coverage']}%)",
                None,
                None,
            ),
        ],
        "lines": [
            t(
                "rp_move_ins_counted",
                count=len(a["move_ins"]),
                unbriefed=sum(not m["briefed"] for m in a["move_ins"]),
            )
            if redacted and a["move_ins"]
            else t(
                "rp_move_ins",
                who=_listing(
                    list(
                        dict.fromkeys(  # redacted, a flat's new arrivals are one line
                            f"{m['household']}"
                            f"{'' if not m['name'] or m['name'] == m['household'] else ' ' + m['name']}"
                            + t(
                                "rp_briefing",
                                state=t("rp_briefed_yes" if m["briefed"] else "rp_briefed_no"),
                            )
                            for m in a["move_ins"]
                        )
                    )
                ),
            )
        ],
    }


def _volunteers_section(team: Volunteers) -> Section:
    """Services by kind and hours, needs handed to volunteers, disputes — in two lines, and
    no one's name (a report is not a ranking)."""
    from danyuanzhang.text.vocab import SERVICE_KINDS

    kinds = _listing(
        [
            t("rp_service_kind", kind=word(k, SERVICE_KINDS), count=v["services"], hours=v["hours"])
            for k, v in team["by_kind"].items()
        ]
    )
    return {
        "key": "volunteers",
        "heading": t("rp_volunteers"),
        "rows": [],
        "lines": [
            t(
                "rp_services" if team["services"] else "rp_services_none",
                services=counted(team["services"], "次", "service"),
                hours=f"{team['hours']:g}",
                last=team["last_week"]["services"],
                kinds=kinds,
                assigned=counted(team["needs_assigned"], "条", "need"),
            ),
            t(
                "rp_disputes",
                open=team["disputes_open"],
                settled=team["disputes_settled"],
                follow_ups=team["follow_ups_due"],
            )
            if team["disputes_open"] or team["disputes_settled"] or team["follow_ups_due"]
            else t("rp_disputes_none"),
        ],
    }


def _council_section(c: Council) -> Section:
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    return {
        "key": "council",
        "heading": t("rp_council"),
        "rows": [],
        "lines": [
            t(
                "rp_matters",
                what=_listing(
                    [
                        t(
                            "rp_matter_one",
                            category=word(m["category"], PETITION_CATEGORIES),
                            unit=m["unit"],
                            households=m["households"],
                            days=m["waiting_days"],
                        )
                        for m in c["matters_waiting"]
                    ]
                ),
            ),
            t(
                "rp_proposals",
                what=_listing(
                    [
                        t("rp_proposal_one", text=p["text"], days=p["waiting_days"])
                        for p in c["proposals_awaiting_office"]
                    ]
                ),
            ),
            t(
                "rp_decisions",
                what=_listing(
                    [
                        f"{p['text']}{t('colon')}{t('rp_' + p['decision'])}"
                        f"{t('rp_decided_on', day=short_day(date.fromisoformat(p['decided_on'])))}"
                        for p in c["decisions_this_week"]
                    ]
                ),
            ),
        ],
    }


def sparkline(values: list[int]) -> str:
    top = max(values) if values else 0
    if top == 0:
        return BARS[0] * len(values)
    return "".join(BARS[min(len(BARS) - 1, round(v / top * (len(BARS) - 1)))] for v in values)


def trend_rows(report: WeeklyReport) -> list[tuple[str, str, str]]:
    trend = report["trend"]
    return [
        (t(f"rp_trend_{name}"), sparkline(trend[name]), " ".join(str(x) for x in trend[name]))
        for name in ("visits", "needs", "hazards")
    ]


def empty_line(report: WeeklyReport) -> str | None:
    if not report["empty"]:
        return None
    return t("rp_nothing_at_all") if report["nothing_open"] else t("rp_empty_week")


def quiet(report: WeeklyReport) -> bool:
    """Nothing happened and nothing is open: one plain sentence says it all."""
    return bool(report["empty"] and report["nothing_open"])


# -- the terminal -------------------------------------------------------------------------------


def report_table(report: WeeklyReport, width: int = 80) -> str:
    """The figures in tables, the rest as plain lines, within `width` columns; no colour
    codes, so it reads the same on a terminal, in a file or through a pipe."""
    import io

    from danyuanzhang.text.visible import visible
    from danyuanzhang.text.width import wrap

    buffer = io.StringIO()

    def say(text: str = "") -> None:
        for piece in wrap(text, width):
            buffer.write(piece + "\n")

    say(title(report))
    empty = empty_line(report)
    if empty:
        say(empty)
    if quiet(report):
        return buffer.getvalue()
    for section in sections(report):
        say()
        say(section["heading"])
        if section["rows"]:
            compared = any(row[2] is not None for row in section["rows"])
            header = [t("rp_col_what"), t("rp_col_this")]
            if compared:
                header += [t("rp_col_last"), t("rp_col_change")]
            rows = [header]
            for label, this, last, change in section["rows"]:
                cells = [label, str(this)]
                if compared:
                    cells += [
                        "" if last is None else str(last),
                        "" if change is None else signed(change),
                    ]
                rows.append([visible(cell) for cell in cells])
            lines = plain_table(rows, width)
            buffer.write("\n".join(rich_table(rows, width) if lines is None else lines) + "\n")
        for line in section["lines"]:
            say(line)
    say()
    say(trend_heading(report))
    for label, bars, numbers in trend_rows(report):
        say(f"{label} {bars}  {numbers}")
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


# What a figure's table holds nearly always: ASCII, Chinese and its punctuation, the dash and
# the quotes, each as wide to dyz as to rich (tests/test_startup.py compares them one by one).
# Ranges looked up rather than a pattern: a class of all of Chinese takes a millisecond to compile
PLAIN_RANGES = (
    (0x20, 0x7E),
    (0xB7, 0xB7),
    (0x2014, 0x2014),
    (0x2018, 0x2019),
    (0x201C, 0x201D),
    (0x2026, 0x2026),
    (0x3001, 0x3029),
    (0x3030, 0x303F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xFF01, 0xFF60),
)


@cache
def plain_character(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in PLAIN_RANGES)


def _plain(cell: str) -> bool:
    if cell.isascii():
        return cell.isprintable()
    return all(map(plain_character, cell))


def plain_table(rows: list[list[str]], width: int) -> list[str] | None:
    """The lines rich draws for `rich_table(rows, width)`, drawn without importing rich (it
    would cost the report a fifth of its start-up): the header, a rule under it, then the
    rows, the first column to the left and the figures to the right, three spaces between
    columns. None where only rich can tell: a table wider than `width`, whose cells it would
    wrap, an empty column, a cell with space at either end, or a character outside `PLAIN_RANGES`."""
    from danyuanzhang.text.width import display_width

    for row in rows:
        for cell in row:
            if cell != cell.strip() or not _plain(cell):
                return None
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    whole = sum(widths) + 3 * (len(widths) - 1)
    if whole > width or 0 in widths:
        return None
    lines = []
    for row in rows:
        cells = enumerate(zip(row, widths, strict=True))
        line = "   ".join(_aligned(cell, size, index == 0) for index, (cell, size) in cells)
        lines.append(line.rstrip())
        if len(lines) == 1:
            lines.append("─" * whole)
    return lines


def _aligned(cell: str, size: int, left: bool) -> str:
    from danyuanzhang.text.width import display_width

    gap = " " * (size - display_width(cell))
    return cell + gap if left else gap + cell


def rich_table(rows: list[list[str]], width: int) -> list[str]:
    """The first row the header, the first column to the left and the figures to the right,
    as rich draws them within `width` columns (wrapping what does not fit)."""
    import io
    import os

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        no_color=bool(os.environ.get("NO_COLOR")),
        color_system=None,
        highlight=False,
        emoji=False,
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    header, *body = rows
    for index, name in enumerate(header):
        table.add_column(name, justify="left" if index == 0 else "right")
    for cells in body:
        # a Text is never read as rich markup: a label of `[red]` stays as typed
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


# -- Markdown, for a chat group ------------------------------------------------------------------


def report_md(report: WeeklyReport) -> str:
    from danyuanzhang.text.markdown import md_cell, md_text

    lines = [f"# {md_cell(title(report))}", ""]
    empty = empty_line(report)
    if empty:
        lines += [md_text(empty), ""]
    if quiet(report):
        return "\n".join(lines)
    for section in sections(report):
        lines += [f"## {md_cell(section['heading'])}", ""]
        if section["rows"]:
            lines += [
                f"| {t('rp_col_what')} | {t('rp_col_this')} | {t('rp_col_last')} | {t('rp_col_change')} |",
                "|---|---:|---:|---:|",
            ]
            lines += [
                f"| {md_cell(label)} | {this} | {'' if last is None else last} | {'' if change is None else signed(change)} |"
                for label, this, last, change in section["rows"]
            ]
            lines.append("")
        lines += [f"- {md_cell(line)}" for line in section["lines"]] + [""]
    lines += [
        f"## {md_cell(trend_heading(report))}",
        "",
    ]
    lines += [
        f"- {md_cell(label)} `{bars}` {md_cell(numbers)}"
        for label, bars, numbers in trend_rows(report)
    ]
    return "\n".join(lines) + "\n"


# -- CSV: one tidy table, every figure a row ------------------------------------------------------


def report_csv(report: WeeklyReport) -> str:
    """(section, figure, key, this week, last week): opens as it is in Excel."""
    from danyuanzhang.text.render import to_csv

    rows: list[dict[str, Any]] = []

    def add(section: str, figure: str, this: Any, last: Any = None, key: str = "") -> None:
        rows.append(
            {"week": report["week"], "scope": report["scope"]["name"], "section": section,
             "figure": figure, "key": key, "this_week": this, "last_week": last}
        )  # fmt: skip

    compared: list[tuple[str, Mapping[str, object], Mapping[str, object]]] = [
        ("visits", report["visits"], report["visits"]["last_week"]),
        ("needs", report["needs"], report["needs"]["last_week"]),
        ("hazards", report["hazards"], report["hazards"]["last_week"]),
    ]
    for section, figures, last_week in compared:
        for figure, last in last_week.items():
            add(section, figure, figures[figure], last)
    for visitor in report["visits"]["visitors"]:
        add("visits", "visitor", None, key=visitor)
    for category, count in report["needs"]["by_category"].items():
        add("needs", "by_category", count, key=category)
    for age, open_count in report["needs"]["open_by_age"].items():
        add("needs", "open_by_age", open_count, key=age)
    for kind, count in report["hazards"]["by_kind"].items():
        add("hazards", "by_kind", count, key=kind)
    for item in report["hazards"]["overdue"]:
        add("hazards", "overdue_days", item["days_overdue"], key=item["household"] or item["unit"])
    watch = report["anti_fraud"]
    add("anti_fraud", "households", watch["households"])
    add("anti_fraud", "app_installed", watch["app_installed"])
    add("anti_fraud", "briefed", watch["briefed"])
    add("anti_fraud", "app_coverage", watch["app_coverage"])
    add("anti_fraud", "briefing_coverage", watch["briefing_coverage"])
    team = report["volunteers"]
    add("volunteers", "services", team["services"], team["last_week"]["services"])
    add("volunteers", "hours", team["hours"], team["last_week"]["hours"])
    add("volunteers", "needs_assigned", team["needs_assigned"])
    add("volunteers", "disputes_open", team["disputes_open"])
    add("volunteers", "disputes_settled", team["disputes_settled"])
    add("volunteers", "follow_ups_due", team["follow_ups_due"])
    for kind, figures in team["by_kind"].items():
        add("volunteers", "services_by_kind", figures["services"], key=kind)
        add("volunteers", "hours_by_kind", figures["hours"], key=kind)
    add("council", "matters_waiting", len(report["council"]["matters_waiting"]))
    add("council", "proposals_awaiting_office", len(report["council"]["proposals_awaiting_office"]))
    add("council", "decisions_this_week", len(report["council"]["decisions_this_week"]))
    trend = report["trend"]
    for name, counts in (
        ("visits", trend["visits"]),
        ("needs", trend["needs"]),
        ("hazards", trend["hazards"]),
    ):
        for week, count in zip(trend["weeks"], counts, strict=True):
            add("trend", name, count, key=week)
    return to_csv(rows)


# -- one printable page ---------------------------------------------------------------------------

# A unit's week on one A4 sheet, a community's on at most three: the sections flow on from each
# other in two columns, none split across a page (the title at the head of every sheet and its
# number at the foot come from render_pages.page).
_CSS = """
h1 { font-size: 18pt; margin: 0 0 3mm; }
.sections { columns: 2; column-gap: 7mm; line-height: 1.4; }
section { break-inside: avoid; margin: 0 0 3mm; }
section.wide { margin-top: 1mm; }
h2 { font-size: 14pt; margin: 0 0 1.5mm; border-bottom: 0.4mm solid #444; break-after: avoid; }
table { margin: 0 0 1.5mm; }
th, td { border: 0.3mm solid #777; padding: 0.8mm 2mm; text-align: left; }
th, td.n { white-space: nowrap; }
td.n { text-align: right; }
p { margin: 0.8mm 0; }
.charts { display: flex; gap: 4mm; justify-content: space-between; }
.chart p { margin: 0; }
svg text { font-size: 11px; }
"""


def bar_chart_svg(labels: list[str], values: list[int], caption: str) -> str:
    """A small bar chart as inline SVG: no script, no fetch, prints as drawn."""
    import html

    width, height, left, bottom = 210, 100, 6, 18
    top = max(values) if values and max(values) > 0 else 1
    step = (width - left) / max(len(values), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{html.escape(caption)}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#000"/>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar = (height - bottom - 16) * value / top
        x = left + i * step + step * 0.15
        parts.append(
            f'<rect x="{x:.1f}" y="{height - bottom - bar:.1f}" width="{step * 0.7:.1f}" '
            f'height="{bar:.1f}" fill="#4a6fa5"/>'
            f'<text x="{x + step * 0.35:.1f}" y="{height - bottom - bar - 3:.1f}" '
            f'text-anchor="middle">{value}</text>'
            f'<text x="{x + step * 0.35:.1f}" y="{height - 5}" '
            f'text-anchor="middle">{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def report_html(report: WeeklyReport) -> str:
    import html

    from danyuanzhang.text.typeset import flats_in_words, unbroken

    esc = html.escape
    body = [f"<h1>{unbroken(title(report))}</h1>"]
    empty = empty_line(report)
    if empty:
        body.append(f"<p>{esc(empty)}</p>")
    drawn = []
    for section in [] if quiet(report) else sections(report):
        parts = [f"<h2>{esc(section['heading'])}</h2>"]
        if section["rows"]:
            head = "".join(
                f"<th>{esc(t(k))}</th>"
                for k in ("rp_col_what", "rp_col_this", "rp_col_last", "rp_col_change")
            )
            rows = "".join(
                f"<tr><td>{unbroken(label)}</td><td class=n>{esc(str(this))}</td>"
                f"<td class=n>{'' if last is None else esc(str(last))}</td>"
                f"<td class=n>{'' if change is None else esc(signed(change))}</td></tr>"
                for label, this, last, change in section["rows"]
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        parts += [f"<p>{unbroken(flats_in_words(line))}</p>" for line in section["lines"]]
        drawn.append(f"<section>{''.join(parts)}</section>")
    trend = report["trend"]
    first = date.fromisoformat(trend["from"])
    mondays = [first + timedelta(weeks=n) for n in range(len(trend["weeks"]))]
    # every other week named: eight labels do not fit under a third of the page
    labels = [f"{m.month}/{m.day}" if n % 2 == 0 else "" for n, m in enumerate(mondays)]
    charts = "".join(
        f'<div class="chart"><p>{esc(t(f"rp_trend_{name}"))}</p>'
        + bar_chart_svg(labels, trend[name], t(f"rp_trend_{name}"))
        + "</div>"
        for name in ("visits", "needs", "hazards")
    )
    body.append(f'<div class="sections">{"".join(drawn)}</div>')
    if not quiet(report):
        body.append(
            f'<section class="wide"><h2>{esc(trend_heading(report))}</h2>'
            f'<div class="charts">{charts}</div></section>'
        )
    from danyuanzhang.paperwork.render_pages import page

    # names of visitors and of new arrivals are personal data, unless the report is redacted
    return page(title(report), "".join(body), _CSS, personal=not report["redacted"])


def _vulnerable_counted(homes: list[VulnerableHome]) -> str:
    """独居、需帮扶未按时走访：独居老人 3 户、需帮扶 1 户（哪几户见纸质版）: for a text that
    leaves the notebook, which flat is alone and often out is not said."""
    from collections import Counter

    from danyuanzhang.text.vocab import BUILTIN_FLAGS

    counts = Counter(home["reason"] for home in homes)
    return t(
        "rp_vulnerable_counted",
        what=_listing(
            [
                t("rp_households_of", what=word(reason, BUILTIN_FLAGS), count=count)
                for reason, count in counts.items()
            ]
        ),
    )


def _not_reached(item: VulnerableHome) -> str:
    """How late a vulnerable household is: overdue days, not met yet, or never visited."""
    if item["last_visit"] is not None:
        return t("rp_days_overdue", days=item["overdue_days"])
    if item["last_attempt"]:
        from danyuanzhang.text.vocab import VISIT_OUTCOMES

        outcome = word(item["last_outcome"], VISIT_OUTCOMES)
        last = short_day(date.fromisoformat(item["last_attempt"]))
        return t("rp_never_met", outcome=outcome, last=last)
    return t("due_never")
