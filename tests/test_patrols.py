"""Fire patrols that leave a record (防火巡查记录), "正常" included: `dyz patrol`, the checklist
at the door, problems that become hazards, the units due a patrol, and patrols travelling."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from tests.conftest import Runner, one_line_error, snapshot


def test_a_patrol_that_found_nothing_is_recorded(dyz: Runner, dyz_json, stairwell: str) -> None:  # type: ignore[no-untyped-def]
    said = dyz("patrol", "--unit", "2-2", "--all-clear", "--at", "9:30", "--by", "周玉梅").stderr
    assert "一切正常" in said
    [patrol] = dyz_json("patrol", "list")
    assert patrol["unit"] == "2-2" and patrol["at"] == "09:30" and patrol["patroller"] == "周玉梅"
    assert patrol["all_clear"] is True
    assert set(patrol["checks"].values()) == {"ok"}
    assert patrol["hazards"] == []
    assert dyz_json("hazard", "list") == []


def test_each_problem_becomes_a_hazard_linked_to_its_patrol(
    dyz: Runner, dyz_json, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    dyz(
        "patrol", "--unit", "2-2", "--problem", "通道:3楼楼道堆放纸箱",
        "-p", "电动车：5楼窗外拉飞线充电", "--days", "3", "--on", "2026-11-20",
    )  # fmt: skip
    [patrol] = dyz_json("patrol", "list")
    assert patrol["all_clear"] is False
    assert patrol["checks"]["passage"] == "problem" and patrol["checks"]["ebike"] == "problem"
    assert patrol["checks"]["extinguisher"] == "ok"
    hazards = {h["kind"]: h for h in dyz_json("hazard", "list")}
    # the item says which kind; a flying wire is told apart from an e-bike by what was seen
    assert set(hazards) == {"blocked_exit", "flying_wire"}
    # written in one breath, the place and what was seen are told apart at the floor's part
    assert hazards["blocked_exit"]["place"] == "3楼楼道"
    assert hazards["blocked_exit"]["note"] == "堆放纸箱"
    assert hazards["blocked_exit"]["unit"] == "2-2"
    assert hazards["flying_wire"]["due"] == "2026-11-23"
    assert {h["id"] for h in patrol["hazards"]} == {h["id"] for h in hazards.values()}
    # a hazard found on patrol follows the same steps as any other
    dyz("hazard", "notify", hazards["flying_wire"]["id"][:8], "--on", "2026-11-20")


def test_a_building_patrol_names_the_unit_of_each_problem(
    dyz: Runner, dyz_json, db: Path, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(db)
    line = one_line_error(dyz("patrol", "--building", "2", "-p", "灭火器:1楼灭火器过期", code=1))
    assert "先写单元" in line and "2-1" in line
    assert snapshot(db) == before
    dyz("patrol", "--building", "2", "-p", "灭火器:2-2 1楼灭火器过期")
    [patrol] = dyz_json("patrol", "list")
    assert patrol["unit"] is None and patrol["building"] == "2"
    [hazard] = dyz_json("hazard", "list")
    assert hazard["unit"] == "2-2" and hazard["kind"] == "extinguisher"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--all-clear"], "--unit"),
        (["--unit", "2-2", "--building", "2", "--all-clear"], "二者选一"),
        (["--unit", "2-2"], "--all-clear"),  # no terminal to ask the checklist on
        (["--unit", "2-2", "--all-clear", "-p", "通道:纸箱"], "不能同时"),
        (["--unit", "2-2", "-p", "电梯:坏了"], "不认识检查项“电梯”"),
        (["--unit", "2-2", "-p", "楼道堆放纸箱"], "检查项:在哪里:看到的情况"),
        (["--unit", "2-2", "--all-clear", "--at", "25:00"], "9:30"),
        (["--unit", "2-2", "--all-clear", "--on", "2099-01-01"], "还没到"),
        (["--unit", "2-2", "--all-clear", "--severity", "extreme"], "extreme"),
    ],
)
def test_a_wrong_patrol_is_refused_in_one_line_and_changes_nothing(
    dyz: Runner, db: Path, stairwell: str, args: list[str], words: str
) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("patrol", *args, code=1))
    assert words in line, line
    assert snapshot(db) == before


def test_units_due_a_patrol(dyz: Runner, dyz_json, stairwell: str) -> None:  # type: ignore[no-untyped-def]
    dyz("household", "add", "2-1-101")
    dyz("household", "add", "3-1-101")
    assert [u["unit"] for u in dyz_json("patrol", "due")] == ["2-1", "2-2", "3-1"]
    assert "从未巡查" in dyz("patrol", "due").stdout
    dyz("patrol", "--unit", "2-2", "--all-clear")
    assert [u["unit"] for u in dyz_json("patrol", "due")] == ["2-1", "3-1"]
    dyz("patrol", "--building", "2", "--all-clear")  # a whole building counts for each unit
    assert [u["unit"] for u in dyz_json("patrol", "due")] == ["3-1"]
    five_days_ago = (date.today() - timedelta(days=5)).isoformat()
    dyz("patrol", "--unit", "3-1", "--all-clear", "--on", five_days_ago)
    assert dyz_json("patrol", "due") == []
    assert "都在 7 天内" in dyz("patrol", "due").stderr
    dyz("config", "set", "patrol.interval_days", "3")
    [late] = dyz_json("patrol", "due")
    assert (
        late["unit"] == "3-1" and late["days_since"] == 5 and late["last_patrol"] == five_days_ago
    )


def test_the_checklist_asked_on_the_stairs(db: Path, stairwell: str) -> None:
    """At a terminal `dyz patrol --unit 2-2` walks the checklist: a digit answers each item,
    and a problem asks what was seen."""
    from danyuanzhang.cases.patrols import ask_checklist, record_patrol
    from danyuanzhang.store import Store
    from danyuanzhang.visits.interview import Asker

    with create_pipe_input() as pipe:
        # passage: a problem — where, what was seen, the flat responsible, the days (the
        # kind's three offered, changed to two in words) — then the four others in order
        pipe.send_text(
            "2" + "3楼楼道\r" + "堆放纸箱\r" + "2-2-301\r" + "\x15两\r" + "1" + "1" + "1" + "1"
        )
        problems = ask_checklist(Asker(pipe, DummyOutput(), echo=lambda _: None))
    assert [(p.item, p.place, p.text, p.household, p.days) for p in problems] == [
        ("passage", "3楼楼道", "堆放纸箱", "2-2-301", 2)
    ]
    store = Store.open(db)
    made = record_patrol(store, unit="2-2", problems=problems, on="2026-11-20")
    assert [h["unit"] for h in made["hazards"]] == ["2-2"]
    assert [h["due"] for h in made["hazards"]] == ["2026-11-22"]
    store.close()


def test_a_problem_on_a_common_part_keeps_the_kind_s_usual_days(db: Path, stairwell: str) -> None:
    """Enter at the flat means a common part (the unit's notice); Enter at the days takes the
    days the kind is usually given (a flying wire: one)."""
    from danyuanzhang.cases.patrols import ask_checklist
    from danyuanzhang.visits.interview import Asker

    with create_pipe_input() as pipe:
        pipe.send_text("1" + "1" + "1" + "2" + "5楼窗口\r" + "拉飞线充电\r" + "\r" + "\r" + "1")
        problems = ask_checklist(Asker(pipe, DummyOutput(), echo=lambda _: None))
    assert [(p.item, p.place, p.household, p.days) for p in problems] == [
        ("ebike", "5楼窗口", None, 1)
    ]


def test_enter_alone_signs_off_no_item_of_the_checklist(db: Path, stairwell: str) -> None:
    """No item starts on 正常: Enter alone asks again, and only a choice answers."""
    from danyuanzhang.cases.patrols import CHECKS, ask_checklist
    from danyuanzhang.visits.interview import Asker

    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text("\r" + "2" + "楼道\r" + "堆放纸箱\r" + "\r" + "\r" + "1" * (len(CHECKS) - 1))
        problems = ask_checklist(Asker(pipe, DummyOutput(), echo=said.append))
    assert [(p.item, p.place) for p in problems] == [("passage", "楼道")]
    assert said and "请选" in said[0]


def test_on_a_building_walk_the_checklist_wants_the_unit(db: Path, stairwell: str) -> None:
    from danyuanzhang.cases.patrols import ask_checklist
    from danyuanzhang.visits.interview import Asker

    with create_pipe_input() as pipe:
        # a problem with no unit is not accepted; the unit head writes it again with the unit
        pipe.send_text(
            "1" + "1" + "2" + "1楼\r" + "\x15" + "2-2 1楼\r" + "灭火器过期\r" + "\r" + "\r"
            + "1" + "1"
        )  # fmt: skip
        problems = ask_checklist(Asker(pipe, DummyOutput(), echo=lambda _: None), building="2")
    assert [(p.item, p.place, p.text) for p in problems] == [
        ("extinguisher", "2-2 1楼", "灭火器过期")
    ]


def test_a_patrol_travels_with_the_hazard_it_found(
    dyz: Runner, dyz_json, stairwell: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dyz("patrol", "--unit", "2-2", "-p", "可燃物:4楼堆放泡沫箱", "--at", "20:00")
    bundle = tmp_path / "all.yaml"
    dyz("export", "--plain", "--all", "-o", str(bundle))
    other = str(tmp_path / "office.db")
    dyz("--db", other, "init", "--device-name", "社区办公室")
    dyz("--db", other, "import", str(bundle))
    mine, theirs = dyz_json("patrol", "list"), dyz_json("--db", other, "patrol", "list")
    assert mine == theirs and theirs[0]["hazards"][0]["kind"] == "flammables"


def test_a_room_number_alone_is_the_flat_of_the_unit_walked(
    dyz: Runner, dyz_json, stairwell: str
) -> None:  # type: ignore[no-untyped-def]
    """On a patrol of 2-2, "401" is 2-2-401 even where other units have a 401 too."""
    dyz("household", "add", "3-1-401", "--estate", stairwell)
    dyz("patrol", "--unit", "2-2", "-p", "通道:4楼楼道:堆放纸箱:401室")
    [hazard] = dyz_json("hazard", "list")
    assert hazard["household"] == "2-2-401"
