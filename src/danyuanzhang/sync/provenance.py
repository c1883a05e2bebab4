"""That a relayed change was made by the laptop it claims: spans (store/spans.py) in bundles.

Exporting: this laptop first signs spans over its own changes not yet in one; a bundle then
carries, for every change it carries that this laptop can prove, the span that holds it, with
the roots of the subtrees over the span's changes it leaves out. Every carried change, not
only what the receiver is thought to lack: a whole record's older changes may be new to it.

Importing: each span is checked against its laptop's key (the sender's, the office's list,
or the one pinned here) and against the changes the bundle carries within its stamps. A new
change relayed from a laptop known to sign its changes (a span of it was seen, here or in the
bundle) must be held by a span, unless it was made before that laptop had a key; otherwise the
bundle is refused. What a span shows is kept, so that this laptop can prove in turn what it
relays. A laptop whose key is not known here is judged as before: by the office's list.
"""

from __future__ import annotations

import bisect
from binascii import unhexlify
from collections.abc import Iterator, Sequence
from pathlib import Path

from danyuanzhang.core.changes import Change
from danyuanzhang.store import Store
from danyuanzhang.store import spans as sp
from danyuanzhang.store import sync as sql
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.reader import Header
from danyuanzhang.sync.keys import SIGNS_AFTER
from danyuanzhang.text.ids import short

# A carried change is held as its stamp without the device id and its id, in ASCII: fixed
# width, so a whole notebook's are one bytearray per laptop, and sort as (stamp, id).
_STAMP, _HELD = 26, 26 + 32


def _held(change: Change) -> bytes:
    return (change.hlc[:_STAMP] + change.id).encode("ascii")


def _each(held: bytes | bytearray) -> Iterator[bytes]:
    whole = bytes(held)
    return (whole[i : i + _HELD] for i in range(0, len(whole), _HELD))


def seal_own(store: Store) -> None:
    """Spans over this laptop's changes made since its last span, signed."""
    from danyuanzhang.sync.keys import sign

    me = store.device()[0]
    signs_after = store.setting(SIGNS_AFTER) or ""
    after = max(sql.last_span_end(store, me), signs_after)
    unsealed = sql.stamped_ids_after(store, me, after)
    if not unsealed:
        return
    with store.transaction():
        for span, tree in sp.seal(unsealed, signs_after):
            span.signature = sign(store, span.signed_text())
            sql.keep_span(store, span, tree, checked=True)


class Carried:
    """The changes a bundle carries, per laptop, as they are written."""

    def __init__(self) -> None:
        self.by_device: dict[str, bytearray] = {}

    def add(self, changes: Sequence[Change]) -> None:
        by_device = self.by_device
        for change in changes:
            held = by_device.get(change.device)
            if held is None:
                held = by_device[change.device] = bytearray()
            held += _held(change)

    def spans(self, store: Store, receiver: str = "") -> list[sp.Span]:
        """The spans, with their proofs, of every carried change this laptop can prove; a
        change received without one (made before its laptop had a key, or by a laptop of an
        earlier version) goes without, and the receiver judges it as before. The changes of
        `receiver` (a bundle only it can open) need no proof: it made them."""
        found = []
        for device, carried in sorted(self.by_device.items()):
            if device == receiver:
                continue
            bounds = sql.span_bounds(store, device)
            if not bounds:
                continue
            firsts = [first[:_STAMP] for first, _ in bounds]
            lasts = [last[:_STAMP] for _, last in bounds]
            by_span: dict[int, list[bytes]] = {}
            for entry in _each(carried):
                stamp = entry[:_STAMP].decode("ascii")
                i = bisect.bisect_right(firsts, stamp) - 1
                if i >= 0 and stamp <= lasts[i]:
                    by_span.setdefault(i, []).append(unhexlify(entry[_STAMP:]))
            last = ""
            for i in sorted(by_span):
                first = bounds[i][0]
                if first <= last:
                    continue  # overlaps the one before (spans made again): cannot be both
                kept = sql.kept_span(store, device, first)
                assert kept is not None
                span, tree = kept
                position = {change_id: p for p, change_id in tree.leaves.items()}
                try:
                    span.at = sorted({position[c] for c in by_span[i]})
                    span.proof = tree.proof(span.at) if len(span.at) < span.count else []
                except (KeyError, sp.CannotProve):
                    continue  # held without its place in the span: the receiver judges them
                found.append(span)
                last = span.last
        return found


class Proofs:
    """What a bundle's spans prove, checked as its changes arrive and once it is read."""

    def __init__(self, store: Store, header: Header, path: Path) -> None:
        self.store = store
        self.header = header
        self.path = path
        self.me = store.device()[0]
        listed = sql.member_keys(store)
        if header.office is not None:  # a list this bundle brings (checked by the gate)
            listed.update({m.device: m.key for m in header.office.members if m.key})
            listed[header.office.device] = header.office.key
        self.keys = listed
        self.by_device: dict[str, list[sp.Span]] = {}
        # laptops known to sign: since when. A span in the bundle counts before its signature
        # is checked (`check_and_keep`, before anything is kept): a forged one refuses it all
        self.signs_after: dict[str, str] = {}
        for span in header.spans:
            if self.key_of(span.device) is not None:
                self.signs_after[span.device] = span.signs_after
            self.by_device.setdefault(span.device, []).append(span)
        self.firsts = {d: [s.first for s in spans] for d, spans in self.by_device.items()}
        self.carried = {device: bytearray() for device in self.by_device}
        self._last: dict[str, sp.Span] = {}  # per laptop, the span its last change fell in

    def read_again(self) -> None:
        """Forget what was collected: the body is read anew."""
        self.carried = {device: bytearray() for device in self.by_device}

    def key_of(self, device: str) -> str | None:
        from danyuanzhang.sync.keys import pinned

        if device == self.header.sender_id:
            return self.header.key or None
        return self.keys.get(device) or pinned(self.store, device)

    def _refuse(self, problem: str, device: str, line: int | None = None) -> BundleError:
        member = sql.member(self.store, device)
        name = sql.device_name(self.store, device) or (member["name"] if member else short(device))
        error = BundleError(problem, line, device=name)
        error.path = str(self.path)
        return error

    def _span_of(self, device: str, stamp: str) -> sp.Span | None:
        span = self._last.get(device)  # a record's changes mostly fall in one span
        if span is not None and span.first <= stamp <= span.last:
            return span
        firsts = self.firsts.get(device)
        if not firsts:
            return None
        i = bisect.bisect_right(firsts, stamp) - 1
        if i < 0:
            return None
        span = self.by_device[device][i]
        if stamp > span.last:
            return None
        self._last[device] = span
        return span

    def collect(self, changes: Sequence[Change]) -> None:
        """Each carried change of a laptop with spans in the bundle (placed in its spans once
        the body is read)."""
        carried = self.carried
        for change in changes:
            held = carried.get(change.device)
            if held is not None:
                held += (change.hlc[:_STAMP] + change.id).encode("ascii")  # `_held`, inlined

    def _signs_after(self, device: str) -> str | None:
        """Whether `device` is known to sign its changes, and after which of them; None if
        not (no span of it seen, or none that its key shows it signed)."""
        if device in self.signs_after:
            return self.signs_after[device]
        from danyuanzhang.sync.keys import verified

        key = self.key_of(device)
        if key is None:
            return None
        found = sql.span_signs_after(
            self.store, device, lambda span: verified(key, span.signed_text(), span.signature)
        )
        if found is not None:
            self.signs_after[device] = found
        return found

    def known_to_sign(self, device: str) -> bool:
        """Whether a change relayed from `device` must be proved by its signature here."""
        return self._signs_after(device) is not None

    def require(self, new: Sequence[Change], lines: dict[str, int]) -> None:
        """A new change relayed from a laptop known to sign must be held by a span."""
        sender = self.header.sender_id
        judged: dict[str, str | None] = {}
        for change in new:
            device = change.device
            if device == sender or device == self.me:
                continue
            if device not in judged:
                judged[device] = self._signs_after(device)
            after = judged[device]
            if after is None or change.hlc <= after:
                continue
            if self._span_of(device, change.hlc) is None:
                raise self._refuse("bundle_unproven", device, lines.get(change.record))

    def check_and_keep(self) -> None:
        """Every span's root, from the changes carried and its proof, and its signature;
        then what it shows is kept."""
        from danyuanzhang.sync.keys import verified

        for device, spans in self.by_device.items():
            held = sorted(_each(self.carried[device]))
            for span in spans:
                lo = bisect.bisect_left(held, span.first[:_STAMP].encode("ascii"))
                hi = bisect.bisect_right(held, span.last[:_STAMP].encode("ascii") + b"~")
                ids = [unhexlify(entry[_STAMP:]) for entry in held[lo:hi]]
                try:
                    tree = sp.check(span.count, span.at, ids, span.proof)
                except ValueError:
                    raise self._refuse("bundle_span_forged", device) from None
                span.root = tree.root().hex()
                key = self.key_of(device)
                if key is not None and not verified(key, span.signed_text(), span.signature):
                    raise self._refuse("bundle_span_forged", device)
                sql.keep_span(self.store, span, tree, checked=key is not None)
