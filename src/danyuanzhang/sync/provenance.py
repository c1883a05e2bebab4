"""That a relayed change was made by the laptop it claims: spans (store/spans.py) in bundles.

Exporting: this laptop first signs a span over its own changes not yet in one; a bundle then
carries, for every laptop whose changes it carries (newer than the receiver is known to hold),
the spans that hold them, each with the proof of the changes of it the bundle leaves out.

Importing: each span is checked against its laptop's key (the sender's own, the office's list,
or the one pinned here); a new change of a laptop whose key is known, relayed by another, must
be held by a span that checks, or the bundle is refused. The spans are kept, so that this
laptop can prove in turn what it relays.
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


def seal_own(store: Store) -> None:
    """A span over this laptop's changes made since its last one, signed."""
    from danyuanzhang.keys import sign

    me = store.device()[0]
    conn = store.conn
    row = conn.execute("SELECT max(last) FROM spans WHERE device = ?", (me,)).fetchone()
    after = row[0] if row and row[0] else ""
    rows = conn.execute(
        "SELECT id, hlc FROM changes WHERE device = ? AND hlc > ? ORDER BY hlc", (me, after)
    ).fetchall()
    if not rows:
        return
    leaves = [bytes.fromhex(r[0]) for r in rows]
    tree = sp.Tree(len(leaves), dict(enumerate(leaves)), {})
    span = sp.Span(me, rows[0][1], rows[-1][1], len(leaves), tree.root().hex())
    span.signature = sign(store, span.signed_text())
    with store.transaction():
        sp.keep(conn, span)


class Carried:
    """The changes a bundle carries, per laptop, as they are written."""

    def __init__(self) -> None:
        self.by_device: dict[str, list[tuple[str, bytes]]] = {}

    def add(self, changes: Sequence[Change]) -> None:
        by_device = self.by_device
        for change in changes:
            by_device.setdefault(change.device, []).append((change.hlc, bytes.fromhex(change.id)))

    def spans(self, store: Store, since: dict[str, str]) -> list[sp.Span]:
        """The spans, with their proofs, for what this bundle carries that its receiver may
        lack (`since`: up to where it holds each laptop's); a span this laptop cannot prove
        (its changes were received without one) is left out, and the receiver judges the
        changes alone."""
        found = []
        for device, carried in sorted(self.by_device.items()):
            stamps = sorted(stamp for stamp, _ in carried)
            after = since.get(device, "")
            ids = {leaf for _, leaf in carried}
            for span in sp.spans_of(store.conn, device):
                if span.last <= after:
                    continue
                i = bisect.bisect_left(stamps, span.first)
                if i == len(stamps) or stamps[i] > span.last:
                    continue
                if not span.gaps and bisect.bisect_right(stamps, span.last) - i == span.count:
                    found.append(span)  # all of it carried: nothing to prove
                    continue
                try:
                    tree = sp.tree_here(store.conn, span)
                    mine = {p for p, leaf in tree.leaves.items() if leaf in ids}
                    gaps = tree.proof(mine)
                except (sp.CannotProve, ValueError):
                    continue
                found.append(
                    sp.Span(
                        span.device,
                        span.first,
                        span.last,
                        span.count,
                        span.root,
                        span.signature,
                        gaps,
                    )  # fmt: skip
                )
        return found


class Proofs:
    """What a bundle's spans prove, checked as its changes arrive and once it is read."""

    def __init__(self, store: Store, header: Header, path: Path) -> None:
        from danyuanzhang.keys import pinned, verified

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
        self.pinned = pinned
        self.usable: dict[str, list[sp.Span]] = {}
        for span in header.spans:
            key = self.key_of(span.device)
            if key is None:
                continue  # no key to check it with: the changes are judged alone
            if not verified(key, span.signed_text(), span.signature):
                raise self._refuse("bundle_span_forged", span.device)
            self.usable.setdefault(span.device, []).append(span)
        for spans in self.usable.values():
            spans.sort(key=lambda s: s.first)
        self.firsts = {d: [s.first for s in spans] for d, spans in self.usable.items()}
        self.carried: dict[tuple[str, str], list[tuple[str, bytes]]] = {}

    def key_of(self, device: str) -> str | None:
        if device == self.header.sender_id:
            return self.header.key or None
        return self.keys.get(device) or self.pinned(self.store, device)

    def _refuse(self, problem: str, device: str, line: int | None = None) -> BundleError:
        name = sql.device_name(self.store, device) or device[:8]
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
        span = self.usable[device][i]
        return span if stamp <= span.last else None

    def collect(self, changes: Sequence[Change]) -> None:
        """Each carried change of a laptop with spans in the bundle, under its span."""
        for change in changes:
            if change.device in self.firsts:
                span = self._span_of(change.device, change.hlc)
                if span is not None:
                    self.carried.setdefault((span.device, span.first), []).append(
                        (change.hlc, bytes.fromhex(change.id))
                    )

    def require(self, new: Sequence[Change], lines: dict[str, int]) -> None:
        """A new change relayed from a laptop whose key is known must be held by a span."""
        sender = self.header.sender_id
        judged: dict[str, bool] = {}
        for change in new:
            device = change.device
            if device == sender or device == self.me:
                continue
            provable = judged.get(device)
            if provable is None:
                provable = judged[device] = self.key_of(device) is not None
            if provable and self._span_of(device, change.hlc) is None:
                raise self._refuse("bundle_unproven", device, lines.get(change.record))

    def check_and_keep(self, all_written: bool) -> None:
        """Every usable span's root, from the changes carried and its proof; then kept.
        `all_written`: every change the bundle carried is in the log now (none was left out
        as erased here), so a span it carried whole is whole here too."""
        conn = self.store.conn
        for spans in self.usable.values():
            for span in spans:
                carried = sorted(self.carried.get((span.device, span.first), []))
                try:
                    tree = sp.tree_from(span.count, [leaf for _, leaf in carried], span.gaps)
                    root = tree.root().hex()
                except (ValueError, sp.CannotProve):
                    root = ""
                if root != span.root:
                    raise self._refuse("bundle_span_forged", span.device)
                if all_written and not span.gaps:
                    sp.keep(conn, span)
                else:
                    _keep(conn, span, tree)


def _keep(conn: object, span: sp.Span, tree: sp.Tree) -> None:
    """Keep what this notebook now knows of the span: the log's changes fill the places its
    gaps leave. A relay that held some of the span's changes already (inside ranges the
    bundle proved by their root) places them by their order, when they fill those ranges."""
    import sqlite3

    assert isinstance(conn, sqlite3.Connection)
    held = sp.held_ids(conn, span)
    held_set = set(held)
    known = {leaf for leaf in tree.leaves.values()}
    leftover = [leaf for leaf in held if leaf not in known]
    nodes = dict(tree.nodes)
    if leftover:
        free = sorted(
            p for lo, hi in nodes for p in range(lo * sp.CHUNK, min(hi * sp.CHUNK, span.count))
        )
        if len(free) != len(leftover):
            return  # cannot say where they lie: what it kept of the span before stands
        placed = dict(tree.leaves)
        placed.update(zip(free, leftover, strict=True))
        check = sp.Tree(span.count, placed, {})
        for (lo, hi), digest in nodes.items():
            try:
                if check.root_of(lo, hi) != digest:
                    return
            except sp.CannotProve:
                return
        tree, nodes = check, {}
    gaps: list[list[int | str]] = [
        [p, leaf.hex()] for p, leaf in sorted(tree.leaves.items()) if leaf not in held_set
    ]
    gaps += [[lo, hi, digest.hex()] for (lo, hi), digest in sorted(nodes.items())]
    sp.keep(
        conn,
        sp.Span(span.device, span.first, span.last, span.count, span.root, span.signature, gaps),
    )
