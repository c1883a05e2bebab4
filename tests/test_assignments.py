"""Needs handed to volunteers: who could help, nearest first; handing over; the unit head's
follow-up in `dyz today`; the hours recorded when it is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


@pytest.fixture
def need(dyz: Runner, dyz_json, stairwell: str) -> str:
    """A broken lock at 2-2-301, and three who repair: 钱师傅 lives in 2-2, 赵师傅 helps in
    building 2, 左师傅 lives in 3-2; 李老师 tutors."""
    dyz("household", "add", "3-2-101")
    dyz("volunteer", "add", "--name", "左师傅", "--service", "维修", "--household", "3-2-101")
    dyz("volunteer", "add", "--name", "钱师傅", "--service", "维修", "--household", "2-2-401")
    dyz("volunteer", "add", "--name", "赵师傅", "--service", "维修", "--area", "2")
    dyz("volunteer", "add", "--name", "李老师", "--service", "送学上门", "--area", "全部")
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "门锁坏了", "--on", "2026-11-20")
    return str(dyz_json("petition", "list")[0]["id"][:8])


def test_those_who_offer_the_service_are_listed_nearest_first(
    dyz: Runner, dyz_json, need: str
) -> None:
    found = dyz_json("petition", "match", need)
    assert [(v["name"], v["nearness"]) for v in found] == [
        ("钱师傅", 0),
        ("赵师傅", 1),
        ("左师傅", 2),
    ]
    shown = dyz("petition", "match", need)
    assert "同一单元" in shown.stdout and f"dyz petition assign {need} 钱师傅" in shown.stderr


def test_a_need_no_service_answers_says_so(dyz: Runner, dyz_json, need: str) -> None:
    dyz("petition", "add", "2-2-301", "-c", "停车", "-t", "楼下乱停车")
    parking = next(p for p in dyz_json("petition", "list") if p["category"] == "parking")
    assert dyz_json("petition", "match", parking["id"][:8]) == []
    assert "没有对应的志愿服务" in dyz("petition", "match", parking["id"][:8]).stderr


def test_a_handed_need_is_followed_up_today_and_its_hours_go_to_the_ledger(
    dyz: Runner, dyz_json, need: str
) -> None:
    said = dyz("petition", "assign", need, "钱师傅", "--on", "2026-11-21")
    assert "已交给志愿者 钱师傅" in said.stderr and "原来交给" not in said.stderr
    [item] = dyz_json("petition", "list")[:1]
    assert item["status"] == "assigned"
    today = dyz("today", "--unit", "2-2", "--on", "2026-11-24").stdout
    assert "交给了志愿者 钱师傅" in today and f"dyz petition done {need} --hours" in today
    assert "已 3 天" in today  # since it was handed over on the 21st, not raised on the 20th
    done = dyz("petition", "done", need, "--hours", "2", "--on", "2026-11-22", "--note", "换锁芯")
    assert "2 小时记进志愿服务台账" in done.stderr
    [service] = dyz_json("service", "list", "--from", "2026-11-01", "--to", "2026-11-30")
    assert (service["volunteer"], service["household"], service["kind"]) == (
        "钱师傅",
        "2-2-301",
        "repair",
    )
    assert service["hours"] == "2" and service["petition"].startswith(need)
    timeline = dyz_json("petition", "show", need)["timeline"]
    assert [s["step"] for s in timeline] == ["collected", "assigned", "done"]
    assert timeline[1]["volunteer"] == "钱师傅"
    # the resident's word closes it, as any done need
    dyz("petition", "close", need, "--confirmed-by-resident")
    assert dyz_json("petition", "show", need)["status"] == "closed"


def test_handing_a_need_to_someone_who_does_not_offer_it_is_warned_not_refused(
    dyz: Runner, dyz_json, need: str
) -> None:
    said = dyz("petition", "assign", need, "李老师")
    assert "提醒" in said.stderr and "李老师" in said.stderr
    assert dyz_json("petition", "show", need)["status"] == "assigned"


def test_handing_a_need_on_names_who_had_it(dyz: Runner, dyz_json, need: str) -> None:
    dyz("petition", "assign", need, "左师傅")
    said = dyz("petition", "assign", need, "钱师傅")
    assert "原来交给了 左师傅" in said.stderr and "已交给志愿者 钱师傅" in said.stderr
    again = dyz("petition", "assign", need, "钱师傅")
    assert "原来交给" not in again.stderr
    today = dyz("today", "--unit", "2-2").stdout
    assert "交给了志愿者 钱师傅" in today and "左师傅" not in today


def test_hours_for_a_need_no_volunteer_had_is_one_line_and_changes_nothing(
    dyz: Runner, need: str, db: Path
) -> None:
    dyz("petition", "escalate", need)
    before = snapshot(db)
    line = one_line_error(dyz("petition", "done", need, "--hours", "2", code=1))
    assert "没有交给过志愿者" in line
    assert snapshot(db) == before


def test_handing_to_an_unknown_volunteer_is_one_line(dyz: Runner, need: str, db: Path) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("petition", "assign", need, "孙悟空", code=1))
    assert "孙悟空" in line
    assert snapshot(db) == before
