"""`dyz volunteer ...` and `dyz service ...`: the volunteer team and the services it gives."""

from __future__ import annotations

from typing import Annotated, Any

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

VOLUNTEER_COLUMNS = [
    ("name", "col_name"),
    ("phone", "col_phone"),
    ("services", "col_services"),
    ("area", "col_area"),
    ("available", "col_available"),
    ("household", "col_lives_at"),
    ("id", "col_id"),
]
SERVICE_COLUMNS = [
    ("on", "col_on"),
    ("household", "col_served"),
    ("kind", "col_service"),
    ("hours", "col_hours"),
    ("note", "col_note"),
    ("id", "col_id"),
]


def _services_words(store: Any, codes: list[str]) -> str:
    from danyuanzhang.cases.volunteers import known_services
    from danyuanzhang.text.i18n import join, word

    known = known_services(store)
    return join(word(code, known) for code in codes)


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
    from danyuanzhang.cases.volunteers import add_volunteer

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
            services=_services_words(store, item["services"]),
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
    from danyuanzhang.cases.volunteers import list_volunteers

    store = store_of(ctx)
    items = list_volunteers(store, service=service, estate=estate)
    if not items and fmt is Format.table and output is None:
        say(t("volunteers_none"))
        return
    if fmt is Format.table or output is not None:
        items = [
            {**i, "services": _services_words(store, i["services"]), "id": short(i["id"])}
            for i in items
        ]
    emit_list(items, fmt, VOLUNTEER_COLUMNS, output)


@volunteer_app.command("show")
def volunteer_show(
    ctx: typer.Context, volunteer: VolunteerArgument, fmt: FormatOption = Format.table
) -> None:
    """查看志愿者和他做过的服务 · Show a volunteer with the services they gave and their hours."""
    from danyuanzhang.cases.volunteers import known_services, show_volunteer
    from danyuanzhang.text import render
    from danyuanzhang.text.i18n import word

    store = store_of(ctx)
    item = show_volunteer(store, volunteer)
    if fmt is Format.json:
        out(render.to_json(item))
        return
    known = known_services(store)
    sep = t("colon")
    out(f"{item['name']}  {item['phone'] or ''}  ({t('col_id')} {short(item['id'])})".rstrip())
    out(f"{t('col_services')}{sep}{_services_words(store, item['services'])}")
    out(f"{t('col_area')}{sep}{item['estate']} {item['area']}")
    if item["household"]:
        out(f"{t('col_lives_at')}{sep}{item['household']}")
    if item["available"]:
        out(f"{t('col_available')}{sep}{item['available']}")
    if item["note"]:
        out(f"{t('col_note')}{sep}{item['note']}")
    given = item["services_given"]
    if not given:
        out(t("volunteer_no_services"))
        return
    hours = "、".join(f"{word(k, known)} {h}" for k, h in item["hours"].items())
    out(t("volunteer_hours", count=len(given), total=item["hours_total"], by_kind=hours))
    shown = [
        {**s, "household": s["household"] or s["unit"], "kind": word(s["kind"], known)}
        for s in given
    ]
    rows = [
        [render.csv_cell(s[key] if key != "id" else short(s["id"])) for key, _ in SERVICE_COLUMNS]
        for s in shown
    ]
    out(render.text_table([t(header) for _, header in SERVICE_COLUMNS], rows))


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
    from danyuanzhang.cases.volunteers import known_services

    items = [
        {"code": code, "label_zh": zh, "label_en": en}
        for code, (zh, en) in known_services(store_of(ctx)).items()
    ]
    emit_list(
        items,
        fmt,
        [("code", "col_code"), ("label_zh", "col_label_zh"), ("label_en", "col_label_en")],
    )


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
    from danyuanzhang.cases.volunteers import known_services, list_services
    from danyuanzhang.text.i18n import word

    store = store_of(ctx)
    items = list_services(store, start=start, end=end, volunteer=volunteer, estate=estate)
    if fmt is Format.table or output is not None:
        known = known_services(store)
        items = [
            {
                **i,
                "household": i["household"] or i["unit"],
                "kind": word(i["kind"], known),
                "id": short(i["id"]),
            }
            for i in items
        ]
    emit_list(items, fmt, [("volunteer", "col_volunteer"), *SERVICE_COLUMNS], output)
