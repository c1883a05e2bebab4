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


def test_a_care_visit_records_the_areas_it_checked_and_the_referral(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    visit = dyz_json(
        "visit", "add", "2-2-301", "--wellbeing", "well",
        "--check", "健康=正常", "--check", "居家安全=燃气管老化", "--check", "mind=ok",
        "--check", "照料=儿子每周来", "--referral", "社区卫生服务站",
    )  # fmt: skip
    assert visit["checks"] == {
        "health": "ok",
        "mind": "ok",
        "home_safety": "燃气管老化",
        "support": "儿子每周来",
    }
    assert visit["referral"] == "社区卫生服务站"
    shown = dyz("visit", "show", visit["id"][:8]).stdout
    assert "健康：正常" in shown and "居家安全：燃气管老化" in shown
    assert "转介：社区卫生服务站" in shown
    # 转介 may be said as a fifth area too
    again = dyz_json("visit", "add", "2-2-301", "--check", "转介=民政所")
    assert (again["checks"], again["referral"]) == ({}, "民政所")


def test_areas_are_refused_where_they_do_not_belong_and_nothing_is_written(
    dyz: Runner, db: Path, stairwell: str
) -> None:
    before = snapshot(db)
    nobody = dyz(
        "visit", "add", "2-2-301", "--outcome", "not_home", "--check", "健康=正常", code=1
    )  # fmt: skip
    assert "--check" in one_line_error(nobody)
    # 赵磊 is neither flagged nor given a risk level: the care ledger does not follow him
    line = one_line_error(dyz("visit", "add", "2-2-401", "--check", "健康=正常", code=1))
    assert "关爱对象" in line and "--risk" in line
    line = one_line_error(dyz("visit", "add", "2-2-301", "--check", "收入=低", code=1))
    assert "探访内容" in line and "居家安全" in line
    twice = dyz("visit", "add", "2-2-301", "--check", "健康=正常", "--check", "身体=发烧", code=1)
    assert "两次" in one_line_error(twice)
    assert "健康" in one_line_error(dyz("visit", "add", "2-2-301", "--check", "健康= ", code=1))
    assert snapshot(db) == before


def due(dyz_json, *args: str) -> list[tuple[str, str, int]]:
    return [(d["household"], d["reason"], d["every_days"]) for d in dyz_json("visit", "due", *args)]


def test_the_risk_level_sets_the_cadence_and_a_shorter_flag_cadence_wins(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    for flat in ("2-2-301", "2-2-302", "2-2-401"):
        dyz(
            "visit", "add", flat, "--on", "2026-11-01", *(["--met", "王建国"] * (flat == "2-2-302"))
        )
    zhao = _resident_id(dyz_json, "2-2-401", "赵磊")[:8]
    wang = _resident_id(dyz_json, "2-2-302", "王建国")[:8]
    liu = _resident_id(dyz_json, "2-2-301", "刘桂英")[:8]
    dyz("resident", "edit", zhao, "--risk", "高")
    dyz("resident", "edit", wang, "--risk", "中")
    dyz("resident", "edit", liu, "--risk", "低")  # she lives alone: weekly all the same
    listed = due(dyz_json, "--on", "2026-12-03", "--not-due")
    assert ("2-2-401", "risk_high", 7) in listed
    assert ("2-2-302", "risk_medium", 30) in listed
    assert ("2-2-301", "elderly_alone", 7) in listed
    # due: the one at high risk first, then the one living alone; monthly is due 12-01 too
    assert [h for h, _, _ in due(dyz_json, "--on", "2026-12-03")] == [
        "2-2-401",
        "2-2-301",
        "2-2-302",
        "2-2-402",  # never visited, nobody vulnerable
    ]
    text = dyz("visit", "due", "--on", "2026-12-03").stdout
    assert "风险等级高，每 7 天" in text and "风险等级中，每 30 天" in text
    dyz("resident", "edit", wang, "--risk", "低")
    assert ("2-2-302", "risk_low", 90) in due(dyz_json, "--on", "2026-12-03", "--not-due")


def test_nobody_home_where_someone_has_a_risk_level_is_tried_again_first(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    from datetime import date, timedelta

    ago = lambda days: (date.today() - timedelta(days=days)).isoformat()  # noqa: E731
    dyz("visit", "add", "2-2-401", "--on", ago(5))
    dyz("visit", "add", "2-2-401", "--on", ago(1), "--outcome", "not_home")
    assert dyz_json("today")["retries"] == []  # nobody the care ledger follows
    dyz("resident", "edit", _resident_id(dyz_json, "2-2-401", "赵磊")[:8], "--risk", "中")
    [retry] = dyz_json("today")["retries"]
    assert (retry["household"], retry["risk"]) == ("2-2-401", "medium")
    text = dyz("today").stdout.splitlines()
    assert text[3].startswith("  再去一次：2-2-401 ") and "（风险等级中）" in text[3]


def test_csv_gives_each_area_and_the_care_fields_a_column_of_their_own(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    import csv
    import io

    liu = _resident_id(dyz_json, "2-2-301", "刘桂英")[:8]
    dyz("resident", "edit", liu, "--emergency-contact", "张伟 13800001111", "--risk", "中")
    dyz("visit", "add", "2-2-301", "--check", "健康=正常", "--check", "居家安全=燃气管老化")
    [row] = csv.DictReader(io.StringIO(dyz("visit", "list", "--format", "csv").stdout))
    assert (row["health"], row["home_safety"], row["mind"]) == ("ok", "燃气管老化", "")
    assert "checks" not in row
    [person] = csv.DictReader(io.StringIO(dyz("household", "show", "2-2-301", "-f", "csv").stdout))
    assert (person["contact_name"], person["contact_phone"], person["risk"]) == (
        "张伟",
        "13800001111",
        "medium",
    )
