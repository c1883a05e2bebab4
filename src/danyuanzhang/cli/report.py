"""`dyz report --week`: the weekly summary for the council meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from danyuanzhang.cli.common import (
    AllOption,
    EstateOption,
    Format,
    format_option,
    scope_of,
    store_of,
    write_output,
)

report_app = typer.Typer()

THIS_WEEK = "this"


class WeekMayBeBare(TyperCommand):
    """`dyz report --week` with no value means the week the council meets on: the last full
    one, not the one a Monday has just begun."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from danyuanzhang.paperwork.report import COUNCIL_WEEK

        fixed: list[str] = []
        for i, arg in enumerate(args):
            fixed.append(arg)
            if arg in ("--week", "-w") and (i + 1 == len(args) or args[i + 1].startswith("-")):
                fixed.append(COUNCIL_WEEK)
        return list(super().parse_args(ctx, fixed))


@report_app.command("report", cls=WeekMayBeBare)
def report(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week",
            "-w",
            help="哪一周：2026-W48、其中一天、本周或上周；只写 --week 是议事会要看的上一整周"
            "（见 council.weekday），不写是本周到今天 · ISO week, a day in it, or this (this"
            " week); --week alone is the last full week, for the council; none, this week so far",
        ),
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            "-s",
            help="范围：unit:2-2 | building:2 | area:片区 | community（默认本机负责的地方）· scope: unit:2-2 | building:2 | area:NAME | community (default: this laptop's part)",
        ),
    ] = None,
    fmt: Annotated[
        Format,
        format_option(
            (Format.table, Format.md, Format.csv, Format.json, Format.html, Format.text),
            "格式：table | md | csv | json | html | text（发微信群）· format: table | md | csv | json | html | text (for WeChat)",
        ),
    ] = Format.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="可外传：不写居民姓名，重点户和新迁入只给户数 · for sharing: no names;"
            " vulnerable households and move-ins counted, not named",
        ),
    ] = False,
    unit: Annotated[str | None, typer.Option("--unit", help="单元，如 2-2 · unit")] = None,
    building: Annotated[str | None, typer.Option("--building", help="楼栋 · building")] = None,
    estate: EstateOption = None,
    everything: AllOption = False,
) -> None:
    """每周汇总，带去议事会 · The weekly report, e.g. `dyz report --week --scope unit:2-2 -f html -o 周报.html`."""
    from danyuanzhang.cli.common import format_for
    from danyuanzhang.paperwork import render_report
    from danyuanzhang.paperwork.report import weekly_report

    fmt = Format(format_for(output, fmt.value, Format.table.value, ("md", "csv", "json", "html")))

    data = weekly_report(
        store_of(ctx),
        week=None if week in (None, THIS_WEEK) else week,
        scope=scope_of(ctx, scope, unit, building, everything, estate),
        estate=estate,
        # a group chat gets no names, and no flat beside a vulnerability or an absence
        redact=redact or fmt is Format.text,
    )
    if fmt is Format.text:
        from danyuanzhang.cli.common import send_to_chat
        from danyuanzhang.paperwork.wechat import report_messages

        send_to_chat(report_messages(data), output)
    elif fmt is Format.json:
        from danyuanzhang.text.render import to_json

        write_output(to_json(data), output)
    elif fmt is Format.md:
        write_output(render_report.report_md(data), output)
    elif fmt is Format.csv:
        write_output(render_report.report_csv(data), output, encoding="utf-8-sig")
    elif fmt is Format.html:
        write_output(render_report.report_html(data), output)
    else:
        from danyuanzhang.text.width import terminal_width

        width = 80 if output else terminal_width()
        write_output(render_report.report_table(data, width), output)
