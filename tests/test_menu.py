"""`dyz` alone: a Chinese menu of the day's work in a terminal, short help without one. The
menu is driven in a real pseudo-terminal through one job of each kind; each job ends by
showing the command that does the same."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.terminal import Terminal

ENTER = "\r"
DOWN = "\x1b[B"
ESC = "\x1b"

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
    menu.send("2")  # this week so far
    menu.wait_for("每周汇总")
    menu.wait_for("下次可以直接输入：dyz report --week 本周")
    menu.wait_for("把周报存成可打印的网页吗？")
    menu.send("否")

    choose(menu, "7")  # households and the roster
    menu.wait_for("住户和名册：做什么？")
    menu.send("3")  # a unit's households
    menu.wait_for("2-2-301")
    menu.wait_for("下次可以直接输入：dyz household list --unit 2-2")

    choose(menu, "9")  # exchange, help
    menu.wait_for("做什么？")
    menu.send("1")  # export
    menu.wait_for("给谁？")
    menu.send(ENTER)  # the community office, which this laptop has not joined yet
    menu.wait_for("本机还没有加入社区办公室")

    choose(menu, "8")  # the volunteer team: a service given
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

    choose(menu, "9")
    menu.wait_for("做什么？")
    menu.send("3")  # help
    menu.wait_for("用法：dyz")
    menu.wait_for("下次可以直接输入：dyz --help")

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

    choose(menu, "\x1b[A" + ENTER)  # up from the first entry: the last, 0. 退出
    menu.process.wait(timeout=20)
    assert menu.process.returncode == 0

    assert {h["kind"] for h in dyz_json("hazard", "list")} == {"flying_wire", "flammables"}
    [given] = dyz_json("service", "list")
    assert (given["volunteer"], given["household"], given["hours"]) == ("左师傅", "2-2-301", "1.5")
    assert [(p["household"], p["category"]) for p in dyz_json("petition", "list")] == [
        ("2-2-302", "repair")
    ]
    assert [v["outcome"] for v in dyz_json("visit", "list")] == ["declined"]
    # the office's name, on a laptop of no office: no plain bundle for no one
    assert not list(tmp_path.glob("*.yaml")), "the export wrote a bundle"


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
    choose(menu, "9")  # exchange
    menu.wait_for("做什么？")
    menu.send("2")  # import
    menu.wait_for("数据包文件在哪里")
    menu.send(str(notes) + ENTER)
    screen = menu.wait_for("要做什么？")  # back at the menu, the error said on the way
    after = screen[screen.rfind("数据包文件在哪里") :]
    assert "数据包 " in after and "不能导入" in after
    assert "下次可以直接输入：dyz import" not in after


def test_every_screen_numbers_at_most_nine_and_shows_0_for_back_or_quit(menu: Terminal) -> None:
    """A digit answers at once: with eleven entries 10 and 11 could never be typed (1 took
    the first). Every screen has one-digit entries, and 0 返回 or 0 退出 last; 0, q and Esc
    go back from a sub-menu."""
    screen = menu.wait_for("0. 退出")
    top = screen[screen.rfind("要做什么？") :]
    assert "9. 和别的电脑交换数据、帮助" in top and "10." not in top
    assert "0、q 或 Esc：退出" in top
    subs = (("7", "住户和名册：做什么？", "0"), ("8", "看什么，做什么？", "q"))
    subs += (("9", "做什么？", ESC), ("3", "巡查还是登记隐患？", "0"), ("6", "哪一周？", "q"))
    for key, question, back in subs:
        menu.send(key)
        menu.wait_for(question)
        screen = menu.wait_for("0. 返回")
        assert "0、q 或 Esc：返回" in screen[screen.rfind(question) :]
        assert "10." not in screen[screen.rfind(question) :]
        menu.send(back)
        menu.wait_for("要做什么？")  # back at the menu
        menu.wait_for("0. 退出")
    menu.send(ESC)
    assert menu.process.wait(timeout=20) == 0


# -- the menu driven in this process through prompt_toolkit's pipe input ----------------------


def drive(*keys: str, hang_up: float = 15.0) -> tuple[list[str], float]:
    """Run the menu on these keys, typed one after another (a pause after Esc, as a person
    makes, or it would begin the next key's sequence); returns what it echoed and how long
    it took. The terminal is closed `hang_up` seconds on: a key the menu ignores ends as a
    closed terminal would, never as a hung test."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from typer.main import get_command

    from danyuanzhang.cli import app
    from danyuanzhang.cli.common import State
    from danyuanzhang.cli.menu import run_menu
    from danyuanzhang.visits.interview import Asker

    shown: list[str] = []
    with create_pipe_input() as pipe:

        def type_keys() -> None:
            for key in keys:
                pipe.send_text(key)
                time.sleep(1.0 if key == ESC else 0.05)

        typist = threading.Thread(target=type_keys)
        timer = threading.Timer(hang_up, pipe.close)
        started = time.monotonic()
        typist.start()
        timer.start()
        ctx = get_command(app).make_context("dyz", [])
        ctx.obj = State(None)
        try:
            with ctx:
                run_menu(ctx, Asker(pipe, DummyOutput(), shown.append))
        finally:
            timer.cancel()
            typist.join()
    return [line.strip() for line in shown], time.monotonic() - started


@pytest.mark.parametrize("key", ["0", "q", ESC])
def test_0_q_and_esc_leave_the_menu(estate: str, key: str) -> None:
    shown, took = drive(key)
    assert shown == ["» 退出"]
    assert took < 10, "the menu waited for the terminal to close"


def test_in_a_sub_menu_0_and_q_go_back_to_the_menu(stairwell: str, capsys) -> None:
    # Esc in a sub-menu is tried in the real terminal above: a pipe flushes a lone Esc only
    # in the first question it feeds
    shown, _ = drive("7", "q", "9", "0", "0")
    assert shown == ["» 住户和名册", "» 返回", "» 和别的电脑交换数据、帮助", "» 返回", "» 退出"]
    assert "下次可以直接输入" not in capsys.readouterr().err  # nothing was run


def test_the_menu_imports_the_roll_on_a_new_notebook(
    dyz: Runner, dyz_json, tmp_path: Path, capsys
) -> None:
    from danyuanzhang.upkeep.demo import examples_dir

    dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    roll = tmp_path / "花名册.csv"
    shutil.copy(examples_dir() / "households.csv", roll)
    # no estate on record yet: asked, and Enter leaves it to the roll's 小区 column
    drive("7", "1", f"{roll}{ENTER}", ENTER, "0")
    told = capsys.readouterr().err
    assert "导入完成：" in told
    assert f"下次可以直接输入：dyz household import {roll}" in told
    assert "1-1-101" in {h["ref"] for h in dyz_json("household", "list")}


def test_the_menu_registers_a_household_and_who_lives_there(
    stairwell: str, dyz_json, capsys
) -> None:
    shown, _ = drive(
        "7",
        "2",  # register a household
        "2-2" + ENTER,  # no room: asked again
        "-501" + ENTER,
        "陈桂兰" + ENTER,
        "1380000" + ENTER,  # too short: asked again
        "1111" + ENTER,
        "1946" + ENTER,
        "独居老人" + ENTER,
        "陈小明" + ENTER,
        ENTER,  # no phone
        ENTER,  # year not known
        "租户、需帮扶" + ENTER,
        ENTER,  # everyone is in
        "0",
    )
    assert any("房号“2-2”看不懂" in line for line in shown)
    assert any("电话“1380000”不对" in line for line in shown)
    told = capsys.readouterr().err
    assert "下次可以直接输入：dyz household add 2-2-501" in told
    assert (
        "下次可以直接输入：dyz resident add 2-2-501 --name 陈桂兰 --phone 13800001111"
        " --born 1946 --flag 独居老人"
    ) in told
    assert "dyz resident add 2-2-501 --name 陈小明 --flag 租户 --flag 需帮扶" in told
    flat = dyz_json("household", "show", "2-2-501")
    people = {r["name"]: r for r in flat["residents"]}
    assert set(people) == {"陈桂兰", "陈小明"}
    assert people["陈桂兰"]["flags"] == ["elderly_alone"]
    assert sorted(people["陈小明"]["flags"]) == ["needs_help", "tenant"]


def test_the_report_offers_the_printable_page_and_says_where_it_is(
    dyz: Runner, stairwell: str, tmp_path: Path, capsys
) -> None:
    dyz("visit", "add", "2-2-301")
    drive("6", "2", "是", ENTER, "0")  # this week; save it; the name offered
    told = capsys.readouterr()
    assert "每周汇总" in told.out
    [page] = tmp_path.glob("周报*.html")
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert f"已写入 {page}" in told.err
    assert f"dyz report --week 本周 --format html -o {page}" in told.err
    assert "用浏览器打开这个文件，就能打印。" in told.err


def test_the_printable_page_goes_into_a_folder_named_for_it(
    stairwell: str, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "打印"
    folder.mkdir()
    drive("6", "1", "是", "\x15" + str(folder) + ENTER, "0")  # Ctrl-U clears the offered name
    told = capsys.readouterr().err
    assert "下次可以直接输入：dyz report --week\n" in told
    [page] = folder.glob("周报*.html")
    assert f"已写入 {page}" in told


def test_the_readme_shows_the_menu_as_it_is() -> None:
    import re

    from danyuanzhang.cli.menu import main_entries

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    listing = readme[
        readme.index("? 要做什么？") : readme.index("```", readme.index("? 要做什么？"))
    ]
    shown = re.findall(r"^ (?:»| ) (\d)\. (\S+)$", listing, flags=re.M)
    entries = [(str(n), label) for n, (label, _) in enumerate(main_entries(), start=1)]
    assert shown == [*entries, ("0", "退出")]


def test_with_several_estates_registering_a_flat_asks_which(
    dyz: Runner, dyz_json, estate: str, capsys
) -> None:
    dyz("household", "add", "1-1-101", "--estate", "书香苑")
    drive("7", "2", "1", "3-1-101" + ENTER, ENTER, "0")  # 书香苑 (listed first), no resident
    drive("7", "2", "3", "桂花园" + ENTER, "5-1-101" + ENTER, ENTER, "0")  # another estate
    told = capsys.readouterr().err
    assert "下次可以直接输入：dyz household add 3-1-101 --estate 书香苑" in told
    assert "下次可以直接输入：dyz household add 5-1-101 --estate 桂花园" in told
    homes = {(h["estate"], h["ref"]) for h in dyz_json("household", "list")}
    assert {("书香苑", "3-1-101"), ("桂花园", "5-1-101")} <= homes


def test_the_units_offered_begin_with_the_laptop_s_own(dyz: Runner, stairwell: str) -> None:
    """Asked which unit, the menu lists the unit this laptop looks after first (where the
    pointer starts), not the first of the estate."""
    from typer.main import get_command

    from danyuanzhang.cli import app
    from danyuanzhang.cli.common import State
    from danyuanzhang.cli.menu import units_ours_first

    dyz("household", "add", "1-1-101", "--estate", stairwell)
    dyz("household", "add", "3-1-101", "--estate", stairwell)
    ctx = get_command(app).make_context("dyz", [])
    ctx.obj = State(None)
    with ctx:
        assert units_ours_first(ctx) == ["1-1", "2-2", "3-1"]
    dyz("init", "--name", "周玉梅", "--unit", "2-2")
    ctx = get_command(app).make_context("dyz", [])
    ctx.obj = State(None)
    with ctx:
        assert units_ours_first(ctx) == ["2-2", "1-1", "3-1"]
