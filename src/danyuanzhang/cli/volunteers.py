"""`dyz volunteer ...` and `dyz service ...`: the volunteer team and the services it gives."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import (
    EstateOption,
    Format,
    FormatOption,
    SheetOption,
    YesOption,
    confirm_or_require_yes,
    emit_list,
    out,
    say,
    store_of,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short

volunteer_app = typer.Typer(help="志愿者队伍 · the volunteer team", no_args_is_help=True)
service_app = typer.Typer(help="志愿服务记录 · services volunteers gave", no_args_is_help=True)

VolunteerArgument = Annotated[
    str, typer.Argument(help="志愿者的名字或编号（前几位）· volunteer's name or id")
]
ServiceHelp = "服务项目：送学上门 | 帮扶老人 | 矛盾调解 | 义务维修（可写多次）· service, repeatable"
AreaHelp = "在哪里帮忙：单元 2-2、楼栋 2 或 全部 · where they help: unit, building or all"


@volunteer_app.command("add")
def volunteer_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", "-n", help="姓名 · name")],
    service: Annotated[list[str], typer.Option("--service", "-s", help=ServiceHelp)],
    phone: Annotated[str | None, typer.Option("--phone", help="电话 · phone")] = None,
    household: Annotated[
        str | None, typer.Option("--household", help="住在本社区哪一户，如 3-2-101 · lives at")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help=AreaHelp)] = None,
    available: Annotated[
        str | None, typer.Option("--available", help="什么时候能帮忙，如 周末上午 · when")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    estate: EstateOption = None,
) -> None:
    """登记志愿者 · Add a volunteer, e.g. `dyz volunteer add --name 左师傅 --phone 13507310001 --service 义务维修 --household 3-2-101`."""
    from danyuanzhang.cases.views import services_words
    from danyuanzhang.cases.volunteers import add_volunteer, known_services

    store = store_of(ctx)
    item = add_volunteer(
        store,
        name,
        service,
        phone=phone,
        household=household,
        area=area,
        available=available,
        note=note,
        estate=estate,
    )
    say(
        t(
            "volunteer_added",
            name=item["name"],
            services=services_words(item["services"], known_services(store)),
            area=item["area"],
            id=short(item["id"]),
        )
    )


@volunteer_app.command("list")
def volunteer_list(
    ctx: typer.Context,
    service: Annotated[
        str | None, typer.Option("--service", "-s", help="只列出做这项服务的 · only this service")
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出志愿者 · List the volunteers, e.g. `dyz volunteer list --service 义务维修`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.volunteers import known_services, list_volunteers

    store = store_of(ctx)
    items = list_volunteers(store, service=service, estate=estate)
    if not items and fmt is Format.table and output is None:
        say(t("volunteers_none"))
        return
    if fmt is Format.table or output is not None:
        items = views.volunteers_shown(items, known_services(store))
    emit_list(items, fmt, views.VOLUNTEER_COLUMNS, output)


@volunteer_app.command("show")
def volunteer_show(
    ctx: typer.Context, volunteer: VolunteerArgument, fmt: FormatOption = Format.table
) -> None:
    """查看志愿者和他做过的服务 · Show a volunteer with the services they gave and their hours."""
    from danyuanzhang.cases.views import volunteer_text
    from danyuanzhang.cases.volunteers import known_services, show_volunteer
    from danyuanzhang.text import render

    store = store_of(ctx)
    item = show_volunteer(store, volunteer)
    if fmt is Format.json:
        out(render.to_json(item))
        return
    out(volunteer_text(item, known_services(store)))


@volunteer_app.command("edit")
def volunteer_edit(
    ctx: typer.Context,
    volunteer: VolunteerArgument,
    name: Annotated[str | None, typer.Option("--name", "-n", help="姓名 · name")] = None,
    phone: Annotated[
        str | None, typer.Option("--phone", help="电话（写空字符串清除）· phone")
    ] = None,
    service: Annotated[
        list[str] | None, typer.Option("--service", "-s", help="服务项目（整体替换）· services")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help=AreaHelp)] = None,
    available: Annotated[
        str | None, typer.Option("--available", help="什么时候能帮忙 · when they can help")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
) -> None:
    """修改志愿者 · Edit a volunteer, e.g. `dyz volunteer edit 左师傅 --service 义务维修 --service 帮扶老人`."""
    from danyuanzhang.cases.volunteers import edit_volunteer

    store = store_of(ctx)
    item = edit_volunteer(
        store,
        volunteer,
        name=name,
        phone=phone,
        services=service,
        area=area,
        available=available,
        note=note,
    )
    say(t("volunteer_updated", name=item["name"]))


@volunteer_app.command("remove")
def volunteer_remove(
    ctx: typer.Context, volunteer: VolunteerArgument, yes: YesOption = False
) -> None:
    """删除志愿者并抹去其个人信息 · Erase a volunteer's personal data."""
    from danyuanzhang.cases.volunteers import find_volunteer, remove_volunteer

    store = store_of(ctx)
    found = find_volunteer(store, volunteer)
    confirm_or_require_yes(t("confirm_remove_volunteer", name=found["name"]), yes)
    gone = remove_volunteer(store, found["id"])
    say(t("volunteer_removed", name=gone["name"]))
    if not gone["scrubbed"]:
        say(t("erased_traces_pending"))


@volunteer_app.command("kind-add")
def volunteer_kind_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="英文代码，如 haircut · code")],
    zh: Annotated[str, typer.Option("--zh", help="中文名称，如 义务理发 · Chinese name")],
    en: Annotated[str | None, typer.Option("--en", help="英文名称 · English name")] = None,
) -> None:
    """新增一项志愿服务 · Add a service the team gives, e.g. `dyz volunteer kind-add haircut --zh 义务理发`."""
    from danyuanzhang.cases.volunteers import add_service_kind

    say(t("service_kind_added", code=add_service_kind(store_of(ctx), code, zh, en)))


@volunteer_app.command("kinds")
def volunteer_kinds(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """志愿服务项目 · The services the team gives."""
    from danyuanzhang.cases.views import SERVICE_KIND_COLUMNS, service_kinds_shown
    from danyuanzhang.cases.volunteers import known_services

    emit_list(service_kinds_shown(known_services(store_of(ctx))), fmt, SERVICE_KIND_COLUMNS)


@service_app.command("add")
def service_add(
    ctx: typer.Context,
    volunteer: VolunteerArgument,
    served: Annotated[
        str, typer.Option("--for", help="为谁：一户 2-2-301，或单元 2-2 的公共部位 · for whom")
    ],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", "-k", help="服务内容：送学上门 | 帮扶老人 | 矛盾调解 | 义务维修 · service"
        ),
    ],
    hours: Annotated[str, typer.Option("--hours", help="多长时间（小时），如 1.5 · hours")],
    on: Annotated[str | None, typer.Option("--on", help="哪天，默认今天 · day")] = None,
    note: Annotated[str | None, typer.Option("--note", help="做了什么 · what was done")] = None,
    petition: Annotated[
        str | None, typer.Option("--petition", help="对应的诉求编号 · the need it answered")
    ] = None,
    estate: EstateOption = None,
) -> None:
    """记一次志愿服务 · Record a service, e.g. `dyz service add 左师傅 --for 2-2-301 --kind 义务维修 --hours 1.5`."""
    from danyuanzhang.cases.volunteers import add_service, known_services
    from danyuanzhang.text.i18n import word

    store = store_of(ctx)
    item = add_service(
        store,
        volunteer,
        served,
        kind,
        hours,
        on=on,
        note=note,
        petition=petition,
        estate=estate,
    )
    kind_words = word(item["kind"], known_services(store))
    if not item["offered"]:
        say(t("service_not_offered", name=item["volunteer"], kind=kind_words))
    say(
        t(
            "service_added",
            name=item["volunteer"],
            kind=kind_words,
            served=item["household"] or item["unit"],
            on=item["on"],
            hours=item["hours"],
            id=short(item["id"]),
        )
    )


@service_app.command("list")
def service_list(
    ctx: typer.Context,
    start: Annotated[
        str | None, typer.Option("--from", help="起始日期，默认本月1日 · from")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="截止日期，默认今天 · to")] = None,
    volunteer: Annotated[
        str | None, typer.Option("--volunteer", help="只看这位志愿者的 · only this volunteer")
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出志愿服务 · List the services given, e.g. `dyz service list --from 2026-11-01`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.volunteers import known_services, list_services

    store = store_of(ctx)
    items = list_services(store, start=start, end=end, volunteer=volunteer, estate=estate)
    if fmt is Format.table or output is not None:
        items = views.services_shown(items, known_services(store))
    emit_list(items, fmt, views.SERVICE_LIST_COLUMNS, output)
