"""`dyz today`: what is to be done today, in one screen."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import (
    AllOption,
    EstateOption,
    Format,
    FormatOption,
    out,
    place_of,
    store_of,
    write_output,
)

today_app = typer.Typer()

SHOWN = 10  # visits listed on the screen; the rest are counted, and `dyz visit due` has them


@today_app.command("today")
def today(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="单元，如 2-2 · unit")] = None,
    building: Annotated[
        str | None, typer.Option("--building", "-b", help="楼栋，如 2 · building")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="按哪天计算，默认今天 · as of this day")
    ] = None,
    estate: EstateOption = None,
    everything: AllOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """今天该做的：该走访的户、到期的隐患、等着您的诉求、该巡查的单元 · What to do today:
    visits due, hazard deadlines, needs waiting on you, patrols due."""
    from danyuanzhang.paperwork.today import today_plan
    from danyuanzhang.system.collector import no_cycle_collection

    place = place_of(ctx, unit, building, estate, everything)
    store = store_of(ctx)
    # a district's plan is a hundred thousand dicts and lists, none in a cycle
    with no_cycle_collection():
        plan = today_plan(
            store,
            unit=place.unit,
            building=place.building,
            estate=place.estate,
            on=on,
            narrow=place.narrow,
            whole=fmt is Format.json,
        )
    if fmt is Format.json:
        from danyuanzhang.text.render import json_chunks

        write_output(json_chunks(plan), None)
        return
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.paperwork.render_today import today_text
    from danyuanzhang.text.width import terminal_width

    out(today_text(plan, known_kinds(store), terminal_width(), SHOWN))
