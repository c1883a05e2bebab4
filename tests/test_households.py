from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


def test_add_then_show_gives_the_documented_json(dyz: Runner, dyz_json, estate: str) -> None:
    dyz(
        "resident",
        "add",
        "2-2-301",
        "--name",
        "刘桂英",
        "--phone",
        "138 1234 5678",
        "--born",
        "1941",
        "--flag",
        "独居老人",
        "--flag",
        "children_away",
        "--moved-in",
        "2001-05-01",
    )
    shown = dyz_json("household", "show", "2-2-301")
    assert set(shown) == {"id", "estate", "ref", "building", "unit", "room", "note", "residents"}
    assert (shown["estate"], shown["ref"], shown["building"], shown["unit"], shown["room"]) == (
        "新芙蓉之都",
        "2-2-301",
        "2",
        "2",
        "301",
    )
    [resident] = shown["residents"]
    assert resident == {
        "id": resident["id"],
        "name": "刘桂英",
        "phone": "13812345678",
        "born": 1941,
        "flags": ["children_away", "elderly_alone"],
        "moved_in": "2001-05-01",
        "moved_out": None,
        "note": None,
        "emergency_contact": None,
        "risk": None,
    }
    assert len(resident["id"]) == 32


def test_the_estate_can_be_omitted_when_there_is_only_one(
    dyz: Runner, dyz_json, estate: str
) -> None:
    dyz("household", "add", "2-2-302")
    assert [h["ref"] for h in dyz_json("household", "list")] == ["2-2-301", "2-2-302"]


def test_several_estates_need_to_be_named(dyz: Runner, estate: str) -> None:
    dyz("household", "add", "1-1-101", "--estate", "建筑机械厂小区")
    line = one_line_error(dyz("household", "add", "1-1-102", code=1))
    assert "--estate" in line and "建筑机械厂小区" in line and "新芙蓉之都" in line


def test_list_filters_by_estate_building_unit_and_flag(dyz: Runner, dyz_json, estate: str) -> None:
    for ref in ("2-1-101", "2-2-302", "3-1-101", "10-2-1201"):
        dyz("household", "add", ref)
    dyz("household", "add", "2-2-301", "--estate", "省职防院小区")
    dyz(
        "resident",
        "add",
        "2-2-302",
        "--estate",
        "新芙蓉之都",
        "--name",
        "周长福",
        "--flag",
        "needs_help",
    )
    refs = lambda *a: [h["ref"] for h in dyz_json("household", "list", *a)]  # noqa: E731
    assert refs("--estate", "新芙蓉之都", "--unit", "2-2") == ["2-2-301", "2-2-302"]
    assert refs("--estate", "新芙蓉之都", "--building", "2") == ["2-1-101", "2-2-301", "2-2-302"]
    assert refs("--unit", "2-2") == ["2-2-301", "2-2-302", "2-2-301"]
    assert refs("--flag", "需帮扶") == ["2-2-302"]
    assert refs("--building", "10") == ["10-2-1201"]
    listed = dyz_json("household", "list", "--flag", "needs_help")[0]
    assert listed["residents"] == 1 and listed["flags"] == ["needs_help"]


def test_list_as_table_and_csv(dyz: Runner, estate: str) -> None:
    table = dyz("household", "list").stdout
    assert table.splitlines()[0].split() == ["房号", "小区", "人数", "标记", "编号"]
    assert "2-2-301" in table
    csv_text = dyz("household", "list", "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "id,estate,ref,building,unit,room,note,residents,flags"


def test_english_interface(dyz: Runner, estate: str) -> None:
    result = dyz("--lang", "en", "household", "add", "2-2-302")
    assert result.stderr.startswith("Registered 2-2-302 of 新芙蓉之都")
    assert dyz("--lang", "en", "household", "list").stdout.split()[:3] == [
        "household",
        "estate",
        "residents",
    ]
    assert "not registered" in dyz("--lang", "en", "household", "show", "9-9-909", code=1).stderr


def test_env_language(dyz: Runner, estate: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYZ_LANG", "en")
    assert "Registered" in dyz("household", "add", "2-2-303").stderr


def test_show_accepts_an_id_prefix(dyz: Runner, dyz_json, estate: str) -> None:
    household_id = dyz_json("household", "list")[0]["id"]
    assert dyz_json("household", "show", household_id[:6])["ref"] == "2-2-301"


def test_chinese_style_reference_is_understood(dyz: Runner, dyz_json, estate: str) -> None:
    assert dyz_json("household", "show", "2栋2单元301")["ref"] == "2-2-301"


def test_edit_corrects_the_reference_and_note(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("household", "edit", "2-2-301", "--ref", "2-2-302", "--note", "门铃坏了，请敲门")
    shown = dyz_json("household", "show", "2-2-302")
    assert shown["note"] == "门铃坏了，请敲门"
    one_line_error(dyz("household", "show", "2-2-301", code=1))


def test_adding_the_same_household_twice_is_refused(dyz: Runner, db: Path, estate: str) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("household", "add", "2-2-301", code=1))
    assert "已经登记过" in line
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("household", "show", "9-9-909"), "没有登记"),
        (("household", "add", "2-x-301"), "2-x-301"),
        (("household", "add", "2-2"), "楼栋-单元-房号"),
        (("resident", "add", "2-2-301", "--name", "  "), "--name"),
        (("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "138abc45678"), "电话"),
        (("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "12345"), "电话"),
        (
            ("resident", "add", "2-2-301", "--name", "刘桂英", "--moved-in", "2026-02-30"),
            "2026-02-30",
        ),
        (("resident", "add", "2-2-301", "--name", "刘桂英", "--moved-in", "上个月吧"), "11月20日"),
        (("resident", "add", "2-2-301", "--name", "刘桂英", "--born", "1850"), "1900"),
        (("resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "低保户"), "dyz flag add"),
        (("resident", "add", "9-9-909", "--name", "刘桂英"), "没有登记"),
        (("resident", "edit", "ffffff", "--name", "刘"), "找不到"),
        (("resident", "move-out", "zz"), "找不到"),
        (("household", "edit", "2-2-301"), "没有要修改"),
        (("household", "list", "--unit", "二单元"), "楼栋-单元"),
        (("household", "list", "--flag", "nope"), "不认识标记"),
        (("household", "list", "--estate", "不存在小区"), "不存在小区"),
        (("household", "remove", "2-2-301"), "--yes"),
    ],
)
def test_bad_input_gets_one_clear_line_and_changes_nothing(
    dyz: Runner, db: Path, estate: str, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(db)
    line = one_line_error(dyz(*args, code=1))
    assert words in line
    assert snapshot(db) == before


def test_a_bad_option_value_exits_2(dyz: Runner, estate: str) -> None:
    result = dyz("household", "list", "--format", "xml", code=2)
    assert "Traceback" not in result.output


def test_move_out_keeps_the_resident_as_history(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("resident", "add", "2-2-301", "--name", "陈志明", "--moved-in", "2026-03-01")
    resident_id = dyz_json("household", "show", "2-2-301")["residents"][0]["id"]
    dyz("resident", "move-out", resident_id[:8], "--on", "2026-11-20")
    shown = dyz_json("household", "show", "2-2-301")
    assert shown["residents"][0]["moved_out"] == "2026-11-20"
    assert dyz_json("household", "list")[0]["residents"] == 0
    assert "已于 2026-11-20 迁出" in one_line_error(
        dyz("resident", "move-out", resident_id, code=1)
    )
    dyz("resident", "add", "2-2-301", "--name", "黄晓燕", "--moved-in", "2026-03-01")
    other = [
        r for r in dyz_json("household", "show", "2-2-301")["residents"] if r["name"] == "黄晓燕"
    ][0]
    assert "早于" in one_line_error(
        dyz("resident", "move-out", other["id"], "--on", "2026-01-01", code=1)
    )


def test_resident_edit_sets_and_clears_flags_and_phone(dyz: Runner, dyz_json, estate: str) -> None:
    dyz(
        "resident",
        "add",
        "2-2-301",
        "--name",
        "刘桂英",
        "--phone",
        "13812345678",
        "--flag",
        "tenant",
    )
    resident_id = dyz_json("household", "show", "2-2-301")["residents"][0]["id"]
    dyz(
        "resident", "edit", resident_id[:8], "--flag", "独居老人", "--unflag", "租户", "--phone", ""
    )
    [resident] = dyz_json("household", "show", "2-2-301")["residents"]
    assert resident["flags"] == ["elderly_alone"] and resident["phone"] is None


def test_user_defined_flags(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("flag", "add", "low_income", "--zh", "低保户", "--en", "low income")
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "低保户")
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["flags"] == ["low_income"]
    assert {"code": "low_income", "zh": "低保户", "en": "low income"} in dyz_json("flag", "list")
    assert "已经有了" in one_line_error(dyz("flag", "add", "low_income", "--zh", "低保", code=1))
    assert "小写英文字母" in one_line_error(dyz("flag", "add", "Low Income!", "--zh", "x", code=1))


def test_ambiguous_prefix_is_refused(dyz: Runner, dyz_json, estate: str) -> None:
    for n in range(40):
        dyz("resident", "add", "2-2-301", "--name", f"居民{n}")
    ids = [r["id"] for r in dyz_json("household", "show", "2-2-301")["residents"]]
    firsts = [i[0] for i in ids]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    assert "多写几位" in one_line_error(dyz("resident", "edit", shared, "--name", "x", code=1))


def test_one_units_list_reads_only_that_units_rows(dyz: Runner, db: Path, estate: str) -> None:
    from danyuanzhang.store import Store
    from danyuanzhang.store.registry import households_query

    store = Store.open(db)
    try:
        sql, params = households_query(["新芙蓉之都"], "2", "2", None)
        plan = " | ".join(row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        store.close()
    assert "SEARCH h USING INDEX households_by_place (estate=? AND building=? AND unit=?)" in plan
    assert "SCAN h" not in plan
    assert "SCAN r" not in plan  # residents are reached through their household's index


def test_a_household_is_found_as_a_person_remembers_it(
    dyz: Runner, dyz_json, stairwell: str
) -> None:
    dyz("household", "add", "3-1-501")
    assert dyz_json("household", "show", "301")["ref"] == "2-2-301"
    assert dyz_json("household", "show", "301室")["ref"] == "2-2-301"
    assert dyz_json("household", "show", "刘桂英")["ref"] == "2-2-301"
    assert dyz_json("household", "show", "建国")["ref"] == "2-2-302"
    dyz("resident", "add", "3-1-501", "--name", "王建华")
    several = one_line_error(dyz("household", "show", "王建", code=1))
    assert "2-2-302" in several and "3-1-501" in several and "请写全房号" in several
    dyz("petition", "add", "赵磊", "--category", "维修", "--text", "楼道灯坏了")
    assert [p["household"] for p in dyz_json("petition", "list")] == ["2-2-401"]


def test_an_unknown_estate_among_many_names_a_few_and_counts_them(dyz: Runner) -> None:
    for n in range(1, 13):
        dyz("household", "add", "1-1-101", "--estate", f"小区{n:02d}")
    line = one_line_error(dyz("household", "list", "--estate", "小区99", code=1))
    assert "没有叫“小区99”的小区" in line
    assert "小区08等 12 个" in line and "小区09" not in line
