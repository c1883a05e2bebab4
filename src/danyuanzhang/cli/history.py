"""`dyz log`: who changed what, and when, one line per command."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import COUNT, Format, FormatOption, out, say, store_of
from danyuanzhang.errors import DyzError
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
    from danyuanzhang.upkeep import history, queries, views

    store = store_of(ctx)
    records: set[str] | None = None
    if household is not None:
        from danyuanzhang.households.registry import find_household

        records = queries.household_records(store, find_household(store, household)["id"])
    if record is not None:
        found = queries.records_starting(store, record.strip().lower())
        if not found:
            raise DyzError("log_nothing")
        records = found if records is None else records & found
    day = None
    if since is not None:
        from danyuanzhang.text.inputs import parse_date

        day = parse_date(since, "--since", past=True)
    device = None
    if by is not None:
        device = _laptop(store, by)
    entries = history.entries(store, records, day, device)[: max(1, limit)]
    if fmt is Format.json:
        out(views.log_json(store, entries))
    elif entries:
        out(views.log_text(store, entries))
    else:
        say(t("log_nothing"))


def _laptop(store: object, text: str) -> str:
    from danyuanzhang.store import Store
    from danyuanzhang.upkeep import queries

    assert isinstance(store, Store)
    wanted = text.strip()
    for device, name in queries.laptops(store):
        if name == wanted or device.startswith(wanted.lower()):
            return device
    raise DyzError("log_no_laptop", name=wanted)
