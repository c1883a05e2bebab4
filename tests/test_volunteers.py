"""The volunteer team: who helps, with what and where; the services they gave and the ledger
the office files (志愿服务记录)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot

ZUO = ("--name", "左师傅", "--phone", "13507310001", "--service", "义务维修")


@pytest.fixture
def team(dyz: Runner, stairwell: str) -> str:
    """左师傅 (repairs, lives at 2-2-401) and 李老师 (tutoring and the elderly, from outside,
    the whole estate)."""
    dyz("volunteer", "add", *ZUO, "--household", "2-2-401")
    dyz("volunteer", "add", "--name", "李老师", "--service", "送学上门、帮扶",
        "--area", "全部", "--available", "周末上午")  # fmt: skip
    return stairwell


def test_a_volunteer_is_registered_with_their_services_and_area(
    dyz: Runner, dyz_json, team: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    zuo, li = sorted(dyz_json("volunteer", "list"), key=lambda v: v["name"] != "左师傅")
    assert zuo["services"] == ["repair"] and zuo["area"] == "2-2"
    assert zuo["household"] == "2-2-401" and zuo["phone"] == "13507310001"
    assert li["services"] == ["tutoring", "elder_help"] and li["area"] == team
    assert li["household"] is None and li["available"] == "周末上午"
    repairers = dyz_json("volunteer", "list", "--service", "repair")
    assert [v["name"] for v in repairers] == ["左师傅"]
    monkeypatch.setenv("COLUMNS", "120")  # each row on one line
    shown = dyz("volunteer", "list").stdout
    assert "义务维修" in shown and "送学上门、帮扶老人" in shown


def test_services_are_recorded_with_hours_and_totalled_in_the_volunteer_s_own_record(
    dyz: Runner, dyz_json, team: str
) -> None:
    said = dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours",
               "1.5", "--on", "2026-11-20", "--note", "修门锁")  # fmt: skip
    assert "已记下 左师傅 为 2-2-301 的义务维修" in said.stderr
    dyz("service", "add", "左师傅", "--for", "2-2", "--kind", "repair", "--hours", "90分钟",
        "--on", "2026-11-21")  # fmt: skip
    shown = dyz_json("volunteer", "show", "左师傅")
    assert shown["hours"] == {"repair": "3"} and shown["hours_total"] == "3"
    assert [s["household"] for s in shown["services_given"]] == [None, "2-2-301"]
    assert shown["services_given"][0]["unit"] == "2-2"
    listed = dyz_json("service", "list", "--from", "2026-11-01", "--to", "2026-11-30")
    assert [(s["on"], s["hours"], s["volunteer"]) for s in listed] == [
        ("2026-11-20", "1.5", "左师傅"),
        ("2026-11-21", "1.5", "左师傅"),
    ]


def test_a_service_beyond_what_someone_signed_up_for_is_warned_not_refused(
    dyz: Runner, dyz_json, team: str
) -> None:
    said = dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "帮扶老人", "--hours", "1")
    assert "提醒" in said.stderr and "帮扶老人" in said.stderr
    assert len(dyz_json("service", "list")) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--kind", "理发", "--hours", "1"), ("理发", "义务维修")),
        (("--kind", "维修", "--hours", "-1"), ("-1", "大于 0")),
        (("--kind", "维修", "--hours", "25"), ("25", "不超过 24")),
        (("--kind", "维修", "--hours", "两个小时"), ("两个小时",)),
        (("--kind", "维修", "--hours", "1", "--on", "明天"), ("还没到",)),
        (("--kind", "维修", "--hours", "1", "--for", "9-9-909"), ("9-9-909",)),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    dyz: Runner, team: str, db: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    before = snapshot(db)
    served = () if "--for" in args else ("--for", "2-2-301")
    line = one_line_error(dyz("service", "add", "左师傅", *served, *args, code=1))
    for word in words:
        assert word in line
    assert snapshot(db) == before


def test_an_unknown_volunteer_or_service_is_one_line(dyz: Runner, team: str, db: Path) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("service", "add", "张三", "--for", "2-2-301", "--kind", "维修",
                              "--hours", "1", code=1))  # fmt: skip
    assert "张三" in line and "dyz volunteer list" in line
    line = one_line_error(dyz("volunteer", "add", "--name", "王", "--service", "理发", code=1))
    assert "理发" in line and "dyz volunteer kind-add 英文代号 --zh 理发" in line
    assert snapshot(db) == before


def test_a_service_the_community_adds_is_offered_and_recorded(
    dyz: Runner, dyz_json, team: str
) -> None:
    dyz("volunteer", "kind-add", "haircut", "--zh", "义务理发")
    dyz("volunteer", "edit", "李老师", "--service", "送学上门", "--service", "义务理发")
    dyz("service", "add", "李老师", "--for", "2-2-301", "--kind", "理发", "--hours", "0.5")
    [given] = dyz_json("service", "list")
    assert given["kind"] == "haircut"
    assert "义务理发" in dyz("ledger", "volunteers", "--from", date.today().isoformat()).stdout


def test_the_ledger_has_who_when_for_whom_what_how_long_and_who_wrote_it(
    dyz: Runner, dyz_json, team: str
) -> None:
    dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "1.5",
        "--on", "2026-11-20", "--note", "修门锁，回电13812345678")  # fmt: skip
    dyz("service", "add", "李老师", "--for", "2-2-302", "--kind", "送学上门", "--hours", "2",
        "--on", "2026-11-22")  # fmt: skip
    dyz("service", "add", "李老师", "--for", "2-2-302", "--kind", "送学上门", "--hours", "2",
        "--on", "2026-12-01")  # fmt: skip
    ledger = dyz_json("ledger", "volunteers", "--from", "2026-11-01", "--to", "2026-11-30")
    assert [c["header"] for c in ledger["columns"]] == [
        "序号", "志愿者", "日期", "服务对象（房号）", "服务内容", "时长（小时）", "记录人",
    ]  # fmt: skip
    first, second = ledger["rows"]
    assert first["volunteer"] == "左师傅" and first["served"] == "2-2-301"
    assert first["service"] == "义务维修：修门锁，回电138****5678" and first["hours"] == 1.5
    assert first["recorder"] == "王建国的电脑"
    assert second["service"] == "送学上门" and second["hours"] == 2
    assert ledger["notes"] == [
        "送学上门：1 次，2 小时",
        "义务维修：1 次，1.5 小时",
        "共记志愿服务 2 次，3.5 小时。",
    ]


def test_a_removed_volunteer_leaves_no_trace_and_their_services_stay_unnamed(
    dyz: Runner, dyz_json, team: str, db: Path
) -> None:
    dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "1")
    dyz("volunteer", "edit", "左师傅", "--phone", "13507319999")
    said = dyz("volunteer", "remove", "左师傅", "--yes")
    assert "无法恢复" in said.stderr
    raw = b"".join(
        Path(f"{db}{suffix}").read_bytes()
        for suffix in ("", "-wal")
        if Path(f"{db}{suffix}").exists()
    )
    for secret in ("左师傅", "13507310001", "13507319999"):
        assert secret.encode() not in raw, secret
    [row] = dyz_json("ledger", "volunteers", "--from", date.today().isoformat())["rows"]
    assert row["volunteer"] == "（已删除的志愿者）" and row["hours"] == 1


def test_a_volunteer_goes_with_the_household_they_live_in(dyz: Runner, dyz_json, team: str) -> None:
    dyz("service", "add", "李老师", "--for", "2-2-401", "--kind", "送学上门", "--hours", "1",
        "--note", "给赵磊的孩子讲数学")  # fmt: skip
    dyz("household", "remove", "2-2-401", "--yes")
    assert [v["name"] for v in dyz_json("volunteer", "list")] == ["李老师"]
    [given] = dyz_json("service", "list")
    assert given["hours"] == "1" and not given["note"]


def test_volunteers_and_services_travel_and_a_unit_bundle_holds_its_own(
    dyz: Runner, dyz_json, team: str, tmp_path: Path, db: Path
) -> None:
    dyz("household", "add", "3-1-101")
    dyz("volunteer", "add", "--name", "孙阿姨", "--service", "帮扶老人", "--area", "3-1")
    dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "1")
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    everything = tmp_path / "all.yaml"
    dyz("export", "--plain", "-o", str(everything))
    dyz(*office, "import", str(everything))
    assert sorted(v["name"] for v in dyz_json(*office, "volunteer", "list")) == [
        "孙阿姨", "左师傅", "李老师",
    ]  # fmt: skip
    assert dyz_json(*office, "volunteer", "show", "左师傅")["hours_total"] == "1"
    unit = tmp_path / "unit.yaml"
    dyz("export", "--plain", "--scope", "unit:2-2", "-o", str(unit))
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "2-2单元长")
    dyz(*other, "import", str(unit))
    # the whole estate's volunteer helps in 2-2 too; 3-1's does not
    assert sorted(v["name"] for v in dyz_json(*other, "volunteer", "list")) == ["左师傅", "李老师"]


def test_the_weekly_report_counts_the_team_s_week_by_service_never_by_person(
    dyz: Runner, dyz_json, team: str
) -> None:
    for who, kind, hours, on in (
        ("左师傅", "维修", "1", "2026-11-12"),
        ("左师傅", "维修", "1.5", "2026-11-17"),
        ("李老师", "送学上门", "2", "2026-11-18"),
    ):
        dyz("service", "add", who, "--for", "2-2-301", "--kind", kind, "--hours", hours, "--on", on)
    for text, step in (("楼上漏水", "达成协议"), ("楼下噪音", None)):
        dyz("petition", "add", "2-2-302", "-c", "矛盾调解", "-t", text, "--on", "2026-11-16")
        if step:
            dispute = next(p for p in dyz_json("petition", "list") if p["text"] == text)
            dyz("mediation", "step", dispute["id"][:8], step, "--on", "2026-11-18")
    week = dyz_json("report", "--week", "2026-W47")["volunteers"]
    assert (week["services"], week["hours"], week["last_week"]["services"]) == (2, 3.5, 1)
    assert week["by_kind"] == {
        "repair": {"services": 1, "hours": "1.5"},
        "tutoring": {"services": 1, "hours": "2"},
    }
    assert (week["disputes_open"], week["disputes_settled"]) == (1, 1)
    chat = dyz("report", "--week", "2026-W47", "-f", "text").stdout
    assert "【志愿服务和矛盾调解】" in chat and "义务维修 1 次 1.5 小时" in chat
    assert "调解中 1 件，本周调解成功 1 件" in chat
    for page in (chat, dyz("report", "--week", "2026-W47").stdout):
        assert "左师傅" not in page and "李老师" not in page


def test_a_district_s_template_lays_out_the_volunteer_ledger(
    dyz: Runner, dyz_json, team: str, tmp_path: Path
) -> None:
    dyz("service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "2")
    template = tmp_path / "志愿服务-街道表样.yaml"
    template.write_text(
        "kind: volunteers\ntitle: 志愿服务时长登记表\ncolumns:\n"
        "  - on: 服务日期\n  - volunteer: 志愿者姓名\n  - hours: 服务时长\n",
        encoding="utf-8",
    )
    ledger = dyz_json(
        "ledger", "volunteers", "--template", str(template), "--from", date.today().isoformat()
    )
    assert ledger["title"].endswith("志愿服务时长登记表")
    assert [c["header"] for c in ledger["columns"]] == ["服务日期", "志愿者姓名", "服务时长"]
    assert [(r["volunteer"], r["hours"]) for r in ledger["rows"]] == [("左师傅", 2)]


def test_a_service_for_a_flat_named_by_an_id_of_digits_alone_finds_the_flat(
    dyz: Runner, dyz_json, team: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id's beginning can be all digits (about one flat in 300): it names the flat, not a
    unit (the sync laws once failed on `552082340224`)."""
    import danyuanzhang.store as store_module

    digits_first = bytes.fromhex("552082340224") + bytes(10)
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "random_bytes", lambda size: digits_first[:size])
        dyz("household", "add", "2-2-502")
    dyz("service", "add", "左师傅", "--for", "552082340224", "--kind", "维修", "--hours", "1",
        "--on", "2026-11-20")  # fmt: skip
    given = dyz_json("volunteer", "show", "左师傅")["services_given"]
    assert [s["household"] for s in given] == ["2-2-502"]
