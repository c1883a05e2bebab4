"""Erasure limits that cannot be split (issue 34): a laptop may have another erase only a few
households a week unseen, counted across bundles against the laptop that made the erasures,
relayed or not; the rest is held, listed, and applied once a person accepts it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner, one_line_error
from tests.test_members import Community

ESTATE = "新芙蓉之都"


def flats(db: list[str]) -> list[str]:
    conn = sqlite3.connect(db[1])
    try:
        rows = conn.execute("SELECT building, unit, room FROM households ORDER BY 1, 2, 3")
        return [f"{b}-{u}-{r}" for b, u, r in rows]
    finally:
        conn.close()


def residents(db: list[str]) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db[1])
    try:
        return sorted(conn.execute("SELECT * FROM residents").fetchall())
    finally:
        conn.close()


def office_with_a_building(dyz: Runner, community: Community, count: int = 20) -> list[str]:
    """The office registers `count` flats of building 5, each with a resident."""
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)][:count]
    for room in rooms:
        dyz(*community.office, "household", "add", room, "--estate", ESTATE)
        dyz(*community.office, "resident", "add", room, "--name", "住户" + room[-3:])
    return rooms


def member_erases(
    dyz: Runner, community: Community, db: list[str], name: str, rooms: list[str]
) -> Path:
    for room in rooms:
        dyz(*db, "household", "remove", room, "--yes")
    return community.export(db, name)


@pytest.fixture
def community(dyz: Runner, tmp_path: Path) -> Community:
    return Community(dyz, tmp_path)


@pytest.fixture
def member(dyz: Runner, community: Community) -> list[str]:
    """A unit head admitted by the office, holding the office's building 5."""
    rooms = office_with_a_building(dyz, community)
    unit = community.join("2-2单元长", "2-2-601")
    dyz(*unit, "import", str(community.export(community.office, "building", "--for", "2-2单元长")))
    assert len(flats(unit)) == len(rooms) + 1
    return unit


def test_a_member_cannot_empty_the_office_five_at_a_time(
    dyz: Runner, dyz_json, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    office = community.office
    first = member_erases(dyz, community, member, "round1", rooms[:5])
    dyz(*office, "import", str(first))
    assert len(flats(office)) == 16  # five in a week: taken unseen
    second = member_erases(dyz, community, member, "round2", rooms[5:10])
    before, kept = flats(office), residents(office)
    said = dyz(*office, "import", str(second)).stderr
    assert "“2-2单元长”在 7 天内要本机删除的住户超过了 5 户，下面 5 户的删除暂缓执行" in said
    assert f"dyz import {second} --accept-erasures" in said
    for room in rooms[5:10]:
        assert f"{ESTATE} {room}" in said
    assert flats(office) == before and residents(office) == kept  # nothing erased
    third = member_erases(dyz, community, member, "round3", rooms[10:15])
    said = dyz(*office, "import", str(third)).stderr
    assert "下面 5 户的删除暂缓执行" in said and flats(office) == before
    # what waits is shown where the office looks every day
    listing = dyz(*office, "members").stderr
    assert "有 10 户的删除暂缓执行" in listing
    assert f"dyz import {second} --accept-erasures" in listing
    today = dyz(*office, "today", "--all").stdout
    assert "有 10 户的删除暂缓执行" in today and f"{ESTATE} 5-1-501" in today
    assert f"dyz import {third} --accept-erasures" in today
    assert len(dyz_json(*office, "members")["erasures_held"]) == 2
    # a person who checked with the unit head accepts one round: only that one is applied
    said = dyz(*office, "import", str(second), "--accept-erasures").stderr
    assert "已执行" in said and "5 户删除" in said and f"{ESTATE} 5-1-302" in said
    assert flats(office) == [f for f in before if f not in rooms[5:10]]
    assert "有 5 户的删除暂缓执行" in dyz(*office, "members").stderr
    dyz(*office, "import", str(third), "--accept-erasures")
    assert flats(office) == [f for f in before if f not in rooms[5:15]]
    assert "暂缓" not in dyz(*office, "today", "--all").stdout
    assert dyz_json(*office, "members")["erasures_held"] == []


def test_the_erasures_of_one_bundle_beyond_the_allowance_are_held(
    dyz: Runner, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    wiped = member_erases(dyz, community, member, "wiped", rooms)
    checked = dyz(*community.office, "import", "--dry-run", str(wiped)).stderr
    assert "导入时，“2-2单元长”要删除的下面 15 户会暂缓执行" in checked
    assert len(flats(community.office)) == 21
    said = dyz(*community.office, "import", str(wiped)).stderr
    assert "下面 15 户的删除暂缓执行" in said
    assert len(flats(community.office)) == 16  # five taken, fifteen held
    dyz(*community.office, "import", str(wiped), "--accept-erasures")
    assert flats(community.office) == ["2-2-601"]


def test_relayed_erasures_count_against_the_laptop_that_made_them(
    dyz: Runner, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    relay = community.join("3-1单元长", "3-1-101")
    office = community.office
    for room in rooms[:5]:
        dyz(*member, "household", "remove", room, "--yes")
    dyz(*relay, "import", str(community.export(office, "building", "--for", "3-1单元长")))
    # the member hears of 3-1's laptop from the office's list, to write to it
    dyz(*member, "import", str(community.export(office, "the-list", "--for", "2-2单元长")))
    # the five reach the office through another laptop
    dyz(*relay, "import", str(community.export(member, "five", "--for", "3-1单元长")))
    dyz(*office, "import", str(community.export(relay, "relayed", "--for", "社区办公室")))
    assert len(flats(office)) == 17  # 20 + 2-2-601 + 3-1-101, five erased
    # one more from the same laptop, directly: beyond its five this week
    said = dyz(*office, "import", str(member_erases(dyz, community, member, "one", rooms[5:6])))
    assert "“2-2单元长”在 7 天内要本机删除的住户超过了 5 户，下面 1 户的删除暂缓执行" in said.stderr
    assert len(flats(office)) == 17
    # the relay's own erasure is its own: taken
    dyz(*relay, "household", "remove", "5-1-701", "--yes")
    said = dyz(*office, "import", str(community.export(relay, "own"))).stderr
    assert "暂缓" not in said and len(flats(office)) == 16


def test_held_erasures_reach_every_laptop_once_accepted(
    dyz: Runner, community: Community, member: list[str]
) -> None:
    """The office holds them and does not pass them on; once it accepts them, its next bundle
    carries them to a laptop that never heard from the unit head, which holds them in turn
    until a person there accepts them. Then every laptop holds the same flats."""
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    office = community.office
    other = community.join("3-1单元长", "3-1-101")
    dyz(*other, "import", str(community.export(office, "building", "--for", "3-1单元长")))
    wiped = member_erases(dyz, community, member, "wiped", rooms[:8])
    dyz(*office, "import", str(wiped))
    assert len(flats(office)) == 17  # five erased, three held
    # the unit head goes on working: a later change of the same laptop comes in too
    dyz(*member, "household", "add", "2-2-602", "--estate", ESTATE)
    dyz(*office, "import", str(community.export(member, "later")))
    assert "2-2-602" in flats(office) and len(flats(office)) == 18
    dyz(*other, "import", str(community.export(office, "to-other", "--for", "3-1单元长")))
    assert flats(other) == flats(office)  # the held three are not passed on
    dyz(*office, "import", str(wiped), "--accept-erasures")
    assert len(flats(office)) == 15
    said = dyz(*other, "import", str(community.export(office, "accepted", "--for", "3-1单元长")))
    assert "下面 3 户的删除暂缓执行" in said.stderr  # 3-1's laptop counts its own week
    accepted = community.folder / "accepted.yaml"
    dyz(*other, "import", str(accepted), "--accept-erasures")
    assert flats(other) == flats(office)
    dyz(*member, "import", str(community.export(office, "back", "--for", "2-2单元长")))
    assert flats(member) == flats(office)


def test_the_window_passes(
    dyz: Runner, community: Community, member: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from danyuanzhang.core import hlc

    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    dyz(*community.office, "import", str(member_erases(dyz, community, member, "a", rooms[:5])))
    later = hlc.wall_now_ms() + 8 * hlc.DAY_MS  # every laptop's clock, a week and a day on
    monkeypatch.setattr(hlc, "wall_now_ms", lambda: later)
    said = dyz(
        *community.office, "import", str(member_erases(dyz, community, member, "b", rooms[5:10]))
    )
    assert "暂缓" not in said.stderr and len(flats(community.office)) == 11
    # five in this new week already: the next is held
    said = dyz(
        *community.office, "import", str(member_erases(dyz, community, member, "c", rooms[10:11]))
    )
    assert "下面 1 户的删除暂缓执行" in said.stderr and len(flats(community.office)) == 11


def test_the_office_sets_the_allowance(
    dyz: Runner, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    office = community.office
    line = one_line_error(dyz(*office, "config", "set", "sync.erasures_unseen", "许多", code=1))
    assert "sync.erasures_unseen" in line and "许多" in line
    dyz(*office, "config", "set", "sync.erasures_unseen", "0")
    dyz(*office, "config", "set", "sync.erasure_window_days", "30")
    said = dyz(*office, "import", str(member_erases(dyz, community, member, "one", rooms[:1])))
    assert (
        "“2-2单元长”在 30 天内要本机删除的住户超过了 0 户，下面 1 户的删除暂缓执行" in said.stderr
    )
    assert len(flats(office)) == 21


def test_the_office_s_erasures_pass_relayed_too(
    dyz: Runner, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    office = community.office
    other = community.join("3-1单元长", "3-1-101")
    dyz(*other, "import", str(community.export(office, "building", "--for", "3-1单元长")))
    for room in rooms[:8]:  # a building pulled down
        dyz(*office, "household", "remove", room, "--yes")
    dyz(*member, "import", str(community.export(office, "down", "--for", "2-2单元长")))
    assert len(flats(member)) == 14
    said = dyz(*other, "import", str(community.export(member, "relayed", "--for", "3-1单元长")))
    assert "暂缓" not in said.stderr
    assert [f for f in flats(other) if f.startswith("5-")] == sorted(rooms[8:])


def test_a_laptop_revoked_meanwhile_erases_nothing_held(
    dyz: Runner, dyz_json, community: Community, member: list[str]
) -> None:
    rooms = [f"5-1-{floor}0{n}" for floor in range(1, 11) for n in (1, 2)]
    office = community.office
    wiped = member_erases(dyz, community, member, "wiped", rooms[:8])
    dyz(*office, "import", str(wiped))
    assert len(flats(office)) == 16  # five erased, three held
    dyz(*office, "members", "revoke", "2-2单元长", "--yes")  # the laptop was stolen
    said = dyz(*office, "import", str(wiped), "--accept-erasures").stderr
    assert "已执行" not in said and len(flats(office)) == 16
    assert dyz_json(*office, "members")["erasures_held"] == []
