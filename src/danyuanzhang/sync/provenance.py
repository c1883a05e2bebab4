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
from collections.abc import Sequence
from pathlib import Path

from danyuanzhang.bundle.errors import BundleError
from danyuanzhang.bundle.reader import Header
from danyuanzhang.changes import Change
from danyuanzhang.store import Store
from danyuanzhang.store import spans as sp
from danyuanzhang.store import sync as sql

SIGNS_AFTER = "signs_after"  # the setting: this laptop's last change made before its key


def seal_own(store: Store) -> None:
    """Spans over this laptop's changes made since its last span, signed."""
    from danyuanzhang.keys import sign

    me = store.device()[0]
    conn = store.conn
    signs_after = store.setting(SIGNS_AFTER) or ""
    row = conn.execute("SELECT max(last) FROM spans WHERE device = ?", (me,)).fetchone()
    after = max(row[0] or "", signs_after)
    rows = conn.execute(
        "SELECT hlc, id FROM changes WHERE device = ? AND hlc > ? ORDER BY hlc", (me, after)
    ).fetchall()
    if not rows:
        return
    with store.transaction():
        for span, tree in sp.seal(((r[0], r[1]) for r in rows), signs_after):
            span.signature = sign(store, span.signed_text())
            sp.keep(conn, span, tree)


class Carried:
    """The changes a bundle carries, per laptop, as they are written: (stamp, id)."""

    def __init__(self) -> None:
        self.by_device: dict[str, list[tuple[str, str]]] = {}

    def add(self, changes: Sequence[Change]) -> None:
        by_device = self.by_device
        for change in changes:
            by_device.setdefault(change.device, []).append((change.hlc, change.id))

    def spans(self, store: Store) -> list[sp.Span]:
        """The spans, with their proofs, of every carried change this laptop can prove; a
        change received without one (made before its laptop had a key, or by a laptop of an
        earlier version) goes without, and the receiver judges it as before."""
        found = []
        for device, carried in sorted(self.by_device.items()):
            bounds = sp.bounds(store.conn, device)
            if not bounds:
                continue
            firsts = [first for first, _ in bounds]
            by_span: dict[int, list[str]] = {}
            for stamp, change_id in carried:
                i = bisect.bisect_right(firsts, stamp) - 1
                if i >= 0 and stamp <= bounds[i][1]:
                    by_span.setdefault(i, []).append(change_id)
            last = ""
            for i in sorted(by_span):
                first = firsts[i]
                if first <= last:
                    continue  # overlaps the one before (spans made again): cannot be both
                kept = sp.stored(store.conn, device, first)
                assert kept is not None
                span, tree = kept
                position = {change_id: p for p, change_id in tree.leaves.items()}
                try:
                    carried_at = sorted({position[bytes.fromhex(c)] for c in by_span[i]})
                    span.proof = tree.proof(carried_at) if len(carried_at) < span.count else []
                except (KeyError, sp.CannotProve):
                    continue  # held without its place in the span: the receiver judges them
                found.append(span)
                last = span.last
        return found


class Proofs:
    """What a bundle's spans prove, checked as its changes arrive and once it is read."""

    def __init__(self, store: Store, header: Header, path: Path) -> None:
        from danyuanzhang.keys import verified

        self.store = store
        self.header = header
        self.path = path
        self.me = store.device()[0]
        listed = {
            str(r[0]): str(r[1])
            for r in store.conn.execute("SELECT device, key FROM members WHERE key != ''")
        }
        if header.office is not None:  # a list this bundle brings (checked by the gate)
            listed.update({m.device: m.key for m in header.office.members if m.key})
            listed[header.office.device] = header.office.key
        self.keys = listed
        self.by_device: dict[str, list[sp.Span]] = {}
        self.signs_after: dict[str, str] = {}  # laptops known to sign: since when
        for span in header.spans:
            key = self.key_of(span.device)
            if key is not None:
                if not verified(key, span.signed_text(), span.signature):
                    raise self._refuse("bundle_span_forged", span.device)
                self.signs_after[span.device] = span.signs_after
            self.by_device.setdefault(span.device, []).append(span)
        self.firsts = {d: [s.first for s in spans] for d, spans in self.by_device.items()}
        self.carried: dict[tuple[str, str], dict[str, str]] = {}

    def key_of(self, device: str) -> str | None:
        from danyuanzhang.keys import pinned

        if device == self.header.sender_id:
            return self.header.key or None
        return self.keys.get(device) or pinned(self.store, device)

    def _refuse(self, problem: str, device: str, line: int | None = None) -> BundleError:
        row = self.store.conn.execute(
            "SELECT name FROM members WHERE device = ?", (device,)
        ).fetchone()
        name = sql.device_name(self.store, device) or (row[0] if row else device[:8])
        error = BundleError(problem, line, device=name)
        error.path = str(self.path)
        return error

    def _span_of(self, device: str, stamp: str) -> sp.Span | None:
        firsts = self.firsts.get(device)
        if not firsts:
            return None
        i = bisect.bisect_right(firsts, stamp) - 1
        if i < 0:
            return None
        span = self.by_device[device][i]
        return span if stamp <= span.last else None

    def collect(self, changes: Sequence[Change]) -> None:
        """Each carried change of a laptop with spans in the bundle, under its span."""
        firsts = self.firsts
        for change in changes:
            if change.device in firsts:
                span = self._span_of(change.device, change.hlc)
                if span is not None:
                    held = self.carried.setdefault((span.device, span.first), {})
                    held[change.id] = change.hlc

    def _signs_after(self, device: str) -> str | None:
        """Whether `device` is known to sign its changes, and after which of them; None if
        not (no span of it seen, or none that its key shows it signed)."""
        if device in self.signs_after:
            return self.signs_after[device]
        from danyuanzhang.keys import verified

        found = None
        key = self.key_of(device)
        kept = sp.signing(self.store.conn, device) if key is not None else None
        if key is not None and kept is not None and verified(key, kept[0], kept[1]):
            found = kept[2]
        if found is not None:
            self.signs_after[device] = found
        return found

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
        """Every span's root, from the changes carried and its proof; then what it shows is
        kept."""
        conn = self.store.conn
        for spans in self.by_device.values():
            for span in spans:
                held = self.carried.get((span.device, span.first), {})
                ids = [
                    bytes.fromhex(i) for i, _ in sorted(held.items(), key=lambda c: (c[1], c[0]))
                ]
                try:
                    tree = sp.check(span.count, ids, span.proof)
                    root = tree.root().hex()
                except ValueError:
                    root = ""
                if root != span.root:
                    raise self._refuse("bundle_span_forged", span.device)
                sp.keep(conn, span, tree)
