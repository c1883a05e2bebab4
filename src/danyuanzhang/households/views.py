"""The registry as the terminal and a spreadsheet show it: households, a household with its
residents, the likely duplicates, the roster of heads, and what a roll's import read and did. `flags` is every flag's label (flags.known_flags)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from danyuanzhang.households.flags import label
from danyuanzhang.text.i18n import join, t
from danyuanzhang.text.ids import short
from danyuanzhang.text.render import role_name, text_table, to_csv

if TYPE_CHECKING:
    from danyuanzhang.households.rollcall import RollResult

PLAN_LINES = 50  # what a dry run lists flat by flat, at most
NOTES_LISTED = 8  # the words of the 备注 kept as notes, named after an import
HOUSEHOLD_COLUMNS = [
    ("ref", "col_ref"),
    ("estate", "col_estate"),
    ("residents", "col_residents"),
    ("flags", "col_flags"),
    ("id", "col_id"),
]
RESIDENT_HEADERS = (
    "col_name",
    "col_phone",
    "col_born",
    "col_flags",
    "col_moved_in",
    "col_moved_out",
    "col_id",
)
RESIDENT_CSV_KEYS = [
    "household",
    "estate",
    "id",
    "name",
    "phone",
    "born",
    "flags",
    "moved_in",
    "moved_out",
    "note",
    "contact_name",
    "contact_phone",
    "contact_relation",
    "risk",
]
ROSTER_COLUMNS = [
    ("role", "col_role"),
    ("name", "col_name"),
    ("phone", "col_phone"),
    ("scope", "col_scope"),
    ("estate", "col_estate"),
    ("id", "col_id"),
]
DUPLICATE_COLUMNS = [("kind", "col_duplicate"), ("what", "col_what"), ("command", "col_command")]


def flag_labels(codes: Iterable[str], flags: dict[str, tuple[str, str]]) -> str:
    return join(label(code, flags) for code in codes)


def households_shown(
    items: list[dict[str, Any]], flags: dict[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """Households as the table and the spreadsheet show them: ids short, flags in words."""
    return [{**i, "id": short(i["id"]), "flags": flag_labels(i["flags"], flags)} for i in items]


def unit_households_table(items: list[dict[str, Any]], flags: dict[str, tuple[str, str]]) -> str:
    """One unit's households, without the estate every one of them shares (the demo's)."""
    headers = [t("col_ref"), t("col_residents"), t("col_flags"), t("col_id")]
    rows = [
        [i["ref"], str(i["residents"]), flag_labels(i["flags"], flags), short(i["id"])]
        for i in items
    ]
    return text_table(headers, rows)


def household_heading(item: dict[str, Any]) -> str:
    """`household show`'s first lines: the flat, its id and its note."""
    lines = [f"{item['estate']} {item['ref']}  ({t('col_id')} {short(item['id'])})"]
    if item["note"]:
        lines.append(f"{t('col_note')}{t('colon')}{item['note']}")
    return "\n".join(lines)


def residents_text(item: dict[str, Any], flags: dict[str, tuple[str, str]]) -> str:
    """A household's residents for `household show`: the table, then each one's note, then
    each one's emergency contact and risk."""
    rows = [
        [
            r["name"] or "",
            r["phone"] or "",
            str(r["born"] or ""),
            flag_labels(r["flags"], flags),
            r["moved_in"] or "",
            r["moved_out"] or "",
            short(r["id"]),
        ]
        for r in item["residents"]
    ]
    lines = [
        f"{r['name']} {t('col_note')}{t('colon')}{r['note']}"
        for r in item["residents"]
        if r["note"]
    ]
    lines += [care_line(r) for r in item["residents"] if r["emergency_contact"] or r["risk"]]
    table = text_table([t(h) for h in RESIDENT_HEADERS], rows)
    return table + "".join(line + "\n" for line in lines)


def care_line(resident: dict[str, Any]) -> str:
    """A resident's 紧急联系人 and 风险等级, as `household show` prints them."""
    from danyuanzhang.text.i18n import pick, word
    from danyuanzhang.text.vocab import RISK_CADENCE, RISK_LEVELS

    parts = []
    contact = resident["emergency_contact"]
    if contact:
        relation = f"（{contact['relation']}）" if contact["relation"] else ""
        parts.append(
            t("resident_contact", name=contact["name"], relation=relation, phone=contact["phone"])
        )
    if resident["risk"]:
        parts.append(
            t(
                "resident_risk",
                risk=word(resident["risk"], RISK_LEVELS),
                days=RISK_CADENCE[resident["risk"]],
            )
        )
    return f"{resident['name']} " + pick("；", "; ").join(parts)


def residents_csv(item: dict[str, Any]) -> str:
    """A household's residents as CSV rows, each with its flat and its emergency contact."""
    rows = [
        {
            "household": item["ref"],
            "estate": item["estate"],
            **r,
            **{
                f"contact_{part}": (r["emergency_contact"] or {}).get(part)
                for part in ("name", "phone", "relation")
            },
        }
        for r in item["residents"]
    ]
    return to_csv(rows, RESIDENT_CSV_KEYS)


def duplicates_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Likely duplicates as the table and the spreadsheet show them: their kind in words."""
    return [{**i, "kind": t(f"dup_{i['kind']}")} for i in items]


def roster_shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The roster as the table and the spreadsheet show it: roles in words, ids short."""
    return [{**i, "role": role_name(i["role"]), "id": short(i["id"])} for i in items]


def roll_read_lines(result: RollResult) -> list[str]:
    """What the roll held besides households: columns left out, rows skipped, notes kept."""
    from danyuanzhang.households.rollcall import row_numbers

    lines = []
    if result.id_card_columns:
        lines.append(t("roll_id_cards_left_out", columns=join(result.id_card_columns)))
    if result.ignored_columns:
        lines.append(t("roll_ignored_columns", columns=join(result.ignored_columns)))
    for key, rows in (
        ("roll_skipped_blank", result.blank_rows),
        ("roll_skipped_totals", result.total_rows),
    ):
        if rows:
            lines.append(t(key, count=len(rows), lines=row_numbers(rows)))
    if result.estate_from_title:
        lines.append(t("roll_estate_from_title", estate=result.estate_from_title))
    if result.notes:
        lines.append(t("roll_notes_kept", words=join(result.notes, limit=NOTES_LISTED)))
    return lines


def roll_outcome_lines(result: RollResult, dry_run: bool) -> list[str]:
    """The plan (dry run) or what was done, and the residents the roll no longer lists."""
    names = join(name for _, name in result.missing[:PLAN_LINES])
    lines = []
    if dry_run:
        planned = [
            *result.plan,
            *(t("roll_plan_missing", ref=ref, name=name) for ref, name in result.missing),
        ]
        lines.extend(planned[:PLAN_LINES])
        if len(planned) > PLAN_LINES:
            lines.append(t("roll_plan_more", count=len(planned) - PLAN_LINES))
    elif result.moved_out:
        lines.append(t("roll_moved_out", count=result.moved_out, names=names))
    elif result.missing:
        lines.append(t("roll_missing_hint", count=len(result.missing), names=names))
    key = "roll_checked" if dry_run else "roll_done"
    lines.append(
        t(
            key,
            rows=result.rows,
            households=result.households_added,
            added=result.residents_added,
            updated=result.residents_updated,
            unchanged=result.unchanged,
        )
    )
    return lines
