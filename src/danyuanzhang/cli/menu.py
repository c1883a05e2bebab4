"""`dyz` alone, in a terminal: a menu of the day's work. Each entry asks only what it needs,
with choices where there are choices, then runs the same command a user could type, and shows
that command, so that the menu teaches the commands.

Only the menu imports questionary; the commands typed all day do not pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from danyuanzhang.cli.common import out, say, state
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.visits.interview import Asker

Job = Callable[[Any, Asker], list[str] | None]


def run_menu(ctx: Any, asker: Asker | None = None) -> None:
    """The menu, again after each job, until the user leaves it (0, q, Esc or Ctrl-C). At most
    nine numbered entries: a digit answers at once, so a tenth could never be typed."""
    asker = asker or Asker()
    jobs = main_entries()
    while True:
        try:
            job = asker.select(t("mn_question"), jobs, numbered=True, back=t("mn_quit"))
        except (KeyboardInterrupt, EOFError):
            return
        if job is None:
            return
        try:
            args = job(ctx, asker)
        except (KeyboardInterrupt, EOFError):
            say(t("mn_back"))
            continue
        if args is not None:
            _run_shown(ctx, args)
        out("")


def main_entries() -> list[tuple[str, Job]]:
    """The menu's first screen, in its order; 0 退出 comes after them."""
    return [
        (t("mn_today"), _today),
        (t("mn_visit"), _visit),
        (t("mn_patrol"), _patrol),
        (t("mn_need"), _need),
        (t("mn_council"), _council),
        (t("mn_report"), _report),
        (t("mn_households"), _households),
        (t("mn_team"), _team),
        (t("mn_more"), _more),
    ]


def command_line(args: list[str]) -> str:
    """The command as one would type it: quotes only around what has a space or a sign the
    shell would read, and double ones, which both cmd.exe and bash understand."""
    plain = re.compile(r"[^\s\"'`$&|;<>()*?!\\]+")
    return " ".join(a if plain.fullmatch(a) else '"' + a.replace('"', '\\"') + '"' for a in args)


def _run(ctx: Any, args: list[str]) -> bool:
    """Run `dyz ARGS` inside this process, as the command line would, and say whether it
    succeeded; a user error is shown in its one line and the menu goes on."""
    from typer import Abort, Exit

    from danyuanzhang.cli.clicks import UsageError

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


def _run_shown(ctx: Any, args: list[str]) -> bool:
    """Run `dyz ARGS` and show it as the command to type next time; a job that failed is
    not offered as the command to type."""
    if not _run(ctx, args):
        return False
    say(t("mn_same_command", command=command_line(["dyz", *args])))
    return True


# -- the jobs ---------------------------------------------------------------------------------


def units_ours_first(ctx: Any) -> list[str]:
    """The notebook's units, those this laptop looks after first."""
    from danyuanzhang.households.scopes import ours_first
    from danyuanzhang.store import patrols as q
    from danyuanzhang.store import registry as reg

    store = state(ctx).store()
    own, others = ours_first(store, list(q.units(store, reg.estates(store))), lambda u: u)
    return [f"{u['building']}-{u['unit']}" for u in own + others]


def _unit(ctx: Any, asker: Asker) -> str | None:
    """The unit to work on: asked only when the notebook holds more than one; None, and
    said, when it holds none yet."""
    units = units_ours_first(ctx)
    if not units:
        say(t("mn_no_households"))
        return None
    if len(units) == 1:
        return units[0]
    return str(asker.select(t("mn_which_unit"), [(u, u) for u in units], numbered=len(units) <= 9))


def _household(ctx: Any, asker: Asker) -> str | None:
    """A household of the unit, chosen from the list with the names of who lives there."""
    from danyuanzhang.households.registry import list_households
    from danyuanzhang.store import registry as reg

    unit = _unit(ctx, asker)
    if unit is None:
        return None
    store = state(ctx).store()
    homes = list_households(store, unit=unit)
    names = reg.resident_names(store, [h["id"] for h in homes])
    choices = [(f"{h['ref']} {'、'.join(names.get(h['id'], []))}".strip(), h["ref"]) for h in homes]
    return str(asker.select(t("mn_need_household"), choices))


def _today(_ctx: Any, _asker: Asker) -> list[str]:
    return ["today"]


def _visit(_ctx: Any, _asker: Asker) -> list[str]:
    return ["visit"]


def _patrol(ctx: Any, asker: Asker) -> list[str] | None:
    unit = _unit(ctx, asker)
    if unit is None:
        return None
    choice = asker.select(
        t("mn_patrol_what"),
        [(t("mn_patrol_walk"), "walk"), (t("mn_patrol_hazard"), "hazard")],
        numbered=True,
        back=t("mn_go_back"),
    )
    if choice is None:
        return None
    if choice == "walk":
        return ["patrol", "--unit", unit]
    from danyuanzhang.cases.hazards import known_kinds
    from danyuanzhang.text.i18n import pick

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
    from danyuanzhang.text.i18n import pick
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

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
    from danyuanzhang.cases.volunteers import known_services, list_volunteers
    from danyuanzhang.text.i18n import pick

    choice = asker.select(
        t("mn_team_what"),
        [
            (t("mn_team_list"), "list"),
            (t("mn_team_service"), "service"),
            (t("mn_team_disputes"), "disputes"),
        ],
        numbered=True,
        back=t("mn_go_back"),
    )
    if choice is None:
        return None
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
        [(v["name"], v["name"] if names.count(v["name"]) == 1 else short(v["id"])) for v in team],
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


def _council(_ctx: Any, _asker: Asker) -> list[str]:
    return ["council", "agenda"]


def _report(ctx: Any, asker: Asker) -> None:
    """The report on the screen, then offered as the printable page, saved where asked."""
    from danyuanzhang.paperwork.report import COUNCIL_WEEK, report_week
    from danyuanzhang.text.i18n import span

    store = state(ctx).store()
    first, last = report_week(store, COUNCIL_WEEK)
    days = span(date.fromisoformat(first), date.fromisoformat(last))
    week = asker.select(
        t("mn_report_which"),
        [(t("mn_report_council", days=days), []), (t("mn_report_this"), ["本周"])],
        numbered=True,
        back=t("mn_go_back"),
    )
    if week is None:
        return None
    shown = ["report", "--week", *week]
    if not _run_shown(ctx, shown) or not asker.confirm(t("mn_report_save")):
        return None
    first, last = report_week(store, week[0] if week else COUNCIL_WEEK)
    typed = asker.text(
        t("mn_report_where"),
        default=t("mn_report_file", first=first, last=last),
        check=_in_a_folder,
    )
    target = Path(typed.strip().strip('"')).expanduser()
    if target.is_dir():
        target = target / t("mn_report_file", first=first, last=last)
    if _run_shown(ctx, [*shown, "--format", "html", "-o", str(target.resolve())]):
        say(t("mn_report_print"))
    return None


def _households(ctx: Any, asker: Asker) -> list[str] | None:
    """The households and the roster: the roll imported, a flat registered, a unit's flats,
    the roster of heads, the stairwell's card."""
    job: Job | None = asker.select(
        t("mn_households_what"),
        [
            (t("mn_roll_import"), _roll_import),
            (t("mn_register"), _register),
            (t("mn_households_list"), _unit_households),
            (t("mn_households_roster"), _roster),
            (t("mn_households_card"), _card),
        ],
        numbered=True,
        back=t("mn_go_back"),
    )
    return None if job is None else job(ctx, asker)


def _roll_import(ctx: Any, asker: Asker) -> list[str]:
    path = asker.text(t("mn_roll_file"), check=_existing_file)
    args = ["household", "import", path.strip().strip('"')]
    estate = _estate_of_roll(ctx, asker)
    return args + (["--estate", estate] if estate else [])


def _estate_of_roll(ctx: Any, asker: Asker) -> str | None:
    """The estate a roll's flats are in, asked when the notebook cannot tell: none known yet
    (the roll may name it in a column) or several."""
    from danyuanzhang.store import registry as reg

    known = reg.estates(state(ctx).store())
    if len(known) == 1:
        return None
    if not known:
        return asker.text(t("mn_roll_estate")).strip() or None
    in_roll: list[tuple[str, str | None]] = [(t("mn_roll_estate_in_file"), None)]
    chosen = asker.select(t("mn_which_estate"), [(e, e) for e in known] + in_roll, numbered=True)
    return None if chosen is None else str(chosen)


def _register(ctx: Any, asker: Asker) -> None:
    """A flat and the people in it, one by one, as `household add` and `resident add` do."""
    from danyuanzhang.households.flags import known_flags, label
    from danyuanzhang.text.i18n import join

    estate = _estate_of_new_flat(ctx, asker)
    ref = asker.text(t("mn_register_ref"), check=_flat).strip()
    where = ["--estate", estate] if estate else []
    if not _run_shown(ctx, ["household", "add", ref, *where]):
        return None
    store = state(ctx).store()
    flags = known_flags(store)
    known = join(label(code, flags) for code in flags)
    while name := asker.text(t("mn_resident_name"), check=_a_name_or_none).strip():
        phone = asker.text(t("mn_resident_phone", name=name), check=_phone_or_none).strip()
        born = asker.text(t("mn_resident_born", name=name), check=_year_or_none).strip()
        words = asker.text(
            t("mn_resident_flags", name=name, known=known), check=lambda text: _flags(store, text)
        )
        args = ["resident", "add", ref, "--name", name, *where]
        args += ["--phone", phone] if phone else []
        args += ["--born", born] if born else []
        for word in _flag_words(words):
            args += ["--flag", word]
        _run_shown(ctx, args)
    return None


def _estate_of_new_flat(ctx: Any, asker: Asker) -> str | None:
    """The estate of a flat being registered: none asked when the notebook holds one."""
    from danyuanzhang.store import registry as reg

    known = reg.estates(state(ctx).store())
    if len(known) == 1:
        return None
    chosen = None
    if known:
        other = [(t("mn_register_other_estate"), None)]
        chosen = asker.select(
            t("mn_which_estate"), [(e, e) for e in known] + other, numbered=len(known) < 9
        )
    return chosen or asker.text(t("mn_estate_name"), check=_required).strip()


def _unit_households(ctx: Any, asker: Asker) -> list[str] | None:
    unit = _unit(ctx, asker)
    return None if unit is None else ["household", "list", "--unit", unit]


def _roster(_ctx: Any, _asker: Asker) -> list[str]:
    return ["roster", "list"]


def _card(ctx: Any, asker: Asker) -> list[str] | None:
    unit = _unit(ctx, asker)
    return None if unit is None else ["card", "--unit", unit]


def _more(ctx: Any, asker: Asker) -> list[str] | None:
    """Data to and from other laptops, and the help."""
    job: Job | None = asker.select(
        t("mn_more_what"),
        [(t("mn_exchange_out"), _export), (t("mn_exchange_in"), _import), (t("mn_help"), _help)],
        numbered=True,
        back=t("mn_go_back"),
    )
    return None if job is None else job(ctx, asker)


def _export(_ctx: Any, asker: Asker) -> list[str]:
    to = asker.text(t("mn_exchange_for"), default=t("mn_exchange_office"), check=_required)
    return ["export", "--for", to.strip()]


def _import(_ctx: Any, asker: Asker) -> list[str]:
    path = asker.text(t("mn_exchange_file"), check=_existing_file)
    return ["import", path.strip().strip('"')]


def _help(ctx: Any, _asker: Asker) -> None:
    out(ctx.get_help())
    say(t("mn_same_command", command="dyz --help"))
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
    _required(text)
    if not Path(text.strip().strip('"')).is_file():
        raise DyzError("mn_no_such_file", path=text.strip())


def _in_a_folder(text: str) -> None:
    """A file to write: its folder must be there (a folder alone takes the default name)."""
    _required(text)
    target = Path(text.strip().strip('"')).expanduser()
    if not target.is_dir() and not target.parent.is_dir():
        raise DyzError("mn_no_such_folder", path=str(target.parent))


def _flat(text: str) -> None:
    from danyuanzhang.text.inputs import parse_ref

    _required(text)
    parse_ref(text)


def _a_name_or_none(text: str) -> None:
    from danyuanzhang.text.inputs import parse_name

    if text.strip():
        parse_name(text)


def _phone_or_none(text: str) -> None:
    from danyuanzhang.text.inputs import parse_phone

    if text.strip():
        parse_phone(text)


def _year_or_none(text: str) -> None:
    from danyuanzhang.text.inputs import parse_born

    if text.strip():
        parse_born(text.strip())


def _flag_words(text: str) -> list[str]:
    """独居老人、需帮扶 → the words one by one; a space or a comma parts Chinese words only
    (the English "elderly, lives alone" is one flag)."""
    words = []
    for piece in re.split(r"[、，;；]+", unicodedata.normalize("NFC", text)):
        parts = [piece] if re.search(r"[A-Za-z]", piece) else re.split(r"[,\s]+", piece)
        words += [w.strip() for w in parts if w.strip()]
    return words


def _flags(store: Any, text: str) -> None:
    from danyuanzhang.households.flags import flag_code

    for word in _flag_words(text):
        flag_code(store, word)
