"""Every printed page asks for fonts the office's laptops have: Windows (Microsoft YaHei, SimHei,
SimSun), Kylin and UOS (Noto or Source Han, WenQuanYi), other Linux; the 整改通知书 is an
official document, its body set in 仿宋 (GB/T 9704-2012) where the laptop has it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Runner

WINDOWS = ("Microsoft YaHei", "SimHei")
KYLIN_UOS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


@pytest.fixture
def demo(dyz: Runner, tmp_path: Path) -> list[str]:
    db = ["--db", str(tmp_path / "demo.db")]
    dyz("demo", "--to", db[1])
    return db


def page(dyz: Runner, tmp_path: Path, *command: str) -> str:
    target = tmp_path / "纸.html"  # a ledger is printed as the file's suffix says
    dyz(*command, "-o", str(target))
    return target.read_text(encoding="utf-8")


def stacks(html: str) -> list[list[str]]:
    """Each font-family the page's style asks for, as its list of faces."""
    style = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    return [
        [face.strip().strip("\"'") for face in found.split(",")]
        for found in re.findall(r"font-family:\s*([^;}]+)", style)
    ]


PAGES = {
    "report": ("report", "--week", "2026-W46", "-f", "html"),
    "agenda": ("council", "agenda", "--date", "2026-11-26", "-f", "html"),
    "walk sheet": ("visit", "due", "--not-due", "--on", "2026-11-26", "-f", "html"),
    "card": ("card", "--unit", "2-2", "-f", "html"),
    "ledger": ("ledger", "hazards", "--from", "2026-11-01", "--to", "2026-11-30", "--all"),
}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_asks_for_fonts_of_windows_and_of_kylin_and_uos(
    dyz: Runner, demo: list[str], tmp_path: Path, name: str
) -> None:
    found = stacks(page(dyz, tmp_path, *demo, *PAGES[name]))
    assert found, name
    for faces in found:
        assert set(WINDOWS) <= set(faces) and set(KYLIN_UOS) <= set(faces), (name, faces)
        assert faces[-1] in ("sans-serif", "serif"), faces


def test_the_notice_is_set_in_fangsong_where_the_laptop_has_it(
    dyz: Runner, dyz_json, demo: list[str], tmp_path: Path
) -> None:
    hazard = dyz_json(*demo, "hazard", "list")[0]
    found = stacks(page(dyz, tmp_path, *demo, "hazard", "notice", hazard["id"][:8], "-f", "html"))
    body = [faces for faces in found if faces[0] == "FangSong"]
    assert body, found
    faces = body[0]
    assert faces.index("FangSong") < faces.index("Noto Serif CJK SC")  # Windows first, then
    assert "FangSong_GB2312" in faces and faces[-1] == "serif"  # older offices, then a serif
