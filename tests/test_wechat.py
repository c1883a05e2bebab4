"""The report and the agenda as a text for the WeChat group: 【】 heads, a fact a line, no
Markdown, no table, flats instead of residents' names, no phone, short messages."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from danyuanzhang.paperwork.wechat import MESSAGE_LIMIT, agenda_messages
from tests.conftest import Runner

MARKDOWN = re.compile(r"^#|\|.*\||\*\*|```|^- ", re.M)


@pytest.fixture
def demo(dyz: Runner, tmp_path: Path) -> list[str]:
    db = ["--db", str(tmp_path / "demo.db")]
    dyz("demo", "--to", db[1])
    return db


def names_in(dyz_json, db: list[str]) -> set[str]:
    return {
        r["name"]
        for h in dyz_json(*db, "household", "list")
        for r in dyz_json(*db, "household", "show", h["ref"])["residents"]
    }


def test_the_report_for_the_group_reads_as_a_message(dyz: Runner, dyz_json, demo) -> None:
    text = dyz(*demo, "report", "--week", "2026-W46", "--scope", "unit:2-2", "-f", "text").stdout
    assert text.startswith("【2栋2单元每周汇总（11月9日—11月15日）】\n")
    assert "【入户走访】" in text and "走访次数：2（上周 3，-1）" in text
    assert "【反诈】" in text and "本周迁入：2 人，其中 2 人还没讲过骗术（哪几户见纸质版）" in text
    assert not MARKDOWN.search(text), MARKDOWN.search(text)
    assert not re.search(r"1[3-9][0-9]{9}", text)
    assert len(text) < MESSAGE_LIMIT and "（1/" not in text  # one message
    community = dyz(*demo, "report", "--week", "2026-W46", "-f", "text").stdout
    for name in names_in(dyz_json, demo):
        assert name not in text and name not in community, name


def test_the_agenda_for_the_group_leaves_the_residents_words_on_paper(
    dyz: Runner, demo, tmp_path: Path
) -> None:
    target = tmp_path / "议程.txt"
    dyz(*demo, "council", "agenda", "--date", "2026-11-26", "-f", "text", "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("【“小巷回声”议事会议程（2026年11月26日）】\n芙蓉南路社区\n")
    assert "【待议事项】\n1. 环境卫生，3-1，1 户，已等 16 天\n" in text
    assert "“" not in text.split("\n", 1)[1]  # no resident's words quoted
    assert not MARKDOWN.search(text)


def test_a_long_text_is_split_into_numbered_messages() -> None:
    data = {
        "date": "2026-11-26",
        "community": "芙蓉南路社区",
        "matters": [
            {"category": "parking", "unit": f"{n}-1", "households": n, "waiting_days": n}
            for n in range(1, 120)
        ],
        "proposals": [{"text": "在楼侧划一块电动车停放区域，装上充电桩" * 3, "waiting_days": 3}],
    }
    messages = agenda_messages(data)
    assert len(messages) >= 2
    for n, message in enumerate(messages, start=1):
        assert len(message) <= MESSAGE_LIMIT
        assert message.startswith(f"（{n}/{len(messages)}）")
    joined = "\n".join(messages)
    assert all(f"{n}. 停车，{n}-1，" in joined for n in range(1, 120))  # nothing lost


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_at_a_terminal_the_text_is_offered_for_the_clipboard(
    dyz: Runner, demo, tmp_path: Path
) -> None:
    """With a clipboard on the system (here a stand-in xclip that keeps what it is given),
    the message is offered for it and, answered 是, put on it."""
    from tests.terminal import Terminal

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    kept = tmp_path / "clipboard.txt"
    fake = bin_dir / "xclip"
    fake.write_text(f"#!/bin/sh\ncat > '{kept}'\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "DISPLAY": ":99"}
    env.pop("WAYLAND_DISPLAY", None)
    terminal = Terminal([*demo, "report", "--week", "2026-W46", "--scope", "unit:2-2", "-f",
                         "text"], env, tmp_path)  # fmt: skip
    try:
        terminal.wait_for("复制到剪贴板，好贴到微信群？（是／否，直接回车＝是）")
        terminal.send("是\r")
        terminal.wait_for("已复制，到微信群里粘贴即可。")
        assert terminal.process.wait(timeout=20) == 0
    finally:
        terminal.close()
    copied = kept.read_text(encoding="utf-8")
    assert copied.startswith("【2栋2单元每周汇总") and "【入户走访】" in copied
