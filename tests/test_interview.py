"""`dyz visit`, the door-knocking interview, driven key by key through prompt_toolkit's pipe
input: every branch, the draft kept on Ctrl-C or a closed terminal, and resuming it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store, drafts
from danyuanzhang.visits.interview import Asker, run_interview
from tests.conftest import Runner, snapshot

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"


@pytest.fixture
def store(db: Path, stairwell: str) -> Iterator[Store]:
    opened = Store.open(db)
    yield opened
    opened.close()


def interview(store: Store, *keys: str, resume: bool = False, hang_up: float = 5.0) -> Any:
    """Run the interview with these keystrokes; returns (the visit or the error, what it
    showed). The terminal is closed `hang_up` seconds on: a missing keystroke ends as a closed
    terminal would, never as a hung test."""
    shown: list[str] = []
    with create_pipe_input() as pipe:
        for key in keys:
            pipe.send_text(key)
        timer = threading.Timer(hang_up, pipe.close)
        timer.start()
        try:
            result: Any = run_interview(
                store, resume=resume, asker=Asker(pipe, DummyOutput(), shown.append)
            )
        except DyzError as error:
            result = error
        finally:
            timer.cancel()
    return result, "\n".join(shown)


def test_nobody_home_is_one_keystroke_after_the_household(store: Store, dyz_json) -> None:
    visit, shown = interview(store, "2-2-302" + ENTER, "2")
    assert visit["outcome"] == "not_home" and visit["household"] == "2-2-302"
    assert shown == "  » 家中无人"  # the answer the key gave, and nothing more asked
    assert [v["outcome"] for v in dyz_json("visit", "list")] == ["not_home"]
    assert drafts.load(store) is None


def test_a_full_visit_with_several_needs_a_move_out_a_flag_and_a_hazard(
    store: Store, dyz_json
) -> None:
    visit, shown = interview(
        store,
        "王建" + ENTER,  # part of a resident's name …
        ENTER,  # … and picked from the matches
        "1",  # met
        "y",  # introduced (first visit)
        "3",  # someone moved out
        DOWN + ENTER,  # … 李秀兰 (listed first, under "please choose")
        "4",  # mark someone
        DOWN + ENTER,  # … 王建国, the one staying
        "2",  # … children away
        "1",  # no more changes; 王建国 alone stays: met, without asking
        "y",  # any needs
        "3",  # repairs
        "楼道灯坏了" + ENTER,
        "1",  # kept open
        "y",  # another
        "4",  # elderly care
        "帮忙买药" + ENTER,
        "2",  # settled on the spot
        "已代买降压药" + ENTER,
        "n",  # no more needs
        "y",  # a hazard
        "7",  # flying wire
        "窗外拉线充电" + ENTER,
        "1",  # this household is to fix it
        "y",  # another hazard
        "2",  # emergency light
        "三楼应急灯不亮" + ENTER,
        "2",  # a common area: nobody's in particular
        "n",
        "2",  # app: not installed
        "y",  # briefed
        # 王建国, his children away, is one the care ledger follows: how is he, and the areas
        "1",  # well
        "1",  # health: 正常
        "1",  # state of mind: 正常
        "2",  # home safety: something found …
        "燃气管老化" + ENTER,
        "3",  # family support: not asked
        "y",  # referred …
        "社区卫生服务站" + ENTER,  # … to the clinic
        "孩子在外地" + ENTER,  # note
        "y",  # save
    )
    assert not isinstance(visit, DyzError), visit
    assert visit["wellbeing"] == "well"
    assert visit["checks"] == {"health": "ok", "mind": "ok", "home_safety": "燃气管老化"}
    assert visit["referral"] == "社区卫生服务站"
    assert "关爱探访：健康 正常；精神 正常；居家安全 燃气管老化；转介 社区卫生服务站" in shown
    assert (visit["household"], visit["introduced"], visit["anti_fraud_app"], visit["briefed"]) == (
        "2-2-302",
        True,
        False,
        True,
    )
    assert visit["note"] == "孩子在外地"
    assert sorted((n["category"], n["text"], n["status"]) for n in visit["needs"]) == [
        ("elderly_care", "帮忙买药", "resolved"),
        ("repair", "楼道灯坏了", "collected"),
    ]
    assert sorted((h["kind"], h["note"]) for h in visit["hazards"]) == [
        ("emergency_light", "三楼应急灯不亮"),
        ("flying_wire", "窗外拉线充电"),
    ]
    responsible = {h["kind"]: h["household"] for h in dyz_json("hazard", "list")}
    assert responsible == {"flying_wire": "2-2-302", "emergency_light": None}
    people = {r["name"]: r for r in dyz_json("household", "show", "2-2-302")["residents"]}
    assert people["李秀兰"]["moved_out"] == visit["on"]
    assert people["王建国"]["flags"] == ["children_away"]
    assert visit["met"] == ["王建国"]
    assert "迁出：李秀兰" in shown and "需求 [维修] 楼道灯坏了（记下，往上报）" in shown
    assert "· 王建国" in shown  # the residents on record were shown first


def test_a_new_household_and_someone_moving_in(store: Store, dyz_json) -> None:
    visit, shown = interview(
        store,
        "2-2-502" + ENTER,  # not on the roll
        DOWN * 0 + ENTER,  # register a new household (the first choice when nothing matches)
        ENTER,  # the reference, offered as typed
        "1",
        "y",
        "2",  # someone moved in
        "陈志明" + ENTER,
        "139 0000 1111" + ENTER,
        "1",  # done
        "n",
        "n",
        "1",  # app installed
        "n",  # not briefed
        ENTER,
        "y",
    )
    assert "没找到“2-2-502”" in shown and "新登记住户：2-2-502" in shown
    assert visit["household"] == "2-2-502" and visit["briefed"] is False
    [resident] = dyz_json("household", "show", "2-2-502")["residents"]
    assert (resident["name"], resident["phone"], resident["moved_in"]) == (
        "陈志明",
        "13900001111",
        visit["on"],
    )


def test_a_wrong_answer_is_asked_again_not_fatal(store: Store, dyz_json) -> None:
    visit, _ = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "2",
        "陈志明" + ENTER,
        "12345" + ENTER,  # not a phone number: the question stays
        "\x7f" * 5 + ENTER,  # erased: no phone
        "1",
        ENTER,  # met: all three, as ticked
        "n",
        "n",
        "3",  # app: did not ask
        "n",
        ENTER,
        "y",
    )
    assert visit["anti_fraud_app"] is None
    people = {r["name"]: r for r in dyz_json("household", "show", "2-2-302")["residents"]}
    assert people["陈志明"]["phone"] is None


def test_the_wellbeing_check_is_asked_for_someone_living_alone(store: Store) -> None:
    visit, shown = interview(
        store, "2-2-301" + ENTER, "1", "y", "1", "n", "n", "1", "y",
        "2",  # needs help: what help?
        "4", "想要社区助餐送上门" + ENTER,
        "1", "1", "1", "1", "n",  # the four areas 正常, not referred
        ENTER, "y",
    )  # fmt: skip
    assert visit["wellbeing"] == "needs_help"
    assert [(n["category"], n["text"], n["status"]) for n in visit["needs"]] == [
        ("elderly_care", "想要社区助餐送上门", "collected")
    ]
    assert "需要的帮助 [助老] 想要社区助餐送上门（记下，往上报）" in shown


def test_declined_asks_only_for_a_note(store: Store) -> None:
    visit, shown = interview(store, "2-2-301" + ENTER, "3", "隔着门说不需要" + ENTER, "y")
    assert (visit["outcome"], visit["note"], visit["briefed"]) == (
        "declined",
        "隔着门说不需要",
        None,
    )
    assert "结果：不愿交谈" in shown


def test_ctrl_c_keeps_every_answer_and_resume_goes_on(store: Store, db: Path, dyz_json) -> None:
    before = snapshot(db)
    first, _ = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "1",
        ENTER,  # met: both
        "y",
        "3",
        "楼道灯坏了" + ENTER,
        "1",
        CTRL_C,  # at "another need?"
    )
    assert isinstance(first, DyzError) and first.key == "visit_kept_as_draft"
    assert "dyz visit --resume" in first.message()
    assert dyz_json("visit", "list") == [] and dyz_json("petition", "list") == []
    draft = drafts.load(store)
    assert draft is not None and draft["plan"]["needs"][0]["text"] == "楼道灯坏了"
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k != "settings"} == {
        k: v for k, v in before.items() if k != "settings"
    }
    visit, shown = interview(
        store,
        "y",  # another need: yes (the question interrupted is asked again)
        "1",  # parking
        "车位不够" + ENTER,
        "1",
        "n",
        "n",  # no hazard
        "1",
        "y",
        ENTER,
        "y",
        resume=True,
    )
    assert sorted(n["text"] for n in visit["needs"]) == ["楼道灯坏了", "车位不够"]
    # the resumed visit said first which household it was and what was already recorded
    resumed = shown.split("接着上次没答完的走访，已经记下的是：", 1)[1]
    first_summary = resumed.split("—— 这次走访将保存： ——")[0]
    assert "2-2-302" in first_summary and "楼道灯坏了" in first_summary
    assert "车位不够" not in first_summary  # asked after the resume
    assert drafts.load(store) is None


def test_a_closed_terminal_keeps_the_draft_and_the_next_run_offers_it(store: Store) -> None:
    result, _ = interview(store, "2-2-302" + ENTER, "1", hang_up=0.5)
    assert isinstance(result, DyzError) and result.key == "visit_kept_as_draft"
    # without --resume, the next interview asks whether to go on with it
    visit, _ = interview(store, ENTER, "n", "1", ENTER, "n", "n", "1", "y", ENTER, "y")
    assert visit["household"] == "2-2-302" and visit["outcome"] == "met"
    # or drops it
    interview(store, "2-2-301" + ENTER, hang_up=0.5)
    assert drafts.load(store) is not None
    visit, _ = interview(store, DOWN + ENTER, "2-2-302" + ENTER, "2")
    assert visit["outcome"] == "not_home"


def test_cancelling_before_any_answer_leaves_no_draft(store: Store) -> None:
    result, _ = interview(store, CTRL_C)
    assert isinstance(result, DyzError) and result.key == "visit_cancelled"
    assert drafts.load(store) is None


def test_saying_no_at_the_summary_keeps_or_drops_the_draft(store: Store, dyz_json) -> None:
    result, _ = interview(store, "2-2-302" + ENTER, "3", ENTER, "n", "n")
    assert isinstance(result, DyzError) and result.key == "visit_kept_as_draft"
    assert drafts.load(store) is not None and dyz_json("visit", "list") == []
    result, shown = interview(store, "n", "y", resume=True)
    assert result is None and "已丢弃" in shown
    assert drafts.load(store) is None and dyz_json("visit", "list") == []


def test_resume_and_discard_from_the_command_line(dyz: Runner, store: Store) -> None:
    assert "没有没答完的走访" in dyz("visit", "--discard").stderr
    interview(store, "2-2-302" + ENTER, hang_up=0.5)
    assert drafts.load(store) is not None
    assert "已丢弃" in dyz("visit", "--discard").stderr
    assert drafts.load(store) is None
    result, _ = interview(store, resume=True, hang_up=0.5)
    assert isinstance(result, DyzError) and result.key == "no_draft"


def test_the_same_answers_make_the_same_records_both_ways(
    dyz: Runner, dyz_json, store: Store, tmp_path: Path
) -> None:
    """The interview in one notebook, `dyz visit add` in a copy of it: the same records."""
    twin = tmp_path / "twin.db"
    dyz("export", "--plain", "--all", "-o", str(tmp_path / "all.yaml"))
    dyz("--db", str(twin), "init", "--community", "芙蓉南路社区", "--device-name", "王建国的平板")
    dyz("--db", str(twin), "import", str(tmp_path / "all.yaml"))
    asked, _ = interview(
        store,
        "2-2-301" + ENTER,
        "1",
        "y",
        "2",
        "孙丽" + ENTER,
        ENTER,
        "4",
        DOWN * 2 + ENTER,  # … 孙丽
        "5",  # … tenant
        "1",
        ENTER,  # met: both, as ticked
        "y",
        "3",
        "楼道灯坏了" + ENTER,
        "2",
        "换了灯泡" + ENTER,
        "n",
        "y",
        "7",
        "窗外拉线" + ENTER,
        "1",
        "n",
        "1",
        "y",
        "1",  # well
        "1",  # health: 正常
        "2",  # state of mind: …
        "有点孤单" + ENTER,
        "1",  # home safety: 正常
        "3",  # family support: not asked
        "y",  # referred
        "街道心理咨询室" + ENTER,
        "精神好" + ENTER,
        "y",
    )
    typed = dyz_json(
        "--db", str(twin), "--by", "王建国的电脑", "visit", "add", "2-2-301", "--introduced", "--moved-in", "孙丽",
        "--flag", "孙丽:租户", "--resolved-need", "维修:楼道灯坏了=>换了灯泡",
        "--hazard", "飞线充电:窗外拉线", "--anti-fraud-app", "yes", "--briefed",
        "--wellbeing", "well", "--note", "精神好", "--met", "刘桂英", "--met", "孙",
        "--check", "精神=有点孤单", "--check", "健康=正常", "--check", "居家安全＝正常",
        "--referral", "街道心理咨询室",
    )  # fmt: skip
    assert asked["checks"] == {"health": "ok", "mind": "有点孤单", "home_safety": "ok"}

    def without_ids(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: without_ids(v) for k, v in value.items() if k not in ("id",)}
        if isinstance(value, list):
            return [without_ids(v) for v in value]
        return value

    assert without_ids(asked) == without_ids(typed)
    for db_args in ([], ["--db", str(twin)]):
        home = dyz_json(*db_args, "household", "show", "2-2-301")
        assert sorted((r["name"], tuple(r["flags"]), r["moved_in"]) for r in home["residents"]) == [
            ("刘桂英", ("elderly_alone",), None),
            ("孙丽", ("tenant",), asked["on"]),
        ]


def test_household_matching_finds_rooms_references_and_names(store: Store) -> None:
    from danyuanzhang.households.matching import HouseholdIndex

    index = HouseholdIndex.build(store)
    assert [h.ref for h in index.match("2-2-301")] == ["2-2-301"]
    assert [h.ref for h in index.match("2栋2单元302")] == ["2-2-302"]
    assert [h.ref for h in index.match("302")] == ["2-2-302"]
    assert [h.ref for h in index.match("秀兰")] == ["2-2-302"]
    assert [h.ref for h in index.match("2-2")] == ["2-2-301", "2-2-302", "2-2-401", "2-2-402"]
    assert index.match("张三") == [] and index.match("   ") == []
    label = index.match("刘桂英")[0].label
    assert label == "2-2-301  刘桂英" and index.match(label)[0].ref == "2-2-301"


def test_the_completer_offers_matches_as_the_person_types(store: Store) -> None:
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from danyuanzhang.households.matching import HouseholdIndex
    from danyuanzhang.visits.interview import HouseholdCompleter

    completer = HouseholdCompleter(HouseholdIndex.build(store), lambda found, _: found)
    offered = list(completer.get_completions(Document("30"), CompleteEvent()))
    # residents as the registry lists them: earliest arrival first, then by name
    assert [c.text for c in offered] == ["2-2-301  刘桂英", "2-2-302  李秀兰 王建国"]
    assert all(c.start_position == -2 for c in offered)


def test_on_a_unit_head_s_laptop_a_room_number_offers_her_own_flat(
    dyz: Runner, store: Store, stairwell: str
) -> None:
    """Typing 301 in dyz visit on 2-2's laptop offers 2-2-301 alone, not every unit's 301;
    a part of a room offers her unit's flats first."""
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from danyuanzhang.households.matching import HouseholdIndex
    from danyuanzhang.visits.interview import Asker, HouseholdCompleter, Interview
    from danyuanzhang.visits.plan import VisitPlan

    for flat in ("1-1-301", "1-1-302", "3-1-301"):
        dyz("household", "add", flat, "--estate", stairwell)
    dyz("init", "--name", "周玉梅", "--unit", "2-2")
    walk = Interview(store, Asker(), VisitPlan(household=""), [])
    completer = HouseholdCompleter(HouseholdIndex.build(store), walk._own_first)

    def offered(typed: str) -> list[str]:
        found = completer.get_completions(Document(typed), CompleteEvent())
        return [c.text.split()[0] for c in found]

    assert offered("301") == ["2-2-301"]
    assert offered("30")[:2] == ["2-2-301", "2-2-302"]
    assert set(offered("30")[2:]) == {"1-1-301", "1-1-302", "3-1-301"}


# -- with no terminal, and in a real one ---------------------------------------------------------


def _dyz_command() -> list[str]:
    return [sys.executable, "-m", "danyuanzhang"]


@pytest.mark.parametrize("how", ["stdin is /dev/null", "CI=true"])
def test_with_no_terminal_it_points_to_visit_add_at_once(
    stairwell: str, db: Path, how: str
) -> None:
    env = {**os.environ, "DYZ_DB": str(db), "DYZ_LANG": "zh"}
    if how == "CI=true":
        env["CI"] = "true"
    started = time.monotonic()
    result = subprocess.run(
        [*_dyz_command(), "visit"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert time.monotonic() - started < 5  # generous: the process starts well within a second
    assert result.returncode == 1
    assert "dyz visit add" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX; CI runs Linux")
def test_in_a_real_pseudo_terminal_with_the_real_program(
    stairwell: str, db: Path, dyz_json
) -> None:
    """The installed program in a pseudo-terminal, as a unit head would run it: a visit where
    nobody was home, then a visit broken off with Ctrl-C and finished with --resume."""
    import pexpect

    # pexpect is no terminal emulator: it never answers the cursor-position query
    env = {
        **os.environ,
        "DYZ_DB": str(db),
        "DYZ_LANG": "en",
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("CI", None)

    def spawn(*args: str) -> Any:
        return pexpect.spawn(
            sys.executable,
            ["-m", "danyuanzhang", "visit", *args],
            env=env,
            encoding="utf-8",
            dimensions=(30, 120),
            timeout=30,
        )

    child = spawn()
    child.expect("Which household")
    child.send("2-2-302")
    child.expect("王建国")  # the match is offered while typing
    child.send("\r")
    child.expect("How did it go")
    child.send("2")
    child.expect("Recorded the visit to 2-2-302")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn()
    child.expect("Which household")
    child.send("2-2-301\r")
    child.expect("How did it go")
    child.send("1")
    child.expect("introduce yourself")
    child.send("y")
    child.expect("Any change among the residents")
    child.send("1")
    child.expect("raise any need")
    child.send("\x03")
    child.expect("kept as a draft")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1

    child = spawn("--resume")
    child.expect("raise any need")
    child.send("n")
    child.expect("see a hazard")
    child.send("n")
    child.expect("Anti-Fraud Center app")
    child.send("1")
    child.expect("current scams")
    child.send("y")
    child.expect("How is 刘桂英")
    child.send("1")
    for area in ("health", "state of mind", "home safety", "family support"):
        child.expect(f"{area}: how was it")
        child.send("1")
    child.expect("Referred on")
    child.send("n")
    child.expect("Anything else")
    child.send("\r")
    child.expect("Save this visit")
    child.send("y")
    child.expect("Recorded the visit to 2-2-301")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    outcomes = {(v["household"], v["outcome"]) for v in dyz_json("visit", "list")}
    assert outcomes == {("2-2-302", "not_home"), ("2-2-301", "met")}
    [alone] = [v for v in dyz_json("visit", "list") if v["household"] == "2-2-301"]
    assert (alone["introduced"], alone["anti_fraud_app"], alone["wellbeing"]) == (
        True,
        True,
        "well",
    )


def test_a_new_household_on_an_empty_notebook_asks_for_the_estate(
    dyz: Runner, db: Path, dyz_json
) -> None:
    dyz("init", "--community", "芙蓉南路社区", "--device-name", "周玉梅的电脑")
    store = Store.open(db)
    try:
        visit, _ = interview(store, "2-2-301" + ENTER, ENTER, "新芙蓉之都" + ENTER, ENTER, "2")
    finally:
        store.close()
    assert (visit["estate"], visit["household"], visit["outcome"]) == (
        "新芙蓉之都",
        "2-2-301",
        "not_home",
    )


def test_with_several_estates_the_new_household_asks_which(store: Store, dyz: Runner) -> None:
    dyz("household", "add", "1-1-101", "--estate", "建筑机械厂小区")
    visit, _ = interview(store, "3-1-101" + ENTER, ENTER, DOWN + ENTER, ENTER, "2")
    assert (visit["estate"], visit["household"]) == ("新芙蓉之都", "3-1-101")


def test_yes_and_no_in_chinese_and_no_category_taken_by_a_habitual_enter(
    store: Store, dyz_json
) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "否",  # not introduced
        "1",  # no changes to the residents
        ENTER,  # both met
        "是",  # a need
        ENTER,  # a habitual Enter on the category list files nothing: asked again
        "3",  # repairs
        "家里电路老化" + ENTER,
        "1",  # kept open
        "否",  # no other need
        "否",  # no hazard
        "1",
        "是",
        ENTER,
        "是",  # save
    )
    assert visit["outcome"] == "met", visit
    assert "请选一项" in shown
    needs = [(p["category"], p["text"]) for p in dyz_json("petition", "list")]
    assert needs == [("repair", "家里电路老化")]


def test_a_new_flat_typed_as_its_room_is_in_the_notebook_s_unit(store: Store) -> None:
    visit, shown = interview(
        store,
        "502" + ENTER,  # not on the roll
        ENTER,  # register a new household
        ENTER,  # offered as 2-2-502: the notebook's only unit
        "3",  # declined
        ENTER,
        "y",
    )
    assert visit["household"] == "2-2-502", shown
    assert "新登记住户：2-2-502" in shown


def test_one_household_answering_to_a_name_is_taken_without_asking(store: Store) -> None:
    visit, shown = interview(store, "赵磊" + ENTER, "3", ENTER, "y")
    assert visit["household"] == "2-2-401" and visit["outcome"] == "declined"
    assert "» 2-2-401" in shown


# -- no traps: errors where the eyes are, near names, changing answers, nothing lost or doubled --


def test_a_refused_answer_is_said_right_under_the_question(store: Store) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "2",  # someone moved in
        "陈志明" + ENTER,
        "12345" + ENTER,  # not a phone: said at once, and the text kept to be corrected
        "\x7f" * 5 + "13900001111" + ENTER,
        "1",
        ENTER,
        "n",
        "n",
        "1",
        "n",
        ENTER,
        "y",
    )
    assert not isinstance(visit, DyzError), visit
    [problem] = [line for line in shown.splitlines() if line.startswith("  ！")]
    assert "12345" in problem and problem.endswith("（改好后再按回车）")


def test_a_name_one_character_off_is_offered_before_a_new_household(store: Store) -> None:
    visit, shown = interview(store, "刘贵英" + ENTER, ENTER, "3", ENTER, "y")
    assert "没找到“刘贵英”。是不是下面哪一户？" in shown
    assert visit["household"] == "2-2-301"
    # the same surname in the notebook's unit, when no name is one character off
    visit, shown = interview(store, "李大妈" + ENTER, ENTER, "3", ENTER, "y")
    assert visit["household"] == "2-2-302"


def test_a_name_that_matches_nothing_searches_again_by_default(store: Store, dyz_json) -> None:
    before = len(dyz_json("household", "list"))
    visit, shown = interview(store, "周常福" + ENTER, ENTER, "2-2-401" + ENTER, "2")
    assert "没找到“周常福”。" in shown
    assert visit["household"] == "2-2-401"  # a habitual Enter did not register 周常福's flat
    assert len(dyz_json("household", "list")) == before


def test_any_answer_is_changed_before_saving(store: Store, dyz_json) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "1",
        ENTER,
        "y",
        "3",
        "楼道灯坏了" + ENTER,
        "1",
        "y",
        "1",
        "车位不够" + ENTER,
        "1",
        "n",
        "n",
        "1",
        "y",
        ENTER,
        "改",  # at the summary: change an answer
        DOWN * 2 + ENTER,  # … the first need (after the household and the outcome)
        ENTER,  # … change it
        ENTER,  # its category stays (the pointer is on it)
        "\x7f" * 5 + "三楼楼道灯坏了" + ENTER,
        ENTER,
        "e",  # change another
        DOWN * 3 + ENTER,  # … the second need
        DOWN + ENTER,  # … remove it
        "y",  # save
    )
    assert not isinstance(visit, DyzError), visit
    assert [(n["category"], n["text"]) for n in visit["needs"]] == [("repair", "三楼楼道灯坏了")]
    assert "已删掉：车位不够" in shown
    assert shown.count("—— 这次走访将保存： ——") == 3  # shown again after each change
    assert len(dyz_json("petition", "list")) == 1


def test_someone_moving_in_is_corrected_at_the_summary_not_lost(store: Store, dyz_json) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "2",  # someone moved in
        "陈志明" + ENTER,
        ENTER,  # no phone given
        "1",
        ENTER,  # all three met
        "n",
        "n",
        "1",
        "y",
        ENTER,
        "改",
        DOWN * 2 + ENTER,  # 新迁入：陈志明
        DOWN * 2 + ENTER,  # nothing after all: the arrival stays
        "改",
        DOWN * 2 + ENTER,
        ENTER,  # change it
        ENTER,  # the name as it was
        "13900001111" + ENTER,  # the phone given now
        "是",
    )
    assert not isinstance(visit, DyzError), visit
    people = {r["name"]: r for r in dyz_json("household", "show", "2-2-302")["residents"]}
    assert people["陈志明"]["phone"] == "13900001111"


def test_changing_the_outcome_drops_the_answers_it_no_longer_needs(store: Store) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "1",
        ENTER,
        "y",
        "3",
        "楼道灯坏了" + ENTER,
        "1",
        "n",
        "n",
        "1",
        "y",
        ENTER,
        "改",
        DOWN + ENTER,  # the outcome
        "3",  # declined after all
        "y",
    )
    assert not isinstance(visit, DyzError), visit
    assert (visit["outcome"], visit["needs"], visit["briefed"]) == ("declined", [], None)
    assert visit["met"] is None  # nobody is named as met at a door that stayed shut
    assert "这次是“不愿交谈”，用不上的回答已去掉。" in shown


def test_a_resumed_visit_does_not_force_a_second_need(store: Store, dyz_json) -> None:
    interview(
        store, "2-2-302" + ENTER, "1", "n", "1", ENTER, "y", "3", "楼道灯坏了" + ENTER, "1", CTRL_C
    )
    visit, _ = interview(store, "n", "n", "1", "y", ENTER, "y", resume=True)
    assert [n["text"] for n in visit["needs"]] == ["楼道灯坏了"]
    assert [p["text"] for p in dyz_json("petition", "list")] == ["楼道灯坏了"]


def test_a_half_answered_need_survives_a_closed_window(store: Store, dyz_json) -> None:
    result, _ = interview(
        store, "2-2-302" + ENTER, "1", "n", "1", ENTER, "y", "3", "楼道灯坏了" + ENTER, hang_up=1.5
    )
    assert isinstance(result, DyzError) and result.key == "visit_kept_as_draft"
    draft = drafts.load(store)
    assert draft is not None and draft["pending"]["need"] == {
        "category": "repair",
        "text": "楼道灯坏了",
    }
    visit, shown = interview(
        store,
        "2",  # settled on the spot: the question the window closed on
        "换了灯泡" + ENTER,
        "n",
        "n",
        "1",
        "y",
        ENTER,
        "y",
        resume=True,
    )
    assert "（没答完的需求：[维修] 楼道灯坏了）" in shown
    assert [(n["text"], n["status"]) for n in visit["needs"]] == [("楼道灯坏了", "resolved")]


def test_the_same_need_is_never_saved_twice(store: Store, dyz_json) -> None:
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        "n",
        "1",
        ENTER,
        "y",
        "3",
        "楼道灯坏了" + ENTER,
        "1",
        "y",
        "3",
        "楼道灯坏了" + ENTER,  # said again
        "1",
        "n",
        "n",
        "1",
        "y",
        ENTER,
        "y",
    )
    assert "这一条刚才已经记下了，不再重复记。" in shown
    assert [p["text"] for p in dyz_json("petition", "list")] == ["楼道灯坏了"]


def test_the_visit_is_saved_and_its_draft_dropped_together(
    store: Store, dyz_json, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Had the draft stayed after the visit was written, a resume would write it again."""

    def broken(_: Store) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(drafts, "discard", broken)
    with pytest.raises(OSError):
        interview(store, "2-2-302" + ENTER, "3", ENTER, "y")
    assert dyz_json("visit", "list") == [] and dyz_json("petition", "list") == []
    assert drafts.load(store) is not None


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_in_a_pseudo_terminal_ctrl_c_resume_change_and_save(
    stairwell: str, tmp_path: Path, dyz_json
) -> None:
    """In Chinese, as a unit head would: a need begun, the window interrupted with Ctrl-C,
    the visit resumed where it stopped, an answer changed at the summary, and saved once."""
    from tests.terminal import Terminal

    first = Terminal(["visit"], dict(os.environ), tmp_path)
    try:
        first.wait_for("哪一户？")
        first.send("刘贵英" + ENTER)  # one character off
        first.wait_for("是不是下面哪一户？")
        first.send(ENTER)
        first.wait_for("这次走访怎么样？")
        first.send("1")
        first.wait_for("自我介绍了、留下服务牌了吗？")
        first.send("是")
        first.wait_for("居民有变化吗？")
        first.send("1")
        first.wait_for("有什么需要帮忙的吗？")
        first.send("是")
        first.wait_for("是哪一类的事？")
        first.send("4")  # elderly care
        first.wait_for("具体是什么事？")
        first.send("帮忙买菜" + ENTER)
        first.wait_for("当场解决了吗？")
        first.send(CTRL_C)
        first.wait_for("dyz visit --resume")
        assert first.process.wait(timeout=20) == 1
    finally:
        first.close()
    assert dyz_json("visit", "list") == []

    again = Terminal(["visit", "--resume"], dict(os.environ), tmp_path)
    try:
        again.wait_for("接着上次没答完的走访")
        again.wait_for("住户：2-2-301")
        again.wait_for("（没答完的需求：[助老] 帮忙买菜）")
        again.wait_for("当场解决了吗？")  # where it stopped, nothing asked twice
        again.send("1")  # kept open
        again.wait_for("还有别的需求吗？")
        again.send("否")
        again.wait_for("看到安全隐患了吗？")
        again.send("否")
        again.wait_for("反诈")
        again.send("1")
        again.wait_for("讲了最新的骗术吗？")
        again.send("是")
        again.wait_for("刘桂英身体和生活怎么样？")
        again.send("1")
        for area in ("健康", "精神", "居家安全", "赡养/照料"):
            again.wait_for(f"{area}：看过了吗？")
            again.send("1")
        again.wait_for("转介了吗")
        again.send("否")
        again.wait_for("还有什么要记的？")
        again.send(ENTER)
        again.wait_for("保存这次走访吗？")
        again.send("改")
        again.wait_for("改哪一项？")
        again.send(DOWN * 3 + ENTER)  # the need
        again.wait_for("修改这一条")
        again.send(ENTER)
        again.wait_for("是哪一类的事？")
        again.send(ENTER)  # the category as it was
        again.wait_for("具体是什么事？")
        again.send("，每周一次" + ENTER)
        again.wait_for("当场解决了吗？")
        again.send(ENTER)
        again.wait_for("保存这次走访吗？")
        again.send("是")
        again.wait_for("已记下 2-2-301 的走访")
        assert again.process.wait(timeout=20) == 0
    finally:
        again.close()
    [visit] = dyz_json("visit", "list")
    assert visit["household"] == "2-2-301"
    needs = [(p["category"], p["text"]) for p in dyz_json("petition", "list")]
    assert needs == [("elderly_care", "帮忙买菜，每周一次")]


ONE_NEED = ["2-2-302" + ENTER, "1", "n", "1", ENTER, "y", "3", "楼道灯坏了" + ENTER, "1", "n", "n"]


def test_ctrl_c_while_changing_a_need_or_hazard_keeps_it_as_it_was(store: Store) -> None:
    result, _ = interview(store, *ONE_NEED, "1", "y", ENTER, "改", DOWN * 2 + ENTER, ENTER, CTRL_C)
    assert isinstance(result, DyzError) and result.key == "visit_kept_as_draft"
    draft = drafts.load(store)
    assert draft is not None and [n["text"] for n in draft["plan"]["needs"]] == ["楼道灯坏了"]
    drafts.discard(store)
    hazard = ["2-2-302" + ENTER, "1", "n", "1", ENTER, "n", "y", "7", "窗外拉线" + ENTER]
    result, _ = interview(
        store, *hazard, "1", "n", "1", "y", ENTER, "改", DOWN * 2 + ENTER, ENTER, CTRL_C
    )
    draft = drafts.load(store)
    assert draft is not None and draft["plan"]["hazards"] == [["flying_wire", "窗外拉线"]]


def test_changing_a_new_flat_to_one_on_the_roll_visits_that_one(store: Store, dyz_json) -> None:
    before = len(dyz_json("household", "list"))
    visit, shown = interview(
        store,
        "2-2-502" + ENTER,
        ENTER,  # a new household …
        ENTER,
        "3",  # declined
        ENTER,
        "改",
        ENTER,  # … but it was 2-2-302 after all
        "2-2-302" + ENTER,
        "y",
    )
    assert not isinstance(visit, DyzError), visit
    assert visit["household"] == "2-2-302" and len(dyz_json("household", "list")) == before


def test_the_living_alone_question_follows_changes_among_residents(store: Store) -> None:
    # the one living alone moved out after all: how she was found goes with her
    alone = ["2-2-301" + ENTER, "1", "y", "1", "n", "n", "1", "y", "2", "4", "陪同就医" + ENTER]
    alone += ["1", "1", "1", "1", "n"]  # the four areas 正常, not referred
    visit, _ = interview(
        store, *alone, ENTER, "改", DOWN * 10 + ENTER, "3", DOWN + ENTER, "1", "y"
    )  # fmt: skip
    assert not isinstance(visit, DyzError), visit
    assert visit["wellbeing"] is None and visit["needs"] == []  # the help she needed too
    assert visit["checks"] == {}  # and the areas her care visit checked
    # someone marked as living alone at the summary: the question is asked then
    visit, shown = interview(
        store,
        "2-2-401" + ENTER, "1", "y", "1", "n", "n", "1", "y", ENTER,
        "改", DOWN * 7 + ENTER,  # another change among the residents
        "4", DOWN + ENTER, "1",  # 赵磊 lives alone
        "1",  # no more changes
        "2",  # how is he? needs help
        "4", "买菜不方便" + ENTER,  # what help: elderly care, shopping
        "1", "1", "1", "2", "儿子很少来" + ENTER, "n",  # the four areas, not referred
        "y",
    )  # fmt: skip
    assert not isinstance(visit, DyzError), visit
    assert visit["wellbeing"] == "needs_help"
    assert [n["text"] for n in visit["needs"]] == ["买菜不方便"]
    assert visit["checks"]["support"] == "儿子很少来"


def test_a_need_the_team_can_answer_is_handed_to_a_volunteer_at_the_door(
    store: Store, dyz, dyz_json
) -> None:
    dyz("volunteer", "add", "--name", "左师傅", "--service", "义务维修", "--area", "全部")
    dyz("volunteer", "add", "--name", "钱师傅", "--service", "义务维修", "--household", "2-2-401")
    visit, shown = interview(
        store,
        "王建" + ENTER,
        ENTER,
        "1",  # met
        "y",  # introduced
        "1",  # no changes to the residents
        ENTER,  # both met
        "y",  # a need
        "3",  # repairs
        "水龙头漏水" + ENTER,
        "1",  # kept open
        "2",  # handed to the nearest: 钱师傅 of this unit
        "n",  # no more needs
        "n",  # no hazard
        "2",  # app: not installed
        "n",  # not briefed
        ENTER,  # no note
        "y",  # save
    )
    assert not isinstance(visit, DyzError), (visit, shown)
    assert "» 交给 钱师傅（同一单元）" in shown  # the nearest, listed first after "not now"
    assert "需求 [维修] 水龙头漏水（交给志愿者 钱师傅）" in shown
    [need] = visit["needs"]
    assert need["status"] == "assigned"
    timeline = dyz_json("petition", "show", need["id"][:8])["timeline"]
    assert timeline[-1]["volunteer"] == "钱师傅"


def test_a_room_number_is_the_flat_of_the_unit_this_laptop_looks_after(
    store: Store, dyz: Runner
) -> None:
    """301 is a room in 2-2 and in 3-1; on 2-2's laptop it is 2-2-301, taken at once."""
    dyz("household", "add", "3-1-301")
    dyz("init", "--name", "周玉梅", "--unit", "2-2")
    visit, shown = interview(store, "301" + ENTER, "2")
    assert visit["household"] == "2-2-301" and visit["outcome"] == "not_home", shown
    assert "» 2-2-301" in shown


# -- issue 33: 是 first, nothing chosen for the person, and who was met ------------------------


def test_yes_is_always_listed_first_whatever_the_question(store: Store) -> None:
    """1 is 是 and 2 is 否 on every yes/no question, not 是 first on one and 否 on the next."""
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",  # met
        "2",  # introduced? no
        "1",  # no change among the residents
        ENTER,  # both met
        "1",  # any needs? yes
        "3",
        "楼道灯坏了" + ENTER,
        "1",  # kept open
        "2",  # another need? no
        "1",  # a hazard? yes
        "2",
        "应急灯不亮" + ENTER,
        "2",  # a common area
        "2",  # another hazard? no
        "3",  # app: did not ask
        "1",  # briefed? yes
        ENTER,
        "1",  # save
    )
    assert not isinstance(visit, DyzError), (visit, shown)
    assert (visit["introduced"], visit["briefed"]) == (False, True)
    assert [n["text"] for n in visit["needs"]] == ["楼道灯坏了"]
    assert [h["kind"] for h in visit["hazards"]] == ["emergency_light"]


def test_a_habitual_enter_records_no_fact(store: Store, dyz_json) -> None:
    """Enter on the app, a mark, whom to mark or whether briefed answers nothing: it is asked
    again until the person moves to an answer or types it."""
    visit, shown = interview(
        store,
        "2-2-302" + ENTER,
        "1",
        ENTER,  # introduced? asked again
        "n",
        "4",  # mark someone
        ENTER,  # whom? asked again
        DOWN * 2 + ENTER,  # 王建国
        ENTER,  # which mark? asked again
        "5",  # tenant
        "1",  # done
        ENTER,  # both met
        "n",
        "n",
        ENTER,  # app? asked again: no Enter installs it
        "2",  # not installed
        ENTER,  # briefed? asked again
        "n",
        ENTER,
        "y",
    )
    assert not isinstance(visit, DyzError), (visit, shown)
    assert (visit["introduced"], visit["anti_fraud_app"], visit["briefed"]) == (False, False, False)
    assert shown.count("请选一项：") == 5
    people = {r["name"]: r["flags"] for r in dyz_json("household", "show", "2-2-302")["residents"]}
    assert people == {"李秀兰": [], "王建国": ["tenant"]}


def test_a_new_family_at_the_door_is_asked_who_moved_in_and_is_who_was_met(
    store: Store,
) -> None:
    visit, shown = interview(
        store,
        "2-2-502" + ENTER,
        ENTER,  # register it
        ENTER,
        "1",
        "y",
        ENTER,  # a habitual Enter does not skip who lives here
        "2",
        "陈志明" + ENTER,
        ENTER,
        "2",
        "黄晓燕" + ENTER,
        ENTER,
        "1",  # that is all: both of them were met, without asking
        "n",
        "n",
        "2",
        "y",
        ENTER,
        "y",
    )
    assert not isinstance(visit, DyzError), (visit, shown)
    assert "请选一项：" in shown
    assert visit["met"] == ["陈志明", "黄晓燕"]


def test_who_was_met_is_asked_among_several_all_ticked(store: Store, dyz_json) -> None:
    one = ["2-2-302" + ENTER, "1", "n", "1"]
    rest = ["n", "n", "3", "n", ENTER]
    visit, _ = interview(store, *one, ENTER, *rest, "y")  # as ticked: both
    assert visit["met"] == ["李秀兰", "王建国"]
    visit, shown = interview(store, *one, " " + ENTER, *rest, "y")  # 李秀兰 unticked
    assert visit["met"] == ["王建国"] and "见到：王建国" in shown
    # changed at the summary: ticked as it was, and 李秀兰 ticked again
    visit, shown = interview(
        store, *one, " " + ENTER, *rest, "改", DOWN * 2 + ENTER, " " + ENTER, "y"
    )
    assert visit["met"] == ["李秀兰", "王建国"], shown
    # nobody ticked is no answer: the question stays, on the one unticked last
    visit, shown = interview(store, *one, " " + DOWN + " " + ENTER, " " + ENTER, *rest, "y")
    assert visit["met"] == ["王建国"]


def test_a_disabled_man_found_needing_help_is_asked_what_help_and_today_lists_it(
    store: Store, dyz, dyz_json
) -> None:
    """Not only those living alone: anyone the care ledger follows by flag (here disabled)
    or by a risk level is asked how they are; 需要帮助 asks what help and keeps a need that
    `dyz today` lists."""
    zhao = dyz_json("household", "show", "2-2-401")["residents"][0]["id"]
    dyz("resident", "edit", zhao[:8], "--flag", "残疾")
    visit, shown = interview(
        store, "2-2-401" + ENTER, "1", "y", "1", "n", "n", "1", "y",
        "2",  # how is 赵磊: needs help …
        "3", "卫生间扶手松了" + ENTER,  # … repairs: the grab rail
        "1", "1", "2", "扶手松动" + ENTER, "3", "n",  # the areas, not referred
        ENTER, "y",
    )  # fmt: skip
    assert not isinstance(visit, DyzError), visit
    assert visit["wellbeing"] == "needs_help"
    assert visit["checks"] == {"health": "ok", "mind": "ok", "home_safety": "扶手松动"}
    assert [(n["category"], n["text"]) for n in visit["needs"]] == [("repair", "卫生间扶手松了")]
    today = dyz("today", "--unit", "2-2", "--on", visit["on"]).stdout
    assert "2-2-401" in today and "卫生间扶手松了" in today

    # someone with a risk level set, and no flag, is asked too
    wang = next(
        r["id"]
        for r in dyz_json("household", "show", "2-2-302")["residents"]
        if r["name"] == "王建国"
    )
    dyz("resident", "edit", wang[:8], "--risk", "中")
    visit, _ = interview(
        store, "2-2-302" + ENTER, "1", "y", "1", ENTER, "n", "n", "1", "y",
        "1",  # how is 王建国: well
        "1", "1", "1", "1", "n",  # the areas, not referred
        ENTER, "y",
    )  # fmt: skip
    assert not isinstance(visit, DyzError), visit
    assert visit["wellbeing"] == "well"
    assert visit["checks"] == dict.fromkeys(("health", "mind", "home_safety", "support"), "ok")


def test_a_habitual_enter_records_no_finding_of_a_care_visit(store: Store) -> None:
    """How she is, each area a care visit checks and whether she was referred have nothing
    chosen: Enter answers none of them, and 正常 is never assumed."""
    visit, shown = interview(
        store, "2-2-301" + ENTER, "1", "y", "1", "n", "n", "1", "y",
        ENTER, "1",  # how is she? asked again; well
        ENTER, "1",  # health? asked again; 正常
        "1", "1", "1",
        ENTER, "n",  # referred? asked again; no
        ENTER, "y",
    )  # fmt: skip
    assert not isinstance(visit, DyzError), (visit, shown)
    assert shown.count("请选一项：") == 3
    assert visit["checks"] == dict.fromkeys(("health", "mind", "home_safety", "support"), "ok")
    assert (visit["wellbeing"], visit["referral"]) == ("well", None)
