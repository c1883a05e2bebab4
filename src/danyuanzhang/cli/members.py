"""`dyz members`: the laptops the community office has admitted."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import (
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

members_app = typer.Typer(
    help="本社区接纳的电脑（社区办公室管理）· the laptops the community office has admitted",
    invoke_without_command=True,
)


@members_app.callback()
def members_default(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """本社区接纳的电脑 · The laptops the community office has admitted; `dyz members` lists them."""
    if ctx.invoked_subcommand is None:
        members_list(ctx, fmt)


@members_app.command("list")
def members_list(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """列出接纳的电脑和等待接纳的 · List admitted laptops, and those waiting to join."""
    from danyuanzhang.sync import views
    from danyuanzhang.sync.erasures import members_and_held
    from danyuanzhang.text.render import to_json

    listing = members_and_held(store_of(ctx))
    if fmt is Format.json and output is None:
        out(to_json(listing))
        return
    office = listing["office"]
    items = listing["members"]
    if not items and listing["known_not_admitted"]:
        say(t("members_empty_known", count=listing["known_not_admitted"]))
        return
    if fmt is Format.table or output is not None:
        if output is None:
            out(t("members_heading", office=office["name"], fingerprint=office["fingerprint"]))
        items = views.members_shown(items)
    emit_list(items, fmt, views.MEMBER_COLUMNS, output)
    if listing["erasures_held"] and output is None:
        for line in views.erasures_held_lines(listing):
            say(line)


@members_app.command("admit")
def members_admit(
    ctx: typer.Context,
    peer: Annotated[
        str | None, typer.Argument(help="电脑名称或编号开头 · the laptop's name or id")
    ] = None,
    known: Annotated[
        bool,
        typer.Option(
            "--known", help="接纳以前交换过数据的所有电脑 · admit every laptop heard from"
        ),
    ] = False,
    read_out: Annotated[
        str | None,
        typer.Option(
            "--fingerprint",
            help="对方电话里念的指纹，核对不上就不接纳 · the fingerprint read over the phone",
        ),
    ] = None,
    yes: YesOption = False,
) -> None:
    """核对指纹后接纳一台电脑 · Admit a laptop after comparing its fingerprint over the phone."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.sync.members import admit, admit_known, candidate, known_not_admitted

    store = store_of(ctx)
    if known:
        laptops = known_not_admitted(store)
        if not laptops:
            say(t("members_known_none"))
            return
        from danyuanzhang.sync.views import laptops_table

        say(t("members_known_listed", count=len(laptops)))
        say(laptops_table(laptops))
        confirm_or_require_yes(t("members_known_confirm"), yes, "members_need_yes")
        say(t("members_known_done", count=admit_known(store, laptops)))
        return
    if peer is None:
        raise DyzError("members_admit_whom")
    if read_out is None:
        found = candidate(store, peer)
        if found["fingerprint"]:
            question = t("members_admit_confirm", name=found["name"], fp=found["fingerprint"])
        else:
            question = t("members_admit_confirm_nokey", name=found["name"])
        confirm_or_require_yes(question, yes, "members_need_fingerprint")
    admitted = admit(store, peer, read_out)
    if admitted["fingerprint"]:
        say(t("member_admitted", name=admitted["name"], fingerprint=admitted["fingerprint"]))
    else:
        say(t("member_admitted_nokey", name=admitted["name"]))


@members_app.command("revoke")
def members_revoke(
    ctx: typer.Context,
    peer: Annotated[str, typer.Argument(help="电脑名称或编号开头 · the laptop's name or id")],
    yes: YesOption = False,
) -> None:
    """撤销一台电脑（丢失、被盗、换人）· Revoke a laptop (lost, stolen, handed over)."""
    from danyuanzhang.sync.members import revoke

    confirm_or_require_yes(t("members_revoke_confirm", peer=peer), yes, "members_need_yes")
    say(t("member_revoked", name=revoke(store_of(ctx), peer)["name"]))
