"""`dyz conflicts`: one field changed on two laptops that had not seen each other's change.

The later change shows meanwhile; a person settles it by keeping one side (`mine`/`theirs`,
or the words the screen shows, 本机的/对方的) or by typing the value, which is checked exactly
as the field's own command checks it. The decision is a change, and travels.

>>> resolve_conflict(store, "ab41", "对方的")  # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from danyuanzhang.core.changes import FLAG_PREFIX, decode, encode
from danyuanzhang.core.records import ENTITIES, field_label, label
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.text.i18n import pick
from danyuanzhang.text.ids import short

MINE = ("mine", "本机", "本机的", "我的", "这台电脑的", "this laptop")
THEIRS = ("theirs", "对方", "对方的", "别人的", "那台电脑的", "the other laptop")


def describe_record(store: Store, entity: str, record: str) -> str:
    """A record as people know it: 新芙蓉之都 2-2-301, 刘桂英（2-2-301）, 周玉梅（2-2）."""
    from danyuanzhang.store import registry as reg

    if entity == "household":
        row = reg.household(store, record)
        if row is not None:
            return f"{row['estate']} {row['building']}-{row['unit']}-{row['room']}"
    elif entity == "resident":
        row = reg.resident(store, record)
        if row is not None:
            home = reg.household(store, row["household_id"]) if row["household_id"] else None
            where = f"{home['building']}-{home['unit']}-{home['room']}" if home is not None else "?"
            return f"{row['name'] or '?'}（{where}）"
    elif entity == "roster":
        row = reg.roster_member(store, record)
        if row is not None:
            return f"{row['name']}（{row['scope']}）"
    elif entity in ("flag_kind", "hazard_kind", "service_kind"):
        from danyuanzhang.text.i18n import lang

        code = record.partition("_kind_")[2] or record.partition("_")[2]
        return f"{label(entity)}{'' if lang() == 'zh' else ' '}“{code}”"
    spec = ENTITIES[entity]
    if spec.placed_by == "self":
        found = sql.places(store, entity, [record]).get(record)
        if found is not None and found[2] is not None:  # a record of a whole estate has no place
            place = "-".join(str(part) for part in found[2:] if part is not None)
            return pick(
                f"{label(entity)}（{place}，{short(record)}）",
                f"{label(entity)} ({place}, {short(record)})",
            )
    return pick(f"{label(entity)}（{short(record)}）", f"{label(entity)} ({short(record)})")


def value_text(stored: str | None, kind: str | None = None) -> str:
    from danyuanzhang.text.i18n import t, word

    value = decode(stored)
    if value is None:
        return t("value_empty")
    if value is True:
        return t("yes")
    if value is False:
        return t("no")
    if kind is not None and isinstance(value, str):
        vocabulary = _vocabulary(kind)
        if vocabulary:
            return word(value, vocabulary)
    return str(value)


def _vocabulary(kind: str) -> dict[str, tuple[str, str]]:
    from danyuanzhang.text import vocab

    return {
        "hazard_kind": vocab.HAZARD_KINDS,
        "service_kind": vocab.SERVICE_KINDS,
        "severity": vocab.SEVERITIES,
        "role": vocab.ROLES,
        "visit_kind": vocab.VISIT_KINDS,
        "visit_outcome": vocab.VISIT_OUTCOMES,
        "wellbeing": vocab.WELLBEING,
        "risk": vocab.RISK_LEVELS,
        "escalation": vocab.ESCALATION_TARGETS,
        "decision": vocab.DECISIONS,
        "dispute_kind": vocab.DISPUTE_KINDS,
    }.get(kind, {})


def field_kind(entity: str, field_name: str) -> str:
    if field_name.startswith(FLAG_PREFIX):
        return "bool"
    spec = ENTITIES[entity].field(field_name)
    return spec.kind if spec is not None else "text"


def _item(store: Store, row: Any) -> dict[str, Any]:
    from danyuanzhang.core.hlc import local_time, parse
    from danyuanzhang.sync.names import author_on_laptop

    me = store.device()[0]
    entity, record, field_name = row["entity"], row["record"], row["field"]
    state = sql.field_state(store, entity, record, field_name)
    kind = field_kind(entity, field_name)
    return {
        "id": row["id"],
        "table": entity,
        "record": record,
        "field": field_name,
        "what": describe_record(store, entity, record),
        "field_label": field_label(entity, field_name),
        "values": [
            {
                "change": head.id,
                "value": decode(head.value),
                "value_text": value_text(head.value, kind),
                "by": author_on_laptop(store, head.author, head.device),
                "author": head.author,
                "device": head.device,
                "when": local_time(parse(head.hlc).wall_ms).isoformat(timespec="minutes"),
                "mine": head.device == me,
            }
            for head in sorted(state.live, key=lambda h: (h.hlc, h.id))
        ],
    }


def list_conflicts(store: Store, everywhere: bool = False) -> list[dict[str, Any]]:
    """The conflicts for this laptop's person to settle: those of records in the part of the
    community it looks after (and community-wide ones), or all of them."""
    rows = sql.conflicts(store)
    from danyuanzhang.households.scopes import territory

    home = None if everywhere else territory(store)
    if home is not None and not home.whole and rows:
        from danyuanzhang.sync.exporting import records_in_scope

        inside = records_in_scope(store, home, {(r["entity"], r["record"]) for r in rows})
        rows = [r for r in rows if r["record"] in inside]
    return [_item(store, row) for row in rows]


def find_conflict(store: Store, id_prefix: str) -> Any:
    return sql.conflict(store, store.resolve_prefix("conflicts", id_prefix, "conflict_not_found"))


def show_conflict(store: Store, id_prefix: str) -> dict[str, Any]:
    return _item(store, find_conflict(store, id_prefix))


def _word(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def keep_side(keep: str) -> str | None:
    """`mine` or `theirs` for the words that mean them, else None (a value was typed)."""
    said = _word(keep)
    if said in {_word(w) for w in MINE}:
        return "mine"
    if said in {_word(w) for w in THEIRS}:
        return "theirs"
    return None


def resolve_conflict(store: Store, id_prefix: str, keep: str) -> dict[str, Any]:
    """Keep one side, or a value typed in; the decision is a change too, naming both sides."""
    with store.transaction():
        row = find_conflict(store, id_prefix)
        item = _item(store, row)
        values = item["values"]
        side = keep_side(keep)
        if side is not None:
            chosen_side = [v for v in values if v["mine"] == (side == "mine")]
            if len(chosen_side) != 1 or len(values) != 2:
                raise DyzError("conflict_keep_value", id=short(item["id"]))
            chosen = chosen_side[0]["value"]
        else:
            chosen = typed_value(store, row["entity"], row["field"], keep, item["field_label"])
        store.put(row["entity"], row["record"], {row["field"]: chosen})
        kind = field_kind(row["entity"], row["field"])
        return {**item, "value_text": value_text(encode(chosen), kind)}


def typed_value(store: Store, entity: str, field_name: str, text: str, what: str) -> Any:
    """A value typed for a field, read by the field's own command's rules (a phone must be a
    phone), then held to the form a bundle carries."""
    from danyuanzhang.sync.bundle.values import READERS, BadValue

    kind = field_kind(entity, field_name)
    parse = _command_parsers(store).get(kind)
    if parse is None:
        raise DyzError("conflict_pick_side", field=what)
    value = parse(text)
    canonical = "true" if value is True else "false" if value is False else str(value)
    try:
        READERS[kind](canonical)
    except BadValue as bad:
        raise DyzError("conflict_bad_value", field=what, detail=bad.detail) from None
    return value


def _command_parsers(store: Store) -> dict[str, Callable[[str], Any]]:
    from danyuanzhang.cases.hazards import parse_kind
    from danyuanzhang.cases.petitions import parse_category
    from danyuanzhang.cases.volunteers import parse_hours, parse_service, parse_services
    from danyuanzhang.households.roster import parse_buildings, parse_role
    from danyuanzhang.text import inputs, words

    def unit_number(text: str) -> str:
        cleaned = _word(text).removesuffix("单元")
        if not cleaned.isdigit():
            raise DyzError("bad_unit", text=text)
        return str(int(cleaned))

    return {
        "name": inputs.parse_name,
        "phone": inputs.parse_phone,
        "year": lambda text: inputs.parse_born(text),
        "date": inputs.parse_date,
        "text": inputs.parse_free_text,
        "bool": lambda text: inputs.parse_yes_no(text, "--keep"),
        "part": inputs.parse_building,
        "unit": unit_number,
        "role": parse_role,
        "buildings": parse_buildings,
        "hazard_kind": lambda text: parse_kind(store, text),
        "service_kind": lambda text: parse_service(store, text),
        "service_kinds": lambda text: ",".join(parse_services(store, [text])),
        "hours": parse_hours,
        "flag_code": parse_category,
        "severity": words.SEVERITY.parse,
        "visit_kind": words.VISIT_KIND.parse,
        "visit_outcome": words.VISIT_OUTCOME.parse,
        "wellbeing": words.WELLBEING.parse,
        "risk": words.RISK.parse,
        "escalation": words.ESCALATION.parse,
        "decision": words.DECISION.parse,
    }
