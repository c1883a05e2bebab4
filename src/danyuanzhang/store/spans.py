"""Which changes a laptop really made: spans of its changes, signed by it.

A bundle's signature covers what its sender made; a change it relays from another laptop is
covered by that laptop's own signature, over a *span*: every change the laptop made with a
stamp from `first` to `last`, `count` of them, in the order of their stamps. The span is signed
once for all of them, over the root of a Merkle tree (RFC 6962's, over chunks of 16 change
ids), so a bundle that carries only some of them proves the rest with a few hashes: the ids
of single changes it leaves out, and the roots of whole subtrees (chunk ranges) it leaves
out. docs/bundle-format.md, "Spans", gives every byte.

A laptop keeps each span it made or received, with what stands for the changes of it that are
not in its log (`gaps`), so that it can prove the ones it relays.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

CHUNK = 16  # change ids hashed together at the bottom of the tree


class CannotProve(Exception):
    """What a bundle would need to prove a span is not known here."""


@dataclass
class Span:
    device: str
    first: str
    last: str
    count: int
    root: str  # hex
    signature: str = ""
    # positions of the span's changes left out, with their ids ([pos, id]), and chunk ranges
    # left out, with their subtree's root ([lo, hi, hash]); in a bundle, what it does not
    # carry; in a notebook, what is not in its log
    gaps: list[list[int | str]] = field(default_factory=list)

    def signed_text(self) -> str:
        return "\x1f".join(
            ("dyz-span", self.device, self.first, self.last, str(self.count), self.root)
        )

    def holds(self, stamp: str) -> bool:
        return self.first <= stamp <= self.last


def _chunk_hash(ids: Sequence[bytes]) -> bytes:
    return hashlib.sha256(b"\x00" + b"".join(ids)).digest()


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """RFC 6962: the largest power of two smaller than `size`."""
    k = 1
    while k * 2 < size:
        k *= 2
    return k


class Tree:
    """A span's leaves as far as they are known (position: id), with the roots of chunk
    ranges whose leaves are not known."""

    def __init__(
        self, count: int, leaves: dict[int, bytes], nodes: dict[tuple[int, int], bytes]
    ) -> None:
        self.count = count
        self.leaves = leaves
        self.nodes = nodes
        self.chunks = max(1, -(-count // CHUNK))

    def chunk(self, index: int) -> bytes:
        part = [
            self.leaves.get(p) for p in range(index * CHUNK, min((index + 1) * CHUNK, self.count))
        ]
        if None in part:
            raise CannotProve
        return _chunk_hash(part)  # type: ignore[arg-type]

    def root_of(self, lo: int, hi: int) -> bytes:
        known = self.nodes.get((lo, hi))
        if known is not None:
            return known
        if hi - lo == 1:
            return self.chunk(lo)
        k = lo + _split(hi - lo)
        return _node(self.root_of(lo, k), self.root_of(k, hi))

    def root(self) -> bytes:
        return self.root_of(0, self.chunks)

    def proof(self, carried: set[int]) -> list[list[int | str]]:
        """What a bundle carrying the leaves at `carried` needs to prove the rest."""
        with_carried = sorted({position // CHUNK for position in carried})
        found: list[list[int | str]] = []

        def any_in(lo: int, hi: int) -> bool:
            i = bisect_left(with_carried, lo)
            return i < len(with_carried) and with_carried[i] < hi

        def walk(lo: int, hi: int) -> None:
            if not any_in(lo, hi):
                found.append([lo, hi, self.root_of(lo, hi).hex()])
            elif hi - lo == 1:
                for position in range(lo * CHUNK, min((lo + 1) * CHUNK, self.count)):
                    if position not in carried:
                        leaf = self.leaves.get(position)
                        if leaf is None:
                            raise CannotProve
                        found.append([position, leaf.hex()])
            else:
                k = lo + _split(hi - lo)
                walk(lo, k)
                walk(k, hi)

        if len(carried) < self.count:
            walk(0, self.chunks)
        return found


def tree_from(count: int, present: Sequence[bytes], gaps: Sequence[Sequence[int | str]]) -> Tree:
    """The tree whose leaves are `present` (in order) wherever `gaps` leaves room; raises
    ValueError when they do not fill it exactly. Positions are walked as ranges, so a bundle
    claiming a span of a billion changes costs nothing to refuse."""
    if not gaps:  # the whole span: nothing to place
        if len(present) != count:
            raise ValueError("count")
        return Tree(count, dict(enumerate(present)), {})
    chunks = max(1, -(-count // CHUNK))
    leaves: dict[int, bytes] = {}
    nodes: dict[tuple[int, int], bytes] = {}
    covered: list[tuple[int, int]] = []  # leaf ranges [lo, hi) that the gaps account for
    for gap in gaps:
        if len(gap) == 2:
            position = int(gap[0])
            if not 0 <= position < count:
                raise ValueError("gap")
            leaves[position] = bytes.fromhex(str(gap[1]))
            covered.append((position, position + 1))
        else:
            lo, hi = int(gap[0]), int(gap[1])
            if not 0 <= lo < hi <= chunks:
                raise ValueError("gap")
            nodes[(lo, hi)] = bytes.fromhex(str(gap[2]))
            covered.append((lo * CHUNK, min(hi * CHUNK, count)))
    covered.sort()
    free: list[tuple[int, int]] = []
    at = 0
    for lo, hi in covered:
        if lo < at:
            raise ValueError("overlap")
        if lo > at:
            free.append((at, lo))
        at = hi
    if at < count:
        free.append((at, count))
    if sum(hi - lo for lo, hi in free) != len(present):
        raise ValueError("count")
    leaf = iter(present)
    for lo, hi in free:
        for position in range(lo, hi):
            leaves[position] = next(leaf)
    return Tree(count, leaves, nodes)


# -- in the notebook -------------------------------------------------------------------------


def _row(row: sqlite3.Row | tuple[object, ...]) -> Span:
    device, first, last, count, root, signature, gaps = row
    return Span(
        str(device),
        str(first),
        str(last),
        int(str(count)),
        str(root),
        str(signature),
        json.loads(str(gaps)),
    )


def spans_of(conn: sqlite3.Connection, device: str) -> list[Span]:
    rows = conn.execute(
        "SELECT device, first, last, count, root, signature, gaps FROM spans"
        " WHERE device = ? ORDER BY first",
        (device,),
    ).fetchall()
    return [_row(r) for r in rows]


def stored(conn: sqlite3.Connection, device: str, first: str) -> Span | None:
    row = conn.execute(
        "SELECT device, first, last, count, root, signature, gaps FROM spans"
        " WHERE device = ? AND first = ?",
        (device, first),
    ).fetchone()
    return _row(row) if row is not None else None


def held_ids(conn: sqlite3.Connection, span: Span) -> list[bytes]:
    rows = conn.execute(
        "SELECT id FROM changes WHERE device = ? AND hlc >= ? AND hlc <= ? ORDER BY hlc",
        (span.device, span.first, span.last),
    ).fetchall()
    return [bytes.fromhex(r[0]) for r in rows]


def tree_here(conn: sqlite3.Connection, span: Span) -> Tree:
    """The span as this notebook knows it: its log's changes, and its gaps."""
    return tree_from(span.count, held_ids(conn, span), span.gaps)


def keep(conn: sqlite3.Connection, span: Span) -> None:
    conn.execute(
        "INSERT INTO spans (device, first, last, count, root, signature, gaps)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device, first) DO UPDATE SET gaps = excluded.gaps",
        (
            span.device,
            span.first,
            span.last,
            span.count,
            span.root,
            span.signature,
            json.dumps(span.gaps),
        ),
    )


def forget(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> None:
    """Before the changes `where` picks leave the log: each span they belong to keeps their ids
    among its gaps, so that the rest of it can still be proved."""
    rows = conn.execute(f"SELECT id, hlc, device FROM changes WHERE {where}", params).fetchall()
    by_span: dict[tuple[str, str], list[str]] = {}
    for change_id, stamp, device in rows:
        found = conn.execute(
            "SELECT first FROM spans WHERE device = ? AND first <= ? AND last >= ?"
            " ORDER BY first DESC LIMIT 1",
            (device, stamp, stamp),
        ).fetchone()
        if found is not None:
            by_span.setdefault((device, found[0]), []).append(change_id)
    for (device, first), ids in by_span.items():
        span = stored(conn, device, first)
        assert span is not None
        try:
            tree = tree_here(conn, span)
        except ValueError:
            # an import under way brought more of this span: it keeps the span anew once read
            continue
        position_of = {leaf: p for p, leaf in tree.leaves.items()}
        for change_id in ids:
            span.gaps.append([position_of[bytes.fromhex(change_id)], change_id])
        keep(conn, span)
