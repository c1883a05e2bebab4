"""Turning results into text: terminal tables, JSON, CSV, and the printed service card.

Lists are drawn as plain text tables, measured for Chinese double-width characters: `dyz
household list` is typed all day and must start fast, and rich would double its start-up.
rich is imported only for the demo's panels and tables, inside the function that needs it.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any

from danyuanzhang.text.due_words import due_reason as due_reason
from danyuanzhang.text.i18n import pick, said, t, word
from danyuanzhang.text.ids import short
from danyuanzhang.text.visible import json_escaped, visible
from danyuanzhang.text.vocab import ROLES
from danyuanzhang.text.width import display_width


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None
) -> str:
    """Columns padded to their widest cell, fitted to `width` (the terminal's by default); a
    cell of several lines takes as many lines of the table."""
    return "".join(table_chunks(headers, rows, width))


def table_chunks(
    headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None
) -> Iterator[str]:
    """The table of `text_table` in pieces of a thousand rows, for writing as they come: a
    district's walk list is tens of thousands of lines, better not held twice in memory.

    A table wider than the terminal would spill its lines into the next ones, so the widest
    columns are wrapped inside their cells, between words or Chinese characters, never inside
    a flat, a date or a phone; a table that cannot fit so is shown one record per block."""
    from danyuanzhang.text.width import terminal_width

    room = terminal_width() if width is None else width
    headers = [visible(h, lines=True) for h in headers]
    rows = [
        row if all(map(str.isprintable, row)) else [visible(c, lines=True) for c in row]
        for row in rows
    ]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
    # a column is measured once for each different text in it: a walk list says the same
    # flats, reasons and outcomes thousands of times
    texts = [dict.fromkeys(column) for column in columns]
    several_lines = any("\n" in cell for found in texts for cell in found)
    measure = _cell_width if several_lines else display_width
    sizes = [dict(zip(found, map(measure, found), strict=True)) for found in texts]
    del texts
    header_sizes = [_cell_width(h) for h in headers]
    natural = [
        max(size, *found.values()) if found else size
        for size, found in zip(header_sizes, sizes, strict=True)
    ]
    fitted = _fitted_widths(headers, sizes, natural, room)
    if fitted is None:
        for start in range(0, len(rows), 1_000):
            yield "".join(_record_blocks(headers, rows[start : start + 1_000], room, start == 0))
        return
    table = _Drawing(sizes, several_lines, *fitted)
    table.narrow(headers, header_sizes, natural)
    yield table.heading(headers, header_sizes)
    for start in range(0, len(rows), 1_000):
        yield table.rows([column[start : start + 1_000] for column in columns])


class _Drawing:
    """A table's lines, its columns `wrap_at` wide (each then as wide as its widest line),
    `gap` spaces apart."""

    def __init__(
        self, sizes: list[dict[str, int]], several_lines: bool, wrap_at: list[int], gap: int
    ) -> None:
        self.sizes, self.several_lines = sizes, several_lines
        self.wrap_at, self.widths = wrap_at, list(wrap_at)
        self.between = " " * gap
        self.wrapped: list[dict[str, list[tuple[str, int]]]] = [{} for _ in wrap_at]
        # the cells of several lines, as those lines padded to their column's width
        self.tall: list[dict[str, tuple[str, ...]]] = [{} for _ in wrap_at]
        self.blanks = [(" " * w,) for w in wrap_at]

    def cell_lines(self, cell: str, size: int, n: int) -> list[tuple[str, int]]:
        if size <= self.wrap_at[n] and "\n" not in cell:
            return [(cell, size)]
        if cell not in self.wrapped[n]:
            lines = _wrapped(cell, self.wrap_at[n])
            self.wrapped[n][cell] = [(line, display_width(line)) for line in lines]
        return self.wrapped[n][cell]

    def narrow(self, headers: list[str], header_sizes: list[int], natural: list[int]) -> None:
        """A narrowed column is as wide as its widest line once wrapped, no wider."""
        for n, size in enumerate(natural):
            wrap_at = self.wrap_at[n]
            if wrap_at >= size:
                continue
            used = 0
            for cell, sized in [(headers[n], header_sizes[n]), *self.sizes[n].items()]:
                if sized <= wrap_at and not self.several_lines:
                    used = max(used, sized)
                else:
                    used = max(used, *(w for _, w in self.cell_lines(cell, sized, n)))
            self.widths[n] = used
        self.blanks = [(" " * w,) for w in self.widths]
        for n, found in enumerate(self.sizes):
            width, wrap_at = self.widths[n], self.wrap_at[n]
            for cell, size in found.items():
                if size > wrap_at or (self.several_lines and "\n" in cell):
                    lines = self.cell_lines(cell, size, n)
                    self.tall[n][cell] = tuple(line + " " * (width - w) for line, w in lines)
        self.wrapped = []

    def heading(self, headers: list[str], header_sizes: list[int]) -> str:
        widths = self.widths
        heads: list[tuple[str, ...]]
        if not self.several_lines and all(map(int.__le__, header_sizes, self.wrap_at)):
            heads = [
                (h + " " * (w - size),)
                for h, size, w in zip(headers, header_sizes, widths, strict=True)
            ]
        else:
            self.wrapped = [{} for _ in widths]
            heads = [
                tuple(line + " " * (widths[n] - w) for line, w in self.cell_lines(h, size, n))
                for n, (h, size) in enumerate(zip(headers, header_sizes, strict=True))
            ]
        return self.drawn(heads) + self.between.join("-" * w for w in widths) + "\n"

    def rows(self, columns: list[Sequence[str]]) -> str:
        """The lines of these rows, given column by column."""
        blocks = []
        for n, column in enumerate(columns):
            # each cell padded to the column's width, as a block of one line, unless it is
            # one of the column's tall ones: mapped in C, row after row
            lacking = map(
                operator.sub, repeat(self.widths[n]), map(self.sizes[n].__getitem__, column)
            )
            padded = map(operator.add, column, map(operator.mul, repeat(" "), lacking))
            blocks.append(list(map(self.tall[n].get, column, zip(padded))))
        return "".join(map(self.drawn, zip(*blocks, strict=True)))

    def drawn(self, blocks: Sequence[tuple[str, ...]]) -> str:
        height = max(map(len, blocks))
        if height == 1:
            return self.between.join([block[0] for block in blocks]).rstrip() + "\n"
        # a shorter cell is blank below its last line
        full = [
            block + blank * (height - len(block))
            for block, blank in zip(blocks, self.blanks, strict=True)
        ]
        return "\n".join(map(str.rstrip, map(self.between.join, zip(*full, strict=True)))) + "\n"


def _cell_width(cell: str) -> int:
    if "\n" in cell:
        return max(map(display_width, cell.split("\n")))
    return display_width(cell)


def _fitted_widths(
    headers: Sequence[str], sizes: Sequence[Mapping[str, int]], natural: list[int], room: int
) -> tuple[list[int], int] | None:
    """Each column's width so that the table fits `room`, and the spaces between columns; None
    if it cannot. The widest columns are narrowed first; a cell is broken at its spaces if it
    can, else also between Chinese characters, never inside a piece that must stay whole; a
    header may always break between its characters. One space between columns comes before
    breaking a word (电动车入/户停放)."""
    from danyuanzhang.text.width import WHOLE_WORD

    if sum(natural) + 2 * (len(natural) - 1) <= room:
        return natural, 2
    # narrowed by a cap on the widest, each column stays at least as wide as its floor: first
    # a floor that keeps words whole and long texts readable, then one that breaks fewer words
    measured: dict[int, dict[str, int]] = {WHOLE_WORD: {}, 0: {}}
    passes = [(gap, WHOLE_WORD, readable) for gap in (2, 1) for readable in (_readable, _short)]
    for gap, whole, readable in [*passes, (2, 0, _short), (1, 0, _short)]:
        space = room - gap * (len(natural) - 1)
        least = [readable(size) for size in natural]
        floors = _floors(headers, sizes, least, whole, measured[whole])
        if sum(floors) <= space:
            return _widest_narrowed(natural, floors, space), gap
    return None


def _floors(
    headers: Sequence[str],
    sizes: Sequence[Mapping[str, int]],
    readable: list[int],
    whole: int,
    measured: dict[str, int],
) -> list[int]:
    """How narrow each column may be: as readable, and as wide as its widest piece that must
    stay whole (a header may break between any two characters). `sizes` are the widths of
    each column's texts, each once; `measured` remembers each text's narrowest."""

    floors = [max(_least(h, 0), least) for h, least in zip(headers, readable, strict=True)]
    for n, found in enumerate(sizes):
        for cell, size in found.items():
            if size <= floors[n]:  # a cell this narrow cannot raise the floor
                continue
            if cell not in measured:
                measured[cell] = _least(cell, whole)
            floors[n] = max(floors[n], measured[cell])
    return floors


def _least(cell: str, whole: int) -> int:
    """How narrow a cell may be wrapped; a command to copy (dyz resident merge …) is one piece,
    for it is pasted as it is shown."""
    from danyuanzhang.text.width import narrowest

    return display_width(cell) if cell.startswith("dyz ") else narrowest(cell, whole)


def _short(size: int) -> int:
    """How narrow a column `size` wide may become and still be read: a narrower one is a
    ribbon of single characters, and a list of records reads better."""
    return min(size, 8)


def _readable(size: int) -> int:
    """How narrow a column `size` wide may become and read well: a long text keeps a third of
    its width, up to 20 columns."""
    return min(size, max(8, min(size // 3, 20)))


def _widest_narrowed(natural: list[int], floors: list[int], room: int) -> list[int]:
    def capped(cap: int) -> list[int]:
        return [min(size, max(floor, cap)) for size, floor in zip(natural, floors, strict=True)]

    low, high = 0, max(natural)  # the widest cap that fits: capped(0) always does
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(capped(middle)) <= room else (low, middle - 1)
    widths = capped(low)
    for n, size in enumerate(natural):  # what a cap cannot share evenly goes left to right
        if sum(widths) < room and widths[n] < size:
            widths[n] += 1
    return widths


def _record_blocks(
    headers: Sequence[str], rows: Sequence[Sequence[str]], room: int, first: bool
) -> Iterator[str]:
    """A table too wide for the terminal, one record per block of "header：value" lines."""

    colon = t("colon")
    for n, row in enumerate(rows):
        lines = [] if first and n == 0 else [""]
        for header, cell in zip(headers, row, strict=True):
            if not cell:
                continue
            label = f"{header}{colon}"
            indent = display_width(label)
            if indent > room // 2 or _least(cell, 0) > room - indent:
                lines.append(label.rstrip())
                label, indent = "  ", 2
            value = _wrapped(cell, room - indent)
            lines.append(label + value[0])
            lines += [" " * indent + line for line in value[1:]]
        yield "\n".join(lines) + "\n"


def _wrapped(text: str, width: int) -> list[str]:
    """Lines of `text` at most `width` wide; a last line of one character takes one more
    from the line above (…早上车开不 / 出去, not …开不出 / 去)."""
    from danyuanzhang.text.width import WHOLE_WORD, narrowest, wrap

    if text.startswith("dyz ") and display_width(text) <= width:
        return [text]
    whole = min(WHOLE_WORD, width)
    lines = wrap(text, width, whole)
    if len(lines) > 1 and len(lines[-1]) == 1 and narrowest(text) <= width - 2:
        lines = wrap(text, width - 2, min(whole, width - 2))
    return lines


def to_json(value: Any) -> str:
    """Indented JSON; a long list has one record per line instead, because a district's list
    indented would be tens of MiB of spaces."""
    return "".join(json_chunks(value))


def json_chunks(value: Any) -> Iterator[str]:
    """The JSON of `to_json` in pieces, for writing as they come: a record's long list (the
    visits of `dyz today`) a thousand items at a time, never the whole text at once."""
    import json

    from danyuanzhang.text.jsontext import STEP, indented, key_text

    if isinstance(value, list) and len(value) > 1_000:
        yield "["
        for start in range(0, len(value), 1_000):
            lines = (json.dumps(item, ensure_ascii=False) for item in value[start : start + 1_000])
            yield json_escaped(("\n  " if start == 0 else ",\n  ") + ",\n  ".join(lines))
        yield "\n]\n"
        return
    if not (isinstance(value, dict) and value):
        yield json_escaped(indented(value)) + "\n"
        return
    inner = "\n" + STEP * 2
    for n, (key, item) in enumerate(value.items()):
        yield json_escaped(f"{'{' if n == 0 else ','}\n{STEP}{key_text(key)}: ")
        if not (isinstance(item, list) and len(item) > 1_000):
            yield json_escaped(indented(item, 1))
            continue
        for start in range(0, len(item), 1_000):
            items = (indented(v, 2) for v in item[start : start + 1_000])
            yield json_escaped(("[" if start == 0 else ",") + inner + f",{inner}".join(items))
        yield f"\n{STEP}]"
    yield "\n}\n"


def to_csv(items: Sequence[dict[str, Any]], keys: Sequence[str] | None = None) -> str:
    import csv
    import io

    from danyuanzhang.text.sheets import neutralised

    if not items and not keys:
        return ""
    keys = list(keys or items[0].keys())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(keys)
    for item in items:  # opened in a spreadsheet, no text of a resident's runs as a formula
        writer.writerow([neutralised(csv_cell(item.get(key))) for key in keys])
    return buffer.getvalue()


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def role_name(role: str) -> str:
    zh, en = ROLES[role]
    return pick(zh, en.capitalize())


LABEL_COLUMNS = [("code", "col_code"), ("zh", "col_label_zh"), ("en", "col_label_en")]
SETTING_COLUMNS = [
    ("key", "col_key"),
    ("value", "col_value"),
    ("default", "col_default"),
    ("meaning", "col_meaning"),
]


def labels_shown(labels: Mapping[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Codes with their two names (the kinds of hazard, the flags), as the table lists them."""
    return [{"code": c, "zh": zh, "en": en} for c, (zh, en) in labels.items()]


# -- the council agenda -------------------------------------------------------------------------


def _agenda_rows(data: Mapping[str, Any]) -> tuple[list[list[str]], list[list[str]]]:
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    matters = []
    for m in data["matters"]:
        zh, en = PETITION_CATEGORIES.get(m["category"], (m["category"], m["category"]))
        texts = t("list_sep").join(m["texts"])
        if m.get("kept_elsewhere"):  # other units' words stay on their unit heads' laptops
            texts = t("list_sep").join(
                [*([texts] if texts else []), t("agenda_kept_elsewhere", count=m["kept_elsewhere"])]
            )
        matters.append(
            [pick(zh, en), m["unit"], str(m["households"]), str(m["waiting_days"]), texts]
        )
    proposals = [
        [short(p["id"]), p["text"], p["proposed_on"], str(p["waiting_days"])]
        for p in data["proposals"]
    ]
    return matters, proposals


AGENDA_MATTER_HEADERS = ("col_category", "col_unit", "col_households", "col_waiting", "col_text")
AGENDA_PROPOSAL_HEADERS = ("col_id", "col_proposal", "col_proposed_on", "col_waiting")


def agenda_table(data: Mapping[str, Any]) -> str:
    matters, proposals = _agenda_rows(data)
    parts = [t("agenda_title", date=data["date"]), "", t("agenda_matters")]
    parts.append(
        text_table([t(h) for h in AGENDA_MATTER_HEADERS], matters)
        if matters
        else t("agenda_none") + "\n"
    )
    parts += [t("agenda_proposals")]
    parts.append(
        text_table([t(h) for h in AGENDA_PROPOSAL_HEADERS], proposals)
        if proposals
        else t("agenda_none") + "\n"
    )
    return "\n".join(parts)


def agenda_md(data: Mapping[str, Any]) -> str:
    from danyuanzhang.text.markdown import md_cell, md_table

    matters, proposals = _agenda_rows(data)
    lines = [f"# {t('agenda_title', date=data['date'])}", ""]
    if data.get("community"):
        lines += [f"**{md_cell(data['community'])}**", ""]
    lines += [f"## {t('agenda_matters')}", ""]
    lines += (
        md_table([t(h) for h in AGENDA_MATTER_HEADERS], matters) if matters else [t("agenda_none")]
    )
    lines += ["", f"## {t('agenda_proposals')}", ""]
    lines += (
        md_table([t(h) for h in AGENDA_PROPOSAL_HEADERS], proposals)
        if proposals
        else [t("agenda_none")]
    )
    return "\n".join(lines) + "\n"


# -- visits ----------------------------------------------------------------------------------------


VISIT_COLUMNS = [
    ("on", "col_on"),
    ("household", "col_household"),
    ("outcome", "col_outcome"),
    ("kind", "col_visit_kind"),
    ("visitor", "col_visitor"),
    ("anti_fraud_app", "col_app"),
    ("briefed", "col_briefed"),
    ("id", "col_id"),
]


def visits_shown(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Visits as the table and the spreadsheet show them: words for codes, ids short, an
    erased flat named by its unit."""
    from danyuanzhang.text.vocab import VISIT_KINDS, VISIT_OUTCOMES

    return [
        {
            **i,
            "household": i["household"] or t("erased_flat", unit=i["unit"]),
            "outcome": word(i["outcome"], VISIT_OUTCOMES),
            "kind": word(i["kind"], VISIT_KINDS),
            "anti_fraud_app": yes_no(i["anti_fraud_app"]),
            "briefed": yes_no(i["briefed"]),
            "id": short(i["id"]),
        }
        for i in items
    ]


def areas_apart(item: dict[str, Any]) -> dict[str, Any]:
    """A visit for a CSV row: each area a care visit checked a column of its own."""
    from danyuanzhang.text.vocab import CARE_AREAS

    checks = item["checks"]
    return {
        **{k: v for k, v in item.items() if k != "checks"},
        **{area: checks.get(area) for area in CARE_AREAS},
    }


def visit_csv(item: dict[str, Any]) -> str:
    """One visit as a CSV row, without the needs and hazards it raised."""
    shown = {k: v for k, v in item.items() if k not in ("needs", "hazards")}
    return to_csv([areas_apart(shown)])


def yes_no(value: bool | None, unknown: str = "") -> str:
    return unknown if value is None else t("yes") if value else t("no")


def care_finding(found: str | None) -> str:
    """What a care visit found in one area: 正常, or the note of what was wrong."""
    from danyuanzhang.text.vocab import CARE_OK

    if found is None:
        return ""
    return t("care_ok") if found == CARE_OK else found


def visit_text(item: dict[str, Any]) -> str:
    """One visit as a unit head would read it back from the notebook."""
    from danyuanzhang.text.vocab import (
        CARE_AREAS,
        HAZARD_KINDS,
        PETITION_CATEGORIES,
        PETITION_STATUSES,
        VISIT_KINDS,
        VISIT_OUTCOMES,
        WELLBEING,
    )

    sep = t("colon")
    lines = [
        f"{item['estate']} {item['household'] or t('erased_flat', unit=item['unit'])}"
        f" · {item['on']} · "
        f"{word(item['kind'], VISIT_KINDS)} · {word(item['outcome'], VISIT_OUTCOMES)}",
        f"{t('col_visitor')}{sep}{item['visitor']}",
    ]
    if item["outcome"] == "met":
        if item.get("met"):
            lines.append(f"{t('col_met')}{sep}{'、'.join(item['met'])}")
        lines.append(f"{t('col_introduced')}{sep}{yes_no(item['introduced'], '—')}")
        lines.append(f"{t('col_app')}{sep}{yes_no(item['anti_fraud_app'], '—')}")
        lines.append(f"{t('col_briefed')}{sep}{yes_no(item['briefed'], '—')}")
    if item["wellbeing"]:
        lines.append(f"{t('col_wellbeing')}{sep}{word(item['wellbeing'], WELLBEING)}")
    for area, found in item.get("checks", {}).items():
        lines.append(f"{word(area, CARE_AREAS)}{sep}{care_finding(found)}")
    if item.get("referral"):
        lines.append(f"{t('col_referral')}{sep}{item['referral']}")
    if item["note"]:
        lines.append(f"{t('col_note')}{sep}{item['note']}")
    for need in item.get("needs", []):
        lines.append(
            f"  {t('col_need')}{sep}[{word(need['category'], PETITION_CATEGORIES)}] {said(need['text'])}"
            f" ({word(need['status'], PETITION_STATUSES)}, {short(need['id'])})"
        )
    for hazard in item.get("hazards", []):
        lines.append(
            f"  {t('col_hazard')}{sep}{word(hazard['kind'], HAZARD_KINDS)} {hazard['note'] or ''}"
            f" ({short(hazard['id'])})"
        )
    return "\n".join(lines)


def due_rows(items: Sequence[dict[str, Any]]) -> list[list[str]]:
    """The walk list's rows as the table, the walk sheet and the spreadsheet show them."""
    from danyuanzhang.text.vocab import VISIT_OUTCOMES

    # a district's list gives the same few thousand reasons to eighty thousand flats: each is
    # said once, and its one string shared by the rows that give it
    said: dict[tuple[Any, ...], tuple[str, str]] = {}
    rows = []
    for n, i in enumerate(items, start=1):
        facts = (
            i["reason"],
            i["every_days"],
            i["never_visited"],
            i["last_visit"],
            i["last_attempt"],
            i["last_outcome"],
            i["overdue_days"],
            i["due_on"],
        )
        words = said.get(facts)
        if words is None:
            last_try = word(i["last_outcome"], VISIT_OUTCOMES) if i["last_attempt"] else ""
            words = said[facts] = (due_reason(i), last_try)
        rows.append([str(n), i["household"], " ".join(i["residents"]), *words])
    return rows


DUE_HEADERS = ("col_order", "col_household", "col_residents_names", "col_reason", "col_last_try")


def due_csv(items: Sequence[dict[str, Any]]) -> str:
    """The walk list as CSV, its residents and flags each in one cell."""
    flat = [
        {**i, "residents": " ".join(i["residents"]), "flags": " ".join(i["flags"])} for i in items
    ]
    return to_csv(flat)


def due_table(items: Sequence[dict[str, Any]]) -> Iterator[str]:
    """The walk list as a terminal table, in pieces (see `table_chunks`)."""
    return table_chunks([t(h) for h in DUE_HEADERS], due_rows(items))


def antifraud_table(data: dict[str, Any]) -> str:
    headers, rows = antifraud_rows(data)
    return t("af_title", date=data["on"]) + "\n" + text_table(headers, rows)


def antifraud_rows(data: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """The anti-fraud watch as a table: one row per unit or building, then the totals."""
    by = data["by"]
    rows = [
        [
            f"{g['estate']} {g[by]}",
            str(g["households"]),
            _share(g["app_installed"], g["households"]),
            _share(g["briefed"], g["households"]),
            t("list_sep").join(
                f"{m['household']} {m['name']}（{m['moved_in']}）" for m in g["move_ins_unbriefed"]
            ),
        ]
        for g in data["groups"]
    ]
    totals = data["totals"]
    rows.append(
        [
            t("af_total"),
            str(totals["households"]),
            _share(totals["app_installed"], totals["households"]),
            _share(totals["briefed"], totals["households"]),
            str(totals["move_ins_unbriefed"]) if totals["move_ins_unbriefed"] else "",
        ]
    )
    headers = [
        t("col_unit" if by == "unit" else "col_building"),
        t("af_households"),
        t("af_app"),
        t("af_briefed"),
        t("af_unbriefed_move_ins"),
    ]
    return headers, rows


def antifraud_sheet(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The anti-fraud watch for a spreadsheet: the table's rows, its counts as numbers."""
    headers, rows = antifraud_rows(data)
    return headers, [[int(c) if c.isdigit() else c for c in row] for row in rows]


def antifraud_csv(data: dict[str, Any]) -> str:
    """The anti-fraud watch as CSV: a row per unit or building, its move-ins counted."""
    rows = [{**g, "move_ins_unbriefed": len(g["move_ins_unbriefed"])} for g in data["groups"]]
    return to_csv(rows)


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({round(100 * part / whole)}%)" if whole else "0/0"
