"""A week in 2-2 of the sample community, told as its unit head 周玉梅 lives it, and then the
papers read as the community office reads them, column by column.

Monday she sets up her laptop; she patrols her stairwell and finds a cable run from a fifth-
floor window; she prints the notice for the flat responsible, corrects where she wrote it was,
and records it fixed the next day. Thursday she knocks on doors: the family of three at 402
together, nobody home at 602 where 胡桂英 lives alone, and 周长福 at 102 (disabled, alone)
needs his medicine fetched. Her screen shows her unit, not the estate; the ledgers name her,
not her laptop, and put each fact in its column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Runner

FOUND_ON = "2026-12-01"  # a Tuesday
FIXED_ON = "2026-12-02"
DOORS_ON = "2026-12-03"  # Thursday, the doors


@pytest.fixture
def sample(tmp_path: Path) -> list[str]:
    """The sample community's notebook (dyz demo), as the 2-2 laptop holds it."""
    from danyuanzhang.upkeep.demo import build_demo

    path = tmp_path / "2-2.db"
    store, _ = build_demo(path)
    store.close()
    return ["--db", str(path)]


def test_a_week_in_2_2_and_the_papers_the_office_files(
    dyz: Runner, dyz_json: Any, sample: list[str], tmp_path: Path
) -> None:
    # -- Monday: the laptop learns whose it is; the roster already says what she looks after
    said = dyz(*sample, "init", "--name", "周玉梅").stderr
    assert "使用人：周玉梅" in said and "负责：新芙蓉之都 2-2单元" in said
    assert "名册上：2-2 的单元长" in said

    # -- her screen is her unit, and says so
    today = dyz(*sample, "today")
    assert "只看本机负责的新芙蓉之都 2-2单元（看全部加 --all）" in today.stderr
    plan = dyz_json(*sample, "today")
    assert plan["visits"] and {v["unit"] for v in plan["visits"]} == {"2-2"}
    everywhere = dyz_json(*sample, "today", "--all")
    assert {v["unit"] for v in everywhere["visits"]} > {"2-2"}

    # -- the patrol: a cable from a fifth-floor window (typed with a full-width 5), 502's
    dyz(*sample, "patrol", "--problem", "电动车:５楼窗口:拉飞线给电动车充电:2-2-502",
        "--on", FOUND_ON)  # fmt: skip
    [patrol] = [p for p in dyz_json(*sample, "patrol", "list") if p["on"] == FOUND_ON]
    assert patrol["unit"] == "2-2" and patrol["patroller"] == "周玉梅"
    [found] = patrol["hazards"]
    hazard = dyz_json(*sample, "hazard", "show", found["id"][:8])
    assert hazard["kind"] == "flying_wire" and hazard["unit"] == "2-2"
    assert hazard["place"] == "5楼窗口" and hazard["note"] == "拉飞线给电动车充电"
    assert hazard["household"] == "2-2-502"
    assert hazard["due"] == "2026-12-02"  # a flying wire is given one day
    assert hazard["requirement"] == "停止飞线充电，拆除私拉电线"
    assert hazard["severity"] is None  # nobody judged it
    assert found["id"] in {h["id"] for h in dyz_json(*sample, "today", "--on", "2026-12-03")
                           ["hazards"]}  # fmt: skip

    # -- the notice, printed to a file: to the flat responsible, the sentence, the deadline
    notice_file = tmp_path / "通知.txt"
    dyz(*sample, "hazard", "notice", found["id"][:8], "--on", FOUND_ON, "-o", str(notice_file))
    notice = notice_file.read_text(encoding="utf-8")
    assert "新芙蓉之都2栋2单元502室住户：" in notice
    assert "2026年12月1日，我们在2栋2单元5楼窗口发现飞线充电：拉飞线给电动车充电。" in notice
    assert "请于2026年12月2日（星期三）前整改完毕：停止飞线充电，拆除私拉电线。" in notice
    number = dyz_json(*sample, "hazard", "show", found["id"][:8])["notice_no"]
    assert number is not None and number in notice

    # -- she wrote the window too vaguely; put right, then fixed the next day
    dyz(*sample, "hazard", "edit", found["id"][:8], "--where", "2-2 5楼东侧窗口")
    dyz(*sample, "hazard", "fix", found["id"][:8], "--on", FIXED_ON)

    # -- the office reads the hazards ledger column by column
    ledger = dyz_json(*sample, "ledger", "hazards", "--from", FOUND_ON, "--to", FIXED_ON)
    rows = ledger["rows"] if isinstance(ledger, dict) else ledger
    [row] = [r for r in rows if r.get("household") == "2-2-502"]
    assert row["found_on"] == FOUND_ON
    assert row["finder"] == "周玉梅"  # the person, never "演示电脑"
    assert row["place"] == "2-2 5楼东侧窗口"
    assert row["note"] == "拉飞线给电动车充电"
    assert row["requirement"] == f"停止飞线充电，拆除私拉电线（{number}）"
    assert not row["severity"]
    assert row["due"] == "2026-12-02" and row["rectified_on"] == FIXED_ON
    assert row["notified_on"] == FOUND_ON  # the notice handed over is the household told

    # -- Thursday, the doors (a room number alone is her own unit's flat)
    dyz(*sample, "visit", "add", "402", "--on", DOORS_ON, "--anti-fraud-app", "是", "--briefed")
    dyz(*sample, "visit", "add", "602", "--on", DOORS_ON, "--outcome", "家中无人")
    dyz(*sample, "visit", "add", "102", "--on", DOORS_ON, "--wellbeing", "需要帮助",
        "--help-needed", "腿脚不便，请人每周送一次药", "--help-category", "助老")  # fmt: skip

    # -- Friday's screen: 602 again first, within 胡桂英's week; 周长福's need waits on her
    friday = dyz_json(*sample, "today", "--on", "2026-12-04")
    [again] = friday["retries"]
    assert again["household"] == "2-2-602"
    [medicine] = [n for n in friday["needs"] if n["raised_on"] == DOORS_ON]
    assert medicine["household"] == "2-2-102" and medicine["category"] == "elderly_care"
    assert medicine["text"] == "腿脚不便，请人每周送一次药"
    assert "先去：1 户上次家中无人，再去一次" in dyz(*sample, "today", "--on", "2026-12-04").stdout

    week = ("--from", FOUND_ON, "--to", "2026-12-06")

    # -- 入户走访台账: the family met by name, their phones masked, her name as the visitor
    visits = {r["household"]: r for r in dyz_json(*sample, "ledger", "visits", *week)["rows"]}
    family = visits["2-2-402"]
    assert set(family["resident"].split("、")) == {"萧美玲", "赖春花", "阎宇航"}
    assert family["phone"] == "139****6792、187****4765"
    assert (family["outcome"], family["visitor"]) == ("见到了", "周玉梅")
    assert visits["2-2-602"]["outcome"] == "家中无人" and not visits["2-2-602"]["resident"]
    assert visits["2-2-102"]["needs"] == "助老：腿脚不便，请人每周送一次药"

    # -- 反诈宣传台账: the family, the app, what she told them
    [told] = dyz_json(*sample, "ledger", "antifraud", *week)["rows"]
    assert told["household"] == "2-2-402" and told["app"] == "是"
    assert set(told["resident"].split("、")) == {"萧美玲", "赖春花", "阎宇航"}
    assert told["visitor"] == "周玉梅"

    # -- 特殊困难老人探访关爱台账: nobody home is not a visit; 周长福 met and found in need
    care = dyz_json(*sample, "ledger", "care", *week)
    seen = {(r["name"], r.get("on")): r for r in care["rows"]}
    alone = seen[("胡桂英", DOORS_ON)]
    assert alone["wellbeing"] == "家中无人" and alone["rate"] == 0
    helped = seen[("周长福", DOORS_ON)]
    assert helped["wellbeing"] == "需要帮助" and helped["rate"] == 1
    assert helped["needs"] == "助老：腿脚不便，请人每周送一次药"
    assert {r["name"] for r in care["rows"]}.isdisjoint({"萧美玲", "赖春花", "阎宇航"})

    # -- 群众诉求办理台账: the need as she took it
    [need_row] = [r for r in dyz_json(*sample, "ledger", "needs", *week)["rows"]
                  if r["household"] == "2-2-102" and r["raised_on"] == DOORS_ON]  # fmt: skip
    assert (need_row["raised_on"], need_row["category"], need_row["handler"]) == (
        DOORS_ON,
        "助老",
        "周玉梅",
    )

    # -- the weekly report is her unit's
    report = dyz(*sample, "report", "--week", "2026-W49", "-f", "json")
    assert "只看本机负责的新芙蓉之都 2-2单元" in report.stderr
    import json

    data = json.loads(report.stdout)
    assert data["scope"]["kind"] == "unit" and data["scope"]["name"] == "2-2"
    reached = data["visits"]
    assert reached["households"] == 12 and reached["not_home"] == 1
    assert reached["households_reached"] == 2  # 402 and 102; nobody home at 602 is no reach
    assert reached["coverage"] == round(100 * 2 / 12, 1)  # of 2-2's twelve flats


def test_her_need_and_3_1_s_go_before_the_council_as_one_matter(
    dyz: Runner, dyz_json: Any, sample: list[str], tmp_path: Path
) -> None:
    """The same week, the east gate's lamp: 周玉梅 hears of it at 501, 邓立新 at 3-1-101 on
    his own laptop. Each carries it up; the office, which holds both, sees one matter and
    links them; after a round trip through the office both laptops' agendas count two
    households, each unit head reading only their own resident's words."""
    import re

    fingerprint = r"本机密钥指纹：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})"

    def laptop(db: list[str], *options: str) -> str:
        said = dyz(*db, "init", "--community", "芙蓉南路社区", *options).stderr
        found = re.search(fingerprint, said)
        assert found is not None, said
        return found.group(1)

    def bundle(db: list[str], name: str, *options: str) -> str:
        path = tmp_path / f"{name}.yaml"
        dyz(*db, "export", "-o", str(path), *options)
        return str(path)

    office = ["--db", str(tmp_path / "office.db")]
    deng = ["--db", str(tmp_path / "3-1.db")]
    laptop(office, "--device-name", "社区办公室", "--office", "--name", "李秀兰", "--all")
    zhou_key = laptop(sample, "--device-name", "周玉梅的电脑", "--name", "周玉梅")
    deng_key = laptop(deng, "--device-name", "邓立新的电脑", "--name", "邓立新")

    # -- both laptops ask to join; the office admits them by the fingerprints read out
    ask = bundle(sample, "2-2-request", "--plain")  # the sample community, all of it
    dyz(*office, "import", ask)
    dyz(*office, "members", "admit", "周玉梅的电脑", "--fingerprint", zhou_key)
    dyz(*office, "import", ask)
    dyz(*office, "peers", "scope", "周玉梅的电脑", "unit:2-2")
    dyz(*sample, "import", bundle(office, "to-2-2-welcome", "--for", "周玉梅的电脑"))
    ask = bundle(deng, "3-1-request")  # an empty laptop's request to join
    dyz(*office, "import", ask)
    dyz(*office, "members", "admit", "邓立新的电脑", "--fingerprint", deng_key)
    dyz(*office, "import", ask)
    dyz(*office, "peers", "scope", "邓立新的电脑", "unit:3-1")
    dyz(*deng, "import", bundle(office, "to-3-1", "--for", "邓立新的电脑"))
    dyz(*deng, "init", "--unit", "3-1")

    # -- each hears of the lamp at a door and carries it up
    def carry_up(db: list[str], flat: str, text: str) -> str:
        said = dyz(*db, "petition", "add", flat, "--category", "安全", "--text", text,
                   "--on", DOORS_ON).stderr  # fmt: skip
        found = re.search(r"编号 ([0-9a-f]{8})", said)
        assert found is not None, said
        dyz(*db, "petition", "escalate", found.group(1), "--on", DOORS_ON)
        return str(dyz_json(*db, "petition", "show", found.group(1))["id"])

    hers = carry_up(sample, "501", "东门路灯不亮，老人晚上不敢出门")
    his = carry_up(deng, "3-1-101", "东门那盏路灯坏了快一个月")
    for db, name in ((sample, "2-2"), (deng, "3-1")):
        dyz(*office, "import", bundle(db, f"{name}-up", "--for", "社区办公室"))

    # -- at the office: one matter
    dyz(*office, "petition", "link", hers[:8], his[:8])

    def the_lamp(db: list[str]) -> dict[str, Any]:
        [matter] = [m for m in dyz_json(*db, "council", "agenda")["matters"]
                    if hers in m["petitions"] or his in m["petitions"]]  # fmt: skip
        return dict(matter)

    matter = the_lamp(office)
    assert matter["households"] == 2 and sorted(matter["petitions"]) == sorted([hers, his])

    # -- back to each laptop: the community's agenda, each one's own words
    dyz(*sample, "import", bundle(office, "to-2-2", "--for", "周玉梅的电脑"))
    dyz(*deng, "import", bundle(office, "to-3-1-again", "--for", "邓立新的电脑"))
    for db, own, other in ((sample, "老人晚上不敢出门", "快一个月"),
                           (deng, "快一个月", "老人晚上不敢出门")):  # fmt: skip
        seen = the_lamp(db)
        assert seen["households"] == 2 and sorted(seen["petitions"]) == sorted([hers, his])
        shown = "".join(dyz(*db, "council", "agenda").stdout.split())  # as read, unwrapped
        assert own in shown and other not in shown and "另有1条在别的单元长那里" in shown
    assert his not in {p["id"] for p in dyz_json(*sample, "petition", "list")}
