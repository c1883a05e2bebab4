"""What a visit or a patrol turns up, as the terminal and a spreadsheet show it: patrols done
and due, hazards and their steps, needs and their steps, the volunteers
who could help, the disputes mediated, the volunteers and the services they gave. `kinds` is
every kind's label (hazards.known_kinds), `known` every service's (volunteers.known_services)."""

from __future__ import annotations

from typing import Any

from danyuanzhang.text.i18n import pick, said, t
from danyuanzhang.text.ids import short

HAZARD_COLUMNS = [
    ("status", "col_status"),
    ("kind", "col_kind"),
    ("unit", "col_unit"),
    ("place", "col_place"),
    ("household", "col_household"),
    ("due", "col_due"),
    ("flags", "col_remarks"),
    ("id", "col_id"),
]
HAZARD_TIMELINE_KEYS = ["step", "on", "due", "note", "by", "counted"]
PETITION_COLUMNS = [
    ("status", "col_status"),
    ("category", "col_category"),
    ("household", "col_ref"),
    ("text", "col_text"),
    ("raised_on", "col_raised"),
    ("households", "col_households"),
    ("id", "col_id"),
]
PETITION_TIMELINE_KEYS = ["step", "on", "note", "by", "counted"]
MATCH_HEADERS = ("col_name", "col_phone", "col_nearness", "col_available", "col_id")
DISPUTE_COLUMNS = [
    ("raised_on", "col_raised"),
    ("parties", "col_parties"),
    ("dispute", "col_dispute"),
    ("mediator", "col_mediator"),
    ("result", "col_result"),
    ("follow_up_on", "col_follow_up"),
    ("id", "col_id"),
]
MEDIATION_STEP_HEADERS = ("col_step", "col_on", "col_party", "col_note", "col_by")
VOLUNTEER_COLUMNS = [
    ("name", "col_name"),
    ("phone", "col_phone"),
    ("services", "col_services"),
    ("area", "col_area"),
    ("available", "col_available"),
    ("household", "col_lives_at"),
    ("id", "col_id"),
]
SERVICE_COLUMNS = [
    ("on", "col_on"),
    ("household", "col_served"),
    ("kind", "col_service"),
    ("hours", "col_hours"),
    ("note", "col_note"),
    ("id", "col_id"),
]
SERVICE_LIST_COLUMNS = [("volunteer", "col_volunteer"), *SERVICE_COLUMNS]
SERVICE_KIND_COLUMNS = [
    ("code", "col_code"),
    ("label_zh", "col_label_zh"),
    ("label_en", "col_label_en"),
]
PATROL_COLUMNS = [
    ("when", "col_patrol_when"),
    ("where", "col_patrol_where"),
    ("patroller", "col_patroller"),
    ("result", "col_patrol_result"),
    ("hazards", "col_patrol_hazards"),
    ("id", "col_id"),
]
DUE_PATROL_COLUMNS = [
    ("unit", "col_unit"),
    ("last_patrol", "col_last_patrol"),
    ("days_since", "col_days_since"),
]


def hazard_shown(item: dict[str, Any], kinds: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """A hazard as the table and the spreadsheet show it: status and kind in words, id short,
    overdue and recurrence as remarks."""
    from danyuanzhang.text.vocab import HAZARD_STATUSES

    remarks = []
    if item["overdue"]:
        remarks.append(t("hazard_overdue"))
    if item["recurrence_of"]:
        remarks.append(t("hazard_recurrence", id=short(item["recurrence_of"])))
    zh, en = HAZARD_STATUSES[item["status"]]
    kind_zh, kind_en = kinds.get(item["kind"], (item["kind"], item["kind"]))
    return {
        **item,
        "status": pick(zh, en),
        "kind": pick(kind_zh, kind_en),
        "id": short(item["id"]),
        "flags": "、".join(remarks) if remarks else "",
    }


def hazard_text(item: dict[str, Any], kinds: dict[str, tuple[str, str]]) -> str:
    """A hazard with its whole timeline, as `hazard show` prints it."""
    from danyuanzhang.text.render import text_table

    shown = hazard_shown(item, kinds)
    rows = [
        [step_name(f"step_{e['step']}", e), e["on"], e["due"] or "", e["note"] or "", e["by"] or ""]
        for e in item["timeline"]
    ]
    headers = [t("col_step"), t("col_on"), t("col_due"), t("col_note"), t("col_recorded_by")]
    return "\n".join(
        [
            f"{shown['kind']} · {item['estate']} {item['unit']} {item['place'] or ''}".rstrip(),
            f"{t('col_status')}{t('colon')}{shown['status']}  {shown['flags']}".rstrip(),
            text_table(headers, rows),
        ]
    )


def step_name(key: str, event: dict[str, Any]) -> str:
    """A step's name; one recorded again on another laptop is marked, not counted twice."""
    return t(key) if event["counted"] else t("step_again", step=t(key))


def petition_shown(item: dict[str, Any]) -> dict[str, Any]:
    """A need as the table and the spreadsheet show it: status and category in words, the
    resident's words as said, id short."""
    from danyuanzhang.text.vocab import PETITION_CATEGORIES, PETITION_STATUSES

    status_zh, status_en = PETITION_STATUSES[item["status"]]
    cat_zh, cat_en = PETITION_CATEGORIES.get(item["category"], (item["category"], item["category"]))
    text = said(item["text"])
    return {
        **item,
        "status": pick(status_zh, status_en),
        "category": pick(cat_zh, cat_en),
        "text": text,
        "households": str(item["households"]),
        "id": short(item["id"]),
    }


def petition_text(item: dict[str, Any]) -> str:
    """A need with its timeline, as `petition show` prints it."""
    from danyuanzhang.text.render import text_table

    shown = petition_shown(item)
    rows = [
        [
            step_name(f"pstep_{e['step']}", e),
            e["on"],
            e["note"] or e.get("volunteer") or "",
            e["by"] or "",
        ]
        for e in item["timeline"]
    ]
    headers = [t("col_step"), t("col_on"), t("col_note"), t("col_recorded_by")]
    return "\n".join(
        [
            f"{shown['category']} · {item['estate']} {item['household'] or item['unit']}"
            f"  ({t('col_id')} {shown['id']})",
            said(item["text"]),
            f"{t('col_status')}{t('colon')}{shown['status']}",
            text_table(headers, rows),
        ]
    )


def category_words(code: str) -> str:
    """A need's category in the interface language."""
    from danyuanzhang.text.i18n import word
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    return word(code, PETITION_CATEGORIES)


def matches_table(found: list[dict[str, Any]]) -> str:
    """Volunteers who could help with a need, nearest first (assignments.match)."""
    from danyuanzhang.text.render import text_table

    rows = [
        [
            v["name"],
            v["phone"] or "",
            t(f"nearness_{v['nearness']}"),
            v["available"] or "",
            short(v["id"]),
        ]
        for v in found
    ]
    return text_table([t(k) for k in MATCH_HEADERS], rows)


def dispute_shown(item: dict[str, Any]) -> dict[str, Any]:
    """A dispute as the table shows it: the parties on a line, kind and result in words."""
    from danyuanzhang.text.i18n import join, word
    from danyuanzhang.text.vocab import DISPUTE_KINDS, MEDIATION_RESULTS

    return {
        **item,
        "parties": join(item["parties"]),
        "dispute": word(item["dispute"], DISPUTE_KINDS),
        "result": word(item["result"], MEDIATION_RESULTS) or t("mediation_open"),
        "id": short(item["id"]),
    }


def dispute_text(item: dict[str, Any]) -> str:
    """A dispute with its mediation step by step, as `mediation show` prints it."""
    from danyuanzhang.text.i18n import word
    from danyuanzhang.text.render import text_table
    from danyuanzhang.text.vocab import MEDIATION_STEPS

    shown = dispute_shown(item)
    sep = t("colon")
    lines = [
        f"{shown['dispute'] or t('col_dispute')} · {item['estate']} {shown['parties']}"
        f"  ({t('col_id')} {shown['id']})",
        said(item["text"]),
        f"{t('col_mediator')}{sep}{item['mediator'] or '—'}",
        f"{t('col_result')}{sep}{shown['result']}",
    ]
    if item["follow_up_on"]:
        lines.append(f"{t('col_follow_up')}{sep}{item['follow_up_on']}")
    rows = [
        [
            word(s["step"], MEDIATION_STEPS),
            s["on"],
            s["party"] or s["to"] or "",
            s["note"] or "",
            s["by"] or "",
        ]
        for s in item["steps"]
    ]
    if rows:
        lines.append(text_table([t(k) for k in MEDIATION_STEP_HEADERS], rows))
    return "\n".join(lines)


def services_words(codes: list[str], known: dict[str, tuple[str, str]]) -> str:
    """The services a volunteer gives, in the interface language, on a line."""
    from danyuanzhang.text.i18n import join, word

    return join(word(code, known) for code in codes)


def volunteers_shown(
    items: list[dict[str, Any]], known: dict[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """Volunteers as the table and the spreadsheet show them: services in words, ids short."""
    return [
        {**i, "services": services_words(i["services"], known), "id": short(i["id"])} for i in items
    ]


def services_shown(
    items: list[dict[str, Any]], known: dict[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """Services given as the table and the spreadsheet show them: served at a flat or else in
    a unit, the service in words, ids short."""
    from danyuanzhang.text.i18n import word

    return [
        {
            **i,
            "household": i["household"] or i["unit"],
            "kind": word(i["kind"], known),
            "id": short(i["id"]),
        }
        for i in items
    ]


def volunteer_text(item: dict[str, Any], known: dict[str, tuple[str, str]]) -> str:
    """A volunteer with the services they gave and their hours, as `volunteer show` prints it."""
    from danyuanzhang.text.i18n import word
    from danyuanzhang.text.render import csv_cell, text_table

    sep = t("colon")
    lines = [
        f"{item['name']}  {item['phone'] or ''}  ({t('col_id')} {short(item['id'])})".rstrip(),
        f"{t('col_services')}{sep}{services_words(item['services'], known)}",
        f"{t('col_area')}{sep}{item['estate']} {item['area']}",
    ]
    if item["household"]:
        lines.append(f"{t('col_lives_at')}{sep}{item['household']}")
    if item["available"]:
        lines.append(f"{t('col_available')}{sep}{item['available']}")
    if item["note"]:
        lines.append(f"{t('col_note')}{sep}{item['note']}")
    given = item["services_given"]
    if not given:
        lines.append(t("volunteer_no_services"))
        return "\n".join(lines)
    hours = "、".join(f"{word(k, known)} {h}" for k, h in item["hours"].items())
    lines.append(t("volunteer_hours", count=len(given), total=item["hours_total"], by_kind=hours))
    shown = [
        {**s, "household": s["household"] or s["unit"], "kind": word(s["kind"], known)}
        for s in given
    ]
    rows = [
        [csv_cell(s[key] if key != "id" else short(s["id"])) for key, _ in SERVICE_COLUMNS]
        for s in shown
    ]
    lines.append(text_table([t(header) for _, header in SERVICE_COLUMNS], rows))
    return "\n".join(lines)


def service_kinds_shown(known: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """The services the team gives, as the table lists them."""
    return [{"code": code, "label_zh": zh, "label_en": en} for code, (zh, en) in known.items()]


def patrols_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Patrols as the table and the spreadsheet show them: when and where on a line each, what
    was found in words, the hazards recorded by their short ids."""
    from danyuanzhang.cases.patrols import result_words

    return [
        {
            "when": f"{i['on']} {i['at'] or ''}".strip(),
            "where": i["unit"] or i["building"],
            "patroller": i["patroller"],
            "result": result_words(i),
            "hazards": [short(h["id"]) for h in i["hazards"]],
            "id": short(i["id"]),
        }
        for i in items
    ]


def due_patrols_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Units due a patrol, one never patrolled said so."""
    return [{**i, "last_patrol": i["last_patrol"] or t("patrol_never")} for i in items]
