"""`-o 通知.html` alone writes the page: a format left at its default follows the file's name,
on every command that prints a page (the notice's preview tells the user to do just that)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner


@pytest.fixture
def sample(dyz: Runner, tmp_path: Path) -> list[str]:
    from danyuanzhang.upkeep.demo import build_demo

    path = tmp_path / "2-2.db"
    store, _ = build_demo(path)
    store.close()
    db = ["--db", str(path)]
    dyz(*db, "init", "--name", "周玉梅")
    return db


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--week", "2026-W46"),
        ("council", "agenda"),
        ("visit", "due"),
        ("card",),
        ("hazard", "notice", "HAZARD"),
    ],
)
def test_a_page_s_file_name_asks_for_the_page(
    dyz: Runner, dyz_json: Any, sample: list[str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    hazard = dyz_json(*sample, "hazard", "list")[0]["id"][:8]
    page = tmp_path / "页面.html"
    dyz(*sample, *(hazard if word == "HAZARD" else word for word in command), "-o", str(page))
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_format_given_wins_over_the_file_s_name(
    dyz: Runner, sample: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "议程.html"
    dyz(*sample, "council", "agenda", "-f", "md", "-o", str(out))
    assert not out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
