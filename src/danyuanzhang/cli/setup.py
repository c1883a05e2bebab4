"""`dyz init` and `dyz demo`: this laptop's notebook, and a sample one to try things on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from danyuanzhang.cli.common import default_device_name, out, say, state
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short

if TYPE_CHECKING:
    from danyuanzhang.store import Store

init_app = typer.Typer()
demo_app = typer.Typer()


@init_app.command("init")
def init_command(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Option("--name", help="您的姓名，印在台账和周报上 · your name, on every paper"),
    ] = None,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            help="您负责的单元，如 2-2（负责几个单元就写几次）· the unit you look after (repeat for several)",
        ),
    ] = None,
    building: Annotated[
        str | None, typer.Option("--building", help="您负责的楼栋，如 2 · the building")
    ] = None,
    area: Annotated[
        str | None, typer.Option("--area", help="您负责的片区（名册上的名称）· the area")
    ] = None,
    estate: Annotated[
        str | None, typer.Option("--estate", help="小区名称 · the estate you look after")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="负责全社区（社区办公室）· the whole community")
    ] = False,
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
    """建立本机的工作本，记下谁在用、负责哪里（可重复运行）· Set up this laptop: who uses it and what they look after, e.g. `dyz init --name 李志平 --unit 2-2`."""
    from danyuanzhang.cli.common import is_interactive
    from danyuanzhang.store import PERSON
    from danyuanzhang.upkeep.setup import initialise

    store = state(ctx).store(with_device=False)
    territory = _territory_option(unit, building, area, estate, everything or office)
    if name is None and store.setting(PERSON) is None and is_interactive():
        name, territory = _ask_person(territory)
    result = initialise(
        store,
        community,
        device_name,
        default_device_name(),
        person=name,
        territory=territory,
        estate=estate,
    )
    _say_initialised(store, result)
    if office:
        _become_office(store)


def _say_initialised(store: Store, result: dict[str, Any]) -> None:
    """What init did or found: the notebook, what changed, whose it is, what it looks after,
    its key's fingerprint."""
    from danyuanzhang.sync.keys import ensure_key, fingerprint

    changes = [] if result["new_device"] else _changes(result)
    changed = changes or (result["changed"] and not result["new_device"])
    key = "init_done" if result["new_device"] else "init_changed" if changed else "init_already"
    say(
        t(
            key,
            path=str(store.path),
            device=result["device_name"],
            id=short(result["device_id"]),
            community=result["community"] or t("not_set"),
        )
    )
    for change in changes:
        say(change)
    person = result["person"]
    say(t("init_person", person=person) if person else t("init_no_person"))
    territory_words = result["territory"]
    say(
        t("init_territory", territory=territory_words)
        if territory_words
        else t("init_territory_all")
    )
    if result["roster"] is not None:
        from danyuanzhang.text.i18n import word
        from danyuanzhang.text.vocab import ROLES

        post = result["roster"]
        say(t("init_on_roster", role=word(post["role"], ROLES), scope=post["scope"]))
    say(t("init_fingerprint", fingerprint=fingerprint(ensure_key(store))))
    if result["new_device"]:
        say(t("init_next"))


def _become_office(store: Store) -> None:
    """`init --office`: this laptop becomes the community office, and says how many laptops it
    already knows."""
    from danyuanzhang.store import sync as sql
    from danyuanzhang.sync.members import become_office

    if become_office(store):
        say(t("office_made"))
        heard = len(sql.peers(store))
        if heard:
            say(t("office_made_known", count=heard))


def _territory_option(
    unit: list[str] | None, building: str | None, area: str | None, estate: str | None, whole: bool
) -> str | None:
    """The one place init was told this laptop looks after, as a scope."""
    from danyuanzhang.errors import DyzError

    given = [
        text
        for text in (
            f"unit:{','.join(unit)}" if unit else None,
            f"building:{building}" if building else None,
            f"area:{area}" if area else None,
            "community" if whole else None,
        )
        if text
    ]
    if len(given) > 1:
        raise DyzError("init_one_territory")
    if given:
        return given[0]
    return f"estate:{estate}" if estate else None


def _ask_person(territory: str | None) -> tuple[str, str | None]:
    """In a terminal, a new laptop asks whose it is and, unless told, which unit."""
    from danyuanzhang.text.i18n import pick
    from danyuanzhang.visits.interview import Asker

    asker = Asker()

    def required(text: str) -> None:
        from danyuanzhang.errors import DyzError
        from danyuanzhang.text.inputs import parse_name

        if not text.strip():
            raise DyzError("mn_required")
        parse_name(text)

    person = asker.text(t("init_ask_name"), check=required).strip()
    if territory is None:

        def unit_or_nothing(text: str) -> None:
            from danyuanzhang.households.scopes import several
            from danyuanzhang.text.inputs import parse_unit

            for part in several(text):
                parse_unit(part)

        place = asker.text(t("init_ask_unit") + pick("：", ": "), check=unit_or_nothing).strip()
        territory = f"unit:{place}" if place else None
    return person, territory


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
    ctx: typer.Context,
    to: Annotated[
        Path | None,
        typer.Option("--to", help="演示数据库放在哪里 · where to build the demo database"),
    ] = None,
) -> None:
    """用示例社区试一试（不碰您自己的数据）· Build and show the sample community, apart from your own data."""
    from danyuanzhang.households.flags import known_flags
    from danyuanzhang.households.registry import list_households
    from danyuanzhang.households.views import unit_households_table
    from danyuanzhang.paperwork import render_card
    from danyuanzhang.paperwork.card import service_card
    from danyuanzhang.upkeep.demo import DEMO_UNIT, DEMO_WEEK, build_demo, demo_path

    # `dyz --db 演示.db demo` builds it there (never over a notebook that is not a demo)
    path = to or state(ctx).db or demo_path()
    store, summary = build_demo(path)
    try:
        say(t("demo_built", path=str(path)))
        out(t("demo_summary", **summary))
        out("")
        out(t("demo_unit_heading", unit=DEMO_UNIT))
        items = list_households(store, unit=DEMO_UNIT)
        out(unit_households_table(items, known_flags(store)))
        out(render_card.card_txt(service_card(store, DEMO_UNIT)))
        from danyuanzhang.paperwork.render_report import report_table
        from danyuanzhang.paperwork.report import weekly_report
        from danyuanzhang.text.width import terminal_width

        out("")
        out(report_table(weekly_report(store, week=DEMO_WEEK), terminal_width()))
        out(t("demo_next", path=str(path), week=DEMO_WEEK))
    finally:
        store.close()
