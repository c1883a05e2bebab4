"""`dyz log`: the change history in words, one line per command.

The log holds low-level changes, one per field; a person thinks in commands ("I added 刘桂英's
phone"). This laptop notes the last stamp of each command it runs (`command_ends`, kept here,
never sent); changes from other laptops, whose commands are not known here, are grouped by
laptop, author and moment (within a second and a half of each other). So a roll import of a
thousand rows is one line, counted ("登记了住户 72 条、居民 138 条"), and a correction is one
line naming what it changed ("把刘桂英（2-2-301）的电话改为 186****3936").
Phones are masked, as everywhere a screen may be seen by others.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from danyuanzhang.core.changes import FLAG_PREFIX, Change, decode
from danyuanzhang.store import Store
from danyuanzhang.text.ids import short

# changes of one laptop and author this close together are one command's
MOMENT_MS = 1_500
_SHOWN_RECORDS = 3
_TEXT_LIMIT = 30


@dataclass
class Entry:
    device: str
    author: str
    changes: list[Change] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.changes[0].hlc

    @property
    def wall_ms(self) -> int:
        from danyuanzhang.core.hlc import wall_of

        return wall_of(self.changes[0].hlc)


def asked_for(
    store: Store,
    household: str | None = None,
    record: str | None = None,
    since: str | None = None,
    by: str | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """The entries `dyz log` was asked for, no more than `limit`: of one household's records,
    of the records whose id starts so, since a day, by one laptop (named, or the start of its
    id)."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.upkeep import queries

    records: set[str] | None = None
    if household is not None:
        from danyuanzhang.households.registry import find_household

        records = queries.household_records(store, find_household(store, household)["id"])
    if record is not None:
        found = queries.records_starting(store, record.strip().lower())
        if not found:
            raise DyzError("log_nothing")
        records = found if records is None else records & found
    day = None
    if since is not None:
        from danyuanzhang.text.inputs import parse_date

        day = parse_date(since, "--since", past=True)
    return entries(store, records, day, None if by is None else _laptop(store, by), limit)


def _laptop(store: Store, text: str) -> str:
    from danyuanzhang.errors import DyzError
    from danyuanzhang.upkeep import queries

    wanted = text.strip()
    for device, name in queries.laptops(store):
        if name == wanted or device.startswith(wanted.lower()):
            return device
    raise DyzError("log_no_laptop", name=wanted)


def entries(
    store: Store,
    records: set[str] | None = None,
    since: str | None = None,
    device: str | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """The commands, newest first, no more than `limit`: of every record, or only their
    changes to `records`; from the day `since` (ISO) on; of one laptop. Each laptop's changes
    are read backwards from its newest, and the laptops' commands merged by their first
    stamp, so that the log stops reading once it has what it shows; the commands of some
    records are found from those records' own changes."""
    from datetime import datetime
    from heapq import merge
    from itertools import islice

    from danyuanzhang.upkeep import queries

    start_ms = None if since is None else int(datetime.fromisoformat(since).timestamp() * 1000)
    if records is not None:
        return _commands_touching(store, records, start_ms, device)[:limit]
    laptops = queries.devices_in_log(store) if device is None else [device]
    newest = merge(
        *(_commands_of(store, laptop, start_ms) for laptop in laptops),
        key=lambda entry: entry.first,
        reverse=True,
    )
    return list(islice(newest, limit))


def _commands_of(store: Store, device: str, start_ms: int | None) -> Iterator[Entry]:
    """One laptop's commands, the newest first. A command is known to be whole when the
    change before it (an older one) is of another author, more than a moment earlier, or has
    a command of this laptop end between them."""
    from danyuanzhang.core.hlc import wall_of
    from danyuanzhang.upkeep import queries

    ends = queries.command_ends_newest_first(store)
    end = next(ends, None)
    newer: Change | None = None
    command: list[Change] = []  # the newest first
    for change in queries.changes_newest_first(store, device, start_ms):
        if newer is not None:
            while end is not None and end >= newer.hlc:
                end = next(ends, None)
            if (
                (end is not None and end >= change.hlc)
                or change.author != newer.author
                or wall_of(newer.hlc) - wall_of(change.hlc) > MOMENT_MS
            ):
                yield Entry(device, newer.author, command[::-1])
                command = []
        command.append(change)
        newer = change
    if newer is not None:
        yield Entry(device, newer.author, command[::-1])


def _commands_touching(
    store: Store, records: set[str], start_ms: int | None, device: str | None
) -> list[Entry]:
    """The commands that changed `records`, newest first, each with only those changes: read
    from the records' own changes, and of the rest of the log only as much as tells whether
    two of them are one command's (`_apart`)."""
    from danyuanzhang.core.hlc import wall_text
    from danyuanzhang.upkeep import queries

    start = "" if start_ms is None else wall_text(start_ms)
    changes = sorted(
        (c for c in queries.changes_of(store, sorted(records)) if c.hlc >= start),
        key=lambda c: (c.device, c.hlc),
    )
    found: list[Entry] = []
    before: Change | None = None
    for change in changes:
        if device is not None and change.device != device:
            continue
        if before is None or before.device != change.device or _apart(store, before, change):
            found.append(Entry(change.device, change.author))
        found[-1].changes.append(change)
        before = change
    return sorted(found, key=lambda entry: entry.first, reverse=True)


def _apart(store: Store, older: Change, newer: Change) -> bool:
    """Whether two changes of one laptop belong to different commands: another author, a
    command of this laptop ending between them, or more than a moment between two changes of
    that laptop from the one to the other. The walk stops at the first such gap, so it reads
    no more than the rest of the older change's command."""
    from danyuanzhang.core.hlc import wall_of
    from danyuanzhang.upkeep import queries

    if older.author != newer.author or queries.ended_between(store, older.hlc, newer.hlc):
        return True
    last_ms = wall_of(older.hlc)
    for stamp, author in queries.stamps_between(store, older.device, older.hlc, newer.hlc):
        if author != older.author or wall_of(stamp) - last_ms > MOMENT_MS:
            return True
        last_ms = wall_of(stamp)
    return False


def _value_words(entity: str, change: Change) -> str:
    from danyuanzhang.text.i18n import t

    value = decode(change.value)
    if value is None:
        return t("log_cleared")
    if isinstance(value, bool) or change.field.startswith(FLAG_PREFIX):
        return t("yes_word") if value else t("no_word")
    from danyuanzhang.sync.conflicts import field_kind, value_text

    return _shortened(value_text(change.value, field_kind(entity, change.field)))


def _made_by(store: Store, entry: Entry, records: list[str]) -> set[str]:
    """Those of `records` the command made: none of their changes is older than it."""
    from danyuanzhang.upkeep import queries

    return set(records) - queries.changed_before(store, records, entry.first)


def _record_words(store: Store, entity: str, record: str) -> str:
    """A record as people know it; a need or a hazard by its own words and its flat."""
    from danyuanzhang.core.records import label
    from danyuanzhang.sync.conflicts import describe_record
    from danyuanzhang.text.i18n import t
    from danyuanzhang.upkeep import queries

    if store.is_erased(entity, record):
        return t("log_erased_record", what=label(entity))
    if entity in ("petition", "hazard"):
        row = queries.matter_with_room(store, entity, record)
        if row is not None:
            parts = (row["building"], row["unit"], row["room"])
            place = "-".join(str(part) for part in parts if part is not None)
            if entity == "petition":
                from danyuanzhang.text.i18n import said

                words = _shortened(said(row["text"]))
            else:
                from danyuanzhang.text.i18n import word
                from danyuanzhang.text.vocab import HAZARD_KINDS

                words = word(row["kind"], HAZARD_KINDS)
            return t("log_matter", kind=label(entity), words=words, place=place)
    return describe_record(store, entity, record)


def _shortened(text: str) -> str:
    from danyuanzhang.text.phones import mask_phones_in

    text = mask_phones_in(text)
    return text if len(text) <= _TEXT_LIMIT else text[:_TEXT_LIMIT] + "……"


def _step_words(store: Store, entity: str, changes: list[Change]) -> str | None:
    """A step on a need or a hazard: "把诉求“楼道灯坏了”（2-2-301）记为 上报：…"."""
    from danyuanzhang.text.i18n import t

    values = {c.field: decode(c.value) for c in changes if c.op == "set"}
    parent = "petition" if entity == "petition_event" else "hazard"
    step, target = values.get("step"), values.get(parent)
    if not isinstance(step, str) or not isinstance(target, str):
        return None
    prefix = "pstep_" if parent == "petition" else "step_"
    phrase = t("log_step", what=_record_words(store, parent, target), step=t(prefix + step))
    note = values.get("note")
    return phrase + (t("log_step_note", note=_shortened(str(note))) if note else "")


def words(store: Store, entry: Entry) -> str:
    """The command in one line: what it did, to what, as people say it."""
    from danyuanzhang.core.records import field_label, label
    from danyuanzhang.text.i18n import join, t

    by_record: dict[tuple[str, str], list[Change]] = {}
    shown = [c for c in entry.changes if c.entity not in _COPIES] or entry.changes
    for change in shown:
        by_record.setdefault((change.entity, change.record), []).append(change)
    made = _made_by(store, entry, [record for _, record in by_record])
    if len(by_record) > _SHOWN_RECORDS:
        new: dict[str, int] = {}
        changed: dict[str, int] = {}
        for entity, record in by_record:
            tally = new if record in made else changed
            tally[entity] = tally.get(entity, 0) + 1
        parts = []
        if new:
            parts.append(t("log_added", what=_tally(new)))
        if changed:
            parts.append(t("log_changed_many", what=_tally(changed)))
        return t("list_sep").join(parts)
    phrases = []
    erased: dict[str, int] = {}
    for (entity, record), changes in by_record.items():
        if entity in ("petition_event", "hazard_event"):
            step = _step_words(store, entity, changes)
            if step is not None:
                phrases.append(step)
                continue
        if any(c.op == "delete" for c in changes):
            erased[entity] = erased.get(entity, 0) + 1
            continue
        what = _record_words(store, entity, record)
        if record in made:
            # a need, a hazard or a visit names its kind in its own words; a flat or a person not
            named = entity in ("petition", "hazard") or what.startswith(label(entity))
            kind = "" if named else t("log_kind", kind=label(entity))
            phrases.append(t("log_added_one", kind=kind, what=what))
        else:
            fields = join(
                t("log_field_to", field=field_label(entity, c.field), value=_value_words(entity, c))
                for c in changes
            )
            phrases.append(t("log_changed", what=what, fields=fields))
    if sum(erased.values()) == 1:
        phrases.append(t("log_erased", kind=label(next(iter(erased)))))
    elif erased:
        from danyuanzhang.core.records import ENTITY_ORDER

        ordered = {entity: erased[entity] for entity in ENTITY_ORDER if entity in erased}
        phrases.append(t("log_erased_many", what=_tally(ordered)))
    return t("list_sep").join(phrases)


# records that only copy what a command's own words already say (a need carried up is also
# on the community's agenda): left out of the line, unless they are all it holds
_COPIES = ("council_item",)


def _tally(counts: dict[str, int]) -> str:
    from danyuanzhang.core.records import label
    from danyuanzhang.text.i18n import join, t

    return join(t("log_count", what=label(entity), count=n) for entity, n in counts.items())


def as_json(store: Store, entry: Entry) -> dict[str, Any]:
    from danyuanzhang.core.hlc import local_time
    from danyuanzhang.sync.names import author_on_laptop, laptop_name

    return {
        "at": local_time(entry.wall_ms).replace(microsecond=0).isoformat(),
        "laptop": laptop_name(store, entry.device) or short(entry.device),
        "laptop_id": entry.device,
        "author": entry.author,
        "by": author_on_laptop(store, entry.author, entry.device),
        "text": words(store, entry),
        "changes": len(entry.changes),
        "records": sorted({c.record for c in entry.changes}),
    }


def line(store: Store, entry: Entry) -> str:
    from danyuanzhang.core.hlc import local_time
    from danyuanzhang.text.i18n import short_day

    when = local_time(entry.wall_ms)
    item = as_json(store, entry)
    return f"{short_day(date(when.year, when.month, when.day))} {when:%H:%M}  {item['by']}  {item['text']}"
