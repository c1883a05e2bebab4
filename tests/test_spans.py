"""Spans: a laptop's signature over many of its changes at once, and the proof that a bundle
carrying only some of them gives for the rest (store/spans.py)."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from danyuanzhang.store.spans import Tree, tree_from


def ids(count: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest()[:16] for i in range(count)]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 200), st.data())
def test_any_part_carried_with_its_proof_gives_the_whole_span_s_root(count: int, data) -> None:
    leaves = ids(count)
    whole = Tree(count, dict(enumerate(leaves)), {})
    carried = data.draw(st.sets(st.integers(0, count - 1)))
    proof = whole.proof(carried)
    again = tree_from(count, [leaves[p] for p in sorted(carried)], proof)
    assert again.root() == whole.root()
    # and what a relay keeps of it proves any part of that again
    part = data.draw(st.sets(st.sampled_from(sorted(carried)))) if carried else set()
    relayed = tree_from(count, [leaves[p] for p in sorted(part)], again.proof(part))
    assert relayed.root() == whole.root()


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 200), st.data())
def test_a_changed_dropped_or_added_leaf_changes_the_root(count: int, data) -> None:
    leaves = ids(count)
    whole = Tree(count, dict(enumerate(leaves)), {})
    carried = data.draw(st.sets(st.integers(0, count - 1), min_size=1))
    proof = whole.proof(carried)
    shown = [leaves[p] for p in sorted(carried)]
    forged = [*shown]
    forged[data.draw(st.integers(0, len(forged) - 1))] = b"\xff" * 16
    assert tree_from(count, forged, proof).root() != whole.root()
    try:
        short = tree_from(count, shown[:-1], proof)
    except ValueError:
        pass  # the positions do not add up: refused
    else:
        assert short.root() != whole.root()


def test_a_claim_of_a_billion_changes_costs_nothing_to_refuse() -> None:
    try:
        tree_from(10**9, [b"\x00" * 16], [[0, 1, "00" * 32]])
    except ValueError:
        pass
    else:
        raise AssertionError("refused")
