"""`dyz` alone: a Chinese menu of the day's work in a terminal, short help without one. The
menu is driven in a real pseudo-terminal through one job of each kind; each job ends by
showing the command that does the same."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.terminal import Terminal

ENTER = "\r"
DOWN = "\x1b[B"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def test_without_a_terminal_dyz_alone_prints_short_help_and_succeeds(dyz: Runner) -> None:
    result = dyz()
    assert result.exit_code == 0
    assert "dyz today" in result.stdout and "dyz --help" in result.stdout
    assert "写法见" not in result.output


@pytest.fixture
def menu(dyz: Runner, stairwell: str, tmp_path: Path) -> Iterator[Terminal]:
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3")
    dyz("volunteer", "add", "--name", "左师傅", "--service", "义务维修")
    terminal = Terminal([], dict(os.environ), tmp_path)
    yield terminal
    terminal.close()


def choose(terminal: Terminal, key: str) -> None:
    terminal.wait_for("要做什么？")
    terminal.send(key)


def test_the_menu_does_one_job_of_each_kind(menu: Terminal, dyz_json, tmp_path: Path) -> None:
    choose(menu, "1")  # today
    menu.wait_for("今天该做的（")
    menu.wait_for("下次可以直接输入：dyz today")

    choose(menu, "3")  # a patrol or a hazard
    menu.wait_for("巡查还是登记隐患？")
    menu.send("2")  # a hazard
    menu.wait_for("什么隐患？")
    menu.send(ENTER)  # a habitual Enter chooses nothing
    menu.wait_for("请选一项")
    menu.send("5")  # 易燃可燃物堆放
    menu.wait_for("在哪里？")
    menu.send("1楼楼道" + ENTER)
    menu.wait_for("几天内整改？")
    menu.send("\x7f" + "７" + ENTER)  # a full-width digit
    menu.wait_for(
        '下次可以直接输入：dyz hazard add --kind 易燃可燃物堆放 --where "2-2 1楼楼道" --days 7'
    )

    choose(menu, "4")  # a need
    menu.wait_for("哪一户？")
    menu.send(DOWN + ENTER)  # 2-2-302
    menu.wait_for("是哪一类的事？")
    menu.send("3")  # repairs
    menu.wait_for("居民说了什么？")
    menu.send("楼道灯坏了" + ENTER)
    menu.wait_for("下次可以直接输入：dyz petition add 2-2-302 --category 维修 --text 楼道灯坏了")

    choose(menu, "5")  # the council
    menu.wait_for("下次可以直接输入：dyz council agenda")

    choose(menu, "6")  # the report
    menu.wait_for("哪一周？")
    menu.send("1")
    menu.wait_for("每周汇总")
    menu.wait_for("下次可以直接输入：dyz report --week 本周")

    choose(menu, "7")  # households
    menu.wait_for("看什么？")
    menu.send("1")
    menu.wait_for("2-2-301")
    menu.wait_for("下次可以直接输入：dyz household list --unit 2-2")

    choose(menu, "8")  # exchange
    menu.wait_for("导出还是导入？")
    menu.send("1")
    menu.wait_for("给谁？")
    menu.send(ENTER)  # the community office
    menu.wait_for("下次可以直接输入：dyz export --for 社区办公室")

    choose(menu, "9")  # the volunteer team: a service given
    menu.wait_for("看什么，做什么？")
    menu.send("2")
    menu.wait_for("哪位志愿者？")
    menu.send("1")  # 左师傅, the only one
    menu.wait_for("哪一户？")
    menu.send(ENTER)  # 2-2-301
    menu.wait_for("做的什么服务？")
    menu.send("4")  # free repairs
    menu.wait_for("多长时间")
    menu.send("1.5" + ENTER)
    menu.wait_for(
        "下次可以直接输入：dyz service add 左师傅 --for 2-2-301 --kind 义务维修 --hours 1.5"
    )

    choose(menu, "\x1b[A\x1b[A" + ENTER)  # up from the first entry twice: help
    menu.wait_for("用法：dyz")

    choose(menu, "2")  # a visit
    menu.wait_for("哪一户？（输入房号")
    menu.send("2-2-401" + ENTER)
    menu.wait_for("这次走访怎么样")
    menu.send("3")  # declined
    menu.wait_for("还有什么要记的")
    menu.send("隔着门说不需要" + ENTER)
    menu.wait_for("保存这次走访吗")
    menu.send("是")
    menu.wait_for("下次可以直接输入：dyz visit")

    choose(menu, "\x1b[A" + ENTER)  # up from the first entry: the last, 退出
    menu.process.wait(timeout=20)
    assert menu.process.returncode == 0

    assert {h["kind"] for h in dyz_json("hazard", "list")} == {"flying_wire", "flammables"}
    [given] = dyz_json("service", "list")
    assert (given["volunteer"], given["household"], given["hours"]) == ("左师傅", "2-2-301", "1.5")
    assert [(p["household"], p["category"]) for p in dyz_json("petition", "list")] == [
        ("2-2-302", "repair")
    ]
    assert [v["outcome"] for v in dyz_json("visit", "list")] == ["declined"]
    assert list(tmp_path.glob("*.yaml")), "the export wrote a bundle"


def test_a_command_missing_a_value_asks_for_it_in_a_terminal(
    dyz: Runner, dyz_json, stairwell: str, tmp_path: Path
) -> None:
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3")
    hazard = dyz_json("hazard", "list")[0]["id"]
    terminal = Terminal(["hazard", "fix"], dict(os.environ), tmp_path)
    try:
        terminal.wait_for("哪一处隐患？")
        terminal.wait_for(f"{hazard[:8]}  飞线充电 2-2 3楼窗外")
        terminal.send(DOWN + ENTER)
        assert terminal.process.wait(timeout=20) == 0
    finally:
        terminal.close()
    assert dyz_json("hazard", "list")[0]["status"] == "rectified"
    terminal = Terminal(["petition", "add", "2-2-302"], dict(os.environ), tmp_path)
    try:
        terminal.wait_for("是哪一类的事？")
        terminal.send(ENTER)  # nothing chosen yet: asked again
        terminal.wait_for("请选一项")
        terminal.send(DOWN * 3 + ENTER)  # 维修
        terminal.wait_for("诉求内容")
        terminal.send("楼道灯坏了" + ENTER)
        assert terminal.process.wait(timeout=20) == 0
    finally:
        terminal.close()
    assert [(p["category"], p["text"]) for p in dyz_json("petition", "list")] == [
        ("repair", "楼道灯坏了")
    ]


def test_without_a_terminal_a_missing_value_is_one_line(dyz: Runner, stairwell: str) -> None:
    from tests.conftest import one_line_error

    assert "--category" in one_line_error(dyz("petition", "add", "2-2-302", code=2))


def test_a_job_that_fails_says_why_and_is_not_offered_as_the_command(
    menu: Terminal, tmp_path: Path
) -> None:
    notes = tmp_path / "购物清单.txt"
    notes.write_text("白菜 两斤\n", encoding="utf-8")
    choose(menu, "8")  # exchange
    menu.wait_for("导出还是导入？")
    menu.send("2")  # import
    menu.wait_for("文件")
    menu.send(str(notes) + ENTER)
    screen = menu.wait_for("要做什么？")  # back at the menu, the error said on the way
    after = screen[screen.rfind("导出还是导入？") :]
    assert "数据包 " in after and "不能导入" in after
    assert "下次可以直接输入：dyz import" not in after
