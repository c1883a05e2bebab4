"""A few of the single-bit flips of tests/damage_trials.py (which runs a hundred)."""

from __future__ import annotations

from tests.damage_trials import trials


def test_no_flipped_bit_goes_silently_unnoticed() -> None:
    figures = trials(12, seed=5, households=120)
    assert figures["silent"] == 0
    assert figures["refused"] + figures["found"] > 0  # some flips did damage, and were told
