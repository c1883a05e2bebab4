"""At 80 columns, what dyz says on a terminal is broken into lines it chose, at a space or
between Chinese characters: a terminal left to cut at its edge splits "everything", a date
or an id wherever the edge falls."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def screen_of(args: list[str], tmp_path: Path) -> list[str]:
    terminal = Terminal(args, dict(os.environ), tmp_path, columns=80)
    try:
        assert terminal.process.wait(timeout=30) == 0
        return terminal.read().splitlines()
    finally:
        terminal.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_messages_and_the_notice_fit_eighty_columns(
    dyz: Runner, stairwell: str, tmp_path: Path, lang: str
) -> None:
    from danyuanzhang.text.width import display_width

    dyz("init", "--name", "周玉梅", "--unit", "2-2")
    said = dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 5楼窗口", "--household",
               "2-2-301", "--note", "从五楼窗口拉电线下来给楼下的电动车充电，电线挂在三楼的晾衣架上",
               "--days", "3").stderr  # fmt: skip
    hazard = said.split("编号 ")[1][:8]
    lines = screen_of(["--lang", lang, "today"], tmp_path)
    lines += screen_of(["--lang", lang, "hazard", "notice", hazard], tmp_path)
    lines += screen_of(["--lang", lang, "patrol", "--unit", "2-2", "--all-clear"], tmp_path)
    too_wide = [line for line in lines if display_width(line) > 80]
    assert lines and not too_wide
    shown = "\n".join(lines)
    assert ("everything)" in shown) if lang == "en" else ("看全部加 --all）" in shown)
