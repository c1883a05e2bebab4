"""Exchanges as the terminal and a spreadsheet show them: the laptops heard from, the
community's members, the conflicts, and the conflicts an import brought."""

from __future__ import annotations

from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short

PEER_COLUMNS = [
    ("name", "col_device"),
    ("last_heard", "col_last_heard"),
    ("latest_seen", "col_latest_seen"),
    ("scope", "col_scope"),
    ("fingerprint", "col_fingerprint"),
    ("id", "col_id"),
]
MEMBER_COLUMNS = [
    ("name", "col_device"),
    ("fingerprint", "col_fingerprint"),
    ("state", "col_member_state"),
    ("since", "col_member_since"),
    ("id", "col_id"),
]
CONFLICT_COLUMNS = [
    ("what", "col_what"),
    ("field_label", "col_field"),
    ("values", "col_values"),
    ("id", "col_id"),
]


def peers_shown(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The laptops as the table and the spreadsheet show them: ids short, each one's part of
    the notebook in words."""
    from danyuanzhang.households.scopes import parse_scope

    return [
        {
            **i,
            "id": short(i["id"]),
            "scope": parse_scope(store, i["scope"]).words() if i["scope"] else t("scope_community"),
        }
        for i in items
    ]


def members_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The community's laptops as the table and the spreadsheet show them: ids short, a laptop
    without a key marked, each one's state in words."""
    return [
        {
            **i,
            "id": short(i["id"]),
            "fingerprint": i["fingerprint"] or "—",
            "state": t(f"member_state_{i['state']}"),
        }
        for i in items
    ]


def laptops_table(laptops: list[dict[str, Any]]) -> str:
    """Laptops heard from: name, key fingerprint and id."""
    from danyuanzhang.text.render import text_table

    rows = [[x["name"], x["fingerprint"] or "—", short(x["id"])] for x in laptops]
    return text_table([t("col_device"), t("col_fingerprint"), t("col_id")], rows)


def erasures_held_lines(listing: dict[str, Any]) -> list[str]:
    """The erasures the office holds back (members_and_held), laptop by laptop."""
    from danyuanzhang.text.i18n import join

    held = listing["erasures_held"]
    rule = listing["erasure_rule"]
    count = sum(len(group["flats"]) for group in held)
    lines = [t("members_erasures_held", count=count, unseen=rule["unseen"], days=rule["days"])]
    for group in held:
        flats = join(group["flats"], 10)  # the import listed them all
        lines.append(
            "  "
            + t("members_erasure_held", laptop=group["laptop"], flats=flats, file=group["file"])
        )
    return lines


def conflicts_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflicts as the table and the spreadsheet show them: ids short, both values on a line."""
    return [
        {**i, "id": short(i["id"]), "values": " | ".join(v["value_text"] for v in i["values"])}
        for i in items
    ]


def conflict_text(item: dict[str, Any]) -> str:
    """One conflict for `conflicts show`: what and which field, then a row for each value."""
    from danyuanzhang.text.render import text_table

    heading = f"{item['what']} · {item['field_label']}  ({t('col_id')} {short(item['id'])})"
    rows = [
        [v["value_text"], v["by"], v["when"], t("yes") if v["mine"] else ""] for v in item["values"]
    ]
    headers = [t("col_value"), t("col_by"), t("col_when"), t("col_mine")]
    return heading + "\n" + text_table(headers, rows)


def conflicts_counted(conflicted: dict[str, tuple[str, str]], listed: int) -> list[str]:
    """How many conflicts an import brought, and per field when they are more than `listed`."""
    from collections import Counter

    from danyuanzhang.core.records import field_label, label
    from danyuanzhang.text.i18n import counted, join

    lines = [t("import_conflicts", conflicts=counted(len(conflicted), "处冲突", "conflict"))]
    if len(conflicted) > listed:
        per_field = Counter(conflicted.values()).most_common()
        fields = join(
            f"{label(entity)}{field_label(entity, name)} {counted(n, '处', 'conflict')}"
            for (entity, name), n in per_field
        )
        lines.append(t("import_conflicts_by_field", fields=fields))
    return lines


def conflict_line(item: dict[str, Any], entity: str, name: str) -> str:
    """One conflict on a line, its values side by side, a phone masked: no phone number is
    printed in full after an import."""
    from danyuanzhang.core.records import ENTITIES
    from danyuanzhang.text.phones import masks_apart

    phone = ENTITIES[entity].kinds.get(name) == "phone"
    # two numbers masking alike are shown apart, or a person could not tell which to keep
    masked = masks_apart([v["value"] for v in item["values"]]) if phone else []
    values = " | ".join(
        masked[i] if phone and v["value"] else v["value_text"] for i, v in enumerate(item["values"])
    )
    return t(
        "conflict_line",
        what=item["what"],
        field=item["field_label"],
        values=values,
        id=short(item["id"]),
    )
