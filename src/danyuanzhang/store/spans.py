"""Which changes a laptop really made: spans of its changes, signed by it.

A bundle's signature covers what its sender made; a change it relays from another laptop is
covered by that laptop's own signature, over a *span*: every change the laptop made with a
stamp from `first` to `last`, `count` of them (at most SPAN_MOST), in the order of their
stamps. The laptop signs the root of a Merkle tree over their ids (RFC 6962's tree, hashes
of 16 bytes), so that a bundle carrying only some of them proves the rest with the roots of
the subtrees it leaves out. docs/bundle-format.md, "Spans", gives every byte.

A laptop keeps every span it made or received with what it has learnt of its tree: the ids
at the positions it has seen, and the roots of subtrees it was given. What it learns is only
ever added to (a fact checked against the signed root stays true), so it can always prove
again any part of what it was once proved, whatever its log has lost since (an erasure, a
revoked laptop's withdrawn changes).
"""

from __future__ import annotations

import base64
import re
import sqlite3
import struct
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import sha256

SPAN_MOST = 4096  # changes in one span: a bundle proves one change of it in 12 hashes
HASH_BYTES = 16
_RUN = re.compile(r"([0-9]{1,4})(?:-([0-9]{1,4}))?")
_PROOF = re.compile(r"[A-Za-z0-9_-]*")
_LEAF = struct.Struct(">I16s")
_NODE = struct.Struct(">II16s")


class CannotProve(Exception):
    """What a bundle would need to prove part of a span is not known here."""


@dataclass
class Span:
    first: str
    last: str
    count: int
    root: str  # hex; a bundle does not carry it: its reader computes it (`check`)
    # the stamp after which its laptop signs every change it makes ("": all of them); what it
    # made before it had a key (a notebook of an earlier version) is judged without a span
    signs_after: str = ""
    signature: str = ""
    # in a bundle: the positions of the changes it carries, and the roots of the subtrees
    # over the rest, in the order `Tree.proof` walks the tree
    at: list[int] = field(default_factory=list)
    proof: list[bytes] = field(default_factory=list)

    @property
    def device(self) -> str:
        return self.first[-32:]

    def signed_text(self) -> str:
        return "\x1f".join(
            ("dyz-span", self.first, self.last, str(self.count), self.signs_after, self.root)
        )


def as_written(span: Span) -> tuple[str, ...]:
    """A span as a bundle writes it: its stamps after the first without their laptop's id,
    no root (the reader computes it), the positions carried and the proof."""
    return (
        span.first,
        span.last[:-33],
        str(span.count),
        span.signs_after[:-33],
        span.signature,
        at_text(span.at),
        proof_text(span.proof),
    )


def leaf_hash(change_id: bytes) -> bytes:
    return sha256(b"\x00" + change_id).digest()[:HASH_BYTES]


def node_hash(left: bytes, right: bytes) -> bytes:
    return sha256(b"\x01" + left + right).digest()[:HASH_BYTES]


def full_root(ids: Sequence[bytes]) -> bytes:
    """The root over all of a span's ids, level by level: the same tree as RFC 6962's (an
    odd node goes up a level as it is), without a call per node."""
    level = [sha256(b"\x00" + i).digest()[:HASH_BYTES] for i in ids]
    while len(level) > 1:
        paired = [
            sha256(b"\x01" + a + b).digest()[:HASH_BYTES]
            for a, b in zip(level[0::2], level[1::2], strict=False)
        ]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def split(size: int) -> int:
    """RFC 6962: the largest power of two smaller than `size`."""
    k = 1
    while k * 2 < size:
        k *= 2
    return k


class Tree:
    """What is known of a span's tree: ids at positions, and roots of subtrees."""

    def __init__(
        self, count: int, leaves: dict[int, bytes], nodes: dict[tuple[int, int], bytes]
    ) -> None:
        self.count = count
        self.leaves = leaves
        self.nodes = nodes

    def root_of(self, lo: int, hi: int) -> bytes:
        known = self.nodes.get((lo, hi))
        if known is not None:
            return known
        if hi - lo == 1:
            leaf = self.leaves.get(lo)
            if leaf is None:
                raise CannotProve
            return leaf_hash(leaf)
        k = lo + split(hi - lo)
        return node_hash(self.root_of(lo, k), self.root_of(k, hi))

    def root(self) -> bytes:
        return self.root_of(0, self.count)

    def proof(self, carried: Sequence[int]) -> list[bytes]:
        """The roots a bundle carrying the changes at `carried` (sorted) gives for the rest:
        of every largest subtree holding none of them, left to right."""
        found: list[bytes] = []

        def walk(lo: int, hi: int) -> None:
            i = bisect_left(carried, lo)
            if i == len(carried) or carried[i] >= hi:
                found.append(self.root_of(lo, hi))
            elif hi - lo > 1:
                k = lo + split(hi - lo)
                walk(lo, k)
                walk(k, hi)

        walk(0, self.count)
        return found


def check(count: int, at: Sequence[int], carried: Sequence[bytes], proof: Sequence[bytes]) -> Tree:
    """The tree a bundle shows: `carried` (the ids it carries, in stamp order) at the
    positions `at` (sorted), and the roots of the rest in `proof`. Raises ValueError when they
    do not fill the tree exactly; the caller checks the root against the signature."""
    if len(at) != len(carried):
        raise ValueError("carried")
    if len(carried) == count and not proof:
        return Tree(count, dict(enumerate(carried)), {(0, count): full_root(carried)})
    leaves = dict(zip(at, carried, strict=True))
    nodes: dict[tuple[int, int], bytes] = {}
    given = iter(proof)

    def walk(lo: int, hi: int) -> bytes:
        i = bisect_left(at, lo)
        if i == len(at) or at[i] >= hi:
            digest = next(given, None)
            if digest is None:
                raise ValueError("fewer")
            nodes[(lo, hi)] = digest
            return digest
        if hi - lo == 1:
            return leaf_hash(leaves[lo])
        k = lo + split(hi - lo)
        return node_hash(walk(lo, k), walk(k, hi))

    root = walk(0, count)
    if next(given, None) is not None:
        raise ValueError("more")
    nodes[(0, count)] = root
    return Tree(count, leaves, nodes)


def at_text(at: Sequence[int]) -> str:
    """Positions as runs: "0-3,17,40-41"."""
    runs: list[list[int]] = []
    for p in at:
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ",".join(f"{lo}-{hi}" if hi > lo else f"{lo}" for lo, hi in runs)


def read_at(text: str, count: int) -> list[int]:
    """The positions `at_text` writes, rising and within the span; ValueError otherwise."""
    found: list[int] = []
    if not text:
        return found
    for run in text.split(","):
        match = _RUN.fullmatch(run)
        if match is None:
            raise ValueError(run)
        lo = int(match[1])
        hi = int(match[2]) if match[2] is not None else lo
        if not (found[-1] + 1 if found else 0) <= lo <= hi < count:
            raise ValueError(run)
        found.extend(range(lo, hi + 1))
    return found


def proof_text(proof: Sequence[bytes]) -> str:
    return base64.urlsafe_b64encode(b"".join(proof)).decode("ascii").rstrip("=")


def read_proof(text: str) -> list[bytes]:
    """The roots `proof_text` writes; ValueError when it is not that."""
    if not _PROOF.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("proof")
    joined = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if len(joined) % HASH_BYTES or proof_text([joined]) != text:
        raise ValueError("proof")
    return [joined[i : i + HASH_BYTES] for i in range(0, len(joined), HASH_BYTES)]


# -- in the notebook -------------------------------------------------------------------------


def bounds(conn: sqlite3.Connection, device: str) -> list[tuple[str, str]]:
    """(first, last) of every span of `device` kept here, in order."""
    rows = conn.execute(
        "SELECT first, last FROM spans WHERE device = ? ORDER BY first", (device,)
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def stored(conn: sqlite3.Connection, device: str, first: str) -> tuple[Span, Tree] | None:
    row = conn.execute(
        "SELECT first, last, count, root, signs_after, signature, leaves, nodes FROM spans"
        " WHERE device = ? AND first = ?",
        (device, first),
    ).fetchone()
    if row is None:
        return None
    span = Span(row[0], row[1], int(row[2]), row[3], row[4], row[5])
    leaves = {p: i for p, i in _LEAF.iter_unpack(row[6])}
    nodes = {(lo, hi): d for lo, hi, d in _NODE.iter_unpack(row[7])}
    return span, Tree(span.count, leaves, nodes)


def signs_after(
    conn: sqlite3.Connection, device: str, verify: Callable[[Span], bool]
) -> str | None:
    """Whether `device` is known here to sign its changes, by a span of it that its key was
    seen to sign, and since when (its `signs_after`); None if not. A span kept unchecked (its
    key was not known then) is checked now with `verify`: one that fails is not its laptop's,
    and goes, so that no made-up span can hide that the laptop signs."""
    row = conn.execute(
        "SELECT signs_after FROM spans WHERE device = ? AND checked = 1 LIMIT 1", (device,)
    ).fetchone()
    if row is not None:
        return str(row[0])
    unchecked = conn.execute(
        "SELECT first, last, count, root, signs_after, signature FROM spans"
        " WHERE device = ? AND checked = 0",
        (device,),
    ).fetchall()
    for row in unchecked:
        span = Span(row[0], row[1], int(row[2]), row[3], row[4], row[5])
        if verify(span):
            conn.execute(
                "UPDATE spans SET checked = 1 WHERE device = ? AND first = ?", (device, span.first)
            )
            return span.signs_after
        conn.execute("DELETE FROM spans WHERE device = ? AND first = ?", (device, span.first))
    return None


def keep(conn: sqlite3.Connection, span: Span, tree: Tree, checked: bool) -> None:
    """Keep a span, adding what `tree` shows of it to what was known; `checked`: its
    signature was checked with its laptop's key. A span of the same laptop and first stamp
    but another root is not this one: it leaves what is kept, unless what is kept was never
    checked and this one was."""
    had = stored(conn, span.device, span.first)
    leaves, nodes = tree.leaves, tree.nodes
    if had is not None:
        kept, known = had
        was_checked = conn.execute(
            "SELECT checked FROM spans WHERE device = ? AND first = ?", (span.device, span.first)
        ).fetchone()[0]
        if kept.root != span.root or kept.count != span.count:
            if was_checked or not checked:
                return
        elif leaves.keys() <= known.leaves.keys() and nodes.keys() <= known.nodes.keys():
            if checked and not was_checked:
                conn.execute(
                    "UPDATE spans SET checked = 1 WHERE device = ? AND first = ?",
                    (span.device, span.first),
                )
            return
        else:
            leaves = {**known.leaves, **leaves}
            nodes = {**known.nodes, **nodes}
            checked = checked or bool(was_checked)
    conn.execute(
        "INSERT OR REPLACE INTO spans"
        " (device, first, last, count, root, signs_after, signature, leaves, nodes, checked)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            span.device,
            span.first,
            span.last,
            span.count,
            span.root,
            span.signs_after,
            span.signature,
            b"".join(_LEAF.pack(p, i) for p, i in sorted(leaves.items())),
            b"".join(_NODE.pack(lo, hi, d) for (lo, hi), d in sorted(nodes.items())),
            int(checked),
        ),
    )


def seal(changes: Iterable[tuple[str, str]], signs_after: str) -> list[tuple[Span, Tree]]:
    """Spans over (stamp, id) of one laptop's changes, in stamp order, unsigned."""
    made = []
    batch: list[tuple[str, str]] = []
    for change in [*changes, None]:
        if change is not None:
            batch.append(change)
        if batch and (change is None or len(batch) == SPAN_MOST):
            ids = [bytes.fromhex(i) for _, i in batch]
            tree = Tree(len(ids), dict(enumerate(ids)), {})
            span = Span(batch[0][0], batch[-1][0], len(ids), full_root(ids).hex(), signs_after)
            made.append((span, tree))
            batch = []
    return made
