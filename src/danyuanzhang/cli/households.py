"""`dyz household ...` and `dyz resident ...`: the registry of flats and the people in them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    remind_if_exposed,
    say,
    store_of,
    write_output,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short

if TYPE_CHECKING:
    pass

household_app = typer.Typer(help="住户登记 · the household registry", no_args_is_help=True)
duplicates_app = typer.Typer()
resident_app = typer.Typer(help="居民 · residents of a household", no_args_is_help=True)

RefArgument = Annotated[str, typer.Argument(help="房号，如 2-2-301 · household, e.g. 2-2-301")]
ResidentArgument = Annotated[
    str, typer.Argument(help="居民编号（前几位即可）· resident id or prefix")
]


@household_app.command("add")
def household_add(
    ctx: typer.Context,
    ref: RefArgument,
    estate: EstateOption = None,
    note: Annotated[str | None, typer.Option(help="备注 · note")] = None,
) -> None:
    """登记一户 · Register a household, e.g. `dyz household add 2-2-301 --estate 新芙蓉之都`."""
    from danyuanzhang.households.registry import add_household

    item = add_household(store_of(ctx), ref, estate=estate, note=note)
    say(t("household_added", ref=item["ref"], estate=item["estate"], id=short(item["id"])))


@household_app.command("list")
def household_list(
    ctx: typer.Context,
    estate: EstateOption = None,
    building: Annotated[str | None, typer.Option(help="楼栋，如 2 · building")] = None,
    unit: Annotated[str | None, typer.Option(help="单元，如 2-2 · unit")] = None,
    flag: Annotated[str | None, typer.Option(help="标记，如 独居老人 · flag")] = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出住户 · List households, e.g. `dyz household list --unit 2-2 --flag 独居老人`."""
    from danyuanzhang.households import views
    from danyuanzhang.households.flags import known_flags
    from danyuanzhang.households.registry import list_households

    store = store_of(ctx)
    items = list_households(store, estate=estate, building=building, unit=unit, flag=flag)
    if fmt is Format.table or output is not None:
        items = views.households_shown(items, known_flags(store))
    emit_list(items, fmt, views.HOUSEHOLD_COLUMNS, output)


@household_app.command("show")
def household_show(
    ctx: typer.Context,
    ref: RefArgument,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """查看一户及其居民 · Show a household and its residents, e.g. `dyz household show 2-2-301`."""
    from danyuanzhang.households import views
    from danyuanzhang.households.flags import known_flags
    from danyuanzhang.households.registry import show_household
    from danyuanzhang.text import render

    store = store_of(ctx)
    item = show_household(store, ref, estate=estate)
    if fmt is Format.json:
        out(render.to_json(item))
    elif fmt is Format.csv:
        out(views.residents_csv(item))
    else:
        out(views.household_heading(item))
        if item["residents"]:
            out(views.residents_text(item, known_flags(store)))
        else:
            say(t("no_residents", ref=item["ref"]))


@household_app.command("edit")
def household_edit(
    ctx: typer.Context,
    ref: RefArgument,
    estate: EstateOption = None,
    new_ref: Annotated[
        str | None, typer.Option("--ref", help="改成的房号 · corrected reference")
    ] = None,
    new_estate: Annotated[
        str | None, typer.Option("--new-estate", help="改成的小区 · corrected estate")
    ] = None,
    note: Annotated[
        str | None, typer.Option(help="备注（空字符串清除）· note, empty clears")
    ] = None,
) -> None:
    """修改一户 · Correct a household, e.g. `dyz household edit 2-2-301 --ref 2-2-302`."""
    from danyuanzhang.households.registry import edit_household

    item = edit_household(
        store_of(ctx), ref, estate, new_ref=new_ref, new_estate=new_estate, note=note
    )
    say(t("household_updated", ref=item["ref"], estate=item["estate"]))


@household_app.command("remove")
def household_remove(
    ctx: typer.Context, ref: RefArgument, estate: EstateOption = None, yes: YesOption = False
) -> None:
    """删除一户并抹去其居民信息 · Erase a household and its residents' personal data."""
    from danyuanzhang.households.registry import find_household, household_json, remove_household

    store = store_of(ctx)
    found = household_json(find_household(store, ref, estate))
    confirm_or_require_yes(
        t("confirm_remove_household", ref=found["ref"], estate=found["estate"]), yes
    )
    from danyuanzhang.text.i18n import counted

    gone = remove_household(store, ref, estate)
    residents = counted(gone["residents_erased"], "位居民", "resident")
    say(t("household_removed", ref=gone["ref"], estate=gone["estate"], residents=residents))
    if gone["kept_without_words"]:
        say(t("household_kept_without_words", count=gone["kept_without_words"]))
    if not gone["scrubbed"]:
        say(t("erased_traces_pending"))


@household_app.command("merge")
def household_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="保留的一户：房号或编号 · the household kept")],
    other: Annotated[str, typer.Argument(help="并入的一户：房号或编号 · the one merged in")],
    estate: EstateOption = None,
    yes: YesOption = False,
) -> None:
    """把登记了两次的一户合并 · Merge a flat entered twice, e.g. `dyz household merge 2-2-302 5e5c46c8 --yes`."""
    from danyuanzhang.households.registry import find_household, household_json, merge_households

    store = store_of(ctx)
    shown = [household_json(find_household(store, text, estate)) for text in (keep, other)]
    confirm_or_require_yes(t("confirm_merge", keep=shown[0]["ref"], other=shown[1]["ref"]), yes)
    item = merge_households(store, keep, other, estate)
    say(t("households_merged", keep=item["ref"], other=item["merged"]["ref"], id=short(item["id"])))


@household_app.command("import")
def household_import(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help="花名册：Excel（.xlsx/.xls）或 CSV · the roll: Excel or CSV"),
    ] = None,
    estate: EstateOption = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="只读这个工作表 · read only this sheet")
    ] = None,
    moved_out: Annotated[
        bool,
        typer.Option(
            "--moved-out",
            help="名册里没有的本户居民记为迁出 · record residents left off the roll as moved out",
        ),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查，不写入 · check only")] = False,
    template: Annotated[
        bool, typer.Option("--template", help="打印空白花名册 · print an empty roll")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
) -> None:
    """导入花名册 · Import the household roll from Excel (.xlsx, .xls) or CSV, e.g. `dyz household import 花名册.xlsx`."""
    from danyuanzhang.households import views
    from danyuanzhang.households.rollcall import RollRejected, import_roll
    from danyuanzhang.households.rollcall import template as roll_template
    from danyuanzhang.text.i18n import lang

    if template:
        # utf-8-sig: Excel on Chinese Windows opens a file with a BOM as UTF-8, otherwise as GBK.
        write_output(
            roll_template(lang()),
            output,
            encoding="utf-8-sig" if output else "utf-8",
            personal=False,
        )
        return
    if file is None:
        from danyuanzhang.errors import DyzError

        raise DyzError("need_roll_file")
    try:
        result = import_roll(
            store_of(ctx), file, estate=estate, dry_run=dry_run, sheet=sheet, moved_out=moved_out
        )
    except RollRejected as rejected:
        for told in rejected.told():
            say(told)
        raise
    for line in [*views.roll_read_lines(result), *views.roll_outcome_lines(result, dry_run)]:
        say(line)


@household_app.command("export")
def household_export(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="花名册文件 .xlsx 或 .csv · the roll file")
    ],
    estate: EstateOption = None,
    building: Annotated[str | None, typer.Option(help="楼栋，如 2 · building")] = None,
    unit: Annotated[str | None, typer.Option(help="单元，如 2-2 · unit")] = None,
) -> None:
    """导出花名册 · Write the roll as a spreadsheet that `household import` reads back, e.g. `dyz household export -o 花名册.xlsx`."""
    from danyuanzhang.households.rollcall import roll_rows
    from danyuanzhang.text.sheets import check_suffix, write_sheet

    check_suffix(output)
    headers, rows = roll_rows(store_of(ctx), estate=estate, building=building, unit=unit)
    write_sheet(output, headers, rows)
    people = sum(1 for row in rows if row[4])
    say(
        t(
            "roll_exported",
            path=str(output),
            households=len({tuple(r[:4]) for r in rows}),
            residents=people,
        )
    )
    if people:
        say(t("roll_file_personal"))
        remind_if_exposed(output)


# -- residents ---------------------------------------------------------------------------------


@resident_app.command("add")
def resident_add(
    ctx: typer.Context,
    ref: RefArgument,
    name: Annotated[str, typer.Option("--name", "-n", help="姓名 · name")],
    estate: EstateOption = None,
    phone: Annotated[str | None, typer.Option(help="电话 · phone")] = None,
    born: Annotated[str | None, typer.Option(help="出生年份，如 1948 · birth year")] = None,
    flag: Annotated[
        list[str] | None, typer.Option("--flag", help="标记，可多次 · flag, repeatable")
    ] = None,
    moved_in: Annotated[
        str | None, typer.Option("--moved-in", help="迁入日期 · moved in (YYYY-MM-DD)")
    ] = None,
) -> None:
    """登记居民 · Add a resident, e.g. `dyz resident add 2-2-301 --name 刘桂英 --flag 独居老人`."""
    from danyuanzhang.households.registry import add_resident

    item = add_resident(
        store_of(ctx),
        ref,
        name,
        estate=estate,
        phone=phone,
        born=born,
        flags=flag,
        moved_in=moved_in,
    )
    say(t("resident_added", name=item["name"], ref=ref, id=short(item["id"])))


@resident_app.command("edit")
def resident_edit(
    ctx: typer.Context,
    resident: ResidentArgument,
    name: Annotated[str | None, typer.Option("--name", "-n", help="姓名 · name")] = None,
    phone: Annotated[
        str | None, typer.Option(help="电话（空字符串清除）· phone, empty clears")
    ] = None,
    born: Annotated[str | None, typer.Option(help="出生年份 · birth year")] = None,
    flag: Annotated[list[str] | None, typer.Option("--flag", help="加标记 · add flag")] = None,
    unflag: Annotated[
        list[str] | None, typer.Option("--unflag", help="去标记 · remove flag")
    ] = None,
    moved_in: Annotated[str | None, typer.Option("--moved-in", help="迁入日期 · moved in")] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="备注（空字符串清除）· note, empty clears")
    ] = None,
    emergency_contact: Annotated[
        str | None,
        typer.Option(
            "--emergency-contact",
            help="紧急联系人：姓名 电话 关系（空字符串清除）· emergency contact: name phone"
            " relation, empty clears",
        ),
    ] = None,
    risk: Annotated[
        str | None,
        typer.Option(
            "--risk",
            help="风险等级：高（每周探访）| 中（每月）| 低（每季度）（空字符串清除）"
            " · risk level: high (weekly visits) | medium (monthly) | low (quarterly)",
        ),
    ] = None,
) -> None:
    """修改居民信息 · Edit a resident, e.g. `dyz resident edit 3fa2 --flag 需帮扶`,
    `dyz resident edit 3fa2 --emergency-contact "张伟 13800001111 儿子" --risk 高`."""
    from danyuanzhang.households.registry import edit_resident

    item = edit_resident(
        store_of(ctx),
        resident,
        name=name,
        phone=phone,
        born=born,
        add_flags=flag,
        remove_flags=unflag,
        moved_in=moved_in,
        note=note,
        emergency_contact=emergency_contact,
        risk=risk,
    )
    say(t("resident_updated", name=item["name"]))


@resident_app.command("move-out")
def resident_move_out(
    ctx: typer.Context,
    resident: ResidentArgument,
    on: Annotated[
        str | None, typer.Option("--on", help="迁出日期，默认今天 · date, default today")
    ] = None,
) -> None:
    """登记迁出（保留记录）· Record a move-out; the resident stays in the history."""
    from danyuanzhang.households.registry import move_out

    item = move_out(store_of(ctx), resident, on=on)
    say(t("resident_moved_out", name=item["name"], on=item["moved_out"]))


@resident_app.command("merge")
def resident_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="保留的居民编号 · the resident kept")],
    other: Annotated[str, typer.Argument(help="并入的居民编号 · the one merged in")],
    yes: YesOption = False,
) -> None:
    """把登记了两次的一个人合并（如 刘桂英 / 刘桂瑛）· Merge a person entered twice, e.g. `dyz resident merge 9e70 6a84 --yes`."""
    from danyuanzhang.households.registry import find_resident, merge_residents

    store = store_of(ctx)
    names = [find_resident(store, text)["name"] for text in (keep, other)]
    confirm_or_require_yes(t("confirm_merge", keep=names[0], other=names[1]), yes)
    item = merge_residents(store, keep, other)
    say(
        t("residents_merged", keep=item["name"], other=item["merged"]["name"], id=short(item["id"]))
    )


@duplicates_app.command("duplicates")
def duplicates_command(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """列出可能重复登记的住户、居民和诉求，附合并命令 · Likely duplicates, each with the command that would merge it."""
    from danyuanzhang.households import views
    from danyuanzhang.households.duplicates import find_duplicates

    items = find_duplicates(store_of(ctx))
    if fmt is Format.table or output is not None:
        items = views.duplicates_shown(items)
        if not items and output is None:
            say(t("no_duplicates"))
            return
    emit_list(items, fmt, views.DUPLICATE_COLUMNS, output)


@resident_app.command("remove")
def resident_remove(ctx: typer.Context, resident: ResidentArgument, yes: YesOption = False) -> None:
    """删除居民并抹去其信息 · Erase a resident (entered by mistake or asked to be forgotten)."""
    from danyuanzhang.households.registry import find_resident, remove_resident

    store = store_of(ctx)
    found = find_resident(store, resident)
    confirm_or_require_yes(t("confirm_remove_resident", name=found["name"]), yes)
    gone = remove_resident(store, resident)
    say(t("resident_removed", name=gone["name"]))


__all__ = ["duplicates_app", "household_app", "resident_app", "write_output"]
