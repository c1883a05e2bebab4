"""A revocation travels, and cannot be rolled back, in any order of arrival: an office, unit
heads 甲 and 乙, and 丢失的电脑, a laptop then lost. (tests/test_sync_laws_revocation.py tries
every order; these are the orders people meet, through the commands.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Runner, refused_unchanged, snapshot
from tests.test_members import Community

LOST = "丢失的电脑"


def today() -> str:
    """The day a revocation made now is dated, as the refusal says it."""
    now = date.today()
    return f"{now.year}年{now.month}月{now.day}日"


@pytest.fixture
def community(dyz: Runner, tmp_path: Path) -> Community:
    return Community(dyz, tmp_path)


def state_of(dyz_json, db: list[str], name: str) -> str:
    rows = [m["state"] for m in dyz_json(*db, "members")["members"] if m["name"] == name]
    return str(rows[0]) if rows else "not listed"


def test_a_revocation_travels_in_the_office_s_next_bundle_with_nothing_else_new(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.join("甲单元长", "1-1-101")
    lost = community.join(LOST, "3-3-101")
    dyz(*unit, "import", str(community.export(community.office, "catch-up", "--for", "甲单元长")))
    dyz(*community.office, "import", str(community.export(unit, "receipt")))
    dyz(*community.office, "members", "revoke", LOST, "--yes")
    said = dyz(*community.office, "export", "--for", "甲单元长", "-o", "news.yaml").stderr
    assert "最新名单" in said
    assert "撤销了：丢失的电脑" in dyz(*unit, "import", "news.yaml").stderr
    assert state_of(dyz_json, unit, LOST) == "revoked"
    dyz(*lost, "household", "add", "3-3-102")
    line = refused_unchanged(
        dyz, unit, community.export(lost, "next", "--for", "甲单元长"), LOST, "撤销"
    )
    assert f"已于{today()}撤销了“{LOST}”" in line


def test_the_revoked_laptop_s_own_bundle_brings_the_news_it_carries(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """The lost laptop heard of its revocation through a relay, and its next bundle reaches a
    unit head who has not: refused, and the unit head keeps the news."""
    unit = community.join("甲单元长", "1-1-101")
    relay = community.join("乙单元长", "2-2-101")
    lost = community.join(LOST, "3-3-101")
    dyz(*community.office, "members", "revoke", LOST, "--yes")
    dyz(*relay, "import", str(community.export(community.office, "news", "--for", "乙单元长")))
    dyz(*lost, "import", str(community.export(community.office, "found-in-a-chat", "--all")))
    dyz(*lost, "household", "add", "3-3-102")
    carrying = community.export(lost, "carrying", "--for", "甲单元长")
    households = dyz_json(*unit, "household", "list")
    line = dyz(*unit, "import", str(carrying), code=1).stderr
    assert f"已于{today()}撤销了“{LOST}”" in line
    assert f"只记下了它带来的社区办公室新名单（撤销了：{LOST}），其余数据未作任何改动" in line
    assert state_of(dyz_json, unit, LOST) == "revoked"
    assert dyz_json(*unit, "household", "list") == households
    # and an older list relayed afterwards does not bring it back
    older = community.export(relay, "older", "--for", "甲单元长", "--plain")
    dyz(*unit, "import", str(older))
    assert state_of(dyz_json, unit, LOST) == "revoked"


def test_what_a_unit_head_wrote_on_a_record_the_lost_laptop_made_leaves_with_it(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """Before hearing, a unit head took a resident the lost laptop made after its revocation
    and put a phone to it: when the news comes both leave, and the unit head's next bundle is
    taken at the office."""
    unit = community.join("甲单元长", "1-1-101")
    lost = community.join(LOST, "3-3-101")
    dyz(*community.office, "members", "revoke", LOST, "--yes")
    dyz(*lost, "resident", "add", "3-3-101", "--name", "假住户")
    dyz(*unit, "import", str(community.export(lost, "made-up", "--for", "甲单元长")))
    [resident] = dyz_json(*unit, "household", "show", "3-3-101")["residents"]
    dyz(*unit, "resident", "edit", resident["id"][:8], "--phone", "13812345678")
    dyz(*unit, "import", str(community.export(community.office, "news", "--for", "甲单元长")))
    assert dyz_json(*unit, "household", "show", "3-3-101")["residents"] == []
    dyz(*unit, "household", "add", "1-1-102")
    before = snapshot(Path(community.office[1]))
    said = dyz(*community.office, "import", str(community.export(unit, "next"))).stderr
    assert "新增" in said
    assert snapshot(Path(community.office[1]))["residents"] == before["residents"]


def test_an_older_list_after_the_doctor_mended_a_list_from_the_future_changes_nothing(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """`dyz doctor --repair` forgets the stamp of a list from the future so that the office's
    mended list is taken: an older list relayed then must not bring a revoked laptop back."""
    import sqlite3

    unit = community.join("甲单元长", "1-1-101")
    lost = community.join(LOST, "3-3-101")
    older = community.export(community.office, "older", "--all")  # the list before
    dyz(*community.office, "members", "revoke", LOST, "--yes")
    dyz(*unit, "import", str(community.export(community.office, "news", "--for", "甲单元长")))
    conn = sqlite3.connect(unit[1])  # as an earlier version let in a list stamped in 2099
    with conn:
        conn.execute(
            "UPDATE settings SET value = '004070908800000' || substr(value, 16)"
            " WHERE key = 'office_issued'"
        )
    conn.close()
    dyz(*unit, "doctor", "--repair")
    dyz(*unit, "import", str(older))
    assert state_of(dyz_json, unit, LOST) == "revoked"
    dyz(*lost, "household", "add", "3-3-102")
    refused_unchanged(dyz, unit, community.export(lost, "next", "--for", "甲单元长"), LOST, "撤销")
