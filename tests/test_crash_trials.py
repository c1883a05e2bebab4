"""A handful of the kill -9 trials of tests/crash_trials.py (which runs a hundred and more)."""

from __future__ import annotations

from tests.crash_trials import trials


def test_backup_and_restore_survive_kill_9_at_random_moments() -> None:
    figures = trials(9, seed=7, households=1_500)
    assert sum(figures.values()) >= 3  # some kills did land while dyz was at work
