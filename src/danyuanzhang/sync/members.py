"""The laptops that belong to the community, with the community office as their introducer.

Modelled on how Syncthing lets an "introducer" vouch for devices: `dyz init --office` makes a
laptop the community's office. A laptop's first bundle to the office is a request to join: the
office applies nothing from it until a person has compared fingerprints over the phone and run
`dyz members admit`. Every bundle of the office carries its list of admitted laptops, signed
with its key; a laptop trusts the office's key the first time it imports one of the office's
own bundles, and from then on accepts a bundle only from a laptop on that list, carrying only
changes made by the office or by laptops on the list (and, for a revoked one, made before it
was revoked). A laptop that trusts no office pins each sender's key as before (keys.py).

>>> admit(store, "2-2单元长")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from danyuanzhang.core.changes import Change
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.office import Member, OfficeList
from danyuanzhang.sync.bundle.reader import Header
from danyuanzhang.sync.names import one_named

# settings holding the office this laptop trusts (on the office: itself) and its signed list
REQUESTS_WAITING_AT_MOST = 500  # a community has a few hundred laptops; more is a flood
OFFICE_SETTINGS = (
    "office_device",
    "office_name",
    "office_key",
    "office_issued",
    "office_signature",
)


def office_of(store: Store) -> OfficeList | None:
    """The office's list this laptop holds: its own on the office, else the latest copy."""
    values = [store.setting(key) for key in OFFICE_SETTINGS]
    if not all(values):
        return None
    return _from_tables(store, *(str(v) for v in values))


def _from_tables(
    store: Store, device: str, name: str, key: str, issued: str, signature: str = ""
) -> OfficeList:
    members = [Member(*(str(v) for v in row)) for row in sql.members(store)]
    return OfficeList(device, name, key, issued, members, signature)


def is_office(store: Store) -> bool:
    return store.setting("office_device") == store.device()[0]


def become_office(store: Store) -> bool:
    """Make this laptop the community's office (`dyz init --office`); False if it was already."""
    from danyuanzhang.sync.keys import ensure_key

    held = office_of(store)
    me, name = store.device()
    if held is not None and held.device != me:
        raise DyzError("office_other_trusted", office=held.name)
    if held is not None:
        return False
    with store.transaction():
        store.set_setting("office_device", me)
        store.set_setting("office_name", name)
        store.set_setting("office_key", ensure_key(store))
        sign_list(store)
    return True


def sign_list(store: Store) -> None:
    """A change of the office's list: a new stamp, and the office's signature over it."""
    from danyuanzhang.sync.keys import sign

    device, name, key = (str(store.setting(k)) for k in OFFICE_SETTINGS[:3])
    issued = store.stamp()
    text = _from_tables(store, device, name, key, issued).signed_text()
    store.set_setting("office_issued", issued)
    store.set_setting("office_signature", sign(store, text))


def _office_only(store: Store) -> None:
    if is_office(store):
        return
    held = office_of(store)
    if held is None:
        raise DyzError("members_no_office")
    raise DyzError("members_office_only", office=held.name)


def candidate(store: Store, text: str) -> dict[str, Any]:
    """The laptop a person means to admit: one that asked to join, or one this office has
    heard from, by name or id; refused when there is none or it is on the list already."""
    from danyuanzhang.sync.keys import fingerprint, pinned
    from danyuanzhang.text.i18n import join

    _office_only(store)
    requests = sql.join_requests(store)
    row = one_named(requests, text)
    requested = row is not None
    if row is not None:
        device, name, key = row["device"], row["name"], row["key"]
    else:
        row = one_named(sql.peers(store), text)
        if row is None:
            if not requests:
                raise DyzError("member_unknown_none_waiting", peer=text.strip())
            known = join([r["name"] for r in requests])
            raise DyzError("member_unknown", peer=text.strip(), known=known)
        device, name, key = row["device"], row["name"], pinned(store, row["device"]) or ""
    if device == store.device()[0]:
        raise DyzError("member_is_office")
    existing = sql.member(store, device)
    if existing is not None and not existing["revoked"] and not requested:
        raise DyzError("member_already", name=name)
    return {
        "id": device,
        "name": name,
        "key": key,
        "fingerprint": fingerprint(key) if key else None,
        "requested": requested,
    }


def admit(store: Store, text: str, read_out: str | None = None) -> dict[str, Any]:
    """Admit the laptop `candidate` finds; `read_out`, the fingerprint its owner read over
    the phone, must then be its key's."""
    from danyuanzhang.sync.keys import pin

    with store.transaction():
        found = candidate(store, text)
        if read_out is not None:
            _check_read_out(found["name"], found["key"], read_out)
        _add_member(store, found["id"], found["name"], found["key"])
        if found["key"]:
            pin(store, found["id"], found["key"], store.now_iso())
        sign_list(store)
    return found


def _check_read_out(name: str, key: str, read_out: str) -> None:
    from danyuanzhang.sync.keys import fingerprint

    heard = "".join(ch for ch in read_out.upper() if ch.isalnum())
    if not key:
        raise DyzError("member_no_fingerprint_yet", name=name)
    if heard != fingerprint(key).replace("-", ""):
        raise DyzError(
            "member_fingerprint_differs", name=name, heard=read_out.strip(), own=fingerprint(key)
        )


def _add_member(store: Store, device: str, name: str, key: str) -> None:
    sql.add_member(store, device, name, key, store.stamp())


def known_not_admitted(store: Store) -> list[dict[str, Any]]:
    """The laptops this office has heard from that are not on its list (`admit --known`)."""
    from danyuanzhang.sync.keys import fingerprint, pinned

    _office_only(store)
    listed = sql.listed_devices(store)
    me = store.device()[0]
    found = []
    for row in sql.peers(store):
        if row["device"] in listed or row["device"] == me:
            continue
        key = pinned(store, row["device"]) or ""
        found.append(
            {
                "id": row["device"],
                "name": row["name"],
                "key": key,
                "fingerprint": fingerprint(key) if key else None,
            }
        )
    return found


def admit_known(store: Store, laptops: Iterable[dict[str, Any]]) -> int:
    with store.transaction():
        count = 0
        for laptop in laptops:
            _add_member(store, laptop["id"], laptop["name"], laptop["key"])
            count += 1
        if count:
            sign_list(store)
    return count


def revoke(store: Store, text: str) -> dict[str, Any]:
    """Take a laptop off the list: from now on no change it makes is accepted anywhere."""
    _office_only(store)
    with store.transaction():
        row = one_named(sql.members(store), text)
        if row is None:
            raise DyzError("member_not_listed", peer=text.strip())
        if row["revoked"]:
            raise DyzError("member_already_revoked", name=row["name"])
        # the last of its changes that counts: the latest the office holds (so that a clock
        # set back on a stolen laptop makes nothing new count), or now if it holds none
        held = sql.latest_change_of(store, row["device"])
        last = max(store.marks().get(row["device"]) or "", held or "") or store.stamp()
        sql.revoke_member(store, row["device"], last, store.stamp())
        sign_list(store)
    return {"id": row["device"], "name": row["name"]}


def signer_of_backup(store: Store, device: str, claimed: str, path: Path) -> tuple[str, str]:
    """The name and public key this office knows for the laptop a backup sealed to it claims
    to come from: a member not revoked (or the office itself); refused in one line if not."""
    from danyuanzhang.sync.keys import ensure_key, pinned

    me, my_name = store.device()
    if device == me:
        return my_name, ensure_key(store)
    row = sql.member(store, device)
    key = None if row is None else (row["key"] or pinned(store, device))
    if row is None or not key:
        raise DyzError("backup_signer_unknown", path=str(path), laptop=claimed)
    if row["revoked"]:
        raise DyzError("backup_signer_revoked", path=str(path), laptop=row["name"])
    return str(row["name"]), str(key)


def list_members(store: Store) -> dict[str, Any]:
    """The office this laptop trusts and its list; on the office, the requests waiting too."""
    from danyuanzhang.core.hlc import local_time, wall_of
    from danyuanzhang.sync.keys import fingerprint

    held = office_of(store)
    if held is None:
        raise DyzError("members_no_office")

    def when(stamp: str) -> str:
        return local_time(wall_of(stamp)).isoformat(timespec="minutes")

    items = [
        {
            "id": m.device,
            "name": m.name,
            "fingerprint": fingerprint(m.key) if m.key else None,
            "state": "revoked" if m.revoked else "admitted",
            "since": when(m.when_revoked() or m.admitted),
        }
        for m in sorted(held.members, key=lambda m: m.admitted)  # in the order admitted
    ]
    if held.device == store.device()[0]:
        for row in sql.join_requests(store):
            items.append(
                {
                    "id": row["device"],
                    "name": row["name"],
                    "fingerprint": fingerprint(row["key"]),
                    "state": "requested",
                    "since": row["asked"][:16],
                }
            )
    heard = len(known_not_admitted(store)) if held.device == store.device()[0] else 0
    return {
        "office": {"id": held.device, "name": held.name, "fingerprint": fingerprint(held.key)},
        "members": items,
        "known_not_admitted": heard,
    }


def _stamp_forgotten(held: OfficeList) -> bool:
    """The list held had a stamp from the future, which `dyz doctor --repair` forgot (so that
    the office's mended list is taken): any list is later now, an older one too."""
    from danyuanzhang.core.hlc import wall_of

    return wall_of(held.issued) == 0


def _forgets_a_revocation(held: OfficeList, incoming: OfficeList) -> bool:
    """Whether `incoming` leaves out or lists as admitted a laptop `held` revokes, admitted
    before it was revoked: an older list, not the office admitting it again."""
    listed = {m.device: m for m in incoming.members}
    for member in held.members:
        if not member.revoked:
            continue
        other = listed.get(member.device)
        if other is None or (not other.revoked and other.admitted <= member.when_revoked()):
            return True
    return False


def _day_of(stamp: str) -> str:
    from danyuanzhang.core.hlc import local_time, wall_of
    from danyuanzhang.text.i18n import day

    return day(local_time(wall_of(stamp)).date())


class Gate:
    """What the office's list lets a bundle do here, decided before a record is read: refuse
    it, take it as a request to join (on the office), or let it in, after which its new
    changes are checked as they are applied (`check`)."""

    def __init__(self, store: Store, header: Header, path: Path, dry_run: bool = False) -> None:
        self.store = store
        self.dry_run = dry_run
        self.header = header
        self.path = path
        self.me = store.device()[0]
        self.adopt: OfficeList | None = None  # a newer list (or a first office) to take on
        self.trusted_now = False  # this bundle made this laptop trust its office
        self.join_request = False
        self.revoked_now: list[str] = []  # laptops the list taken on revokes, by name
        held = office_of(store)
        incoming = header.office
        if incoming is not None:
            self._weigh(held, incoming)
        office = self.adopt or held
        self.office = office
        self.members = {m.device: m for m in office.members} if office is not None else {}
        if office is not None:
            try:
                self._check_sender(office)
            except BundleError as refused:
                refused.revoked_kept = self.keep_news()
                raise

    @property
    def active(self) -> bool:
        return self.office is not None

    @property
    def me_revoked(self) -> bool:
        member = self.members.get(self.me)
        return member is not None and bool(member.revoked)

    def _refuse(self, problem: str, line: int | None = None, **params: str) -> BundleError:
        error = BundleError(problem, line, **params)
        error.path = str(self.path)
        return error

    def _weigh(self, held: OfficeList | None, incoming: OfficeList) -> None:
        from danyuanzhang.sync.keys import fingerprint, verified

        if not verified(incoming.key, incoming.signed_text(), incoming.signature):
            raise self._refuse("bundle_office_list_forged", office=incoming.name)
        if held is None:
            header = self.header
            if header.sender_id == incoming.device and header.key == incoming.key:
                self.adopt, self.trusted_now = incoming, True
        elif incoming.device != held.device or incoming.key != held.key:
            raise self._refuse(
                "bundle_other_office",
                theirs=incoming.name,
                their_fingerprint=fingerprint(incoming.key),
                ours=held.name,
                our_fingerprint=fingerprint(held.key),
            )
        elif (
            held.device != self.me
            and incoming.issued > held.issued
            and not (_stamp_forgotten(held) and _forgets_a_revocation(held, incoming))
        ):
            self.adopt = incoming

    def _check_sender(self, office: OfficeList) -> None:
        from danyuanzhang.sync.keys import fingerprint

        header = self.header
        name = header.sender_name
        if header.sender_id == office.device:
            expected = office.key
        else:
            member = self.members.get(header.sender_id)
            if member is None:
                if office.device != self.me:
                    raise self._refuse("bundle_not_member", name=name, office=office.name)
                if header.version < 3:
                    raise self._refuse("bundle_request_unsigned", name=name)
                self.join_request = True
                return
            if member.revoked:
                raise self._refuse(
                    "bundle_sender_revoked",
                    name=name,
                    office=office.name,
                    date=_day_of(member.when_revoked()),
                )
            expected = member.key
            if not expected:  # admitted from an earlier version, before it had a key
                if header.version < 3:
                    return  # as an earlier version sends: taken as before
                if office.device != self.me:  # no key is taken on first sight
                    raise self._refuse("bundle_member_unverified", name=name, office=office.name)
                self.join_request = True  # its key, like a newcomer's, waits for a person
                return
        if header.version < 3:
            raise self._refuse("bundle_unsigned", name=name)
        if header.key != expected:
            raise self._refuse(
                "bundle_key_changed",
                name=name,
                theirs=fingerprint(header.key),
                known=fingerprint(expected),
            )

    def record_request(self) -> None:
        """On the office: remember who asked to join, with the key its bundle was signed by.
        A second request for that laptop with another key is someone passing for it: the
        first stays, for a person to check over the phone."""
        from danyuanzhang.sync.keys import fingerprint

        header = self.header
        with self.store.transaction():
            first = sql.requested_key(self.store, header.sender_id)
            if first is not None and first != header.key:
                raise self._refuse(
                    "bundle_request_key_differs",
                    name=header.sender_name,
                    theirs=fingerprint(header.key),
                    first=fingerprint(first),
                )
            if first is None:
                waiting = sql.requests_waiting(self.store)
                if waiting >= REQUESTS_WAITING_AT_MOST:
                    raise self._refuse("bundle_too_many_requests", count=str(waiting))
            sql.add_join_request(
                self.store, header.sender_id, header.sender_name, header.key, self.store.now_iso()
            )

    def take_on(self) -> None:
        """Within the import's transaction: keep the newer list; what a laptop it revokes made
        after the last change that counts leaves this notebook, so that it is not relayed."""
        store = self.store
        if self.adopt is not None:
            office = self.adopt
            held = office_of(store)
            before = {m.device: m.revoked for m in held.members} if held is not None else {}
            for member in office.members:
                if member.revoked and before.get(member.device) != member.revoked:
                    if member.device != self.me:  # the revoked laptop keeps what it made
                        sql.withdraw(store, member.device, member.revoked)
                    self.revoked_now.append(member.name)
            values = (office.device, office.name, office.key, office.issued, office.signature)
            for key, value in zip(OFFICE_SETTINGS, values, strict=True):
                store.set_setting(key, value)
            sql.replace_members(
                store,
                [
                    (m.device, m.name, m.key, m.admitted, m.revoked, m.revoked_on)
                    for m in office.members
                ],
            )

    def keep_news(self) -> list[str]:
        """After a refusal: the office's newer list the bundle carried (its signature checked)
        is kept if it revokes a laptop, so that a revocation is never lost with the bundle that
        brought it (most often the revoked laptop's own). The laptops it revokes, by name."""
        if self.adopt is None or self.trusted_now or self.dry_run:
            return []
        held = office_of(self.store)
        before = {m.device: m.revoked for m in held.members} if held is not None else {}
        if not any(m.revoked and before.get(m.device) != m.revoked for m in self.adopt.members):
            return []
        self.revoked_now = []
        with self.store.transaction():
            self.take_on()
        return self.revoked_now

    def check(self, new: Sequence[Change], latest: dict[str, str], lines: dict[str, int]) -> None:
        """Every new change must be made by the office or by a laptop on its list, before it
        was revoked. `latest` (per device, its latest change in the bundle) spares a look at
        each change unless some device's changes may break the rule."""
        doubtful = {d for d, stamp in latest.items() if not self._allows(d, stamp)}
        if not doubtful:
            return
        for change in new:
            if change.device in doubtful and not self._allows(change.device, change.hlc):
                line = lines.get(change.record)
                member = self.members.get(change.device)
                if member is not None:
                    raise self._refuse(
                        "bundle_change_after_revoked",
                        line,
                        device=member.name,
                        date=_day_of(member.when_revoked()),
                    )
                who = sql.device_name(self.store, change.device) or change.author
                raise self._refuse("bundle_change_by_stranger", line, device=who)

    def _allows(self, device: str, stamp: str) -> bool:
        if device in (self.me, self.office.device if self.office else ""):
            return True
        member = self.members.get(device)
        return member is not None and (not member.revoked or stamp <= member.revoked)
