"""What a laptop looks after (dyz init --unit/--building/--area) is what its everyday screens
show: one unit, several units of one or two buildings, or an area's buildings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner

LATER = "2026-12-20"  # every flat of the sample community is due a visit by then


@pytest.fixture
def sample(tmp_path: Path) -> list[str]:
    from danyuanzhang.upkeep.demo import build_demo

    path = tmp_path / "sample.db"
    store, _ = build_demo(path)
    store.close()
    return ["--db", str(path)]


def _units(plan: dict[str, Any]) -> dict[str, set[str]]:
    return {key: {item["unit"] for item in items} for key, items in plan.items() if key != "day"
            and isinstance(items, list) and items}  # fmt: skip


def test_a_unit_head_of_two_stairwells_sees_both_and_no_other(
    dyz: Runner, dyz_json: Any, sample: list[str]
) -> None:
    said = dyz(*sample, "init", "--name", "周玉梅", "--unit", "2-1", "--unit", "2-2").stderr
    assert "负责：新芙蓉之都 2-1、2-2单元" in said
    plan = dyz_json(*sample, "today", "--on", LATER)
    assert {u for units in _units(plan).values() for u in units} == {"2-1", "2-2"}
    assert {"2-1", "2-2"} <= _units(plan)["visits"]
    due = dyz_json(*sample, "visit", "due")
    assert {v["unit"] for v in due} == {"2-1", "2-2"}
    watch = dyz_json(*sample, "antifraud")
    assert [g["unit"] for g in watch["groups"]] == ["2-1", "2-2"]
    report = dyz_json(*sample, "report", "--week", "2026-W48")
    assert report["scope"]["name"] == "2-1,2-2"
    title = dyz(*sample, "report", "--week", "2026-W48").stdout
    assert "2栋1单元、2栋2单元每周汇总" in title


def test_units_in_two_buildings_are_narrowed_to_those_units(
    dyz: Runner, dyz_json: Any, sample: list[str]
) -> None:
    dyz(*sample, "init", "--name", "周玉梅", "--unit", "1-1", "--unit", "3-1")
    plan = dyz_json(*sample, "today", "--on", LATER)
    assert {u for units in _units(plan).values() for u in units} == {"1-1", "3-1"}
    assert {v["unit"] for v in dyz_json(*sample, "visit", "due")} == {"1-1", "3-1"}


def test_an_area_head_sees_the_area_s_buildings_only(
    dyz: Runner, dyz_json: Any, sample: list[str]
) -> None:
    dyz(*sample, "roster", "add", "--role", "area_head", "--name", "李秀兰",
        "--phone", "13907310001", "--scope", "北片", "--buildings", "1-2")  # fmt: skip
    said = dyz(*sample, "init", "--name", "李秀兰", "--area", "北片").stderr
    assert "北片" in said
    plan = dyz_json(*sample, "today", "--on", LATER)
    shown = {u for units in _units(plan).values() for u in units}
    assert shown and {u.partition("-")[0] for u in shown} == {"1", "2"}
    assert {v["unit"].partition("-")[0] for v in dyz_json(*sample, "visit", "due")} == {"1", "2"}
    everything = dyz_json(*sample, "visit", "due", "--all")
    assert "3-1" in {v["unit"] for v in everything}


@pytest.mark.parametrize("written", ["2-1,2-2", "2-1、2-2", "单元:2-1，2-2"])
def test_a_scope_names_several_units_as_people_write_them(
    dyz_json: Any, sample: list[str], written: str
) -> None:
    report = dyz_json(*sample, "report", "--week", "2026-W48", "--scope", written)
    assert report["scope"] == {"kind": "unit", "name": "2-1,2-2", "estates": ["新芙蓉之都"]}


def test_an_unreadable_second_unit_is_refused_and_nothing_is_kept(
    dyz: Runner, sample: list[str]
) -> None:
    from tests.conftest import snapshot

    before = snapshot(Path(sample[1]))
    refused = dyz(*sample, "init", "--name", "周玉梅", "--unit", "2-2", "--unit", "二二",
                  code=1)  # fmt: skip
    assert "二二" in refused.stderr
    assert snapshot(Path(sample[1])) == before
