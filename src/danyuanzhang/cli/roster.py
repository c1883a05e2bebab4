"""`dyz roster ...`, `dyz flag ...` and `dyz card`: who serves each stairwell, and its card."""

from __future__ import annotations

from pathlib import Path
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
    format_option,
    place_of,
    say,
    store_of,
    write_output,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.words import ROLE

roster_app = typer.Typer(help="三长一户名册 · the roster of heads", no_args_is_help=True)
flag_app = typer.Typer(help="居民标记 · resident flags", no_args_is_help=True)

MemberArgument = Annotated[str, typer.Argument(help="编号（前几位即可）· id or prefix")]
RoleOption = Annotated[
    str,
    typer.Option(
        "--role",
        help="职务：片长 | 楼栋长 | 单元长 | 户代表 · role: area_head | building_head | unit_head | household_rep",
    ),
]
ScopeHelp = "负责范围：片区名、楼栋 2 或单元 2-2 · scope: area name, building 2 or unit 2-2"
BuildingsHelp = "片长负责的楼栋，如 1-4 或 1,2,5 · buildings an area head covers"


@roster_app.command("add")
def roster_add(
    ctx: typer.Context,
    role: RoleOption,
    name: Annotated[str, typer.Option("--name", "-n", help="姓名 · name")],
    phone: Annotated[str, typer.Option("--phone", help="电话 · phone")],
    scope: Annotated[str, typer.Option("--scope", help=ScopeHelp)],
    estate: EstateOption = None,
    duties: Annotated[str | None, typer.Option(help="职责 · duties")] = None,
    photo: Annotated[str | None, typer.Option(help="照片文件 JPG/PNG · photo file")] = None,
    buildings: Annotated[str | None, typer.Option(help=BuildingsHelp)] = None,
) -> None:
    """登记三长一户 · Add to the roster, e.g. `dyz roster add --role unit_head --name 王建国 --phone 13900001111 --scope 2-2`."""
    from danyuanzhang.households.roster import add_member
    from danyuanzhang.text.ids import short
    from danyuanzhang.text.render import role_name

    item = add_member(
        store_of(ctx),
        role,
        name,
        phone,
        scope,
        estate=estate,
        duties=duties,
        photo=photo,
        buildings=buildings,
    )
    say(
        t(
            "member_added",
            role=role_name(item["role"]),
            name=item["name"],
            scope=item["scope"],
            id=short(item["id"]),
        )
    )


@roster_app.command("list")
def roster_list(
    ctx: typer.Context,
    role: Annotated[str | None, typer.Option("--role", help=ROLE.help)] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出三长一户 · List the roster, e.g. `dyz roster list --role unit_head`."""
    from danyuanzhang.households import views
    from danyuanzhang.households.roster import list_members

    items = list_members(store_of(ctx), role=role, estate=estate)
    if fmt is Format.table or output is not None:
        items = views.roster_shown(items)
    emit_list(items, fmt, views.ROSTER_COLUMNS, output)


@roster_app.command("edit")
def roster_edit(
    ctx: typer.Context,
    member: MemberArgument,
    role: Annotated[str | None, typer.Option("--role", help=ROLE.help)] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="姓名 · name")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="电话 · phone")] = None,
    scope: Annotated[str | None, typer.Option("--scope", help=ScopeHelp)] = None,
    duties: Annotated[str | None, typer.Option(help="职责（空字符串清除）· duties")] = None,
    photo: Annotated[str | None, typer.Option(help="照片文件（空字符串去掉）· photo file")] = None,
    buildings: Annotated[str | None, typer.Option(help=BuildingsHelp)] = None,
) -> None:
    """修改名册 · Edit a roster entry, e.g. `dyz roster edit 3fa2 --phone 13900002222`."""
    from danyuanzhang.households.roster import edit_member

    item = edit_member(
        store_of(ctx),
        member,
        role=role,
        name=name,
        phone=phone,
        scope=scope,
        duties=duties,
        photo=photo,
        buildings=buildings,
    )
    say(t("member_updated", name=item["name"]))


@roster_app.command("remove")
def roster_remove(ctx: typer.Context, member: MemberArgument, yes: YesOption = False) -> None:
    """从名册删除并抹去其信息 · Remove someone from the roster and erase their details."""
    from danyuanzhang.households.roster import find_member, remove_member

    store = store_of(ctx)
    found = find_member(store, member)
    confirm_or_require_yes(t("confirm_remove_member", name=found["name"]), yes)
    gone = remove_member(store, member)
    say(t("member_removed", name=gone["name"]))


@roster_app.command("import")
def roster_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="名册 CSV 文件 · roster CSV")],
    estate: EstateOption = None,
) -> None:
    """导入名册 CSV（列：角色,姓名,电话,小区,范围,负责楼栋,职责）· Import the roster from a CSV
    file whose headers are those Chinese column names: role, name, phone, estate, scope,
    buildings, duties."""
    from danyuanzhang.households.rollcall import RollRejected
    from danyuanzhang.households.roster import import_roster

    try:
        added, present = import_roster(store_of(ctx), file, estate=estate)
    except RollRejected as rejected:
        for told in rejected.told():
            say(told)
        raise
    say(t("roster_imported", added=added, present=present))


@flag_app.command("add")
def flag_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="英文代码，如 low_income · code")],
    zh: Annotated[str, typer.Option("--zh", help="中文名称，如 低保户 · Chinese label")],
    en: Annotated[str | None, typer.Option("--en", help="英文名称 · English label")] = None,
) -> None:
    """新增一种居民标记 · Define a new flag, e.g. `dyz flag add low_income --zh 低保户`."""
    from danyuanzhang.households.flags import add_flag_kind

    say(t("flag_added", code=add_flag_kind(store_of(ctx), code, zh, en)))


@flag_app.command("list")
def flag_list(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """列出居民标记 · List the flags residents can carry."""
    from danyuanzhang.households.flags import known_flags
    from danyuanzhang.text.render import LABEL_COLUMNS, labels_shown

    emit_list(labels_shown(known_flags(store_of(ctx))), fmt, LABEL_COLUMNS, output)


card_app = typer.Typer()


@card_app.command("card")
def card_command(
    ctx: typer.Context,
    unit: Annotated[
        str | None, typer.Option("--unit", help="单元，如 2-2（默认本机负责的）· unit")
    ] = None,
    estate: EstateOption = None,
    fmt: Annotated[
        Format,
        format_option(
            (Format.txt, Format.md, Format.html), "格式：txt | md | html · format: txt | md | html"
        ),
    ] = Format.txt,
    paper: Annotated[
        str,
        typer.Option(
            "--paper", help="纸张：a5 挂楼道 | a4 贴公告栏（html）· paper: a5 | a4 (html)"
        ),
    ] = "a5",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
) -> None:
    """打印单元服务牌 · Print the stairwell service card, e.g. `dyz card --unit 2-2 -f html -o 服务牌.html`."""
    from danyuanzhang.cli.common import format_for
    from danyuanzhang.paperwork import render_card
    from danyuanzhang.paperwork.card import service_card
    from danyuanzhang.text.typeset import paper_of

    fmt = Format(format_for(output, fmt.value, Format.txt.value, ("md", "html")))
    chosen = paper_of(paper)
    if unit is None:
        place = place_of(ctx, estate=estate)
        if place.unit is None:
            from danyuanzhang.errors import DyzError

            raise DyzError("card_need_unit")
        unit, estate = place.unit, place.estate
    card = service_card(store_of(ctx), unit, estate=estate)
    if fmt == Format.html:
        text = render_card.card_html(card, chosen)
    else:
        text = (render_card.card_md if fmt == Format.md else render_card.card_txt)(card)
    # the card names the stairwell's volunteers to be called: made for the wall
    write_output(text, output, personal=False)
