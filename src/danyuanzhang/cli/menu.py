"""`dyz` alone, in a terminal: a menu of the day's work. Each entry asks only what it needs,
with choices where there are choices, then runs the same command a user could type, and shows
that command, so that the menu teaches the commands.

Only the menu imports questionary; the commands typed all day do not pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from danyuanzhang.cli.common import out, say, state
from danyuanzhang.errors import DyzError
from danyuanzhang.i18n import t
from danyuanzhang.interview import Asker

Job = Callable[[Any, Asker], list[str] | None]


def run_menu(ctx: Any, asker: Asker | None = None) -> None:
    """The menu, again after each job, until the user leaves it (or presses Ctrl-C)."""
    asker = asker or Asker()
    jobs: list[tuple[str, Job | None]] = [
        (t("mn_today"), _today),
        (t("mn_visit"), _visit),
        (t("mn_patrol"), _patrol),
        (t("mn_need"), _need),
        (t("mn_council"), _council),
        (t("mn_report"), _report),
        (t("mn_households"), _households),
        (t("mn_exchange"), _exchange),
        (t("mn_team"), _team),
        (t("mn_help"), _help),
        (t("mn_quit"), None),
    ]
    while True:
        try:
            job = asker.select(t("mn_question"), jobs, numbered=True)
        except (KeyboardInterrupt, EOFError):
            return
        if job is None:
            return
        try:
            args = job(ctx, asker)
        except (KeyboardInterrupt, EOFError):
            say(t("mn_back"))
            continue
        if args is None:
            continue
        if _run(ctx, args):  # a job that failed is not offered as the command to type
            say(t("mn_same_command", command=command_line(["dyz", *args])))
        out("")


def command_line(args: list[str]) -> str:
    """The command as one would type it: quotes only around what has a space or a sign the
    shell would read, and double ones, which both cmd.exe and bash understand."""
    plain = re.compile(r"[^\s\"'`$&|;<>()*?!\\]+")
    return " ".join(a if plain.fullmatch(a) else '"' + a.replace('"', '\\"') + '"' for a in args)


def _run(ctx: Any, args: list[str]) -> bool:
    """Run `dyz ARGS` inside this process, as the command line would, and say whether it
    succeeded; a user error is shown in its one line and the menu goes on."""
    from typer import Abort, Exit
    from typer._click.exceptions import UsageError

    root = ctx.command
    name, rest = args[0], args[1:]
    command = root.get_command(ctx, name)
    try:
        with command.make_context(name, rest, parent=ctx) as sub:
            command.invoke(sub)
    except DyzError as error:
        say(error.message())
    except UsageError as error:
        from danyuanzhang.cli.usage import explain

        say(explain(error))
    except Exit as done:
        return done.exit_code == 0
    except Abort:
        say(t("cancelled"))
    except KeyboardInterrupt:
        say(t("cancelled"))
    else:
        return True
    return False


# -- the jobs ---------------------------------------------------------------------------------


def _units(ctx: Any) -> list[str]:
    from danyuanzhang.store import patrols as q
    from danyuanzhang.store import registry as reg

    store = state(ctx).store()
    return [f"{u['building']}-{u['unit']}" for u in q.units(store, reg.estates(store))]


def _unit(ctx: Any, asker: Asker) -> str | None:
    """The unit to work on: asked only when the notebook holds more than one; None, and
    said, when it holds none yet."""
    units = _units(ctx)
    if not units:
        say(t("mn_no_households"))
        return None
    if len(units) == 1:
        return units[0]
    return str(asker.select(t("mn_which_unit"), [(u, u) for u in units], numbered=len(units) <= 9))


def _household(ctx: Any, asker: Asker) -> str | None:
    """A household of the unit, chosen from the list with the names of who lives there."""
    from danyuanzhang.households import list_households
    from danyuanzhang.store import registry as reg

    unit = _unit(ctx, asker)
    if unit is None:
        return None
    store = state(ctx).store()
    homes = list_households(store, unit=unit)
    names = reg.resident_names(store, [h["id"] for h in homes])
    choices = [(f"{h['ref']} {'、'.join(names.get(h['id'], []))}".strip(), h["ref"]) for h in homes]
    return str(asker.select(t("mn_need_household"), choices))


def _today(ctx: Any, asker: Asker) -> list[str]:
    return ["today"]


def _visit(ctx: Any, asker: Asker) -> list[str]:
    return ["visit"]


def _patrol(ctx: Any, asker: Asker) -> list[str] | None:
    unit = _unit(ctx, asker)
    if unit is None:
        return None
    choice = asker.select(
        t("mn_patrol_what"),
        [(t("mn_patrol_walk"), "walk"), (t("mn_patrol_hazard"), "hazard")],
        numbered=True,
    )
    if choice == "walk":
        return ["patrol", "--unit", unit]
    from danyuanzhang.hazards import known_kinds
    from danyuanzhang.i18n import pick

    kinds = known_kinds(state(ctx).store())
    kind = asker.select(
        t("mn_hazard_kind"),
        [(pick(*names), code) for code, names in kinds.items()],
        numbered=len(kinds) <= 9,
        none_chosen=True,
    )
    where = asker.text(t("mn_hazard_where"), check=_required)
    days = unicodedata.normalize("NFKC", asker.text(t("mn_hazard_days"), default="3", check=_days))
    days = days.strip().removesuffix("天")
    label = pick(*kinds[kind])
    return ["hazard", "add", "--kind", label, "--where", f"{unit} {where.strip()}", "--days", days]


def _need(ctx: Any, asker: Asker) -> list[str] | None:
    from danyuanzhang.i18n import pick
    from danyuanzhang.vocab import PETITION_CATEGORIES

    household = _household(ctx, asker)
    if household is None:
        return None
    category = asker.select(
        t("mn_need_category"),
        [(pick(*names), code) for code, names in PETITION_CATEGORIES.items()],
        numbered=True,
        none_chosen=True,
    )
    text = asker.text(t("mn_need_text"), check=_required)
    label = pick(*PETITION_CATEGORIES[category])
    return ["petition", "add", household, "--category", label, "--text", text.strip()]


def _team(ctx: Any, asker: Asker) -> list[str] | None:
    """The volunteer team: who is in it, a service given, the disputes still open."""
    from danyuanzhang.i18n import pick
    from danyuanzhang.volunteers import known_services, list_volunteers

    choice = asker.select(
        t("mn_team_what"),
        [
            (t("mn_team_list"), "list"),
            (t("mn_team_service"), "service"),
            (t("mn_team_disputes"), "disputes"),
        ],
        numbered=True,
    )
    if choice == "list":
        return ["volunteer", "list"]
    if choice == "disputes":
        return ["mediation", "list", "--open"]
    store = state(ctx).store()
    team = list_volunteers(store)
    if not team:
        say(t("volunteers_none"))
        return None
    names = [v["name"] for v in team]
    who = asker.select(
        t("mn_team_who"),
        [(v["name"], v["name"] if names.count(v["name"]) == 1 else v["id"][:8]) for v in team],
        numbered=True,
    )
    household = _household(ctx, asker)
    if household is None:
        return None
    kinds = [pick(*labels) for labels in known_services(store).values()]
    kind = asker.select(t("mn_team_kind"), [(k, k) for k in kinds], numbered=True)
    hours = asker.text(t("mn_team_hours"), check=_required)
    return [
        "service",
        "add",
        str(who),
        "--for",
        household,
        "--kind",
        str(kind),
        "--hours",
        hours.strip(),
    ]


def _council(ctx: Any, asker: Asker) -> list[str]:
    return ["council", "agenda"]


def _report(ctx: Any, asker: Asker) -> list[str]:
    choice = asker.select(
        t("mn_report_which"),
        [(t("mn_report_this"), "本周"), (t("mn_report_last"), "上周")],
        numbered=True,
    )
    return ["report", "--week", choice]


def _households(ctx: Any, asker: Asker) -> list[str] | None:
    choice = asker.select(
        t("mn_households_what"),
        [
            (t("mn_households_list"), "list"),
            (t("mn_households_roster"), "roster"),
            (t("mn_households_card"), "card"),
        ],
        numbered=True,
    )
    if choice == "roster":
        return ["roster", "list"]
    unit = _unit(ctx, asker)
    if unit is None:
        return None
    if choice == "card":
        return ["card", "--unit", unit]
    return ["household", "list", "--unit", unit]


def _exchange(ctx: Any, asker: Asker) -> list[str]:
    choice = asker.select(
        t("mn_exchange_what"),
        [(t("mn_exchange_out"), "export"), (t("mn_exchange_in"), "import")],
        numbered=True,
    )
    if choice == "export":
        to = asker.text(t("mn_exchange_for"), default=t("mn_exchange_office"), check=_required)
        return ["export", "--for", to.strip()]
    path = asker.text(t("mn_exchange_file"), check=_existing_file)
    return ["import", path.strip().strip('"')]


def _help(ctx: Any, asker: Asker) -> None:
    out(ctx.get_help())
    return None


# -- checks of typed answers, shown beside the question ---------------------------------------


def _required(text: str) -> None:
    if not text.strip():
        raise DyzError("mn_required")


def _days(text: str) -> None:
    cleaned = unicodedata.normalize("NFKC", text).strip().removesuffix("天")
    if not cleaned.isdigit() or not 1 <= int(cleaned) <= 365:
        raise DyzError("mn_bad_days", text=text)


def _existing_file(text: str) -> None:
    from pathlib import Path

    _required(text)
    if not Path(text.strip().strip('"')).is_file():
        raise DyzError("mn_no_such_file", path=text.strip())
