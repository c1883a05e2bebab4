"""A ledger as the terminal and a spreadsheet show it: its title and period, its table, its
CSV, the sheet filed with the office; and the ledgers and templates there are."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from danyuanzhang.paperwork.ledgers import Kind, Ledger, as_json, foot_text, period_words
from danyuanzhang.text.i18n import pick, t

if TYPE_CHECKING:
    from pathlib import Path

    from danyuanzhang.errors import DyzError
    from danyuanzhang.paperwork.ledgers.templates import Template


def ledger_heading(filled: Ledger) -> list[str]:
    """What stands above the table: its title and period, then the ledger's own lines."""
    return [f"{filled.title} · {period_words(filled.period)}", *filled.heading]


def default_period_line(filled: Ledger) -> str | None:
    """Said when no day was given and the ledger took all of last month."""
    if not filled.period.defaulted:
        return None
    return t("ledger_default_period", start=filled.period.start, end=filled.period.end)


def ledger_table(filled: Ledger) -> str:
    from danyuanzhang.paperwork.ledgers.page import cell_text
    from danyuanzhang.text.render import text_table

    headers = [c.header() for c in filled.columns]
    rows = [[cell_text(r.get(c.key)) for c in filled.columns] for r in filled.rows]
    return text_table(headers, rows)


def ledger_csv(filled: Ledger) -> str:
    from danyuanzhang.text.render import to_csv

    return to_csv(as_json(filled)["rows"], [c.key for c in filled.columns])


def write_ledger_sheet(filled: Ledger, output: Path) -> None:
    """The ledger as a spreadsheet (.xlsx or .csv): the period and heading above, the foot to
    sign below, the columns for pen marked."""
    from danyuanzhang.text.sheets import Form, write_sheet

    write_sheet(
        output,
        [c.header() for c in filled.columns],
        ([row.get(c.key) for c in filled.columns] for row in filled.rows),
        title=filled.title,
        notes=filled.notes,
        form=Form(
            lines=[period_words(filled.period), *filled.heading],
            foot=foot_text(filled),
            pen=frozenset(n for n, c in enumerate(filled.columns) if c.pen),
        ),
    )


def ledgers_listed(
    kinds: Mapping[str, Kind],
    folder: Path,
    found: Sequence[Template | tuple[Path, DyzError]],
) -> str:
    """Every kind of ledger with its columns, then the templates in `folder` (templates.listed),
    a template that cannot be read with why."""
    from danyuanzhang.paperwork.ledgers.templates import Template

    lines = [t("ledger_list_kinds")]
    for name, kind in kinds.items():
        columns = "、".join(f"{c.header()}({c.key})" for c in kind.columns)
        lines.append(f"  {name:10} {pick(*kind.title)}：{columns}")
    lines.append("")
    if not found:
        lines.append(t("ledger_list_no_templates", folder=str(folder)))
    else:
        lines.append(t("ledger_list_templates", folder=str(folder)))
        for entry in found:
            if not isinstance(entry, Template):
                path, error = entry
                problem = error.message()
                lines.append("  " + t("ledger_list_bad_template", name=path.stem, problem=problem))
            else:
                lines.append(f"  {entry.name:20} {entry.kind:10} {entry.title or ''}")
    return "\n".join(lines)
