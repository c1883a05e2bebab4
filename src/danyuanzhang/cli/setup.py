"""`dyz init` and `dyz demo`: this laptop's notebook, and a sample one to try things on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from danyuanzhang.cli.common import default_device_name, out, say, state
from danyuanzhang.i18n import join, t

init_app = typer.Typer()
demo_app = typer.Typer()


@init_app.command("init")
def init_command(
    ctx: typer.Context,
    community: Annotated[str | None, typer.Option(help="社区名称 · community name")] = None,
    device_name: Annotated[
        str | None,
        typer.Option("--device-name", help="本机名称，如 王建国的电脑 · this laptop's name"),
    ] = None,
    office: Annotated[
        bool,
        typer.Option(
            "--office", help="本机是社区办公室的电脑 · this laptop is the community office"
        ),
    ] = False,
) -> None:
    """建立本机的工作本（可重复运行）· Set up this laptop's notebook; safe to run twice."""
    from danyuanzhang.keys import ensure_key, fingerprint
    from danyuanzhang.setup import initialise

    store = state(ctx).store(with_device=False)
    result = initialise(store, community, device_name, default_device_name())
    changes = [] if result["new_device"] else _changes(result)
    key = "init_done" if result["new_device"] else "init_changed" if changes else "init_already"
    say(
        t(
            key,
            path=str(store.path),
            device=result["device_name"],
            id=result["device_id"][:8],
            community=result["community"] or t("not_set"),
        )
    )
    for change in changes:
        say(change)
    say(t("init_fingerprint", fingerprint=fingerprint(ensure_key(store))))
    if result["new_device"]:
        say(t("init_next"))
    if office:
        from danyuanzhang.store import sync as sql
        from danyuanzhang.sync.members import become_office

        if become_office(store):
            say(t("office_made"))
            heard = len(sql.peers(store))
            if heard:
                say(t("office_made_known", count=heard))


def _changes(result: dict[str, object]) -> list[str]:
    """What running init again changed: it must not say "data untouched" and rename things."""
    changes = []
    before, now = result["community_before"], result["community"]
    if now != before:
        changes.append(t("init_community_renamed", new=now, old=before or t("not_set")))
    if result["device_renamed_from"]:
        changes.append(
            t("init_device_renamed", new=result["device_name"], old=result["device_renamed_from"])
        )
    return changes


@demo_app.command("demo")
def demo_command(
    to: Annotated[
        Path | None,
        typer.Option("--to", help="演示数据库放在哪里 · where to build the demo database"),
    ] = None,
) -> None:
    """用示例社区试一试（不碰您自己的数据）· Build and show the sample community, apart from your own data."""
    from danyuanzhang import render, render_card
    from danyuanzhang.card import service_card
    from danyuanzhang.demo import DEMO_UNIT, DEMO_WEEK, build_demo, demo_path
    from danyuanzhang.households import list_households, short

    path = to or demo_path()
    store, summary = build_demo(path)
    try:
        say(t("demo_built", path=str(path)))
        out(t("demo_summary", **summary))
        out("")
        out(t("demo_unit_heading", unit=DEMO_UNIT))
        items = list_households(store, unit=DEMO_UNIT)
        headers = [t("col_ref"), t("col_residents"), t("col_flags"), t("col_id")]
        from danyuanzhang.flags import known_flags, label

        flags = known_flags(store)
        rows = [
            [
                i["ref"],
                str(i["residents"]),
                join(label(f, flags) for f in i["flags"]),
                short(i["id"]),
            ]
            for i in items
        ]
        out(render.text_table(headers, rows))
        out(render_card.card_txt(service_card(store, DEMO_UNIT)))
        from danyuanzhang.render_report import report_table
        from danyuanzhang.report import weekly_report
        from danyuanzhang.textwidth import terminal_width

        out("")
        out(report_table(weekly_report(store, week=DEMO_WEEK), terminal_width()))
        out(t("demo_next", path=str(path), week=DEMO_WEEK))
    finally:
        store.close()
