"""`dyz petition withdraw` and `dyz hazard withdraw`: a record entered by mistake leaves every
list and count, stays in its history, and the withdrawal travels like any step."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner, one_line_error, snapshot


def test_a_withdrawn_petition_leaves_lists_and_counts_and_keeps_its_history(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "楼道灯坏了", "--on", "2026-12-01")
    dyz("petition", "add", "2-2-302", "-c", "停车", "-t", "记错了户", "--on", "2026-12-01")
    [wrong] = [p for p in dyz_json("petition", "list") if p["text"] == "记错了户"]
    week = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")["needs"]
    assert (
        "已撤回"
        in dyz(
            "petition", "withdraw", wrong["id"][:8], "--reason", "记错了户，是 2-2-301 的"
        ).stderr
    )
    assert [p["text"] for p in dyz_json("petition", "list")] == ["楼道灯坏了"]
    assert dyz_json("petition", "list", "--status", "已撤回") == []
    after = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")["needs"]
    assert after != week
    assert "记错了户" not in str(after)
    agenda = dyz("council", "agenda", "--format", "json").stdout
    assert "记错了户" not in agenda
    shown = dyz_json("petition", "show", wrong["id"][:8])
    assert shown["status"] == "withdrawn"
    assert any(
        step["step"] == "withdrawn" and "2-2-301" in (step["note"] or "")
        for step in shown["timeline"]
    )


def test_a_withdrawn_hazard_leaves_lists_counts_and_ledgers(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("hazard", "add", "--kind", "楼道堵塞", "--where", "2-2 3楼", "--on", "2026-12-01")
    dyz("hazard", "add", "--kind", "飞线充电", "--where", "2-2 5楼", "--on", "2026-12-01")
    [first] = [h for h in dyz_json("hazard", "list") if h["kind"] == "blocked_exit"]
    [second] = [h for h in dyz_json("hazard", "list") if h["kind"] != "blocked_exit"]
    found = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")["hazards"]["found"]
    dyz("hazard", "withdraw", second["id"][:8], "--reason", "是别的单元的")
    assert [h["id"] for h in dyz_json("hazard", "list")] == [first["id"]]
    after = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:2-2")["hazards"]["found"]
    assert after == found - 1
    ledger = dyz(
        "ledger", "hazards", "--from", "2026-11-30", "--to", "2026-12-03", "-o", "台账.csv"
    )
    assert "台账.csv" in ledger.stderr
    text = Path("台账.csv").read_text(encoding="utf-8-sig")
    assert "3楼" in text and "5楼" not in text
    shown = dyz_json("hazard", "show", second["id"][:8])
    assert shown["status"] == "withdrawn"


def test_a_withdrawal_needs_a_reason_and_is_made_once(
    dyz: Runner, dyz_json, stairwell: str, db: Path
) -> None:
    dyz("petition", "add", "2-2-301", "-c", "维修", "-t", "楼道灯坏了")
    [petition] = dyz_json("petition", "list")
    before = snapshot(db)
    line = one_line_error(dyz("petition", "withdraw", petition["id"][:8], "--reason", " ", code=1))
    assert "原因" in line
    assert snapshot(db) == before
    dyz("petition", "withdraw", petition["id"][:8], "--reason", "重复记了")
    line = one_line_error(
        dyz("petition", "withdraw", petition["id"][:8], "--reason", "again", code=1)
    )
    assert "已撤回" in line and "不能再撤回" in line
    line = one_line_error(dyz("petition", "resolve", petition["id"][:8], "--note", "修好", code=1))
    assert "已撤回" in line


def test_a_withdrawal_travels_to_the_office(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*unit, "hazard", "add", "--kind", "楼道堵塞", "--where", "2-2 3楼")
    bundle = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    [hazard] = dyz_json(*office, "hazard", "list")
    dyz(*unit, "hazard", "withdraw", hazard["id"][:8], "--reason", "看错了")
    again = tmp_path / "second.yaml"
    dyz(*unit, "export", "--plain", "-o", str(again))
    dyz(*office, "import", str(again))
    assert dyz_json(*office, "hazard", "list") == []
    assert dyz_json(*office, "hazard", "show", hazard["id"][:8])["status"] == "withdrawn"
