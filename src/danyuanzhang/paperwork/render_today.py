"""`dyz today` as text for the terminal: four short sections, each ending in what to type,
after the flats to knock on again when there are any."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from danyuanzhang.text.i18n import join, pick, said, short_day, t, word
from danyuanzhang.text.ids import short
from danyuanzhang.text.width import wrap

if TYPE_CHECKING:
    from danyuanzhang.paperwork.today_shape import (
        FollowUp,
        HazardToDo,
        HeldErasures,
        NeedWaiting,
        PatrolDue,
        Retry,
        TodayPlan,
        VisitDue,
    )


class _Screen:
    """The lines of the screen as they are said: wrapped to the terminal, a command under
    what it is for."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []

    def say(self, text: str, indent: str = "") -> None:
        """A wrapped line, its continuation under its text."""
        width = self.width
        pieces = wrap(text, width - len(indent) - 2) if indent else wrap(text, width)
        self.lines.extend((indent if n == 0 else indent + "  ") + p for n, p in enumerate(pieces))

    def command(self, text: str) -> None:
        self.lines.append(f"    → {text}")

    def gap(self) -> None:
        self.lines.append("")


def today_text(plan: TodayPlan, kinds: dict[str, tuple[str, str]], width: int, shown: int) -> str:
    screen = _Screen(width)
    screen.lines += [t("td_title", day=short_day(date.fromisoformat(plan["day"]))), ""]
    _erasures_held(screen, plan.get("erasures_held", []))
    retries = plan.get("retries", [])
    _retries(screen, retries)
    empty = plan.get("no_households", False)  # an empty notebook: nothing is on time
    # a flat to knock on again is said once, above
    again = {item["household_id"] for item in retries}
    due = [v for v in plan["visits"] if v["is_due"] and v["household_id"] not in again]
    _visits(screen, due, shown, empty)
    _hazards(screen, plan["hazards"], kinds)
    _needs(screen, plan["needs"])
    _patrols(screen, plan["patrols"], empty)
    _follow_ups(screen, plan.get("follow_ups", []))
    return "\n".join(line.rstrip() for line in screen.lines).rstrip() + "\n"


def _erasures_held(screen: _Screen, held: list[HeldErasures]) -> None:
    if not held:
        return
    screen.say(t("td_erasures_held", count=sum(len(group["flats"]) for group in held)))
    for group in held:
        laptop, flats = group["laptop"], join(group["flats"], 10)
        screen.say(t("td_erasure_held", laptop=laptop, flats=flats), "  ")
        screen.command(t("td_erasures_held_next", file=group["file"]))
    screen.gap()


def _retries(screen: _Screen, retries: list[Retry]) -> None:
    if not retries:
        return
    from danyuanzhang.text.vocab import BUILTIN_FLAGS, RISK_LEVELS

    screen.say(t("td_retries", count=len(retries)))
    for item in retries:
        why = [word(f, BUILTIN_FLAGS) for f in item["flags"]]
        if item.get("risk"):
            why.append(t("risk_level_word", risk=word(item["risk"], RISK_LEVELS)))
        flags = "、".join(why)
        when = short_day(date.fromisoformat(item["not_home_on"]))
        by = short_day(date.fromisoformat(item["retry_by"]))
        text = t("td_retry", household=item["household"], day=when, flags=flags, by=by)
        screen.say(text, "  ")
    screen.command(t("td_retries_next"))
    screen.gap()


def _visits(screen: _Screen, due: list[VisitDue], shown: int, empty: bool) -> None:
    from danyuanzhang.text.due_words import due_reason

    screen.say(
        t("td_visits", count=len(due))
        if due
        else t("td_visits_nobody" if empty else "td_visits_none")
    )
    for n, item in enumerate(due[:shown], start=1):
        names = "、".join(item["residents"])
        line = f"{n}. {item['household']} {names} {due_reason(item)}".replace("  ", " ")
        screen.say(line, "  ")
    if len(due) > shown:
        screen.say(t("td_visits_more", count=len(due) - shown), "  ")
    if due:
        screen.command(t("td_visits_next"))
    screen.gap()


def _hazards(screen: _Screen, hazards: list[HazardToDo], kinds: dict[str, tuple[str, str]]) -> None:
    screen.say(t("td_hazards", count=len(hazards)) if hazards else t("td_hazards_none"))
    for item in hazards:
        place = f"{item['unit']} {item['place'] or ''}".strip()
        what = f"{word(item['kind'], kinds)}{pick('（', ' (')}{place}{pick('）', ')')}"
        shown_id = short(item["id"])
        if item["todo"] == "reinspect":
            screen.say(t("td_hazard_reinspect", what=what), "  ")
            screen.command(t("td_hazard_verify", id=shown_id))
            continue
        if item["days_over"]:
            screen.say(t("td_hazard_overdue", what=what, days=item["days_over"]), "  ")
        else:
            screen.say(t("td_hazard_due_today", what=what), "  ")
        screen.command(t("td_hazard_fix", id=shown_id))
    screen.gap()


def _needs(screen: _Screen, needs: list[NeedWaiting]) -> None:
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    screen.say(t("td_needs", count=len(needs)) if needs else t("td_needs_none"))
    for item in needs:
        key = {"done": "td_need_done", "assigned": "td_need_assigned"}.get(
            item["status"], "td_need_collected"
        )
        screen.say(
            t(
                key,
                household=item["household"] or item["unit"],
                category=word(item["category"], PETITION_CATEGORIES),
                text=said(item["text"]),
                days=item["waiting_days"],
                volunteer=item.get("volunteer", ""),
            ),
            "  ",
        )
        screen.command(t(f"{key}_next", id=short(item["id"])))
    screen.gap()


def _patrols(screen: _Screen, patrols: list[PatrolDue], empty: bool) -> None:
    screen.say(
        t("td_patrols", count=len(patrols))
        if patrols
        else t("td_patrols_nobody" if empty else "td_patrols_none")
    )
    for item in patrols:
        if item["last_patrol"]:
            last = short_day(date.fromisoformat(item["last_patrol"]))
            since = t("td_patrol_since", unit=item["unit"], last=last, days=item["days_since"])
            screen.say(since, "  ")
        else:
            screen.say(t("td_patrol_never", unit=item["unit"]), "  ")
    if patrols:
        screen.command(t("td_patrols_next", unit=patrols[0]["unit"]))


def _follow_ups(screen: _Screen, follow_ups: list[FollowUp]) -> None:
    if not follow_ups:
        return
    screen.gap()
    screen.say(t("td_follow_ups", count=len(follow_ups)))
    for item in follow_ups:
        parties = "、".join(item["parties"])
        screen.say(t("td_follow_up", parties=parties, on=item["follow_up_on"]), "  ")
        screen.command(t("td_follow_up_next", id=short(item["id"])))
