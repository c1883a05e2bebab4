"""`dyz hazard ...`: what a patrol finds, and the steps until it is fixed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from danyuanzhang.cli.common import (
    COUNT,
    EstateOption,
    Format,
    FormatOption,
    SheetOption,
    emit_list,
    out,
    say,
    store_of,
    write_output,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import HAZARD_KIND_HELP, SEVERITY

hazard_app = typer.Typer(help="排查隐患 · fire-safety patrols", no_args_is_help=True)

HazardArgument = Annotated[str, typer.Argument(help="隐患编号（前几位即可）· hazard id or prefix")]
OnOption = Annotated[str | None, typer.Option("--on", help="日期，默认今天 · date, default today")]
NoteOption = Annotated[str | None, typer.Option("--note", help="备注 · note")]


@hazard_app.command("add")
def hazard_add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option("--kind", "-k", help=HAZARD_KIND_HELP)],
    where: Annotated[
        str,
        typer.Option("--where", "-w", help='地点：单元加说明，如 "2-2 3楼楼道" · unit and place'),
    ],
    household: Annotated[
        str | None, typer.Option("--household", help="责任户，如 2-2-301 · responsible household")
    ] = None,
    severity: Annotated[str | None, typer.Option("--severity", help=SEVERITY.help)] = None,
    due: Annotated[str | None, typer.Option("--due", help="整改期限 · deadline")] = None,
    days: Annotated[
        int | None, typer.Option("--days", help="几天内整改 · days to fix", click_type=COUNT)
    ] = None,
    note: NoteOption = None,
    photo: Annotated[str | None, typer.Option("--photo", help="照片 · photo")] = None,
    on: OnOption = None,
    estate: EstateOption = None,
) -> None:
    """登记隐患 · Record a hazard, e.g. `dyz hazard add --kind 飞线充电 --where "2-2 3楼窗外" --days 3`."""
    from danyuanzhang.cases.hazards import add_hazard

    item = add_hazard(
        store_of(ctx),
        kind,
        where,
        household=household,
        severity=severity,
        due=due,
        days=days,
        note=note,
        photo=photo,
        on=on,
        estate=estate,
    )
    say(t("hazard_added", unit=item["unit"], id=short(item["id"]), due=item["due"] or t("not_set")))
    if item["recurrence_of"]:
        say(t("hazard_is_recurrence", id=short(item["recurrence_of"])))


def _step_command(step: str, doc: str) -> Any:
    def command(
        ctx: typer.Context,
        hazard: HazardArgument,
        on: OnOption = None,
        note: NoteOption = None,
        due: Annotated[str | None, typer.Option("--due", help="整改期限 · deadline")] = None,
        days: Annotated[
            int | None, typer.Option("--days", help="几天内整改 · days to fix", click_type=COUNT)
        ] = None,
    ) -> None:
        from danyuanzhang.cases.hazards import take_step

        item = take_step(store_of(ctx), hazard, step, on=on, note=note, due=due, days=days)
        say(t(f"hazard_{step}", id=short(item["id"]), due=item["due"] or t("not_set")))

    command.__doc__ = doc
    return command


hazard_app.command("notify")(
    _step_command("notified", "已告知责任户并限期整改 · The household was told; set the deadline.")
)
hazard_app.command("fix")(_step_command("rectified", "已整改 · The hazard was fixed."))
hazard_app.command("verify")(_step_command("verified", "复查合格，销号 · Re-inspected and closed."))
hazard_app.command("reopen")(
    _step_command("reopened", "复查不合格，重新整改 · Re-inspection failed: back to fixing.")
)


@hazard_app.command("withdraw")
def hazard_withdraw(
    ctx: typer.Context,
    hazard: HazardArgument,
    reason: Annotated[
        str, typer.Option("--reason", help="为什么撤回，如 记错了单元 · why it is withdrawn")
    ],
    on: OnOption = None,
) -> None:
    """撤回记错的隐患 · Withdraw a hazard entered by mistake, e.g. `dyz hazard withdraw 7c1e --reason "记错了单元"`."""
    from danyuanzhang.cases.hazards import withdraw

    item = withdraw(store_of(ctx), hazard, reason, on=on)
    say(t("hazard_withdrawn", id=short(item["id"])))


@hazard_app.command("edit")
def hazard_edit(
    ctx: typer.Context,
    hazard: HazardArgument,
    where: Annotated[
        str | None, typer.Option("--where", help='在哪里，如 "2-2 5楼窗口" · where')
    ] = None,
    household: Annotated[
        str | None,
        typer.Option("--household", help="责任户，如 2-2-502；公共部位写 公共部位 · household"),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="看到的情况 · what was seen")] = None,
    due: Annotated[str | None, typer.Option("--due", help="整改期限 · deadline")] = None,
    requirement: Annotated[
        str | None, typer.Option("--requirement", help="整改要求 · what is required")
    ] = None,
    severity: Annotated[str | None, typer.Option("--severity", help=SEVERITY.help)] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """改正隐患记录：地点、责任户、描述、期限、整改要求 · Correct a hazard, e.g. `dyz hazard edit 3fa2 --where "2-2 5楼窗口" --household 2-2-502 --due 2026-12-10`."""
    from danyuanzhang.cases.hazards import edit_hazard

    item = edit_hazard(
        store_of(ctx),
        hazard,
        where=where,
        household=household,
        note=note,
        due=due,
        requirement=requirement,
        severity=severity,
    )
    if fmt is Format.json:
        from danyuanzhang.text.render import to_json

        out(to_json(item))
        return
    say(t("hazard_edited", id=short(item["id"])))


@hazard_app.command("list")
def hazard_list(
    ctx: typer.Context,
    open_only: Annotated[
        bool, typer.Option("--open", help="只看未销号的 · only not yet verified")
    ] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="只看逾期的 · only overdue")] = False,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=HAZARD_KIND_HELP)] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="单元，如 2-2 · unit")] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出隐患 · List hazards, e.g. `dyz hazard list --overdue`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.hazards import known_kinds, list_hazards

    store = store_of(ctx)
    items = list_hazards(
        store,
        estate=estate,
        unit=unit,
        kind=kind,
        open_only=open_only,
        overdue_only=overdue,
    )
    if fmt is Format.table or output is not None:
        kinds = known_kinds(store)
        items = [views.hazard_shown(i, kinds) for i in items]
    emit_list(items, fmt, views.HAZARD_COLUMNS, output)


@hazard_app.command("show")
def hazard_show(
    ctx: typer.Context, hazard: HazardArgument, fmt: FormatOption = Format.table
) -> None:
    """查看隐患及其整改经过 · Show a hazard and its whole timeline."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.hazards import known_kinds, show_hazard
    from danyuanzhang.text import render

    store = store_of(ctx)
    item = show_hazard(store, hazard)
    if fmt is Format.json:
        out(render.to_json(item))
        return
    if fmt is Format.csv:
        out(render.to_csv(item["timeline"], views.HAZARD_TIMELINE_KEYS))
        return
    out(views.hazard_text(item, known_kinds(store)))


@hazard_app.command("notice")
def hazard_notice(
    ctx: typer.Context,
    hazard: HazardArgument,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="格式：txt | html · format: txt | html")
    ] = "txt",
    paper: Annotated[
        str, typer.Option("--paper", help="纸张：a5 | a4（html）· paper: a5 | a4 (html)")
    ] = "a5",
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="落款日期（第一次打印时定下，默认今天）· issued on (set the first time; default today)",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
) -> None:
    """打印整改通知书（带编号和回执）· Print the numbered notice with its receipt stub, e.g. `dyz hazard notice 3fa2 -f html -o 通知.html`."""
    from danyuanzhang.cli.common import format_for
    from danyuanzhang.errors import DyzError
    from danyuanzhang.paperwork.notice import notice
    from danyuanzhang.paperwork.render_notice import notice_html, notice_txt

    fmt = format_for(output, fmt, "txt", ("txt", "html"))
    if fmt not in ("txt", "html"):
        raise DyzError("bad_notice_format", format=fmt)
    from danyuanzhang.text.typeset import paper_of

    chosen = paper_of(paper)
    # on the screen it is a look before printing: a number is given to paper, a file or a pipe
    preview = output is None and sys.stdout.isatty()
    data = notice(store_of(ctx), hazard, on=on, preview=preview)
    if preview and not data["number"]:  # one numbered already is shown as it was printed
        say(t("notice_preview"))
    due = data["hazard"]["due"]
    if due and due < data["issued_on"]:
        say(t("notice_past_due", due=due, id=short(data["hazard"]["id"])))
    # handed to the household, or posted at the door: made to be seen
    page = notice_html(data, chosen) if fmt == "html" else notice_txt(data)
    if output is None and fmt == "txt":
        from danyuanzhang.text.width import for_the_screen

        page = for_the_screen(page, sys.stdout)
    write_output(page, output, personal=False)


@hazard_app.command("kind-add")
def hazard_kind_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="英文代码，如 gas · code")],
    zh: Annotated[str, typer.Option("--zh", help="中文名称，如 燃气泄漏 · Chinese name")],
    en: Annotated[str | None, typer.Option("--en", help="英文名称 · English name")] = None,
) -> None:
    """新增一种隐患类别 · Add a kind of hazard, e.g. `dyz hazard kind-add gas --zh 燃气泄漏`."""
    from danyuanzhang.cases.hazards import add_kind

    say(t("hazard_kind_added", code=add_kind(store_of(ctx), code, zh, en)))


@hazard_app.command("kinds")
def hazard_kinds(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """隐患类别 · The kinds of hazard, built in and added."""
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.text.render import LABEL_COLUMNS, labels_shown

    emit_list(labels_shown(known_kinds(store_of(ctx))), fmt, LABEL_COLUMNS, output)


@hazard_app.command("recurrence-days")
def hazard_recurrence_days(
    ctx: typer.Context,
    days: Annotated[
        int | None, typer.Argument(help="天数，默认 90 · days, default 90", click_type=COUNT)
    ] = None,
) -> None:
    """回潮的认定期限 · How many days after a verification a new hazard counts as a recurrence."""
    from danyuanzhang.cases.hazards import recurrence_days, set_recurrence_days

    store = store_of(ctx)
    if days is not None:
        set_recurrence_days(store, days)
    say(t("recurrence_days", days=recurrence_days(store)))
