"""The printed service card, rendered by a real browser: one A5 page, no errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.pages import CHROMIUM, REQUIRED, chromium
from tests.test_roster_card import PNG


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="no Chromium on this machine")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_card_prints_on_one_a5_page(
    dyz: Runner, dyz_json, tmp_path: Path, lang: str
) -> None:  # type: ignore[no-untyped-def]
    dyz("demo", "--to", str(tmp_path / "demo.db"))
    photo = tmp_path / "zhou.png"
    photo.write_bytes(PNG)  # a portrait makes the tallest entry: the worst case for one page
    members = dyz_json("--db", str(tmp_path / "demo.db"), "roster", "list", "--role", "unit_head")
    zhou = next(m for m in members if m["scope"] == "2-2")
    dyz("--db", str(tmp_path / "demo.db"), "roster", "edit", zhou["id"][:8], "--photo", str(photo))
    page = tmp_path / "card.html"
    dyz(
        "--lang",
        lang,
        "--db",
        str(tmp_path / "demo.db"),
        "card",
        "--unit",
        "2-2",
        "-f",
        "html",
        "-o",
        str(page),
    )
    pdf = tmp_path / "card.pdf"
    result = chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) == 1
    # A5 is 420 x 595 points
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (420, 595)


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="no Chromium on this machine")
def test_the_walk_sheet_prints_on_a4_pages(dyz: Runner, tmp_path: Path) -> None:
    """`dyz visit due -f html`: the sample community's 72 households on a few A4 pages."""
    demo = str(tmp_path / "demo.db")
    dyz("demo", "--to", demo)
    page = tmp_path / "walk.html"
    dyz(
        "--db",
        demo,
        "visit",
        "due",
        "--not-due",
        "--on",
        "2026-11-26",
        "-f",
        "html",
        "-o",
        str(page),
    )
    assert page.read_text(encoding="utf-8").count("<tr>") == 1 + 72
    pdf = tmp_path / "walk.pdf"
    result = chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert 2 <= len(pages) <= 8  # about fifteen lines a page
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (595, 842)
