"""What a visit or a patrol turns up, as the terminal and a spreadsheet show it: hazards and
their steps, and the kinds of hazard. `kinds` is every kind's label (hazards.known_kinds)."""

from __future__ import annotations

from typing import Any

from danyuanzhang.text.i18n import pick, t
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
KIND_COLUMNS = [("code", "col_code"), ("zh", "col_label_zh"), ("en", "col_label_en")]


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


def kinds_shown(kinds: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Kinds as the table lists them: code, Chinese and English name."""
    return [{"code": c, "zh": zh, "en": en} for c, (zh, en) in kinds.items()]
