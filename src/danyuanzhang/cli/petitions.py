"""`dyz petition ...`: needs heard at the door, and where each one has got to."""

from __future__ import annotations

from typing import Annotated

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
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import ESCALATION, PETITION_CATEGORY, PETITION_STATUS

petition_app = typer.Typer(help="入户问需 · residents' needs and petitions", no_args_is_help=True)

PetitionArgument = Annotated[
    str, typer.Argument(help="诉求编号（前几位即可）· petition id or prefix")
]
OnOption = Annotated[str | None, typer.Option("--on", help="日期，默认今天 · date, default today")]


@petition_app.command("add")
def petition_add(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="房号，如 2-2-301 · household")],
    category: Annotated[str, typer.Option("--category", "-c", help=PETITION_CATEGORY.help)],
    text: Annotated[str, typer.Option("--text", "-t", help="诉求内容 · what the resident needs")],
    on: OnOption = None,
    estate: EstateOption = None,
) -> None:
    """记录一条诉求 · Record a need, e.g. `dyz petition add 2-2-301 --category 停车 --text "楼下乱停车"`."""
    from danyuanzhang.cases.petitions import add_petition

    item = add_petition(store_of(ctx), ref, category, text, on=on, estate=estate)
    say(t("petition_added", ref=item["household"], id=short(item["id"])))


@petition_app.command("link")
def petition_link(
    ctx: typer.Context,
    first: PetitionArgument,
    second: Annotated[
        str, typer.Argument(help="另一户的同一诉求 · the same matter from another household")
    ],
) -> None:
    """合并同一件事 · Join two households' petitions on the same matter."""
    from danyuanzhang.cases.petitions import link

    a, b, carried = link(store_of(ctx), first, second)
    say(t("petition_linked", first=short(a), second=short(b)))
    if carried:
        say(t("petition_carried", ids="、".join(short(c) for c in carried)))


@petition_app.command("resolve")
def petition_resolve(
    ctx: typer.Context,
    petition: PetitionArgument,
    note: Annotated[str | None, typer.Option("--note", help="怎么解决的 · what was done")] = None,
    on: OnOption = None,
) -> None:
    """就地解决 · Settled on the spot, e.g. `dyz petition resolve 3fa2 --note "已帮忙修好门锁"`."""
    from danyuanzhang.cases.petitions import take_step

    item = take_step(store_of(ctx), petition, "resolved", on=on, note=note)
    say(t("petition_resolved", id=short(item["id"])))


@petition_app.command("escalate")
def petition_escalate(
    ctx: typer.Context,
    petition: PetitionArgument,
    to: Annotated[str, typer.Option("--to", help=ESCALATION.help)] = "council",
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    on: OnOption = None,
) -> None:
    """上报 · Carry it up: to the building head, the area head or the council."""
    from danyuanzhang.cases.petitions import escalate
    from danyuanzhang.text.i18n import pick
    from danyuanzhang.text.vocab import ESCALATION_TARGETS

    item, carried = escalate(store_of(ctx), petition, to=to, on=on, note=note)
    zh, en = ESCALATION_TARGETS[item["escalated_to"]]
    say(t("petition_escalated", id=short(item["id"]), to=pick(zh, en)))
    if carried:
        say(t("petition_carried", ids="、".join(short(c) for c in carried)))


@petition_app.command("done")
def petition_done(
    ctx: typer.Context,
    petition: PetitionArgument,
    note: Annotated[str | None, typer.Option("--note")] = None,
    on: OnOption = None,
    hours: Annotated[
        str | None,
        typer.Option(
            "--hours", help="志愿者花了多长时间（小时），记进服务台账 · volunteer's hours"
        ),
    ] = None,
) -> None:
    """已落实：采纳的建议办了，或志愿者办好了 · Done: the adopted proposal, or the volunteer's work, e.g. `dyz petition done 3fa2 --hours 2`."""
    from danyuanzhang.cases.assignments import finish

    item = finish(store_of(ctx), petition, hours=hours, on=on, note=note)
    say(t("petition_done", id=short(item["id"])))
    if "service" in item:
        service = item["service"]
        say(t("petition_done_service", name=service["volunteer"], hours=service["hours"]))


@petition_app.command("match")
def petition_match(
    ctx: typer.Context, petition: PetitionArgument, fmt: FormatOption = Format.table
) -> None:
    """谁能帮这个忙：做这项服务的志愿者，近的在前 · Volunteers who could help, nearest first, e.g. `dyz petition match 3fa2`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.assignments import match, service_for
    from danyuanzhang.cases.petitions import find_petition
    from danyuanzhang.text import render

    store = store_of(ctx)
    found = match(store, petition)
    if fmt is Format.json:
        out(render.to_json(found))
        return
    need = find_petition(store, petition)
    if service_for(need["category"]) is None:
        say(t("match_no_service", category=views.category_words(need["category"])))
        return
    if not found:
        say(t("match_none", category=views.category_words(need["category"])))
        return
    out(views.matches_table(found))
    say(t("match_next", id=short(need["id"]), name=found[0]["name"]))


@petition_app.command("assign")
def petition_assign(
    ctx: typer.Context,
    petition: PetitionArgument,
    volunteer: Annotated[str, typer.Argument(help="志愿者的名字或编号 · volunteer's name or id")],
    on: OnOption = None,
) -> None:
    """交给志愿者去办 · Hand a need to a volunteer, e.g. `dyz petition assign 3fa2 左师傅`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.assignments import assign

    item = assign(store_of(ctx), petition, volunteer, on=on)
    if not item["offered"]:
        say(
            t(
                "assign_not_offered",
                name=item["volunteer"],
                category=views.category_words(item["category"]),
            )
        )
    if item["taken_from"]:
        say(t("assign_taken_from", name=item["taken_from"]))
    say(t("petition_assigned", id=short(item["id"]), name=item["volunteer"]))


@petition_app.command("close")
def petition_close(
    ctx: typer.Context,
    petition: PetitionArgument,
    confirmed: Annotated[
        bool, typer.Option("--confirmed-by-resident", help="居民已确认 · the resident confirmed")
    ] = False,
    satisfaction: Annotated[
        str | None,
        typer.Option(
            "--satisfaction",
            help="回访时居民的满意度：满意 | 基本满意 | 不满意 · satisfied | fairly | unsatisfied",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    on: OnOption = None,
) -> None:
    """办结（回访居民）· Close it after asking the resident, e.g. `dyz petition close 3fa2 --confirmed-by-resident --satisfaction 满意`."""
    from danyuanzhang.cases.petitions import take_step

    item = take_step(
        store_of(ctx),
        petition,
        "closed",
        on=on,
        note=note,
        confirmed=confirmed,
        satisfaction=satisfaction,
    )
    say(t("petition_closed", id=short(item["id"])))


@petition_app.command("withdraw")
def petition_withdraw(
    ctx: typer.Context,
    petition: PetitionArgument,
    reason: Annotated[
        str, typer.Option("--reason", help="为什么撤回，如 记错了户 · why it is withdrawn")
    ],
    on: OnOption = None,
) -> None:
    """撤回记错的诉求 · Withdraw a petition entered by mistake, e.g. `dyz petition withdraw 3fa2 --reason "记错了户"`."""
    from danyuanzhang.cases.petitions import withdraw

    item = withdraw(store_of(ctx), petition, reason, on=on)
    say(t("petition_withdrawn", id=short(item["id"])))


@petition_app.command("list")
def petition_list(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option("--status", help=PETITION_STATUS.help)] = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help=PETITION_CATEGORY.help)
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="单元，如 2-2 · unit")] = None,
    older_than: Annotated[
        int | None,
        typer.Option(
            "--older-than",
            help="超过多少天未办结 · open for more than N days",
            click_type=COUNT,
        ),
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出诉求 · List petitions, e.g. `dyz petition list --status escalated`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.petitions import list_petitions

    items = list_petitions(
        store_of(ctx),
        status=status,
        category=category,
        unit=unit,
        older_than=older_than,
        estate=estate,
    )
    if fmt is Format.table or output is not None:
        items = [views.petition_shown(i) for i in items]
    emit_list(items, fmt, views.PETITION_COLUMNS, output)


@petition_app.command("show")
def petition_show(
    ctx: typer.Context, petition: PetitionArgument, fmt: FormatOption = Format.table
) -> None:
    """查看诉求及其办理经过 · Show a petition and its timeline."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.petitions import show_petition
    from danyuanzhang.text import render

    item = show_petition(store_of(ctx), petition)
    if fmt is Format.json:
        out(render.to_json(item))
        return
    if fmt is Format.csv:
        out(render.to_csv(item["timeline"], views.PETITION_TIMELINE_KEYS))
        return
    out(views.petition_text(item))
