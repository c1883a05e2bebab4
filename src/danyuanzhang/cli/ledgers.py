"""`dyz ledger KIND`: the office's ledgers (台账), filled from what dyz has recorded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from danyuanzhang.cli.common import (
    AllOption,
    EstateOption,
    Format,
    FormatOption,
    out,
    say,
    scope_of,
    state,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

if TYPE_CHECKING:
    from danyuanzhang.paperwork.ledgers import Ledger
    from danyuanzhang.paperwork.ledgers.templates import Template

_SUFFIXES = (".xlsx", ".csv", ".md", ".html", ".htm")

ledger_app = typer.Typer(help="台账 · the office's ledgers", add_completion=False)


@ledger_app.command("ledger")
def ledger(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Argument(
            help=(
                "台账名称，如 走访台账、防火巡查记录（不写则列出全部）"
                " · ledger: visits | hazards | patrols | needs | care | antifraud | moves"
                " | council (none lists them all)"
            ),
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", help="起始日期；日期都不写则为上个月整月 · from (default: last month)"
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", help="截止日期，默认今天；日期都不写则为上个月整月 · to"),
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option("--scope", help="范围，如 2-2、building:2，默认本机负责的地方 · scope"),
    ] = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="台账模板（文件或名字） · template")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="写成 .xlsx、.csv、.md 或可打印的 .html · file"),
    ] = None,
    list_all: Annotated[
        bool, typer.Option("--list", help="列出台账种类和模板 · list ledgers and templates")
    ] = False,
    unit: Annotated[str | None, typer.Option("--unit", help="单元，如 2-2 · unit")] = None,
    building: Annotated[str | None, typer.Option("--building", help="楼栋 · building")] = None,
    estate: EstateOption = None,
    everything: AllOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """生成台账 · Fill a ledger, e.g. `dyz ledger visits --from 2026-11-01 -o 走访台账.xlsx`."""
    from danyuanzhang.paperwork import ledgers
    from danyuanzhang.paperwork.ledgers import views

    database = _database(ctx)
    if list_all or (kind is None and template is None):  # the help promises the list
        _list(database)
        return
    kind, chosen = _kind_and_template(kind, template, database)
    if output is not None and output.suffix.lower() not in _SUFFIXES:
        raise DyzError("ledger_suffix", path=str(output))
    store = state(ctx).store()
    filled = ledgers.fill(
        store,
        kind,
        ledgers.period(
            store, start, end, scope_of(ctx, scope, unit, building, everything, estate), estate
        ),
        chosen,
    )
    defaulted = views.default_period_line(filled)
    if output is not None:
        _write(filled, output)
        say(t("ledger_written", title=filled.title, rows=len(filled.rows), path=str(output)))
        if defaulted:
            say(defaulted)
        from danyuanzhang.cli.common import remind_if_exposed

        remind_if_exposed(output)
    elif fmt is Format.json:
        from danyuanzhang.text import render

        out(render.to_json(ledgers.as_json(filled)))
    elif fmt is Format.csv:
        out(views.ledger_csv(filled))
    else:
        _show(filled, defaulted)


def _kind_and_template(
    kind: str | None, template: str | None, database: Path
) -> tuple[str, Template | None]:
    """The ledger asked for, by its name or by the template's kind, and the template."""
    from danyuanzhang.paperwork import ledgers
    from danyuanzhang.paperwork.ledgers import templates

    chosen = templates.load(templates.find(template, database)) if template else None
    if chosen is not None:
        kind = kind or chosen.kind
    assert kind is not None  # a template, or a name: listed before otherwise
    kind = ledgers.kind_name(kind)
    if chosen is not None and chosen.kind != kind:
        raise DyzError("template_wrong_kind", path=template, template=chosen.kind, kind=kind)
    return kind, chosen


def _show(filled: Ledger, defaulted: str | None) -> None:
    """The ledger on the terminal: its title and period, the table, its totals."""
    from danyuanzhang.paperwork.ledgers import views

    for line in views.ledger_heading(filled):
        say(line)
    if defaulted:
        say(defaulted)
    if not filled.rows:
        say(t("ledger_empty"))
    else:
        out(views.ledger_table(filled))
    for note in filled.notes:
        say(note)


def _database(ctx: typer.Context) -> Path:
    from danyuanzhang.store.db import default_path

    return state(ctx).db or default_path()


def _write(filled: Ledger, output: Path) -> None:
    if output.suffix.lower() in (".html", ".htm", ".md"):
        from danyuanzhang.cli.common import write_output
        from danyuanzhang.paperwork.ledgers.page import ledger_html, ledger_markdown

        page = ledger_markdown if output.suffix.lower() == ".md" else ledger_html
        write_output(page(filled), output, quiet=True, personal=False)
        return
    from danyuanzhang.paperwork.ledgers.views import write_ledger_sheet

    write_ledger_sheet(filled, output)


def _list(database: Path) -> None:
    from danyuanzhang.paperwork import ledgers
    from danyuanzhang.paperwork.ledgers import templates, views

    out(
        views.ledgers_listed(
            ledgers.kinds(), templates.folder(database), templates.listed(database)
        )
    )
