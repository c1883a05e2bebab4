"""`dyz council ...`: the agenda, proposals to the office, and the office's decisions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner, one_line_error, snapshot


def added(dyz: Runner, *args: str) -> str:
    return dyz("petition", "add", *args).stderr.split("编号 ")[1][:8]


@pytest.fixture
def matter(dyz: Runner, estate: str) -> list[str]:
    """Parking in 脑科巷, raised by two households (three lines), all escalated to the council."""
    dyz("init", "--community", "芙蓉南路社区")
    dyz("household", "add", "2-2-302")
    first = added(
        dyz,
        "2-2-301",
        "--category",
        "停车",
        "--text",
        "脑科巷乱停车，电话13812345678",
        "--on",
        "2026-11-02",
    )
    second = added(
        dyz, "2-2-302", "--category", "停车", "--text", "脑科巷停车乱", "--on", "2026-11-05"
    )
    third = added(
        dyz, "2-2-302", "--category", "停车", "--text", "车堵住楼道口", "--on", "2026-11-06"
    )
    dyz("petition", "link", first, second)
    dyz("petition", "link", second, third)
    for petition in (first, second, third):
        dyz("petition", "escalate", petition, "--to", "council", "--on", "2026-11-10")
    return [first, second, third]


def test_the_agenda_counts_households_not_lines(dyz: Runner, matter: list[str]) -> None:
    import json

    data = json.loads(dyz("council", "agenda", "--date", "2026-11-26", "--format", "json").stdout)
    [item] = data["matters"]
    assert (item["category"], item["unit"], item["households"], item["waiting_days"]) == (
        "parking",
        "2-2",
        2,
        24,
    )
    assert len(item["petitions"]) == 3 and data["proposals"] == []


def test_the_agenda_in_markdown_is_exact_and_masks_phones(dyz: Runner, matter: list[str]) -> None:
    assert dyz("council", "agenda", "--date", "2026-11-26", "--format", "md").stdout == (
        "# “小巷回声”议事会议程（2026-11-26）\n"
        "\n"
        "**芙蓉南路社区**\n"
        "\n"
        "## 待议事项\n"
        "\n"
        "| 类别 | 单元 | 户数 | 等待天数 | 内容 |\n"
        "|---|---|---|---|---|\n"
        "| 停车 | 2-2 | 2 | 24 | 脑科巷乱停车，电话138****5678；脑科巷停车乱；车堵住楼道口 |\n"
        "\n"
        "## 待社区答复的建议\n"
        "\n"
        "（无）\n"
    )


def test_propose_decide_done_close(
    dyz: Runner, dyz_json, matter: list[str], tmp_path: Path
) -> None:
    said = dyz(
        "council",
        "propose",
        matter[0],
        "--text",
        "脑科巷增设停车位并加强巡查",
        "--on",
        "2026-11-20",
    ).stderr
    assert "涉及 3 条诉求" in said
    proposal = said.split("编号 ")[1][:8]
    statuses = {p["status"] for p in dyz_json("petition", "list")}
    assert statuses == {"proposed"}
    import json

    data = json.loads(dyz("council", "agenda", "--date", "2026-11-26", "--format", "json").stdout)
    assert data["matters"] == []
    [waiting] = data["proposals"]
    assert waiting["id"].startswith(proposal) and waiting["text"] == "脑科巷增设停车位并加强巡查"
    assert waiting["waiting_days"] == 6
    dyz("council", "decide", proposal, "adopted", "--on", "2026-11-24")
    assert {p["status"] for p in dyz_json("petition", "list")} == {"adopted"}
    assert "已于 2026-11-24" in one_line_error(
        dyz("council", "decide", proposal, "declined", code=1)
    )
    dyz("petition", "done", matter[0], "--on", "2026-11-25")
    dyz("petition", "close", matter[0], "--on", "2026-11-26")
    timeline = [s["step"] for s in dyz_json("petition", "show", matter[0])["timeline"]]
    assert timeline == ["collected", "escalated", "proposed", "adopted", "done", "closed"]
    html_page = tmp_path / "议程.html"
    dyz("council", "agenda", "--format", "html", "-o", str(html_page))
    page = html_page.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "（无）" in page


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("council", "decide", "ffff", "adopted"), "找不到"),
        (("council", "agenda", "--format", "pdf"), "table、md、html、json"),
    ],
)
def test_bad_council_input(
    dyz: Runner, db: Path, matter: list[str], args: tuple[str, ...], words: str
) -> None:
    before = snapshot(db)
    assert words in one_line_error(dyz(*args, code=1))
    assert snapshot(db) == before


def test_only_escalated_petitions_can_be_proposed(dyz: Runner, db: Path, estate: str) -> None:
    petition = added(dyz, "2-2-301", "--category", "维修", "--text", "楼道灯坏了")
    before = snapshot(db)
    line = one_line_error(dyz("council", "propose", petition, "--text", "修灯", code=1))
    assert "已上报" in line and "没有可以形成建议" in line
    assert snapshot(db) == before


def test_a_matter_before_the_council_reaches_every_unit_s_laptop_without_its_words(
    dyz: Runner, dyz_json: Any, tmp_path: Path
) -> None:
    """3-1's need carried up reaches 2-2's laptop through the office: the agenda is the
    community's; 3-1's resident's words and flat stay with 3-1 (and the office). Joined at
    the office with 2-2's need on the same matter, the agenda counts two households; once the
    council has proposed, it leaves every agenda."""
    from tests.test_members import Community

    community = Community(dyz, tmp_path)
    two = community.join("2-2单元长", "2-2-301")
    three = community.join("3-1单元长", "3-1-101")
    office = community.office
    dyz(*office, "peers", "scope", "2-2单元长", "unit:2-2")
    dyz(*office, "peers", "scope", "3-1单元长", "unit:3-1")

    def raise_and_carry_up(db: list[str], flat: str, text: str) -> str:
        dyz(*db, "petition", "add", flat, "--category", "停车", "--text", text)
        [need] = dyz_json(*db, "petition", "list")
        dyz(*db, "petition", "escalate", need["id"][:8])
        return str(need["id"])

    theirs = raise_and_carry_up(three, "3-1-101", "脑科巷乱停车，早上车开不出去")
    ours = raise_and_carry_up(two, "2-2-301", "巷子口停满了车")
    for db, name in ((three, "3-1"), (two, "2-2")):
        dyz(*office, "import", str(community.export(db, f"{name}-up")))
    dyz(*office, "petition", "link", ours[:8], theirs[:8])

    dyz(*two, "import", str(community.export(office, "to-2-2", "--for", "2-2单元长")))
    [matter] = dyz_json(*two, "council", "agenda")["matters"]
    assert matter["households"] == 2 and matter["petitions"] == sorted([ours, theirs])
    shown = dyz(*two, "council", "agenda").stdout
    assert "巷子口停满了车" in shown and "另有 1 条在别的单元长那里" in shown
    assert "脑科巷" not in shown
    # the need itself, its words and its flat, never came
    assert [p["id"] for p in dyz_json(*two, "petition", "list")] == [ours]
    assert "3-1-101" not in json.dumps(dyz_json(*two, "household", "list"))

    # the office's agenda, which holds both, says the same
    [at_office] = dyz_json(*office, "council", "agenda")["matters"]
    assert at_office["households"] == 2

    # the council proposes: off the agenda at the office, and at 2-2 after the next round
    dyz(*office, "council", "propose", ours[:8], "--text", "脑科巷划车位，加强巡查")
    assert dyz_json(*office, "council", "agenda")["matters"] == []
    dyz(*two, "import", str(community.export(office, "to-2-2-again", "--for", "2-2单元长")))
    assert dyz_json(*two, "council", "agenda")["matters"] == []


def test_the_council_s_record_has_its_meeting_attendance_and_votes(
    dyz: Runner, db: Path, matter: list[str]
) -> None:
    """议事会记录: where, who chaired and wrote it, members expected and present, the votes;
    figures that do not add up are refused in one line and change nothing."""
    dyz("init", "--name", "周玉梅")
    before = snapshot(db)
    assert "实到" in one_line_error(
        dyz(
            "council",
            "propose",
            matter[0],
            "--text",
            "施划车位",
            "--expected",
            "9",
            "--present",
            "十一",
            code=1,
        )  # fmt: skip
    )
    assert "票" in one_line_error(
        dyz(
            "council",
            "propose",
            matter[0],
            "--text",
            "施划车位",
            "--present",
            "5",
            "--for",
            "4",
            "--against",
            "2",
            code=1,
        )  # fmt: skip
    )
    assert snapshot(db) == before
    dyz("council", "propose", matter[0], "--text", "脑科巷施划停车位", "--on", "2026-11-26",
        "--place", "社区活动室", "--host", "李秀兰", "--expected", "11", "--present", "九",
        "--for", "8", "--against", "0", "--abstain", "1")  # fmt: skip
    [row] = json.loads(
        dyz("ledger", "council", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "json").stdout
    )["rows"]
    assert (row["place"], row["host"], row["recorder"]) == ("社区活动室", "李秀兰", "周玉梅")
    assert (row["attendance"], row["votes"]) == ("11/9", "8/0/1")


def test_a_need_carried_up_on_two_laptops_at_once_leaves_no_stale_matter_on_a_third(
    dyz: Runner, dyz_json: Any, tmp_path: Path
) -> None:
    """2-2's unit head and the office carry the same need up before hearing of each other;
    the office's council proposes before 2-2's bundle arrives. 3-1's laptop, which holds
    neither the need nor a way to judge it, must not keep it on its agenda for ever."""
    from tests.test_members import Community

    community = Community(dyz, tmp_path)
    two = community.join("2-2单元长", "2-2-301")
    three = community.join("3-1单元长", "3-1-101")
    office = community.office
    dyz(*office, "peers", "scope", "2-2单元长", "unit:2-2")
    dyz(*office, "peers", "scope", "3-1单元长", "unit:3-1")
    dyz(*two, "petition", "add", "2-2-301", "--category", "停车", "--text", "巷子口停满了车")
    [need] = dyz_json(*two, "petition", "list")
    dyz(*office, "import", str(community.export(two, "2-2-need")))

    dyz(*two, "petition", "escalate", need["id"][:8])
    dyz(*office, "petition", "escalate", need["id"][:8])
    dyz(*office, "council", "propose", need["id"][:8], "--text", "划车位")
    dyz(*office, "import", str(community.export(two, "2-2-escalated")))
    assert dyz_json(*office, "council", "agenda")["matters"] == []

    dyz(*three, "import", str(community.export(office, "to-3-1", "--for", "3-1单元长")))
    assert dyz_json(*three, "council", "agenda")["matters"] == []
    dyz(*two, "import", str(community.export(office, "to-2-2", "--for", "2-2单元长")))
    assert dyz_json(*two, "council", "agenda")["matters"] == []
