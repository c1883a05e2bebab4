"""Messages say what is so: an empty notebook is not "all on time", a second `dyz init` that
renames says so, and a flat typed with a letter for a digit is not offered for registering."""

from __future__ import annotations

import json

from tests.conftest import Runner


def test_today_on_an_empty_notebook_says_there_is_nobody_yet(dyz: Runner) -> None:
    dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    text = dyz("today").stdout
    assert "都按时巡查了" not in text and "今天没有该去的户" not in text, text
    assert "还没有住户" in text and "dyz household import" in text, text
    assert "还没有登记住户" in text, text
    assert json.loads(dyz("today", "--format", "json").stdout)["no_households"] is True


def test_today_with_households_still_says_all_on_time(dyz: Runner, estate: str) -> None:
    dyz("visit", "add", "2-2-301")
    dyz("patrol", "--unit", "2-2", "--all-clear")
    text = dyz("today").stdout
    assert "都按时巡查了" in text and "还没有住户" not in text


def test_init_run_again_with_new_names_says_what_it_changed(dyz: Runner) -> None:
    dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    again = dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑").stderr
    assert "数据未动" in again and "已改" not in again
    renamed = dyz("init", "--community", "新芙蓉社区", "--device-name", "李秀兰的电脑").stderr
    assert "数据未动" not in renamed, renamed
    assert "已改社区名称为“新芙蓉社区”（原为“芙蓉南路社区”）" in renamed, renamed
    assert "已改本机名称为“李秀兰的电脑”（原为“王建国的电脑”）" in renamed, renamed
    english = dyz("--lang", "en", "init", "--community", "芙蓉社区").stderr
    assert "untouched" not in english and "Community name changed to “芙蓉社区”" in english


def test_a_letter_for_a_digit_in_a_flat_is_said_to_be_mistyped(dyz: Runner, stairwell: str) -> None:
    line = dyz("household", "show", "2-2-3O1", code=1).stderr.strip()
    assert "像是打错了" in line and "是不是 2-2-301" in line, line
    assert "household add" not in line, line
    lower_l = dyz("household", "show", "2-2-3l1", code=1).stderr.strip()
    assert "像是打错了" in lower_l and "household add" not in lower_l, lower_l
    assert "是不是" not in lower_l  # 2-2-311 is not registered: nothing to suggest
    unknown = dyz("household", "show", "2-2-901", code=1).stderr
    assert "dyz household add 2-2-901" in unknown
