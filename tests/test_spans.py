"""Spans: a laptop's signature over many of its changes at once, and the proof that a bundle
carrying only some of them gives for the rest (store/spans.py)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danyuanzhang.store.migrations import V10
from danyuanzhang.store.spans import (
    SPAN_MOST,
    Span,
    Tree,
    at_text,
    bounds,
    check,
    full_root,
    keep,
    proof_text,
    read_at,
    read_proof,
    seal,
    signs_after,
    stored,
)

DEVICE = "0dcdea35ae274c97886ace10903b0952"


def ids(count: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest()[:16] for i in range(count)]


def whole(count: int) -> Tree:
    return Tree(count, dict(enumerate(ids(count))), {})


def shown(tree: Tree, carried: set[int]) -> Tree:
    """What a receiver learns from a bundle carrying the changes at `carried`."""
    at = read_at(at_text(sorted(carried)), tree.count)  # as written and read back
    proof = read_proof(proof_text(tree.proof(at)))
    return check(tree.count, at, [ids(tree.count)[p] for p in at], proof)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300), st.data())
def test_any_part_carried_with_its_proof_gives_the_span_s_root(count: int, data) -> None:
    span = whole(count)
    assert span.root() == full_root(ids(count))  # RFC 6962's tree, level by level
    carried = data.draw(st.sets(st.integers(0, count - 1)))
    seen = shown(span, carried)
    assert seen.root() == span.root()
    assert set(seen.leaves) == carried


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300), st.data())
def test_what_two_bundles_showed_a_relay_proves_any_part_of_both(count: int, data) -> None:
    """The relay's knowledge is only ever added to: after two bundles carrying different parts
    of one span, it proves any part of what they carried, whatever its log lost since."""
    span = whole(count)
    first = shown(span, data.draw(st.sets(st.integers(0, count - 1))))
    second = shown(span, data.draw(st.sets(st.integers(0, count - 1))))
    relay = Tree(count, {**first.leaves, **second.leaves}, {**first.nodes, **second.nodes})
    held = sorted(relay.leaves)
    part = sorted(data.draw(st.sets(st.sampled_from(held)))) if held else []
    again = check(count, part, [relay.leaves[p] for p in part], relay.proof(part))
    assert again.root() == span.root()


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 300), st.data())
def test_a_changed_dropped_or_added_change_does_not_give_the_root(count: int, data) -> None:
    span = whole(count)
    carried = sorted(data.draw(st.sets(st.integers(0, count - 1), min_size=1)))
    proof = span.proof(carried)
    leaves = [ids(count)[p] for p in carried]
    how = data.draw(st.sampled_from(["changed", "dropped", "added", "moved"]))
    if how == "changed":
        leaves[data.draw(st.integers(0, len(leaves) - 1))] = b"\xff" * 16
    elif how == "dropped":
        leaves.pop(data.draw(st.integers(0, len(leaves) - 1)))
    elif how == "added":
        leaves.insert(data.draw(st.integers(0, len(leaves))), b"\xee" * 16)
    else:  # the same changes claimed at other positions
        moved = sorted(
            data.draw(
                st.sets(st.integers(0, count - 1), min_size=len(carried), max_size=len(carried))
            )
        )
        if moved == carried:
            return
        carried = moved
    try:
        root = check(count, carried, leaves, proof).root()
    except ValueError:
        return  # the positions do not add up: refused
    assert root != span.root()


def test_a_proof_that_does_not_fit_the_tree_is_refused() -> None:
    span = whole(8)
    proof = span.proof([0])
    with pytest.raises(ValueError):  # one root more than the walk takes
        check(8, [0], [ids(8)[0]], [*proof, b"\x00" * 16])
    with pytest.raises(ValueError):  # one fewer
        check(8, [0], [ids(8)[0]], proof[:-1])
    with pytest.raises(ValueError):  # positions for more changes than carried
        check(8, [0, 1], [ids(8)[0]], span.proof([0, 1]))
    for text in ("0-8", "3,2", "2,2", "4-3", "x"):  # beyond the span, not rising, not runs
        with pytest.raises(ValueError):
            read_at(text, 8)
    assert read_at("0-2,5,7", 8) == [0, 1, 2, 5, 7] and at_text([0, 1, 2, 5, 7]) == "0-2,5,7"
    for text in ("A" * 21, "A" * 22 + "=", "A" * 21 + "B", "+/" * 11):  # not 16 bytes each
        with pytest.raises(ValueError):
            read_proof(text)


def test_a_laptop_s_changes_go_into_spans_of_at_most_span_most() -> None:
    changes = [(f"{i:015d}-0000000000-{DEVICE}", ids(SPAN_MOST + 5)[i].hex()) for i in range(5)]
    changes += [
        (f"{i:015d}-0000000000-{DEVICE}", ids(SPAN_MOST + 5)[i].hex())
        for i in range(5, SPAN_MOST + 5)
    ]
    made = seal(changes, "")
    assert [span.count for span, _ in made] == [SPAN_MOST, 5]
    assert made[1][0].first == changes[SPAN_MOST][0] and made[1][0].device == DEVICE


def test_a_kept_span_adds_what_a_later_bundle_shows() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(V10)
    span_tree = whole(10)
    span = Span(f"{0:015d}-0000000000-{DEVICE}", f"{9:015d}-0000000000-{DEVICE}", 10,
                span_tree.root().hex(), "", "x")  # fmt: skip
    keep(conn, span, shown(span_tree, {1, 2}), checked=True)
    keep(conn, span, shown(span_tree, {7}), checked=True)
    kept = stored(conn, DEVICE, span.first)
    assert kept is not None
    _, tree = kept
    assert set(tree.leaves) == {1, 2, 7}
    assert (
        check(10, [2, 7], [ids(10)[2], ids(10)[7]], tree.proof([2, 7])).root() == span_tree.root()
    )
    # another root under the same first stamp is not this span: what was kept stays
    keep(conn, Span(span.first, span.last, 10, "00" * 16, "", "x"), whole(10), checked=True)
    assert stored(conn, DEVICE, span.first)[0].root == span.root  # type: ignore[index]


def test_a_made_up_span_kept_unchecked_cannot_hide_that_its_laptop_signs() -> None:
    """Spans of a laptop whose key was not known are kept unchecked; once the key is known,
    one it did not sign goes, and a real one under the same first stamp takes its place."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(V10)
    tree = whole(10)
    real = Span(f"{5:015d}-0000000000-{DEVICE}", f"{9:015d}-0000000000-{DEVICE}", 10,
                tree.root().hex(), "", "real")  # fmt: skip
    made_up = Span(f"{1:015d}-0000000000-{DEVICE}", f"{2:015d}-0000000000-{DEVICE}", 10,
                   tree.root().hex(), "", "made-up")  # fmt: skip
    keep(conn, made_up, tree, checked=False)
    keep(conn, real, tree, checked=False)
    signed_by_it = lambda span: span.signature == "real"  # noqa: E731
    assert signs_after(conn, DEVICE, signed_by_it) == ""
    assert [first for first, _ in bounds(conn, DEVICE)] == [real.first]
    # under one first stamp: an unchecked one gives way to a checked one, not the other way
    other = Span(real.first, real.last, 10, "11" * 16, "", "other")
    keep(conn, other, whole(10), checked=False)
    assert stored(conn, DEVICE, real.first)[0].signature == "real"  # type: ignore[index]
    conn.execute("DELETE FROM spans")
    keep(conn, other, whole(10), checked=False)
    keep(conn, real, tree, checked=True)
    assert stored(conn, DEVICE, real.first)[0].signature == "real"  # type: ignore[index]
    assert signs_after(conn, DEVICE, lambda _span: False) == ""  # checked: not asked again
