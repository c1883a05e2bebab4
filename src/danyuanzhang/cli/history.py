"""`dyz log`: who changed what, and when, one line per command."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import COUNT, Format, FormatOption, out, say, store_of
from danyuanzhang.text.i18n import t

log_app = typer.Typer()


@log_app.command("log")
def log_command(
    ctx: typer.Context,
    household: Annotated[
        str | None,
        typer.Option("--household", help="只看这一户，如 2-2-301 · one household's history"),
    ] = None,
    record: Annotated[
        str | None,
        typer.Option("--record", help="只看这条记录（编号前几位）· one record's history"),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="从哪天起，如 11月20日、昨天 · from this day")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="只看这台电脑的 · only this laptop's changes")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", help="最多列几条 · at most this many", click_type=COUNT)
    ] = 50,
    fmt: FormatOption = Format.table,
) -> None:
    """修改记录：谁在什么时候改了什么 · The change history in words, e.g. `dyz log --household 2-2-301`."""
    from danyuanzhang.upkeep import history, views

    store = store_of(ctx)
    entries = history.asked_for(store, household, record, since, by, max(1, limit))
    if fmt is Format.json:
        out(views.log_json(store, entries))
    elif entries:
        out(views.log_text(store, entries))
    else:
        say(t("log_nothing"))
