"""`dyz petition ...`: needs from the doorstep, settled or carried towards the council."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


def added(dyz: Runner, *args: str) -> str:
    return dyz("petition", "add", *args).stderr.split("编号 ")[1][:8]


@pytest.fixture
def parking(dyz: Runner, estate: str) -> str:
    dyz("household", "add", "2-2-302")
    return added(
        dyz,
        "2-2-301",
        "--category",
        "停车",
        "--text",
        "脑科巷乱停车，出不了门",
        "--on",
        "2026-11-02",
    )


def test_add_and_the_json_of_list_and_show(dyz: Runner, dyz_json, parking: str) -> None:
    [item] = dyz_json("petition", "list")
    assert set(item) >= {"id", "status", "category", "unit", "household", "raised_on", "text"}
    assert (item["status"], item["category"], item["unit"], item["household"]) == (
        "collected",
        "parking",
        "2-2",
        "2-2-301",
    )
    assert item["raised_on"] == "2026-11-02" and item["linked"] == []
    assert [s["step"] for s in dyz_json("petition", "show", parking)["timeline"]] == ["collected"]


def test_resolved_on_the_spot_then_closed(dyz: Runner, dyz_json, parking: str) -> None:
    assert "--note" in one_line_error(dyz("petition", "resolve", parking, code=1))
    dyz("petition", "resolve", parking, "--note", "已协调车主挪车", "--on", "2026-11-03")
    dyz("petition", "close", parking, "--confirmed-by-resident", "--on", "2026-11-04")
    shown = dyz_json("petition", "show", parking)
    assert shown["status"] == "closed"
    assert [s["step"] for s in shown["timeline"]] == ["collected", "resolved", "closed"]
    assert shown["timeline"][2]["confirmed_by_resident"] is True
    assert "就地解决" in dyz("petition", "show", parking).stdout


def test_escalation_and_the_steps_it_allows(dyz: Runner, dyz_json, db: Path, parking: str) -> None:
    assert "楼栋长" in dyz("petition", "escalate", parking, "--to", "building_head").stderr
    dyz("petition", "escalate", parking, "--to", "council")
    item = dyz_json("petition", "show", parking)
    assert (item["status"], item["escalated_to"]) == ("escalated", "council")
    before = snapshot(db)
    assert "已上报" in one_line_error(dyz("petition", "done", parking, code=1))
    assert "已上报" in one_line_error(dyz("petition", "close", parking, code=1))
    assert "议事会" in one_line_error(dyz("petition", "escalate", parking, "--to", "mayor", code=1))
    assert snapshot(db) == before
    assert [p["id"][:8] for p in dyz_json("petition", "list", "--status", "escalated")] == [parking]
    # settled after all before the council took it up (the neighbours made it up)
    dyz("petition", "resolve", parking, "--note", "两家说好了")
    assert dyz_json("petition", "show", parking)["status"] == "resolved"


def test_linked_petitions_are_one_matter_of_several_households(
    dyz: Runner, dyz_json, parking: str
) -> None:
    other = added(dyz, "2-2-302", "--category", "parking", "--text", "脑科巷停车乱")
    third = added(dyz, "2-2-302", "--category", "parking", "--text", "晚上车堵住楼道口")
    dyz("petition", "link", parking, other)
    dyz("petition", "link", other, third)
    linked = {p["id"][:8]: len(p["linked"]) for p in dyz_json("petition", "list")}
    assert linked == {parking: 2, other: 2, third: 2}
    # three petitions of two households: the list counts households, as the agenda does
    assert {p["households"] for p in dyz_json("petition", "list")} == {2}
    table = dyz("petition", "list").stdout.splitlines()
    column = table[0].split().index("户数")
    rows = [line for line in table[2:] if not line.startswith(" ")]  # not a text's next line
    assert {line.split()[column] for line in rows} == {"2"}
    assert "已经合并" in one_line_error(dyz("petition", "link", other, parking, code=1))
    assert "自己" in one_line_error(dyz("petition", "link", parking, parking, code=1))


def test_a_matter_goes_to_the_council_as_one_and_counts_each_household_once(
    dyz: Runner, dyz_json, parking: str
) -> None:
    """Escalating one of two linked needs escalates the matter; a need linked later to one
    already carried up goes up too. The agenda then says 户数 2, not 1."""
    other = added(dyz, "2-2-302", "--category", "parking", "--text", "脑科巷停车乱")
    dyz("petition", "link", parking, other)
    said = dyz("petition", "escalate", parking).stderr
    assert f"同一件事的诉求 {other} 也一起上报了" in said
    assert dyz_json("petition", "show", other)["status"] == "escalated"
    [matter] = dyz_json("council", "agenda")["matters"]
    assert matter["households"] == 2 and len(matter["petitions"]) == 2
    dyz("household", "add", "2-2-401")
    late = added(dyz, "2-2-401", "--category", "parking", "--text", "车位不够")
    said = dyz("petition", "link", late, other).stderr
    assert f"同一件事的诉求 {late} 也一起上报了" in said
    [matter] = dyz_json("council", "agenda")["matters"]
    assert matter["households"] == 3


def test_list_filters(dyz: Runner, dyz_json, parking: str) -> None:
    added(dyz, "2-2-302", "--category", "维修", "--text", "楼道灯坏了")
    assert [p["category"] for p in dyz_json("petition", "list", "--category", "repair")] == [
        "repair"
    ]
    assert [p["category"] for p in dyz_json("petition", "list", "--older-than", "7")] == ["parking"]
    assert dyz_json("petition", "list", "--unit", "2-1") == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("petition", "add", "2-2-301", "--category", "买菜", "--text", "x"), "不认识诉求类别"),
        (("petition", "add", "2-2-301", "--category", "停车", "--text", "  "), "--text"),
        (("petition", "add", "9-9-909", "--category", "停车", "--text", "x"), "没有登记"),
        (
            (
                "petition",
                "add",
                "2-2-301",
                "--category",
                "停车",
                "--text",
                "x",
                "--on",
                "2026-02-30",
            ),
            "2026-02-30",
        ),
        (("petition", "list", "--status", "lost"), "lost"),
        (("petition", "close", "ffff"), "找不到"),
    ],
)
def test_bad_petition_input(
    dyz: Runner, db: Path, parking: str, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(db)
    assert words in one_line_error(dyz(*args, code=1))
    assert snapshot(db) == before


def test_petitions_travel_and_their_text_stays_home_when_redacted(
    dyz: Runner, dyz_json, parking: str, tmp_path: Path
) -> None:
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz("petition", "escalate", parking)
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "a.yaml"))
    dyz(*office, "import", str(tmp_path / "a.yaml"))
    [item] = dyz_json(*office, "petition", "list", "--status", "escalated")
    assert item["text"] == "脑科巷乱停车，出不了门"
    dyz("export", "--all", "--redact", "-o", str(tmp_path / "r.yaml"))
    assert "脑科巷" not in (tmp_path / "r.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("steps", "refused", "state"),
    [
        ((("resolve", "--note", "已解决"),), ("escalate",), "就地解决"),
        ((), ("close",), "已收集"),
        ((("resolve", "--note", "已解决"),), ("done",), "就地解决"),
        ((("resolve", "--note", "已解决"), ("close",)), ("resolve", "--note", "再解决"), "已办结"),
        ((("escalate",),), ("close",), "已上报"),
    ],
)
def test_every_refused_petition_step_names_the_state(
    dyz: Runner,
    db: Path,
    parking: str,
    steps: tuple[tuple[str, ...], ...],
    refused: tuple[str, ...],
    state: str,
) -> None:
    for step in steps:
        dyz("petition", step[0], parking, *step[1:])
    before = snapshot(db)
    assert state in one_line_error(dyz("petition", refused[0], parking, *refused[1:], code=1))
    assert snapshot(db) == before


def test_a_long_need_is_listed_whole_over_several_lines(dyz, stairwell: str) -> None:
    text = "楼道灯坏了三个星期，晚上上下楼看不见，刘阿姨上周在二楼摔了一跤，希望物业尽快来修"
    dyz("petition", "add", "2-2-301", "--category", "维修", "--text", text)
    table = dyz("petition", "list").stdout
    assert "…" not in table
    first, *more = table.splitlines()[2:]
    # the text column holds all of it, read down; the other columns stay on the first line
    assert more and first.split()[2] == "2-2-301"
    assert first.split()[3] + "".join(line.strip() for line in more) == text


def test_the_collecting_step_names_who_took_the_need(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("init", "--name", "周玉梅")
    said = dyz("petition", "add", "2-2-301", "--category", "维修", "--text", "楼道灯坏了").stderr
    need = said.split("编号 ")[1][:8]
    dyz("--by", "罗淑珍", "petition", "escalate", need)
    steps = dyz_json("petition", "show", need)["timeline"]
    assert [(s["step"], s["by"]) for s in steps] == [
        ("collected", "周玉梅"),
        ("escalated", "罗淑珍"),
    ]
