"""The 2022 care policy at the door (issue 33, care): a resident's emergency contact and risk
level, the risk level's cadence, and the five areas a care visit checks."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner, one_line_error, snapshot


def _resident_id(dyz_json, ref: str, name: str) -> str:
    shown = dyz_json("household", "show", ref)
    return next(r["id"] for r in shown["residents"] if r["name"] == name)


def test_an_emergency_contact_and_a_risk_level_are_set_shown_and_cleared(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    liu = _resident_id(dyz_json, "2-2-301", "刘桂英")
    dyz(
        "resident",
        "edit",
        liu[:8],
        "--emergency-contact",
        "张伟 138 0000 1111 儿子",
        "--risk",
        "高",
    )
    [shown] = dyz_json("household", "show", "2-2-301")["residents"]
    assert shown["emergency_contact"] == {
        "name": "张伟",
        "phone": "13800001111",
        "relation": "儿子",
    }
    assert shown["risk"] == "high"
    table = dyz("household", "show", "2-2-301").stdout
    assert "紧急联系人 张伟（儿子） 13800001111" in table
    assert "风险等级 高（每 7 天探访）" in table
    english = dyz("--lang", "en", "household", "show", "2-2-301").stdout
    assert "risk level high (visited every 7 days)" in english

    dyz("resident", "edit", liu[:8], "--emergency-contact", "", "--risk", "")
    [cleared] = dyz_json("household", "show", "2-2-301")["residents"]
    assert (cleared["emergency_contact"], cleared["risk"]) == (None, None)


def test_a_contact_without_a_phone_or_an_unknown_risk_is_refused_unchanged(
    dyz: Runner, dyz_json, db: Path, stairwell: str
) -> None:
    liu = _resident_id(dyz_json, "2-2-301", "刘桂英")[:8]
    before = snapshot(db)
    line = one_line_error(dyz("resident", "edit", liu, "--emergency-contact", "张伟", code=1))
    assert "紧急联系人" in line
    line = one_line_error(dyz("resident", "edit", liu, "--risk", "极高", code=1))
    assert "风险等级" in line and "高" in line
    assert snapshot(db) == before
