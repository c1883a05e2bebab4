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
    check,
    full_root,
    keep,
    proof_text,
    read_proof,
    seal,
    stored,
)

DEVICE = "0dcdea35ae274c97886ace10903b0952"


def ids(count: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest()[:16] for i in range(count)]


def whole(count: int) -> Tree:
    return Tree(count, dict(enumerate(ids(count))), {})


def shown(tree: Tree, carried: set[int]) -> Tree:
    """What a receiver learns from a bundle carrying the changes at `carried`."""
    at = sorted(carried)
    proof = read_proof(proof_text(tree.proof(at)), tree.count)  # as written and read back
    return check(tree.count, [ids(tree.count)[p] for p in at], proof)


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
    again = check(count, [relay.leaves[p] for p in part], relay.proof(part))
    assert again.root() == span.root()


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 300), st.data())
def test_a_changed_dropped_or_added_change_does_not_give_the_root(count: int, data) -> None:
    span = whole(count)
    carried = sorted(data.draw(st.sets(st.integers(0, count - 1), min_size=1)))
    proof = span.proof(carried)
    leaves = [ids(count)[p] for p in carried]
    how = data.draw(st.sampled_from(["changed", "dropped", "added"]))
    if how == "changed":
        leaves[data.draw(st.integers(0, len(leaves) - 1))] = b"\xff" * 16
    elif how == "dropped":
        leaves.pop(data.draw(st.integers(0, len(leaves) - 1)))
    else:
        leaves.insert(data.draw(st.integers(0, len(leaves))), b"\xee" * 16)
    try:
        root = check(count, leaves, proof).root()
    except ValueError:
        return  # the positions do not add up: refused
    assert root != span.root()


def test_a_proof_that_does_not_fit_the_tree_is_refused() -> None:
    span = whole(8)
    proof = span.proof([0])
    with pytest.raises(ValueError):  # a subtree the walk never reaches
        check(8, [ids(8)[0]], [*proof, (5, 6, b"\x00" * 16)])
    with pytest.raises(ValueError):
        read_proof("0-9-" + "A" * 22, 8)  # beyond the span
    with pytest.raises(ValueError):
        read_proof("0-1-short", 8)


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
    keep(conn, span, shown(span_tree, {1, 2}))
    keep(conn, span, shown(span_tree, {7}))
    kept = stored(conn, DEVICE, span.first)
    assert kept is not None
    _, tree = kept
    assert set(tree.leaves) == {1, 2, 7}
    assert check(10, [ids(10)[2], ids(10)[7]], tree.proof([2, 7])).root() == span_tree.root()
    # another root under the same first stamp is not this span: what was kept stays
    keep(conn, Span(span.first, span.last, 10, "00" * 16, "", "x"), whole(10))
    assert stored(conn, DEVICE, span.first)[0].root == span.root  # type: ignore[index]
