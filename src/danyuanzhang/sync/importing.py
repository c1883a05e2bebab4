"""`dyz import`: apply another laptop's bundle, in one transaction, or change nothing.

The bundle streams through: each batch of records is planned (merge.plan_import) and applied
as it arrives, inside one transaction that is rolled back at the first problem — a bad value,
a change whose id does not match it, a reference to a record neither side has, counts or a
checksum that do not add up. A refused bundle changes nothing, and a bundle of any size is
imported in bounded memory.

>>> report = import_bundle(store, Path("社区办公室.yaml"))  # doctest: +SKIP
>>> report.added, report.conflicts  # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from danyuanzhang.core.changes import Change
from danyuanzhang.core.hlc import latest_allowed, local_time, parse, wall_of
from danyuanzhang.core.merge import Incoming, household_named, plan_import
from danyuanzhang.core.records import BELONGS_THROUGH, ENTITIES, ENTITY_ORDER, WORDS_WITH_HOUSEHOLD
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store, derive
from danyuanzhang.store import erasures as esql
from danyuanzhang.store import sync as sql
from danyuanzhang.sync.allowance import Allowance, HeldFlat
from danyuanzhang.sync.bundle.beside import ReaderLost, read_beside, worth_reading_beside
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.reader import (
    Body,
    Header,
    ReadAgain,
    Source,
    forward_only,
    open_source,
    peek_header,
    read,
    read_by_events,
)
from danyuanzhang.sync.erasures import marks_as_if_accepted, settle_marks
from danyuanzhang.sync.members import Gate
from danyuanzhang.sync.provenance import Proofs
from danyuanzhang.system.collector import no_cycle_collection
from danyuanzhang.text.ids import short

BATCH = 20_000  # changes applied at a time: bounded memory, few round trips
IMPORT_CACHE_KIB = 64 * 1024


@dataclass
class ImportReport:
    path: Path
    sender: str = ""
    total: int = 0
    added: int = 0
    already: int = 0
    ignored_erased: int = 0
    erased: int = 0  # records this import erased
    added_by_table: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # ids of conflicts this import found
    conflicted: dict[str, tuple[str, str]] = field(default_factory=dict)  # id: (type, field)
    seen_before: bool = False
    own: bool = False  # made by this very laptop: nothing to do
    dry_run: bool = False
    scope: str = ""  # the part of the notebook it carried ("" for all of it)
    community_adopted: str | None = None
    # erasures beyond what their laptops may make here unseen, held for a person to read
    erasures_held: list[HeldFlat] = field(default_factory=list)
    held_changes: int = 0
    erasures_accepted: list[str] = field(default_factory=list)  # held before, applied now
    erasure_rule: tuple[int, int] = (0, 0)  # households a laptop may erase unseen, in days
    join_request: bool = False  # at the office: a laptop asking to join; nothing applied
    sender_fingerprint: str = ""
    office_trusted: str = ""  # the office this bundle made this laptop trust, if it did
    revoked_now: list[str] = field(default_factory=list)  # laptops the office's new list revokes
    me_revoked: bool = False  # the office's list says this laptop is revoked


def listed_households(households: list[str], most: int = 20) -> list[str]:
    from danyuanzhang.text.i18n import t

    lines = [f"  {flat}" for flat in households[:most]]
    if len(households) > most:
        lines.append("  " + t("import_erasures_more", more=len(households) - most))
    return lines


class _Discard(Exception):
    pass


def import_bundle(
    store: Store,
    path: Path,
    dry_run: bool = False,
    progress: Callable[[str, float], None] | None = None,
    accept_erasures: bool = False,
) -> ImportReport:
    """Check and apply one bundle. `progress(phase, fraction)` hears how far it has got.
    Erasures beyond what their laptop may make unseen are held (sync/erasures.py) unless
    `accept_erasures`, which also applies those held from this bundle when it came before. An
    encrypted bundle is opened first, if it is for this laptop."""
    from danyuanzhang.sync.bundle.sealing import is_sealed

    _forget_opened(store.path.parent)
    if not is_sealed(path):
        return _import(store, path, path, dry_run, progress, accept_erasures)
    with _unsealed(store, path) as readable:
        return _import(store, path, readable, dry_run, progress, accept_erasures)


@contextmanager
def _unsealed(store: Store, path: Path) -> Iterator[Path]:
    """The bundle inside an encrypted one, in a file only this user can read, beside the
    notebook, for as long as the import takes."""
    import base64
    import os
    import tempfile

    from danyuanzhang.sync.bundle.sealing import read_envelope, unseal
    from danyuanzhang.sync.keys import PRIVATE, ensure_key

    try:
        envelope = read_envelope(path)
        me = store.device()[0]
        if envelope.for_id != me:
            raise BundleError("bundle_not_for_me", name=envelope.for_name, me=store.device()[1])
        if envelope.for_key != ensure_key(store):
            raise BundleError("bundle_sealed_not_mine_key")
        fd, name = tempfile.mkstemp(prefix=OPENED_PREFIX, suffix=".yaml", dir=store.path.parent)
        readable = Path(name)
        try:
            with os.fdopen(fd, "wb") as target:
                unseal(path, envelope, base64.b64decode(str(store.setting(PRIVATE))), target)
            yield readable
        finally:
            readable.unlink(missing_ok=True)
    except BundleError as error:
        error.path = str(path)
        raise


OPENED_PREFIX = ".dyz-opened-"


def _forget_opened(folder: Path) -> None:
    """An import or an encrypted export killed part-way leaves a readable copy behind: gone at
    the next import (an hour on, so that one still running keeps its own)."""
    import time

    for left in [*folder.glob(f"{OPENED_PREFIX}*.yaml"), *folder.glob(".dyz-sealing-*")]:
        try:
            if left.stat().st_mtime < time.time() - 3600:
                left.unlink()
        except OSError:
            pass


def _import(
    store: Store,
    path: Path,
    readable: Path,
    dry_run: bool,
    progress: Callable[[str, float], None] | None,
    accept_erasures: bool,
) -> ImportReport:
    report = ImportReport(path=path, dry_run=dry_run)
    try:
        source = open_source(readable)
        header = peek_header(source)
    except BundleError as error:
        error.path = str(path)
        raise
    report.sender, report.scope = header.sender_name, header.scope
    me = store.device()[0]
    if header.sender_id == me:
        report.own = True
        return report
    if sql.bundle_seen(store, header.checksum) is not None:
        _import_again(store, report, header, source, readable, dry_run, accept_erasures)
        return report
    gate = _let_in(store, report, header, dry_run)
    if gate is None:
        return report
    mine = store.setting("community")
    proofs = Proofs(store, header, path)
    office = gate.office.device if gate.office is not None else ""
    if office and header.sender_id != office and not proofs.known_to_sign(office):
        office = ""  # relayed, the office's erasures pass only as proved by its signature
    allowance = Allowance(store, header.checksum, str(path), accept_erasures, office)
    if progress is not None:
        progress = forward_only(progress)
    clocks = _clocks_checked(store, header, path)
    with no_cycle_collection(), store.page_cache(IMPORT_CACHE_KIB):
        try:
            with store.transaction():
                gate.take_on()
                body, carried = _read_into(
                    store, report, readable, source, clocks, gate, proofs, allowance, progress
                )
                _write_down(store, report, header, body, carried, proofs, readable, progress)
                if not mine and header.community:
                    store.set_setting("community", header.community)
                    report.community_adopted = header.community
                if progress is not None:
                    progress("write", 1.0)
                report.erasures_held = allowance.held
                report.held_changes = allowance.held_changes
                report.erasure_rule = (allowance.unseen, allowance.days)
                if dry_run:
                    raise _Discard
        except _Discard:
            pass
        except BundleError as error:
            error.path = str(path)
            error.revoked_kept = gate.keep_news()
            raise
    if report.erased and not dry_run:
        store.scrub()  # what the erasures took leaves no copy in the write-ahead log
    report.already = report.total - report.added - report.ignored_erased - report.held_changes
    report.revoked_now, report.me_revoked = gate.revoked_now, gate.me_revoked
    return report


def _clocks_checked(store: Store, header: Header, path: Path) -> _ClockCheck:
    """What checks the stamps of a bundle's changes, once it has checked its header's."""
    clocks = _ClockCheck(store, header, path)
    for marks in (header.since, header.seen):
        for stamp in marks.values():
            clocks.check(stamp, None)
    if header.office_held:  # a list from the future would shut out every later one
        clocks.check(header.office_held, None)
    return clocks


def _import_again(
    store: Store,
    report: ImportReport,
    header: Header,
    source: Source,
    readable: Path,
    dry_run: bool,
    accept_erasures: bool,
) -> None:
    """A bundle imported before: nothing to apply, but the erasures it brought that were held
    when `accept_erasures`."""
    path = report.path
    # a copy altered after its checksum was written declares the genuine one's: only a
    # bundle whose signature, change ids and checksum hold is the one imported before;
    # the very bytes of one checked already need no second reading
    copy = _bytes_key(readable)
    if sql.bundle_seen(store, copy) is None:
        _check_signature(store, header, path)
        _check_unaltered(source, path)
        if not dry_run:
            with store.transaction():
                sql.remember_copy(store, copy, header.checksum)
    report.seen_before = True
    if accept_erasures and not dry_run:
        report.erasures_accepted = accept_held(store, header.checksum)
        if report.erasures_accepted:
            store.scrub()  # the changes held and what the erasures took: no copy left


def _let_in(store: Store, report: ImportReport, header: Header, dry_run: bool) -> Gate | None:
    """The sender's name, signature and community checked, and what the office's list lets
    its bundle do; None when it is a request to join (kept, on the office), nothing more."""
    path = report.path
    _bind_name(store, header, path)
    report.sender = header.sender_name
    _check_signature(store, header, path)
    mine = store.setting("community")
    if mine and header.community and mine != header.community:
        raise DyzError("import_other_community", path=str(path), theirs=header.community, ours=mine)
    gate = Gate(store, header, path, dry_run)
    if header.key:
        from danyuanzhang.sync.keys import fingerprint

        report.sender_fingerprint = fingerprint(header.key)
    if gate.join_request:
        report.join_request = True
        if not dry_run:
            gate.record_request()
        return None
    if gate.trusted_now:
        report.office_trusted = header.sender_name
    return gate


def _write_down(
    store: Store,
    report: ImportReport,
    header: Header,
    body: Body,
    carried: dict[str, str],
    proofs: Proofs,
    readable: Path,
    progress: Callable[[str, float], None] | None,
) -> None:
    """Once the body is read and applied: its spans and references checked, and what it
    tells of its sender and of what each laptop holds kept."""
    proofs.check_and_keep()
    if progress is not None:
        progress("write", 0.0)
    _check_references(store, body)
    _remember(store, body.header, report, carried)
    sql.remember_copy(store, _bytes_key(readable), header.checksum)
    settle_marks(store)


def _read_into(  # noqa: PLR0913
    store: Store,
    report: ImportReport,
    path: Path,
    source: Source,
    clocks: _ClockCheck,
    gate: Gate,
    proofs: Proofs,
    allowance: Allowance,
    progress: Callable[[str, float], None] | None,
) -> tuple[Body, dict[str, str]]:
    """Read the bundle and apply its records as they come. A big one is read by a second
    process while this one writes; when a reader gives up part-way (the layout breaks, the
    second process is lost), what it delivered is undone and the next reader starts over.
    Also, per device, the latest of its changes the bundle carried."""
    sql.savepoint(store, "reading")
    way = "beside" if worth_reading_beside(source.size) else "here"
    while True:
        proofs.read_again()
        allowance.restart()  # what a reader that gave up held was undone with the rest
        importer = _Importer(store, report, clocks, gate, proofs, allowance)
        try:
            if way == "beside":
                body = read_beside(path, importer.deliver, progress)
            elif way == "here":
                body = read(source, importer.deliver, progress)
            else:
                body = read_by_events(source, importer.deliver, progress)
            importer.flush()
            break
        except ReadAgain:
            way = "events"
        except ReaderLost:
            way = "here"
        sql.back_to_savepoint(store, "reading")
    sql.release_savepoint(store, "reading")
    return body, importer.top


class _ClockCheck:
    """Refuses a stamp more than a day ahead of this laptop's own clock, which would pin this
    laptop's clock there, and every clock downstream. (The reader refuses a counter near its
    end, after which no stamp could be written.)"""

    def __init__(self, store: Store, header: Header, path: Path) -> None:
        self.store = store
        self.header = header
        self.path = path
        self.limit = latest_allowed(store.wall_ms())

    def check(self, stamp: str, line: int | None) -> None:
        if stamp[: len(self.limit)] > self.limit:
            from danyuanzhang.text.i18n import day

            made = day(local_time(wall_of(stamp)).date())
            raise self._refusal("bundle_clock_ahead", stamp, line, date=made)

    def _refusal(self, problem: str, stamp: str, line: int | None, **params: str) -> BundleError:
        device = parse(stamp).device
        if device == self.header.sender_id:
            name = self.header.sender_name
        else:
            from danyuanzhang.sync.names import laptop_name

            name = laptop_name(self.store, device) or short(device)
        error = BundleError(problem, line, device=name, **params)
        error.path = str(self.path)
        return error


class _Importer:
    """Gathers a bundle's records into batches and applies each: plan, write, derive."""

    def __init__(
        self,
        store: Store,
        report: ImportReport,
        clocks: _ClockCheck,
        gate: Gate,
        proofs: Proofs,
        allowance: Allowance,
    ) -> None:
        self.store = store
        self.allowance = allowance
        self.report = report
        self.clocks = clocks
        self.gate = gate
        self.proofs = proofs
        self.redacted = clocks.header.redacted  # personal fields left out by design
        self.lines: dict[str, int] = {}  # the line each record of the batch starts on
        report.total = report.added = report.ignored_erased = 0
        report.added_by_table = {}
        report.conflicts = []
        report.conflicted = {}
        self.batch: dict[str, Incoming] = {}
        self.size = 0
        self.top: dict[str, str] = {}  # per device, the latest of its changes read so far

    def deliver(self, incoming: Incoming, line: int) -> None:
        held = self.batch.get(incoming.record)
        if held is None:
            self.batch[incoming.record] = incoming
            self.lines[incoming.record] = line
        else:  # one record written twice in a bundle: odd, but allowed
            held.changes.extend(incoming.changes)
        self.size += len(incoming.changes)
        self.report.total += len(incoming.changes)
        top = self.top
        for change in incoming.changes:
            if change.hlc > top.get(change.device, ""):  # the first too far ahead is one
                self.clocks.check(change.hlc, line)
                top[change.device] = change.hlc
        if self.proofs.firsts:
            self.proofs.collect(incoming.changes)
        if self.size >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        groups = sorted(self.batch.values(), key=lambda g: (ENTITY_RANK[g.entity], g.record))
        self.batch, self.size = {}, 0
        ids = [g.record for g in groups]
        held = sql.held(self.store, ids)
        named = _households_of(self.store, groups, held)
        # the households its records were registered in may be erased here too
        erased = sql.erased_among(self.store, [*ids, *{h for h in named.values() if h}])
        plan = plan_import(groups, held, erased, named)
        erasing = {record for entity, record in plan.erased if entity == "household"}
        for group in plan.fresh:
            self._refuse_if_incomplete(group, erasing)
        if self.gate.active:  # first: a change that claims this laptop may be a relay's
            self.gate.check(plan.insert, self.top, self.lines)
        self._refuse_if_claiming_me(plan.insert)
        self.proofs.require(plan.insert, self.lines)
        self.lines = {}
        if plan.erased:
            remaining = self.allowance.sort_out(groups, plan, named, held)
            if remaining is not None:  # some erasures are held: the rest goes in
                groups = remaining
                plan = plan_import(groups, held, erased, named)
        sql.apply_plan(self.store, groups, plan, self._conflict)
        self.allowance.applied(plan.insert)
        report = self.report
        report.added += len(plan.insert)
        report.ignored_erased += plan.dropped
        report.erased += len(plan.erased)
        for entity, count in Counter(change.entity for change in plan.insert).items():
            report.added_by_table[entity] = report.added_by_table.get(entity, 0) + count
        if self.top:
            self.store.observe(max(self.top.values()))

    def _refuse_if_claiming_me(self, new: list[Change]) -> None:
        """This laptop holds every change it made: a new one that claims to come from it was
        made elsewhere, by someone passing for it."""
        me, name = self.store.device()
        forged = [change for change in new if change.device == me]
        if forged:
            first = min(forged, key=lambda change: self.lines.get(change.record, 0))
            raise BundleError(
                "bundle_claims_me", line=self.lines.get(first.record), name=name, count=len(forged)
            )

    def _refuse_if_incomplete(self, group: Incoming, erasing: set[str]) -> None:
        """A new record must hold what its command always records (a resident its name): one
        left incomplete is refused, not stored. A redacted bundle leaves personal data out (and
        a text someone typed a phone into), and a need or a hazard of an erased flat its words
        (`erasing`: the flats this batch erases)."""
        spec = ENTITIES[group.entity]
        present = {change.field for change in group.changes}
        if "" in present:  # an erasure: nothing else to hold
            return
        stripped: tuple[str, ...] = ()
        if group.entity in WORDS_WITH_HOUSEHOLD:
            home = household_named(group.changes)
            if home is not None and (home in erasing or self.store.is_erased("household", home)):
                stripped = WORDS_WITH_HOUSEHOLD[group.entity]
        # left out of a redacted bundle: personal data, and a text that held a phone
        redacted = spec.personal | spec.free_text if self.redacted else frozenset()
        missing = [
            name
            for name in spec.required
            if name not in present and name not in redacted and name not in stripped
        ]
        if missing:
            from danyuanzhang.core.records import field_label, label
            from danyuanzhang.text.i18n import join

            raise BundleError(
                "bundle_incomplete",
                line=self.lines.get(group.record),
                record=label(group.entity),
                fields=join(field_label(group.entity, name) for name in missing),
            )

    def _conflict(self, entity: str, record: str, field_name: str) -> None:
        conflict = derive.conflict_id(record, field_name)
        self.report.conflicts.append(conflict)
        self.report.conflicted[conflict] = (entity, field_name)


ENTITY_RANK = {name: rank for rank, name in enumerate(ENTITY_ORDER)}


def apply_changes(
    store: Store, changes: list[Change], on_conflict: Callable[[str, str, str], None]
) -> None:
    """Apply changes checked before (erasures held, now accepted) as a bundle's would be."""
    by_record: dict[str, Incoming] = {}
    for change in changes:
        by_record.setdefault(
            change.record, Incoming(change.entity, change.record, [])
        ).changes.append(change)
    groups = sorted(by_record.values(), key=lambda g: (ENTITY_RANK[g.entity], g.record))
    held = sql.held(store, list(by_record))
    named = _households_of(store, groups, held)
    erased = sql.erased_among(store, [*by_record, *{h for h in named.values() if h}])
    sql.apply_plan(store, groups, plan_import(groups, held, erased, named), on_conflict)


def _households_of(
    store: Store, groups: list[Incoming], held: dict[str, set[str]]
) -> dict[str, str | None]:
    """The household each record of the batch that belongs to one was registered in, over
    its changes here and in the batch: what decides whether a resident is erased with a
    household and whether a need's, a hazard's or a visit's words are. A step belongs to
    its need's or hazard's household."""
    belonging = [
        g
        for g in groups
        if ENTITIES[g.entity].erased_with_household or g.entity in WORDS_WITH_HOUSEHOLD
    ]
    steps = {
        g.record: household_named(g.changes, first=True, field=BELONGS_THROUGH[g.entity])
        for g in belonging
        if g.entity in BELONGS_THROUGH
    }
    homes = [g for g in belonging if g.record not in steps]
    in_batch = {g.record for g in homes}
    looked_up = [g.record for g in homes if g.record in held]
    looked_up += [p for p in steps.values() if p is not None and p not in in_batch]
    here: dict[str, list[Change]] = {}
    for change in sql.field_changes(store, looked_up, "household"):
        here.setdefault(change.record, []).append(change)
    named = {
        g.record: household_named([*here.get(g.record, []), *g.changes], first=True) for g in homes
    }
    for step, parent in steps.items():
        if parent is None:
            named[step] = None
        elif parent in named:
            named[step] = named[parent]
        else:
            named[step] = household_named(here.get(parent, []), first=True)
    return named


def _check_references(store: Store, body: Body) -> None:
    """Every record a field names (a resident's household, a step's hazard, a merge's two
    records) must be in the bundle or already here — by now, both are in this notebook."""
    if not body.references:
        return
    wanted = list(body.references)
    found = sql.present(store, wanted)
    for table, ref in wanted:
        if (table, ref) not in found:
            from danyuanzhang.core.records import label

            raise BundleError(
                "bundle_unknown_reference",
                line=body.references[(table, ref)],
                ref=short(ref),
                table=label(table),
            )


def _bind_name(store: Store, header: Header, path: Path) -> None:
    """From here on the sender goes by the name bound to its key, not the one it claims."""
    from danyuanzhang.sync.names import bound_name

    try:
        header.sender_name = bound_name(store, header.sender_id, header.sender_name)
    except BundleError as error:
        error.path = str(path)
        raise


def _bytes_key(readable: Path) -> str:
    """The key of a bundle's very bytes (as opened, when it came sealed)."""
    import hashlib

    digest = hashlib.sha256()
    with readable.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return f"bytes:{digest.hexdigest()}"


def _check_unaltered(source: Source, path: Path) -> None:
    """Read the whole bundle, applying nothing: each change's id against its content, the
    counts and the checksum, as an import would."""

    def ignore(_incoming: Incoming, _line: int) -> None:
        pass

    try:
        try:
            read(source, ignore)
        except ReadAgain:
            read_by_events(source, ignore)
    except BundleError as error:
        error.path = str(path)
        raise


def _check_signature(store: Store, header: Header, path: Path) -> None:
    """A signed bundle's signature covers its checksum, which covers everything in it (checked
    as it is read). A laptop's key is remembered the first time one of its bundles comes; a
    later bundle claiming that laptop must be signed with that key."""
    from danyuanzhang.sync.keys import fingerprint, pinned, verified

    known = pinned(store, header.sender_id)
    problem: tuple[str, dict[str, str]] | None = None
    if header.version >= 3 and not verified(header.key, header.checksum, header.signature):
        problem = ("bundle_bad_signature", {"name": header.sender_name})
    elif known is not None and header.version < 3:
        problem = ("bundle_unsigned", {"name": header.sender_name})
    elif known is not None and known != header.key:
        problem = (
            "bundle_key_changed",
            {
                "name": header.sender_name,
                "theirs": fingerprint(header.key),
                "known": fingerprint(known),
            },
        )
    if problem is not None:
        error = BundleError(problem[0], None, **problem[1])
        error.path = str(path)
        raise error


def _remember(store: Store, header: Header, report: ImportReport, carried: dict[str, str]) -> None:
    """What this bundle tells about what is here, what its sender holds, and what it got.

    A `seen` mark is believed only as far as the bundle carried that device's changes: a
    sender can show what it holds, not claim more. Otherwise a forged mark (all of the office's
    changes, up to next week) would make this laptop leave the office's changes out of what
    it relays to everyone else."""
    now = store.now_iso()
    shown = {d: min(stamp, carried[d]) for d, stamp in header.seen.items() if d in carried}
    if not header.scope and not header.redacted:
        # everything of each device in `seen` after `since` came: if all before `since` was
        # here already, all up to `seen` is here now. A scoped or redacted bundle left things
        # out, so it says nothing of the kind.
        # a laptop's mark kept down by an erasure held here counts as if it were accepted: the
        # changes after it are here, and the held one is kept (sync/erasures.py)
        marks = marks_as_if_accepted(store)
        for device, stamp in shown.items():
            base = header.since.get(device)
            if base is None or marks.get(device, "") >= base:
                store.raise_mark(device, stamp)
    sql.learn(store, header.sender_id, "", shown)
    if header.key:
        from danyuanzhang.sync.keys import pin

        pin(store, header.sender_id, header.key, now)
    me = store.device()[0]
    acknowledged = header.received.get(me)
    if acknowledged is not None:
        known = sql.acknowledged(store, header.sender_id, acknowledged)
        if known is not None:
            sql.learn(store, header.sender_id, *known)
    receipt = header.checksum[7:] if report.total else None
    sql.remember_peer(store, header.sender_id, report.sender, now, header.created, receipt)
    if header.office_held:
        sql.remember_office_list(store, header.sender_id, header.office_held)
    sql.remember_bundle(store, header.checksum, header.sender_id, header.created, now, report.total)


def accept_held(store: Store, bundle: str) -> list[str]:
    """Apply the erasures held from one bundle (a person has read the list): the flats."""
    changes = esql.held_changes(store, bundle)
    if not changes:
        return []
    # a laptop revoked since (lost, stolen): what it made after the last change that counts
    # is dropped, never applied
    cut = esql.revoked(store)
    kept = [c for c in changes if c.device not in cut or c.hlc <= cut[c.device]]
    households = {c.record for c in kept if c.entity == "household"}
    flats = [row["flat"] for row in esql.held_flats(store) if row["household"] in households]
    with store.transaction():
        apply_changes(store, kept, lambda *_: None)
        esql.release(store, [c.id for c in changes])
        settle_marks(store)
    return flats
