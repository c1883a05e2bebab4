"""`dyz patrol ...`: fire patrols that leave a record, "正常" included."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from danyuanzhang.cli.common import (
    COUNT,
    EstateOption,
    Format,
    FormatOption,
    SheetOption,
    emit_list,
    is_interactive,
    out,
    place_of,
    say,
    store_of,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import SEVERITY

patrol_app = typer.Typer(help="防火巡查 · fire patrols", no_args_is_help=True, add_completion=False)


@patrol_app.command("record")
def patrol_record(
    ctx: typer.Context,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="巡查的单元，如 2-2 · the unit walked")
    ] = None,
    building: Annotated[
        str | None, typer.Option("--building", "-b", help="整栋巡查，如 2 · a whole building")
    ] = None,
    all_clear: Annotated[
        bool, typer.Option("--all-clear", help="一切正常 · everything in order")
    ] = False,
    problem: Annotated[
        list[str] | None,
        typer.Option(
            "--problem",
            "-p",
            help='发现的问题，如 "通道:3楼楼道堆放纸箱"，可写多次 · item:what was seen',
        ),
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="日期，默认今天 · date")] = None,
    at: Annotated[str | None, typer.Option("--at", help="时间，如 9:30 · time of day")] = None,
    by: Annotated[str | None, typer.Option("--by", help="巡查人 · patroller")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    severity: Annotated[str | None, typer.Option("--severity", help=SEVERITY.help)] = None,
    days: Annotated[
        int | None,
        typer.Option("--days", help="隐患几天内整改 · days to fix", click_type=COUNT),
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """记录一次巡查 · Record a patrol, e.g. `dyz patrol --unit 2-2 --all-clear`."""
    from danyuanzhang.cases import patrols

    store = store_of(ctx)
    if unit is None and building is None:
        place = place_of(ctx, estate=estate)
        unit, building, estate = place.unit, place.building, estate or place.estate
    problems: list[Any] = list(problem or [])
    if not all_clear and not problems and is_interactive() and (unit or building):
        from danyuanzhang.text.inputs import parse_building
        from danyuanzhang.visits.interview import Asker

        asker = Asker()
        walked = None if unit else parse_building(building or "")

        def check_flat(text: str) -> None:
            from danyuanzhang.cases.hazards import COMMON_PARTS
            from danyuanzhang.households.registry import find_household

            if text.strip() and text.strip() not in COMMON_PARTS:
                find_household(store, patrols.flat_in_walk(text, unit), estate)

        problems = patrols.ask_checklist(asker, building=walked, check_flat=check_flat)
        all_clear = not problems
        if not asker.confirm(t("patrol_ask_save")):
            say(t("patrol_not_saved"))
            return
    item = patrols.record_patrol(
        store,
        unit=unit,
        building=building,
        problems=problems,
        all_clear=all_clear,
        on=on,
        at=at,
        patroller=by,
        note=note,
        severity=severity,
        days=days,
        estate=estate,
    )
    if fmt is Format.json:
        from danyuanzhang.text import render

        out(render.to_json(item))
    if item["all_clear"]:
        say(t("patrol_recorded", where=item["where"], on=item["on"], id=short(item["id"])))
    else:
        found = "、".join(short(h["id"]) for h in item["hazards"])
        say(
            t(
                "patrol_recorded_problems",
                where=item["where"],
                on=item["on"],
                count=len(item["hazards"]),
                hazards=found,
                id=short(item["id"]),
            )
        )


@patrol_app.command("list")
def patrol_list(
    ctx: typer.Context,
    start: Annotated[str | None, typer.Option("--from", help="起始日期 · from")] = None,
    end: Annotated[str | None, typer.Option("--to", help="截止日期 · to")] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """巡查记录 · Patrols recorded, oldest first."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.patrols import list_patrols
    from danyuanzhang.text.inputs import parse_date

    items = list_patrols(
        store_of(ctx),
        estate,
        parse_date(start, "--from") if start else None,
        parse_date(end, "--to") if end else None,
    )
    shown = items
    if fmt is not Format.json:
        shown = views.patrols_shown(items)
    emit_list(shown, fmt, views.PATROL_COLUMNS, output)


@patrol_app.command("due")
def patrol_due(
    ctx: typer.Context,
    on: Annotated[
        str | None, typer.Option("--on", help="按哪天计算，默认今天 · as of date")
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """该巡查的单元 · Units not patrolled within the interval (dyz config patrol.interval_days)."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.patrol_due import due_patrols, interval_days
    from danyuanzhang.text.inputs import parse_date

    store = store_of(ctx)
    items = due_patrols(store, estate, parse_date(on) if on else None)
    if not items and fmt is Format.table and output is None:
        say(t("patrol_none_due", days=interval_days(store)))
        return
    shown = items
    if fmt is not Format.json:
        shown = views.due_patrols_shown(items)
    emit_list(shown, fmt, views.DUE_PATROL_COLUMNS, output)
