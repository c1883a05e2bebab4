"""`dyz export`: write what another laptop lacks, whole records, as a bundle.

What a peer lacks is known from what it holds: per device, the stamp up to which it has all of
that device's changes, learned from its own bundles and from its acknowledgement of ours
(store/sync.py `knowledge`). A delta reads only what it sends, through the log's device index.

- `--for PEER`: what that laptop lacks (within its remembered scope, `dyz peers scope`);
- no option: this laptop's own news — what no laptop it has heard from is known to hold, and
  no earlier plain export carried;
- `--all`: everything. `--scope`: only one unit, building, area or estate, with what is
  community-wide — alone, all of that part (a new unit head's start); with `--for`, what the
  peer lacks of it. `--redact`: without residents' personal data.

>>> export_bundle(store, Path("给社区.yaml"), peer="社区办公室")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danyuanzhang.core.changes import Change, decode
from danyuanzhang.core.records import ENTITIES, ENTITY_ORDER, KEYED, REFERENCES
from danyuanzhang.errors import DyzError
from danyuanzhang.households.scopes import Scope
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.store.migrations import LATEST
from danyuanzhang.sync.bundle.reader import FORMAT_VERSION, Header
from danyuanzhang.sync.names import one_named

if TYPE_CHECKING:
    from danyuanzhang.sync.bundle.office import OfficeList
    from danyuanzhang.sync.bundle.writer import RecordChanges
    from danyuanzhang.sync.provenance import Carried

EXPORTED_MARKS = "exported_marks"
EXPORTED_LIST = "exported_office_list"  # the office's list its last plain bundle carried


@dataclass
class ExportReport:
    path: Path
    changes: int = 0
    new: int = 0  # beyond what the receiver was known to hold; the rest complete their records
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0
    peer: str | None = None
    scope: Scope | None = None
    nothing_new: bool = False  # nothing to send: no file was written
    # nothing new, but a bundle came in since the last one went out: the file only tells the
    # other laptop that it arrived, so that next time it sends only what is new
    receipt_only: bool = False
    peer_unknown: bool = False  # --for a laptop never heard from: everything was written
    sealed_for: str = ""  # encrypted to this laptop: only it can open the file
    plain_personal: bool = False  # readable by anyone, with residents' personal data in it
    no_key: bool = False  # --for a laptop whose key is not known: it could not be encrypted
    join_request: bool = False  # nothing to send, and no office joined: a request to join
    checksum: str = ""
    list_only: bool = False  # nothing new but the office's list, which the receiver lacks


def find_peer(store: Store, text: str) -> Any:
    """A laptop this one has had a bundle from, by name or the start of its id; None if none."""
    return one_named(sql.peers(store), text)


@dataclass
class _Aim:
    """Whom a bundle is for and what part of the notebook it takes."""

    target: Any  # the peer's row: None for a laptop never heard from, and for no one
    named: tuple[str, str] | None  # the laptop `--for` names (id, name)
    scope: Scope | None  # None: the whole community
    everything: bool  # all of it (of the scope), not what the receiver lacks


@dataclass
class _Gathered:
    """What a bundle carries: whole records, and from which devices all it lacked."""

    since: dict[str, str]  # per device, what the receiver holds already
    records: dict[str, set[str]]
    carried: list[str]
    whole: bool  # everything (of the scope), not a delta


def export_bundle(
    store: Store,
    path: Path,
    peer: str | None = None,
    everything: bool = False,
    redact: bool = False,
    scope: str | None = None,
    estate: str | None = None,
    plain: bool = False,
) -> ExportReport:
    """Write the bundle a peer needs (see the module's help); no file when there is nothing."""
    from danyuanzhang.sync.members import office_of

    if peer and everything:
        raise DyzError("export_peer_or_all")
    report = ExportReport(path=path)
    aim = _aim(store, report, peer, everything, scope, estate)
    marks = store.marks()
    held = office_of(store)
    list_news = held is not None and _list_is_news(store, held.issued, aim.target)
    gathered = _gather(store, report, aim, marks, list_news, peer)
    if gathered is None:
        return report
    header = _header(store, aim, gathered, marks, redact)
    if held is not None:
        header.office_held = held.issued
        if _needs_the_list(store, held.issued, aim.target, report.peer_unknown):
            header.office = held
    own_news = not peer and not aim.everything and not scope
    receiver = _receiver_of(store, report, aim.named, held, plain, own_news)
    # readable by anyone: residents' personal data goes so only when --plain asks for it
    refusal = None
    if receiver is None and not plain and not redact:
        refusal = DyzError("export_no_key_refused", peer=report.peer or "")
        if not peer:
            refusal = DyzError("export_plain_refused")
    written = _write(
        store, report, header, _records(store, gathered.records, redact), receiver, refusal
    )
    report.plain_personal = not report.sealed_for and written.personal
    report.changes, report.counts = written.changes, header.counts
    report.new = report.changes if gathered.whole else min(report.new, report.changes)
    _remember(store, report, aim, gathered.since, header, marks, redact)
    return report


def _aim(
    store: Store,
    report: ExportReport,
    peer: str | None,
    everything: bool,
    scope: str | None,
    estate: str | None,
) -> _Aim:
    """Whom `--for` means (refused if the office revoked it) and what part goes: a laptop
    never heard from, or a part of the notebook handed over, gets all of it."""
    from danyuanzhang.households.scopes import parse_scope

    target, named = _named_peer(store, peer) if peer else (None, None)
    if peer:
        _refuse_if_revoked(store, named[0] if named is not None else None, peer)
    if peer and target is None:
        everything, report.peer_unknown = True, True
    report.peer = named[1] if named is not None else None
    chosen: Scope | None = None
    if scope:
        chosen = parse_scope(store, scope, estate)
    elif target is not None and target["scope"]:
        chosen = parse_scope(store, target["scope"])
    if chosen is not None and chosen.whole:
        chosen = None
    if scope and target is None:  # a part of the notebook handed over: all of it, not news
        everything = True
    report.scope = chosen
    return _Aim(target, named, chosen, everything)


def _gather(
    store: Store,
    report: ExportReport,
    aim: _Aim,
    marks: dict[str, str],
    list_news: bool,
    peer: str | None,
) -> _Gathered | None:
    """The records the receiver lacks, whole; None when there is nothing to send."""
    chosen = aim.scope
    if aim.everything:
        since: dict[str, str] = {}
    elif aim.target is not None:
        since = sql.knowledge(store, aim.target["device"], _scope_key(aim))
    else:
        since = _plain_since(store)
    whole = aim.everything or (chosen is not None and not since)
    if whole:
        # everything (of the scope): found through the tables, never held in memory at once
        if chosen is None:
            records = {e: set(r) for e, r in sql.records_by_entity(store).items()}
        else:
            records = _whole_records(store, _records_in_scope(store, chosen))
        return _Gathered(since, records, sorted(marks), whole)
    delta = _delta(store, since, chosen)
    if not delta and not _unacknowledged(store, aim.target) and not list_news:
        if peer or chosen is not None or not _empty_and_alone(store):
            report.nothing_new = True
            return None
        # a new laptop, of no office yet: its bundle asks to join (its key, name and
        # community), which the office takes as a request
        report.join_request = True
    report.new = len(delta)
    report.list_only = not delta and list_news
    report.receipt_only = not delta and not list_news
    records = _whole_records(store, {(c.entity, c.record) for c in delta})
    return _Gathered(since, records, sorted({c.device for c in delta}), whole)


def _scope_key(aim: _Aim) -> str:
    return aim.scope.key() if aim.scope is not None else ""


def _header(
    store: Store,
    aim: _Aim,
    gathered: _Gathered,
    marks: dict[str, str],
    redact: bool,
) -> Header:
    from danyuanzhang.sync.keys import ensure_key

    since, carried = gathered.since, gathered.carried
    return Header(
        version=FORMAT_VERSION,
        schema=LATEST,
        community=store.setting("community") or "",
        sender_id=store.device()[0],
        sender_name=store.device()[1],
        created=store.now_iso(),
        redacted=redact,
        scope=_scope_key(aim),
        counts={},
        since={d: since[d] for d in carried if d in since},
        seen={} if redact else _seen(marks, since, carried),
        received=_received(store, aim.target),
        checksum="",
        key=ensure_key(store),
    )


def _receiver_of(
    store: Store,
    report: ExportReport,
    named: tuple[str, str] | None,
    held: OfficeList | None,
    plain: bool,
    own_news: bool,
) -> tuple[str, str, str] | None:
    """The laptop the bundle is encrypted to (id, name, key): the one `--for` names, if its
    key is known; a laptop's own news, its office; None: readable by anyone."""
    known_receiver = _receiver(store, *named) if named is not None else None
    receiver = None if plain else known_receiver
    if own_news and not plain and held is not None and held.device != store.device()[0]:
        receiver = (held.device, held.name, held.key)  # a laptop's own news: for its office
    report.no_key = named is not None and known_receiver is None
    return receiver


def _write(
    store: Store,
    report: ExportReport,
    header: Header,
    records: Iterable[Any],
    receiver: tuple[str, str, str] | None,
    refusal: DyzError | None,
) -> _Counted:
    """Seal this laptop's new changes into spans and write the bundle, sealed to `receiver`
    if there is one; the records as they were written."""
    from danyuanzhang.sync.bundle.writer import write_bundle
    from danyuanzhang.sync.keys import sign
    from danyuanzhang.sync.provenance import Carried, seal_own

    opened_by = receiver[0] if receiver is not None else ""
    in_bundle = Carried()
    written = _Counted(records, in_bundle, refusal)

    def finish(header: Header) -> None:
        header.spans = in_bundle.spans(store, opened_by)

    path = report.path
    try:
        # a refused bundle leaves the notebook as it was, the spans sealed for it included
        with store.transaction() if refusal is not None else nullcontext():
            seal_own(store)
            if receiver is None:
                report.size, report.checksum = write_bundle(
                    path, header, written, lambda checksum: sign(store, checksum), finish
                )
            else:
                report.size, report.checksum = _write_sealed(
                    store, path, header, written, receiver, finish
                )
                report.sealed_for = receiver[1]
    except OSError as error:
        from danyuanzhang.system.writing import write_failure

        raise write_failure(error, path) from None
    return written


def _remember(
    store: Store,
    report: ExportReport,
    aim: _Aim,
    since: dict[str, str],
    header: Header,
    marks: dict[str, str],
    redact: bool,
) -> None:
    """What the receiver will hold once it imports the bundle, and which bundles it
    acknowledges; for a laptop's own news, what it carried, not to send it again."""
    target, everything = aim.target, aim.everything
    with store.transaction():
        news = {d: m for d, m in marks.items() if m > since.get(d, "")}
        if not redact and (target is not None or everything):
            sql.remember_export(
                store,
                report.checksum,
                target["device"] if target is not None and not everything else None,
                _scope_key(aim),
                news,
                header.created,
            )
        sql.acknowledge(store, header.received)
        if target is None and not everything and not aim.scope and not redact:
            exported = json.loads(store.setting(EXPORTED_MARKS) or "{}")
            for device, stamp in marks.items():
                if stamp > exported.get(device, ""):
                    exported[device] = stamp
            store.set_setting(EXPORTED_MARKS, json.dumps(exported, sort_keys=True))
            if header.office is not None:
                store.set_setting(EXPORTED_LIST, header.office.issued)


# what `--for` may say for this laptop's office, whatever the office is called (the menu
# offers the first and the last as its answer to "for whom?")
OFFICE_WORDS = ("社区办公室", "office", "the community office")


def _named_peer(store: Store, text: str) -> tuple[Any, tuple[str, str]]:
    """The laptop `--for TEXT` means: its peer row (None for a laptop on the office's list
    never heard from) and its (id, name). A name this laptop has never heard of is refused,
    with the names it knows: a typo must not turn into a bundle for no one, readable by all."""
    from danyuanzhang.sync.members import office_of

    target = find_peer(store, text)
    if target is not None:
        return target, (target["device"], target["name"])
    held = office_of(store)
    me = store.device()[0]
    if text.strip().lower() in OFFICE_WORDS:
        if held is None:
            raise DyzError("export_no_office_yet", peer=text.strip())
        if held.device != me:
            return sql.peer(store, held.device), (held.device, held.name)
    member = one_named(sql.members(store), text)
    if member is not None:
        return None, (member["device"], member["name"])
    raise _unknown_peer(store, text.strip(), held.name if held and held.device != me else None)


def _unknown_peer(store: Store, text: str, office: str | None) -> DyzError:
    from difflib import SequenceMatcher

    from danyuanzhang.text.i18n import join

    names = [r["name"] for r in sql.peers(store)]
    names += sql.admitted_names(store)
    if office is not None:
        names.append(office)
    known = join(dict.fromkeys(n for n in names if n != store.device()[1])) or "—"
    if office is not None and (
        text in office or office in text or SequenceMatcher(None, text, office).ratio() >= 0.5
    ):
        return DyzError("export_peer_unknown_office", peer=text, office=office, known=known)
    return DyzError("export_peer_unknown", peer=text, known=known)


def _empty_and_alone(store: Store) -> bool:
    """A laptop that has joined no office, made nothing and heard from no one: new."""
    from danyuanzhang.sync.members import office_of

    me = store.device()[0]
    return office_of(store) is None and me not in store.marks() and not sql.peers(store)


def _refuse_if_revoked(store: Store, device: str | None, peer: str) -> None:
    """A laptop the office revoked (lost, stolen) gets nothing more."""
    rows = [m for m in sql.members(store) if m["revoked"]]
    revoked = next((r for r in rows if r["device"] == device), None) or one_named(rows, peer)
    if revoked is not None:
        raise DyzError("export_revoked", peer=revoked["name"])


def _needs_the_list(store: Store, issued: str, target: Any, peer_unknown: bool) -> bool:
    """Whether the office's list goes in full: to a peer not known to hold it (or a newer
    one), or never heard from; in a bundle for no one in particular, when the office sends it
    (a laptop's own news goes to the office, which holds it). Not in every bundle: at 170
    laptops the list would be a quarter of the office's weekly bundle to a unit head."""
    from danyuanzhang.sync.members import is_office

    if target is None:
        return peer_unknown or is_office(store)
    return _older(target["office_list"], issued)


def _list_is_news(store: Store, issued: str, target: Any) -> bool:
    """Whether the office's list alone is worth a bundle (a revocation must travel even when
    no change does): for a peer not known to hold it; in the office's bundle for no one in
    particular, a list the last such bundle did not carry."""
    from danyuanzhang.sync.members import is_office

    if target is not None:
        return _older(target["office_list"], issued)
    return is_office(store) and _older(store.setting(EXPORTED_LIST), issued)


def _older(held: str | None, issued: str) -> bool:
    """Whether the list a laptop holds (None: not known) is older than ours: one that holds a
    newer list has no use for ours, which it would ignore."""
    return held is None or held < issued


def _receiver(store: Store, device: str, name: str) -> tuple[str, str, str] | None:
    """The laptop a bundle `--for` it is encrypted to (id, name, key), if its key is known:
    pinned from its own bundles, or on the office's list (a laptop never heard from, too),
    or the office's own."""
    from danyuanzhang.sync.keys import pinned
    from danyuanzhang.sync.members import office_of

    key = pinned(store, device)
    if key is None:
        member = sql.member(store, device)
        key = (member["key"] or None) if member is not None else None
    held = office_of(store)
    if key is None and held is not None and held.device == device:
        key = held.key
    return None if key is None else (device, name, str(key))


def _write_sealed(
    store: Store,
    path: Path,
    header: Header,
    records: Iterable[RecordChanges],
    receiver: tuple[str, str, str],
    finish: Callable[[Header], None],
) -> tuple[int, str]:
    """The signed bundle, written beside the target, then sealed into it for the receiver."""
    from danyuanzhang.sync.bundle.sealing import seal
    from danyuanzhang.sync.bundle.writer import write_bundle
    from danyuanzhang.sync.keys import sign

    target = path.expanduser()
    # readable only for a moment, and beside the notebook: never on the stick it goes to
    inner = store.path.parent / f".dyz-sealing-{os.getpid()}-{target.name}"
    try:
        _, checksum = write_bundle(inner, header, records, lambda text: sign(store, text), finish)
        size = seal(inner, target, receiver, store.device())
    finally:
        inner.unlink(missing_ok=True)
    return size, checksum


def _plain_since(store: Store) -> dict[str, str]:
    """A plain export leaves out what an earlier plain export carried and what any laptop
    heard from is known to hold: never the office's own changes back to the office."""
    since = json.loads(store.setting(EXPORTED_MARKS) or "{}")
    for device, stamp in sql.everyone_knows(store).items():
        if stamp > since.get(device, ""):
            since[device] = stamp
    return dict(since)


def _seen(marks: dict[str, str], since: dict[str, str], carried: list[str]) -> dict[str, str]:
    """For the devices whose changes the bundle carries all of after `since`: up to where this
    laptop holds all of them. The header grows with what the bundle carries, not with every
    device this laptop has heard of."""
    return {d: marks[d] for d in carried if d in marks and marks[d] > since.get(d, "")}


def _unacknowledged(store: Store, target: Any) -> bool:
    """Whether a bundle from the receiver (any peer, when it is not known) came in since this
    laptop last said so in a bundle of its own."""
    rows = [target] if target is not None else sql.peers(store)
    return any(row["received"] and row["received"] != row["acked"] for row in rows)


def _received(store: Store, target: Any) -> dict[str, str]:
    """The last bundle imported from the receiver (from every peer, when it is not known):
    so it learns that we hold what it sent."""
    rows = [target] if target is not None else sql.peers(store)
    return {row["device"]: row["received"] for row in rows if row["received"]}


# a scoped delta larger than this is found from the scope's records, not from the whole log
SCOPE_BEFORE_LOG = 20_000


def _delta(store: Store, since: dict[str, str], scope: Scope | None) -> list[Change]:
    """The changes the receiver lacks: each device's later than what it holds, in scope
    (erasures always: they carry no personal data, and keep old copies from coming back)."""
    devices = sql.devices_in_log(store)
    if scope is not None and _lacks_more_than(store, since, devices, SCOPE_BEFORE_LOG):
        return _delta_of_scope(store, since, scope)  # a unit head's first bundle from the office
    found: list[Change] = []
    for device in devices:
        found += sql.changes_after(store, device, since.get(device, ""))
    if scope is not None:
        inside = _in_scope(store, scope, {(c.entity, c.record) for c in found if c.op == "set"})
        found = [c for c in found if c.op == "delete" or c.record in inside]
    return found


def _lacks_more_than(store: Store, since: dict[str, str], devices: list[str], limit: int) -> bool:
    """Whether the receiver lacks more than `limit` changes: counted only as far as that."""
    left = limit + 1
    for device in devices:
        if left <= 0:
            break
        left -= sql.count_after(store, device, since.get(device, ""), left)
    return left <= 0


def _delta_of_scope(store: Store, since: dict[str, str], scope: Scope) -> list[Change]:
    """The same as `_delta`, read through the scope's records: when the receiver lacks much of
    the log but takes only a part of it."""
    return [
        change
        for _, record in sorted(_records_in_scope(store, scope))
        for change in _of(store, record)
        if change.hlc > since.get(change.device, "")
    ]


def _of(store: Store, record: str) -> list[Change]:
    return sql.changes_of_record(store, record)


def _whole_records(store: Store, seeds: set[tuple[str, str]]) -> dict[str, set[str]]:
    """Every record the delta touches, whole, with what it needs to be imported on its own,
    whichever bundles came before: the other records of its class (one flat registered on
    several laptops), the merges that joined them, and the records its fields name (a
    resident's household, a step's hazard, a merge's two records) — so a resident always
    travels with the household that decides whether it was erased."""
    by_entity: dict[str, set[str]] = {}
    done: set[str] = set()
    pending = seeds
    while pending:
        pending = {(e, r) for e, r in pending if r not in done}
        for entity, record in pending:
            by_entity.setdefault(entity, set()).add(record)
            done.add(record)
        next_round: set[tuple[str, str]] = set()
        keyed = sorted(r for e, r in pending if e in KEYED)
        if keyed:
            heads = sorted(set(sql.canonical_of(store, keyed).values()))
            next_round |= {(e, r) for e, r in sql.aliases_of(store, heads)}
            next_round |= {(e, h) for e, h in zip_entities(store, heads)}
            next_round |= {("merge", m) for m in sql.merges_of(store, keyed)}
        naming = sorted(r for e, r in pending if e == "merge" or any(e == t for t, _ in REFERENCES))
        merge_types: dict[str, str] = {}
        for change in sql.changes_of_records(store, naming):
            if change.entity == "merge" and change.field == "entity" and change.value:
                merge_types[change.record] = str(json.loads(change.value))
        for change in sql.changes_of_records(store, naming):
            if change.value in (None, "null"):
                continue
            target = REFERENCES.get((change.entity, change.field))
            if change.entity == "merge" and change.field in ("keep", "other"):
                target = merge_types.get(change.record)
            if target:
                next_round.add((target, str(json.loads(change.value or "null"))))
        pending = next_round
    return by_entity


def zip_entities(store: Store, records: list[str]) -> list[tuple[str, str]]:
    kinds = sql.entities_of(store, records)
    return [(kinds[r], r) for r in records if r in kinds]


def _records(store: Store, records: dict[str, set[str]], redact: bool) -> Iterator[Any]:
    """(record type, record, its changes) in the order records travel, each record's changes
    in the order they were made; the records of one class side by side."""
    for entity in ENTITY_ORDER:
        personal = ENTITIES[entity].personal if redact else frozenset()
        wanted = sorted(records.get(entity, ()))
        if entity in KEYED:  # the copies of one flat side by side: they are read together
            canonical = sql.canonical_of(store, wanted)
            wanted.sort(key=lambda r: (canonical[r], r))
        texts = ENTITIES[entity].free_text if redact else frozenset()
        for record in wanted:
            changes = [c for c in _of(store, record) if c.field not in personal]
            if texts:  # a text someone typed a phone into goes as a personal field does
                phoned = {c.field for c in changes if c.field in texts and _holds_a_phone(c)}
                changes = [c for c in changes if c.field not in phoned]
            if changes:
                yield entity, record, changes


def _holds_a_phone(change: Change) -> bool:
    """楼道灯坏了，找王师傅138 1234 5678: a change travels as it was made or not at all, so a
    redacted bundle cannot mask the phone in it; it leaves the field's history out."""
    from danyuanzhang.text.phones import mask_phones_in

    text = decode(change.value)
    return isinstance(text, str) and mask_phones_in(text) != text


class _Counted:
    """Records as they are written, counting their changes, and whether any is personal;
    `refusal` is raised at the first personal change, in a bundle that may hold none."""

    def __init__(
        self, records: Iterable[Any], carried: Carried, refusal: DyzError | None = None
    ) -> None:
        self.records = records
        self.carried = carried
        self.refusal = refusal
        self.changes = 0
        self.personal = False

    def __iter__(self) -> Iterator[Any]:
        for entity, record, changes in self.records:
            self.changes += len(changes)
            self.carried.add(changes)
            fields = ENTITIES[entity].personal
            if not self.personal and fields:
                self.personal = any(c.field in fields for c in changes)
                if self.personal and self.refusal is not None:
                    raise self.refusal
            yield entity, record, changes


# -- scopes --------------------------------------------------------------------------------------


def _in_scope(store: Store, scope: Scope, wanted: set[tuple[str, str]]) -> set[str]:
    """Of these records, those that live in the scope, or are community-wide."""
    by_entity: dict[str, list[str]] = {}
    for entity, record in wanted:
        by_entity.setdefault(entity, []).append(record)
    inside: set[str] = set()
    for entity, records in by_entity.items():
        inside |= _living_in(store, scope, entity, records)
    return inside


# for the other commands that keep to a part of the community (dyz conflicts)
records_in_scope = _in_scope


def _living_in(store: Store, scope: Scope, entity: str, records: list[str]) -> set[str]:
    spec = ENTITIES[entity]
    if spec.placed_by is None:
        return set(records)
    keyed = entity in KEYED
    canon = sql.canonical_of(store, records) if keyed else {r: r for r in records}
    rows = sql.places(store, entity, sorted(set(canon.values())))
    if spec.placed_by == "self":
        return {r for r in records if canon[r] in rows and scope.holds(_place(rows[canon[r]]))}
    named = {r: tuple(t for t in row[1:] if t) for r, row in rows.items()}
    if entity == "merge":
        kinds = sql.entities_of(store, sorted({t for ts in named.values() for t in ts}))
        living = _in_scope(store, scope, {(k, t) for t, k in kinds.items()})
    else:
        target = str(spec.placed_in)
        targets = sorted({t for ts in named.values() for t in ts})
        living = _living_in(store, scope, target, targets)
    return {r for r in records if any(t in living for t in named.get(canon[r], ()))}


def _place(row: Any) -> dict[str, Any]:
    return {"estate": row[1], "building": row[2], "unit": row[3]}


def _records_in_scope(store: Store, scope: Scope) -> set[tuple[str, str]]:
    """Every record of the scope and every community-wide one: a peer's first scoped bundle,
    found through the tables rather than the whole log; and every erasure."""
    found: dict[str, list[str]] = {}
    for entity in ENTITY_ORDER:
        spec = ENTITIES[entity]
        if spec.placed_by is None:
            found[entity] = sql.all_ids(store, entity)
        elif spec.placed_by == "self":
            found[entity] = [
                row[0]
                for row in sql.ids_in_place(store, entity, scope.estates)
                if scope.holds(_place(row))
            ]
        elif entity == "merge":
            found[entity] = sql.merges_of(store, found["household"] + found["resident"])
        else:
            found[entity] = sql.ids_naming(store, entity, found.get(str(spec.placed_in), []))
    chosen = {(e, r) for e, records in found.items() for r in records}
    for entity in KEYED:
        chosen |= set(sql.aliases_of(store, found[entity]))
    chosen |= set(sql.erased(store))
    return chosen
