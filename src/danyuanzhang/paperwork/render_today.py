"""`dyz today` as text for the terminal: four short sections, each ending in what to type,
after the flats to knock on again when there are any."""

from __future__ import annotations

from datetime import date
from typing import Any

from danyuanzhang.store import short
from danyuanzhang.text.i18n import join, pick, said, short_day, t, word
from danyuanzhang.text.width import wrap


def today_text(  # noqa: C901, PLR0912, PLR0915
    plan: dict[str, Any], kinds: dict[str, tuple[str, str]], width: int, shown: int
) -> str:
    from danyuanzhang.text.render import due_reason
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    lines = [t("td_title", day=short_day(date.fromisoformat(plan["day"]))), ""]

    def say(text: str, indent: str = "") -> None:
        """A wrapped line, its continuation under its text."""
        pieces = wrap(text, width - len(indent) - 2) if indent else wrap(text, width)
        lines.extend((indent if n == 0 else indent + "  ") + p for n, p in enumerate(pieces))

    def command(text: str) -> None:
        lines.append(f"    → {text}")

    held = plan.get("erasures_held", [])
    if held:
        say(t("td_erasures_held", count=sum(len(group["flats"]) for group in held)))
        for group in held:
            say(t("td_erasure_held", laptop=group["laptop"], flats=join(group["flats"], 10)), "  ")
            command(t("td_erasures_held_next", file=group["file"]))
        lines.append("")
    retries = plan.get("retries", [])
    if retries:
        from danyuanzhang.text.vocab import BUILTIN_FLAGS, RISK_LEVELS

        say(t("td_retries", count=len(retries)))
        for item in retries:
            why = [word(f, BUILTIN_FLAGS) for f in item["flags"]]
            if item.get("risk"):
                why.append(t("risk_level_word", risk=word(item["risk"], RISK_LEVELS)))
            flags = "、".join(why)
            when = short_day(date.fromisoformat(item["not_home_on"]))
            by = short_day(date.fromisoformat(item["retry_by"]))
            text = t("td_retry", household=item["household"], day=when, flags=flags, by=by)
            say(text, "  ")
        command(t("td_retries_next"))
        lines.append("")
    # a flat to knock on again is said once, above
    again = {item["household_id"] for item in retries}
    due = [v for v in plan["visits"] if v["is_due"] and v["household_id"] not in again]
    empty = plan.get("no_households", False)  # an empty notebook: nothing is on time
    say(
        t("td_visits", count=len(due))
        if due
        else t("td_visits_nobody" if empty else "td_visits_none")
    )
    for n, item in enumerate(due[:shown], start=1):
        names = "、".join(item["residents"])
        say(f"{n}. {item['household']} {names} {due_reason(item)}".replace("  ", " "), "  ")
    if len(due) > shown:
        say(t("td_visits_more", count=len(due) - shown), "  ")
    if due:
        command(t("td_visits_next"))
    lines.append("")

    hazards = plan["hazards"]
    say(t("td_hazards", count=len(hazards)) if hazards else t("td_hazards_none"))
    for item in hazards:
        place = f"{item['unit']} {item['place'] or ''}".strip()
        what = f"{word(item['kind'], kinds)}{pick('（', ' (')}{place}{pick('）', ')')}"
        shown_id = short(item["id"])
        if item["todo"] == "reinspect":
            say(t("td_hazard_reinspect", what=what), "  ")
            command(t("td_hazard_verify", id=shown_id))
            continue
        if item["days_over"]:
            say(t("td_hazard_overdue", what=what, days=item["days_over"]), "  ")
        else:
            say(t("td_hazard_due_today", what=what), "  ")
        command(t("td_hazard_fix", id=shown_id))
    lines.append("")

    needs = plan["needs"]
    say(t("td_needs", count=len(needs)) if needs else t("td_needs_none"))
    for item in needs:
        key = {"done": "td_need_done", "assigned": "td_need_assigned"}.get(
            item["status"], "td_need_collected"
        )
        say(
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
        command(t(f"{key}_next", id=short(item["id"])))
    lines.append("")

    patrols = plan["patrols"]
    say(
        t("td_patrols", count=len(patrols))
        if patrols
        else t("td_patrols_nobody" if empty else "td_patrols_none")
    )
    for item in patrols:
        if item["last_patrol"]:
            last = short_day(date.fromisoformat(item["last_patrol"]))
            say(t("td_patrol_since", unit=item["unit"], last=last, days=item["days_since"]), "  ")
        else:
            say(t("td_patrol_never", unit=item["unit"]), "  ")
    if patrols:
        command(t("td_patrols_next", unit=patrols[0]["unit"]))
    follow_ups = plan.get("follow_ups", [])
    if follow_ups:
        lines.append("")
        say(t("td_follow_ups", count=len(follow_ups)))
        for item in follow_ups:
            say(
                t("td_follow_up", parties="、".join(item["parties"]), on=item["follow_up_on"]), "  "
            )
            command(t("td_follow_up_next", id=short(item["id"])))
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"
