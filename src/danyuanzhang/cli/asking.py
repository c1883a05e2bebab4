"""A command typed without a value it needs, in a terminal, asks for it: a choice list where
there are choices (kinds, categories, roles, decisions, the open hazards and needs), a
question otherwise. Without a terminal the command fails with its one-line error, as before.

Only a command missing a value imports this module, and questionary with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.text.i18n import pick, t, word
from danyuanzhang.text.ids import short

Choices = list[tuple[str, str]]


def _vocabulary(choices: dict[str, tuple[str, str]]) -> Callable[[Store], Choices]:
    """The words of a vocabulary, as the screen shows them; the command reads them back."""
    return lambda _store: [(pick(*names), pick(*names)) for names in choices.values()]


def _hazard_kinds(store: Store) -> Choices:
    from danyuanzhang.cases.hazards import known_kinds

    return [(pick(*names), pick(*names)) for names in known_kinds(store).values()]


def _hazards(statuses: tuple[str, ...]) -> Callable[[Store], Choices]:
    def choices(store: Store) -> Choices:
        from danyuanzhang.cases.hazards import known_kinds, list_hazards

        kinds = known_kinds(store)
        return [
            (
                f"{short(h['id'])}  {word(h['kind'], kinds)}"
                f" {h['unit']} {h['place'] or ''}  ({h['found_on']})",
                short(h["id"]),
            )
            for h in list_hazards(store)
            if h["status"] in statuses
        ]

    return choices


def _petitions(store: Store) -> Choices:
    from danyuanzhang.cases.petitions import list_petitions

    return [
        (f"{short(p['id'])}  {p['household'] or p['unit']} “{p['text']}”", short(p["id"]))
        for p in list_petitions(store)
        if p["status"] not in ("closed", "resolved")
    ]


def _choices() -> dict[tuple[str, str], tuple[str, Callable[[Store], Choices]]]:
    """(the question, its choices) by (command, parameter)."""
    from danyuanzhang.text.vocab import DECISIONS, PETITION_CATEGORIES, ROLES

    unfixed = ("ask_hazard", _hazards(("found", "notified")))
    any_hazard = ("ask_hazard", _hazards(("found", "notified", "rectified", "verified")))
    return {
        ("hazard add", "kind"): ("mn_hazard_kind", _hazard_kinds),
        ("petition add", "category"): ("mn_need_category", _vocabulary(PETITION_CATEGORIES)),
        ("roster add", "role"): ("ask_role", _vocabulary(ROLES)),
        ("council decide", "decision"): ("ask_decision", _vocabulary(DECISIONS)),
        ("hazard notify", "hazard"): ("ask_hazard", _hazards(("found",))),
        ("hazard fix", "hazard"): unfixed,
        ("hazard verify", "hazard"): ("ask_hazard", _hazards(("rectified",))),
        ("hazard reopen", "hazard"): any_hazard,
        ("hazard show", "hazard"): any_hazard,
        ("hazard notice", "hazard"): unfixed,
        **{
            ("petition " + step, "petition"): ("ask_petition", _petitions)
            for step in ("resolve", "escalate", "done", "close", "show")
        },
    }


def ask_missing(ctx: Any, param: Any) -> list[str]:
    """What to add to the command line for the missing `param`, asked of the user."""
    from danyuanzhang.cli.common import state
    from danyuanzhang.cli.helptext import side
    from danyuanzhang.visits.interview import Asker

    asker = Asker()
    command = ctx.command_path.split(" ", 1)[1] if " " in ctx.command_path else ""
    question = side(getattr(param, "help", None)) or param.name
    asked = _choices().get((command, str(param.name)))
    choices = asked[1](state(ctx).store()) if asked else []
    if asked and choices:
        answer = str(asker.select(t(asked[0]), choices, none_chosen=True))
    else:
        answer = asker.text(f"{question}{pick('：', ': ')}", check=_required)
    if param.param_type_name == "argument":
        return [answer.strip()]
    return [param.opts[0], answer.strip()]


def _required(text: str) -> None:
    from danyuanzhang.errors import DyzError

    if not text.strip():
        raise DyzError("mn_required")
