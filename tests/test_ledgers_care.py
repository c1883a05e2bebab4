"""The care ledger as the 2022 policy has it (issue 33, care): whom it is for said in its
heading, 紧急联系人 and 风险等级, what each visit that met the person checked and whom it
referred them to, nobody home never a visit, a month's visit rate per person."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import Runner

NOVEMBER = ("--from", "2026-11-01", "--to", "2026-11-30")
RULE = "关爱对象：截至 2026-11-30 年满 60 周岁（1966 年及以前出生）的居民，以及标记为"


def care(dyz: Runner, *args: str) -> Any:
    return json.loads(dyz("ledger", "care", *NOVEMBER, *args, "-f", "json").stdout)


def resident_id(dyz_json: Any, ref: str, name: str) -> str:
    people = dyz_json("household", "show", ref)["residents"]
    return str(next(r["id"] for r in people if r["name"] == name))[:8]


def test_the_care_ledger_follows_the_2022_policy(
    dyz: Runner, dyz_json: Any, stairwell: str
) -> None:
    liu = resident_id(dyz_json, "2-2-301", "刘桂英")
    dyz("resident", "edit", liu, "--emergency-contact", "张伟 13800001111 儿子", "--risk", "高")
    # a young man with no flag, given a risk level by the community: on the ledger by it
    zhao = resident_id(dyz_json, "2-2-401", "赵磊")
    dyz("resident", "edit", zhao, "--born", "1990", "--risk", "低")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-03", "--outcome", "not_home")
    dyz("visit", "add", "2-2-301", "--on", "2026-11-04", "--wellbeing", "well",
        "--check", "健康=正常", "--check", "居家安全=燃气管老化，儿子电话13912345678",
        "--referral", "社区卫生服务站")  # fmt: skip
    dyz("visit", "add", "2-2-301", "--on", "2026-11-18", "--check", "精神=正常")
    ledger = care(dyz)
    assert ledger["heading"] == [
        RULE + "独居老人、子女不在身边、残疾、需帮扶或定了风险等级的居民。只有见到本人才算探访；"
        "风险等级定探访频次：高每 7 天、中每 30 天、低每 90 天。"
    ]
    assert not any(note.startswith("关爱对象") for note in ledger["notes"])
    rows = ledger["rows"]
    liu_rows = [r for r in rows if r["name"] == "刘桂英"]
    assert [(r["on"], r["wellbeing"]) for r in liu_rows] == [
        ("2026-11-03", "家中无人"),
        ("2026-11-04", "一切安好"),
        ("2026-11-18", "见到了"),
    ]
    assert {r["contact"] for r in liu_rows} == {"张伟（儿子） 138****1111"}
    assert {r["risk"] for r in liu_rows} == {"高"}
    assert {r["rate"] for r in liu_rows} == {2}  # two visits met her in the one month
    not_home, met, again = liu_rows
    assert (not_home["checks"], not_home["referral"]) == (None, None)
    assert met["checks"] == "健康：正常；居家安全：燃气管老化，儿子电话139****5678"
    assert met["referral"] == "社区卫生服务站"
    assert again["checks"] == "精神：正常"
    [zhao_row] = [r for r in rows if r["name"] == "赵磊"]
    assert (zhao_row["born"], zhao_row["risk"], zhao_row["category"], zhao_row["on"]) == (
        1990,
        "低",
        "",
        None,
    )
    # 王建国 and 李秀兰, of no age on record and neither flagged nor at risk: not on it
    assert {r["name"] for r in rows} == {"刘桂英", "赵磊"}
    assert ledger["notes"][0].startswith("本期关爱对象 2 人，见到本人的 1 人（50%），共探访 2 次")


def test_the_rule_is_at_the_top_of_every_format(
    dyz: Runner, stairwell: str, tmp_path: Path
) -> None:
    screen = dyz("ledger", "care", *NOVEMBER).stderr.splitlines()
    assert screen[0].startswith("芙蓉南路社区特殊困难老人探访关爱台账 · 2026-11-01 至 2026-11-30")
    assert screen[1].startswith(RULE)
    page = tmp_path / "care.md"
    dyz("ledger", "care", *NOVEMBER, "-o", str(page))
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("2026-11-01 至 2026-11-30") and lines[4].startswith(RULE)
    html = tmp_path / "care.html"
    dyz("ledger", "care", *NOVEMBER, "-o", str(html))
    text = html.read_text(encoding="utf-8")
    assert text.index('<p class="period">') < text.index(RULE) < text.index("<table>")
    english = dyz("--lang", "en", "ledger", "care", *NOVEMBER).stderr.splitlines()
    assert english[1].startswith("Who this ledger is for: residents aged 60 and over")
    # the other ledgers have no rule to say
    visits = dyz("ledger", "visits", *NOVEMBER).stderr.splitlines()
    assert not visits[1].startswith("关爱对象")


def test_an_emergency_contact_goes_with_the_household(
    dyz: Runner, dyz_json: Any, db: Path, stairwell: str
) -> None:
    liu = resident_id(dyz_json, "2-2-301", "刘桂英")
    dyz("resident", "edit", liu, "--emergency-contact", "张卫东 13700002222 侄子", "--risk", "中")
    visit = dyz_json("visit", "add", "2-2-301", "--check", "健康=高血压没按时吃药",
                     "--referral", "仁心诊所王医生")  # fmt: skip
    dyz("household", "remove", "2-2-301", "--yes")
    # what the visit found goes with her; the visit stays for the figures
    kept = dyz_json("visit", "show", visit["id"][:8])
    assert (kept["checks"], kept["referral"]) == ({}, None)
    raw = b"".join(
        Path(str(db) + suffix).read_bytes()
        for suffix in ("", "-wal")
        if Path(str(db) + suffix).exists()
    )
    for secret in ("张卫东", "13700002222", "侄子", "高血压没按时吃药", "仁心诊所王医生"):
        assert secret.encode() not in raw, secret
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM residents WHERE risk IS NOT NULL").fetchone() == (0,)
