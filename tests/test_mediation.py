"""Disputes mediated to the end: the kind, the flats in it, the mediator, the steps, the result,
the follow-up a few weeks after an agreement, and the ledger (矛盾纠纷调处台账)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


@pytest.fixture
def dispute(dyz: Runner, dyz_json, stairwell: str) -> str:
    """Water through 2-2-301's ceiling from 2-2-401, taken on 2026-11-01."""
    dyz("petition", "add", "2-2-301", "-c", "矛盾调解", "-t", "楼上漏水到我家，协商不成",
        "--on", "2026-11-01")  # fmt: skip
    return str(dyz_json("petition", "list")[0]["id"][:8])


def test_a_dispute_is_mediated_step_by_step_to_an_agreement(
    dyz: Runner, dyz_json, dispute: str
) -> None:
    said = dyz("mediation", "set", dispute, "--kind", "漏水", "--party", "2-2-401",
               "--mediator", "周阿姨")  # fmt: skip
    assert "2-2-301、2-2-401" in said.stderr and "楼上漏水" in said.stderr
    dyz("mediation", "step", dispute, "谈过", "--with", "2-2-401", "--note", "楼上说会修",
        "--on", "2026-11-02")  # fmt: skip
    dyz("mediation", "step", dispute, "当面调解", "--on", "2026-11-03")
    agreed = dyz("mediation", "step", dispute, "达成协议", "--note", "楼上修防水，费用各半",
                 "--on", "2026-11-04")  # fmt: skip
    assert "2026-11-25" in agreed.stderr
    item = dyz_json("mediation", "show", dispute)
    assert item["parties"] == ["2-2-301", "2-2-401"] and item["dispute"] == "leak"
    assert [s["step"] for s in item["steps"]] == ["talked", "met", "agreed"]
    assert item["steps"][0]["party"] == "2-2-401"
    assert (item["result"], item["result_on"], item["follow_up_on"]) == (
        "agreed",
        "2026-11-04",
        "2026-11-25",
    )
    [listed] = dyz_json("mediation", "list")
    assert listed["id"] == item["id"]
    assert dyz_json("mediation", "list", "--open") == []


@pytest.mark.parametrize("escalated", [False, True])
def test_an_agreement_settles_the_need_and_takes_it_off_the_agenda(
    dyz: Runner, dyz_json, dispute: str, escalated: bool
) -> None:
    if escalated:
        dyz("petition", "escalate", dispute, "--on", "2026-11-02")
        assert dyz_json("council", "agenda", "--date", "2026-11-03")["matters"] != []
    said = dyz(
        "mediation", "step", dispute, "达成协议", "--note", "楼上修防水", "--on", "2026-11-04"
    )
    assert f"诉求 {dispute} 记为就地解决" in said.stderr
    need = dyz_json("petition", "show", dispute)
    assert need["status"] == "resolved"
    assert need["timeline"][-1]["note"] == "调解成功：楼上修防水"
    assert dyz_json("council", "agenda", "--date", "2026-11-05")["matters"] == []
    assert dyz_json("petition", "list", "--status", "escalated") == []
    # the follow-up is still proposed: disputes come back
    assert "调解回访" in dyz("today", "--on", "2026-11-26").stdout


def test_an_agreement_leaves_a_need_the_council_has_taken_up_where_it_is(
    dyz: Runner, dyz_json, dispute: str
) -> None:
    dyz("petition", "escalate", dispute, "--on", "2026-11-02")
    dyz("council", "propose", dispute, "--text", "请物业查防水", "--on", "2026-11-03")
    said = dyz("mediation", "step", dispute, "达成协议", "--on", "2026-11-04")
    assert "就地解决" not in said.stderr
    assert dyz_json("petition", "show", dispute)["status"] == "proposed"


def test_the_follow_up_is_proposed_today_until_it_is_made(
    dyz: Runner, dyz_json, dispute: str
) -> None:
    dyz("mediation", "step", dispute, "达成协议", "--on", "2026-11-04")
    assert "调解回访" not in dyz("today", "--on", "2026-11-20").stdout
    due = dyz("today", "--on", "2026-11-26").stdout
    assert "五、调解回访：1 件" in due and f"dyz mediation step {dispute} 回访" in due
    dyz("mediation", "step", dispute, "回访", "--note", "没再漏", "--on", "2026-11-26")
    assert "调解回访" not in dyz("today", "--on", "2026-11-27").stdout
    assert dyz_json("mediation", "show", dispute)["followed_up"] == [
        {"on": "2026-11-26", "note": "没再漏", "by": "王建国的电脑"}
    ]


def test_the_ledger_has_the_course_the_result_and_the_follow_up(
    dyz: Runner, dyz_json, dispute: str
) -> None:
    dyz("mediation", "set", dispute, "--kind", "漏水", "--party", "2-2-401", "--mediator", "周阿姨",
        "--case-no", "芙南调〔2026〕3号", "--source", "当事人申请")  # fmt: skip
    dyz("mediation", "step", dispute, "谈过", "--with", "2-2-401", "--note", "回电13812345678",
        "--on", "2026-11-02")  # fmt: skip
    dyz("mediation", "step", dispute, "达成协议", "--on", "2026-11-04")
    dyz("mediation", "set", dispute, "--agreement-no", "芙南调协〔2026〕3号")
    dyz("--by", "罗淑珍", "mediation", "step", dispute, "回访", "--note", "没再漏",
        "--on", "2026-11-26")  # fmt: skip
    ledger = dyz_json("ledger", "mediation", "--from", "2026-11-01", "--to", "2026-11-30")
    assert [c["header"] for c in ledger["columns"]] == [
        "序号", "卷号", "受理日期", "案件来源", "当事人（房号）", "纠纷类型", "调解人", "调解经过",
        "结果", "协议书编号", "回访日期", "回访人", "回访情况",
    ]  # fmt: skip
    [row] = ledger["rows"]
    assert (row["case_no"], row["source"], row["agreement_no"]) == (
        "芙南调〔2026〕3号",
        "当事人申请",
        "芙南调协〔2026〕3号",
    )
    # the parties by flat and by name, as the 人民调解 forms list them
    assert row["parties"] == "2-2-301 刘桂英；2-2-401 赵磊" and row["dispute"] == "楼上漏水"
    assert row["follow_up_by"] == "罗淑珍"
    assert row["course"] == "11-02 分别谈过（2-2-401）：回电138****5678；11-04 达成协议"
    assert (row["result"], row["follow_up_on"], row["follow_up"]) == (
        "调解成功",
        "2026-11-26",
        "没再漏",
    )
    assert ledger["notes"] == ["共受理矛盾纠纷 1 件，调解成功 1 件。"]


def test_a_dispute_referred_on_says_where(dyz: Runner, dyz_json, dispute: str, db: Path) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("mediation", "step", dispute, "移交", code=1))
    assert "--to" in line
    assert snapshot(db) == before
    dyz("mediation", "step", dispute, "移交", "--to", "人民调解委员会")
    item = dyz_json("mediation", "show", dispute)
    assert item["result"] == "referred" and item["steps"][-1]["to"] == "人民调解委员会"
    assert item["follow_up_on"] is None


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("step", "{id}", "吵了一架"), ("吵了一架", "达成协议")),
        (("step", "{id}", "达成协议", "--on", "明天"), ("还没到",)),
        (("step", "{id}", "达成协议", "--on", "2026-10-01"), ("2026-10-01",)),
        (("step", "{id}", "谈过", "--with", "9-9-909"), ("9-9-909",)),
        (("set", "{id}", "--kind", "打架"), ("打架",)),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    dyz: Runner, dispute: str, db: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("mediation", *(a.format(id=dispute) for a in args), code=1))
    for word in words:
        assert word in line
    assert snapshot(db) == before


def test_only_a_dispute_has_a_mediation(dyz: Runner, dyz_json, stairwell: str) -> None:
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "灯坏了")
    repair = dyz_json("petition", "list")[0]["id"][:8]
    line = one_line_error(dyz("mediation", "step", repair, "谈过", code=1))
    assert "矛盾调解" in line


def test_the_steps_travel_and_their_notes_go_with_the_flat(
    dyz: Runner, dyz_json, dispute: str, tmp_path: Path
) -> None:
    dyz("mediation", "step", dispute, "谈过", "--with", "2-2-401", "--note", "刘阿姨说楼上装修")
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    bundle = tmp_path / "all.yaml"
    dyz("export", "--plain", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    [step] = dyz_json(*office, "mediation", "show", dispute)["steps"]
    assert step["note"] == "刘阿姨说楼上装修"
    dyz("household", "remove", "2-2-301", "--yes")
    [kept] = dyz_json("mediation", "show", dispute)["steps"]
    assert kept["step"] == "talked" and kept["note"] is None


def test_what_waits_on_a_dispute_is_kept_from_its_steps_however_they_arrive(
    dyz: Runner, dyz_json, dispute: str, tmp_path: Path
) -> None:
    """`today` and the weekly report find a dispute by the days kept beside it (decided, agreed,
    followed up): written by a command, brought by another laptop's bundle, and derived again
    from the change log by `dyz doctor`, they agree."""
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    bundle = tmp_path / "all.yaml"

    def to_office() -> None:
        dyz("export", "--plain", "-o", str(bundle))
        dyz(*office, "import", str(bundle))

    def week(*where: str, of: str) -> tuple[int, int, int]:
        shown = dyz_json(*where, "report", "--week", of)["volunteers"]
        return shown["disputes_open"], shown["disputes_settled"], shown["follow_ups_due"]

    dyz("mediation", "step", dispute, "谈过", "--on", "2026-11-02")
    to_office()
    assert week(*office, of="2026-W45") == (1, 0, 0)
    dyz("mediation", "step", dispute, "达成协议", "--on", "2026-11-04")
    to_office()
    for where in ([], office):
        assert week(*where, of="2026-W44") == (1, 0, 0)  # agreed after that week
        assert week(*where, of="2026-W45") == (0, 1, 0)
        assert week(*where, of="2026-W48") == (0, 0, 1)
        assert "调解回访" in dyz(*where, "today", "--on", "2026-11-26").stdout
    dyz(*office, "mediation", "step", dispute, "回访", "--on", "2026-11-26")
    dyz(*office, "export", "--plain", "-o", str(bundle))
    dyz("import", str(bundle))
    for where in ([], office):
        assert "调解回访" not in dyz(*where, "today", "--on", "2026-11-27").stdout
        assert week(*where, of="2026-W48") == (0, 0, 0)
        assert "一切正常" in dyz(*where, "doctor").stderr
