"""One community notebook over many laptops, used through the CLI as an office and its unit
heads use it: one roll on every laptop, the same flat and person registered apart, merges,
erasure and registration again, concurrent steps, conflicts settled in Chinese, exports that
fit the round trip, and bundles that went through Windows or another program."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

from tests.conftest import Runner, one_line_error, snapshot

ROLL = "\n".join(
    [
        "小区,楼栋,单元,房号,姓名,电话,出生年份,标记",
        "新芙蓉之都,2,2,301,刘桂英,18671013936,1941,独居老人",
        "新芙蓉之都,2,2,302,王建国,13900001111,1950,",
        "新芙蓉之都,2,2,302,李秀兰,,1952,",
        "新芙蓉之都,2,3,101,赵磊,13700001111,1980,租户",
    ]
)

# 2-2's unit head on the roster, as the office or she herself enters her
ZHOU_AS_UNIT_HEAD = (
    "roster",
    "add",
    "--role",
    "单元长",
    "--name",
    "周玉梅",
    "--phone",
    "13907310202",
    "--scope",
    "2-2",
)


class Laptop:
    """One laptop's notebook, driven through the CLI."""

    def __init__(self, dyz: Runner, folder: Path, name: str, community: str = "芙蓉南路社区"):
        self.dyz, self.folder, self.name = dyz, folder, name
        self.db = ["--db", str(folder / f"{name}.db")]
        self.heard: set[str] = set()  # the laptops whose bundles came here
        dyz(*self.db, "init", "--community", community, "--device-name", name)

    def __call__(self, *args: str, code: int | None = 0):  # type: ignore[no-untyped-def]
        return self.dyz(*self.db, *args, code=code)

    def json(self, *args: str):  # type: ignore[no-untyped-def]
        return json.loads(self(*args, "--format", "json").stdout)

    def send(self, other: Laptop, *how: str) -> Path | None:
        """Export for `other` (a delta, once it is known here, else everything, as a plain
        file handed over in person; or `how`, such as --all) and import it there."""
        path = self.folder / f"{self.name}-to-{other.name}-{len(list(self.folder.iterdir()))}.yaml"
        first = ("--all", "--plain") if other.name not in self.heard else ("--for", other.name)
        said = self("export", *(how or first), "-o", str(path)).stderr
        if "没有新的修改要导出" in said:
            return None
        other("import", str(path))
        other.heard.add(self.name)
        return path

    def residents(self, ref: str) -> list[dict]:  # type: ignore[type-arg]
        return self.json("household", "show", ref)["residents"]


@pytest.fixture
def roll(tmp_path: Path) -> Path:
    path = tmp_path / "花名册.csv"
    path.write_text(ROLL, encoding="utf-8")
    return path


@pytest.fixture
def office(dyz: Runner, tmp_path: Path) -> Laptop:
    folder = tmp_path / "laptops"
    folder.mkdir()
    return Laptop(dyz, folder, "社区办公室")


def laptop(dyz: Runner, office: Laptop, name: str) -> Laptop:
    return Laptop(dyz, office.folder, name)


def everyone_exchanges(*laptops: Laptop) -> None:
    for _ in range(2):
        for a in laptops:
            for b in laptops:
                if a is not b:
                    a.send(b)


# -- identity --------------------------------------------------------------------------------


def test_one_roll_on_three_laptops_is_one_notebook(dyz: Runner, office: Laptop, roll: Path) -> None:
    unit, building = laptop(dyz, office, "周玉梅的电脑"), laptop(dyz, office, "罗淑珍的电脑")
    for each in (office, unit, building):
        each("household", "import", str(roll))
    everyone_exchanges(office, unit, building)
    for each in (office, unit, building):
        flats = each.json("household", "list")
        assert [h["ref"] for h in flats] == ["2-2-301", "2-2-302", "2-3-101"]
        assert [r["name"] for r in each.residents("2-2-302")] == ["李秀兰", "王建国"]
        assert each.json("conflicts") == []
    # and the same roll imported once more changes nothing, on any laptop
    assert "新登记 0 户；新增居民 0 人" in unit("household", "import", str(roll)).stderr


def test_a_flat_and_a_person_typed_apart_in_any_spelling_are_one(
    dyz: Runner, office: Laptop
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "add", "2-2-602", "--estate", "新芙蓉之都")
    unit("household", "add", "２栋２单元６０２室", "--estate", "新芙蓉之都")
    office("resident", "add", "2-2-602", "--name", "胡桂英", "--flag", "独居老人")
    unit(
        "resident",
        "add",
        "2-2-602",
        "--name",
        "胡 桂英",
        "--flag",
        "需帮扶",
        "--phone",
        "13511112222",
    )
    everyone_exchanges(office, unit)
    for each in (office, unit):
        [home] = each.json("household", "list")
        [person] = each.residents("2-2-602")
        assert home["ref"] == "2-2-602" and person["phone"] == "13511112222"
        assert person["flags"] == ["elderly_alone", "needs_help"]  # flags from both kept


def test_two_phones_for_one_person_are_a_conflict_settled_in_chinese(
    dyz: Runner, office: Laptop, roll: Path
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "import", str(roll))
    unit("household", "import", str(roll))
    office.send(unit, "--all", "--plain")  # one notebook now, the roll's phones alike: no conflict
    assert unit.json("conflicts") == []
    who = unit.residents("2-2-301")[0]["id"][:8]
    unit("resident", "edit", who, "--phone", "13811112222")
    office("resident", "edit", who, "--phone", "13933334444")
    office.send(unit)
    [item] = unit.json("conflicts")
    assert item["field_label"] == "电话" and item["what"] == "刘桂英（2-2-301）"
    # the words the screen offers are a choice, never a value written into the record
    said = unit("conflicts", "resolve", item["id"][:8], "--keep", "对方的").stderr
    assert "13933334444" in said and "对方的" not in json.dumps(
        unit.json("household", "show", "2-2-301")
    )
    assert unit.residents("2-2-301")[0]["phone"] == "13933334444"


def test_a_value_typed_to_settle_a_conflict_is_checked_as_its_command_checks_it(
    dyz: Runner, office: Laptop, roll: Path, tmp_path: Path
) -> None:
    unit, other = laptop(dyz, office, "周玉梅的电脑"), laptop(dyz, office, "罗淑珍的电脑")
    unit("household", "import", str(roll))
    unit.send(other, "--all", "--plain")
    who = unit.residents("2-2-301")[0]["id"][:8]
    unit("resident", "edit", who, "--phone", "13811112222")
    other("resident", "edit", who, "--phone", "13933334444")
    unit.send(office, "--all", "--plain")
    other.send(office, "--all", "--plain")
    [item] = office.json("conflicts")
    before = snapshot(tmp_path / "laptops" / "社区办公室.db")
    assert "电话" in one_line_error(
        office("conflicts", "resolve", item["id"][:8], "--keep", "138-1234-abcd", code=1)
    )
    assert "--keep 值" in one_line_error(
        office("conflicts", "resolve", item["id"][:8], "--keep", "本机的", code=1)
    )
    assert snapshot(tmp_path / "laptops" / "社区办公室.db") == before
    office("conflicts", "resolve", item["id"][:8], "--keep", "138 0000 1111")
    assert office.residents("2-2-301")[0]["phone"] == "13800001111"


def test_the_roster_entered_on_two_laptops_is_one_entry(dyz: Runner, office: Laptop) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    for each in (office, unit):
        each("household", "add", "2-2-301", "--estate", "新芙蓉之都")
        each(*ZHOU_AS_UNIT_HEAD)
    everyone_exchanges(office, unit)
    assert [m["name"] for m in unit.json("roster", "list")] == ["周玉梅"]


def test_a_family_moves_away_and_the_flat_is_registered_again(
    dyz: Runner, office: Laptop, roll: Path
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "import", str(roll))
    old = office.send(unit, "--all", "--plain")
    assert old is not None
    unit("household", "remove", "2-2-301", "--yes")
    unit("household", "add", "2-2-301")
    unit("resident", "add", "2-2-301", "--name", "陈志明", "--moved-in", "2026-11-20")
    unit.send(office)
    for each in (office, unit):
        assert [r["name"] for r in each.residents("2-2-301")] == ["陈志明"]
    # the old roll's bundle cannot bring the erased family back, anywhere
    for each in (office, unit):
        each("import", str(old))
        assert [r["name"] for r in each.residents("2-2-301")] == ["陈志明"]


def test_a_flat_corrected_on_one_laptop_while_another_adds_a_resident(
    dyz: Runner, office: Laptop, tmp_path: Path
) -> None:
    roll = tmp_path / "typo.csv"
    roll.write_text("小区,楼栋,单元,房号,姓名\n新芙蓉之都,2,2,320,王德胜\n", encoding="utf-8")
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "import", str(roll))
    unit("household", "import", str(roll))
    office("household", "edit", "2-2-320", "--ref", "2-2-302")  # the roll had it wrong
    unit("resident", "add", "2-2-320", "--name", "王小明")
    everyone_exchanges(office, unit)
    for each in (office, unit):
        assert [h["ref"] for h in each.json("household", "list")] == ["2-2-302"]
        assert [r["name"] for r in each.residents("2-2-302")] == ["王小明", "王德胜"]
    # the roll imported again finds the flat it registered, now corrected
    assert "新登记 0 户" in unit("household", "import", str(roll)).stderr


def test_household_merge_moves_everything_and_travels(dyz: Runner, office: Laptop) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "add", "2-2-302", "--estate", "新芙蓉之都")
    unit("household", "add", "2-2-320", "--estate", "新芙蓉之都")  # typed wrong on this laptop
    unit("resident", "add", "2-2-320", "--name", "王建国", "--phone", "13900001111")
    unit("visit", "add", "2-2-320", "--on", "2026-11-20", "--briefed")
    unit(
        "petition",
        "add",
        "2-2-320",
        "--category",
        "维修",
        "--text",
        "楼道灯坏了",
        "--on",
        "2026-11-20",
    )
    unit(
        "hazard",
        "add",
        "--kind",
        "飞线充电",
        "--where",
        "2-2 3楼",
        "--household",
        "2-2-320",
        "--on",
        "2026-11-20",
    )
    everyone_exchanges(office, unit)
    keep = office.json("household", "show", "2-2-302")["id"]
    other = office.json("household", "show", "2-2-320")["id"]
    assert "--yes" in one_line_error(office("household", "merge", "2-2-302", "2-2-320", code=1))
    said = office("household", "merge", "2-2-302", "2-2-320", "--yes").stderr
    assert "2-2-320 并入 2-2-302" in said
    everyone_exchanges(office, unit)
    for each in (office, unit):
        assert [h["ref"] for h in each.json("household", "list")] == ["2-2-302"]
        assert each.json("household", "show", "2-2-302")["id"] == keep
        assert [r["name"] for r in each.residents("2-2-302")] == ["王建国"]
        assert [v["household"] for v in each.json("visit", "list")] == ["2-2-302"]
        assert [p["household"] for p in each.json("petition", "list")] == ["2-2-302"]
        assert [h["household"] for h in each.json("hazard", "list")] == ["2-2-302"]
        # the old id still finds the household it was merged into
        assert each.json("household", "show", other[:8])["id"] == keep


def test_two_laptops_merging_one_pair_in_opposite_directions_agree(
    dyz: Runner, office: Laptop
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    office("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "18671013936")
    office("resident", "add", "2-2-301", "--name", "刘桂瑛", "--born", "1941")
    office.send(unit, "--all", "--plain")
    a, b = (r["id"][:8] for r in office.residents("2-2-301"))
    office("resident", "merge", a, b, "--yes")
    unit("resident", "merge", b, a, "--yes")  # the other way round, apart
    everyone_exchanges(office, unit)
    assert office.residents("2-2-301") == unit.residents("2-2-301")
    [person] = office.residents("2-2-301")
    assert person["phone"] == "18671013936" and person["born"] == 1941  # nothing lost


def test_duplicates_lists_what_no_rule_decides_with_the_command(
    dyz: Runner, office: Laptop
) -> None:
    office("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    office("household", "add", "2-2-310")
    office("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "18671013936")
    office("resident", "add", "2-2-301", "--name", "刘桂瑛")
    office("resident", "add", "2-2-310", "--name", "刘奶奶", "--phone", "18671013936")
    office(
        "petition", "add", "2-2-301", "--category", "停车", "--text", "乱停车", "--on", "2026-11-02"
    )
    office(
        "petition",
        "add",
        "2-2-301",
        "--category",
        "停车",
        "--text",
        "车堵门口",
        "--on",
        "2026-11-10",
    )
    found = office.json("duplicates")
    assert sorted(f["kind"] for f in found) == ["names_one_apart", "petitions_alike", "same_phone"]
    for item in found:  # each command, run as shown, settles it
        office(*item["command"].split()[1:])
    assert office.json("duplicates") == []
    assert [r["name"] for r in office.residents("2-2-301")] in (
        ["刘奶奶", "刘桂英"],
        ["刘奶奶", "刘桂瑛"],
    )
    assert "没有发现" in office("duplicates").stderr


def test_a_notebook_of_schema_6_with_duplicates_is_merged_on_upgrade(
    dyz: Runner, tmp_path: Path
) -> None:
    """Made by dyz before this version: the same roll on two laptops, exchanged — every flat
    twice. Upgrading merges them; every visit, petition and hazard survives."""
    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "v6-duplicates.db", old)
    before = sqlite3.connect(old)
    counts = {
        t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("visits", "petitions", "hazards", "changes")
    }
    assert before.execute("SELECT count(*) FROM households").fetchone()[0] == 4
    before.close()
    db = ["--db", str(old)]
    flats = json.loads(dyz(*db, "household", "list", "--format", "json").stdout)
    assert [h["ref"] for h in flats] == ["2-2-301", "2-2-302"]
    kept = {h["ref"]: h["id"] for h in flats}
    shown = json.loads(dyz(*db, "household", "show", "2-2-302", "--format", "json").stdout)
    assert [r["name"] for r in shown["residents"]] == ["李秀兰", "王建国"]
    after = sqlite3.connect(old)
    for table in ("visits", "petitions", "hazards", "changes"):
        assert after.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    homes = {
        row[0]
        for row in after.execute(
            "SELECT household_id FROM visits UNION SELECT household_id FROM petitions UNION SELECT household_id FROM hazards"
        )
    }
    assert homes <= set(kept.values())
    # one laptop had corrected 刘桂英's phone after importing the roll: the other laptop's copy
    # of the roll's phone is not news to it, so the correction shows, and no conflict
    [person] = json.loads(dyz(*db, "household", "show", "2-2-301", "--format", "json").stdout)[
        "residents"
    ]
    assert person["phone"] == "13800002222" and person["flags"] == ["elderly_alone"]
    assert json.loads(dyz(*db, "conflicts", "--format", "json").stdout) == []
    assert json.loads(dyz(*db, "duplicates", "--format", "json").stdout) == []


# -- what arrives ----------------------------------------------------------------------------


def test_a_bundle_of_another_community_is_refused_naming_both(
    dyz: Runner, office: Laptop, tmp_path: Path
) -> None:
    stranger = Laptop(dyz, office.folder, "别的社区", community="砂子塘社区")
    stranger("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    path = tmp_path / "stranger.yaml"
    stranger("export", "--plain", "-o", str(path))
    before = snapshot(tmp_path / "laptops" / "社区办公室.db")
    line = one_line_error(office("import", str(path), code=1))
    assert "砂子塘社区" in line and "芙蓉南路社区" in line
    assert snapshot(tmp_path / "laptops" / "社区办公室.db") == before


def test_this_laptops_own_bundle_changes_nothing_and_says_so(
    office: Laptop, tmp_path: Path
) -> None:
    office("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    path = tmp_path / "own.yaml"
    office("export", "--plain", "-o", str(path))
    before = snapshot(tmp_path / "laptops" / "社区办公室.db")
    assert "本机自己导出的" in office("import", str(path)).stderr
    assert snapshot(tmp_path / "laptops" / "社区办公室.db") == before


def test_a_bundle_through_windows_or_another_program_is_the_same_bundle(
    dyz: Runner, office: Laptop, roll: Path, tmp_path: Path
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    unit("household", "import", str(roll))
    path = tmp_path / "b.yaml"
    unit("export", "--plain", "--all", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    spellings = {
        "notepad.yaml": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "pyyaml.yaml": yaml.safe_dump(loaded, allow_unicode=True).encode("utf-8"),
        "json.yaml": json.dumps(loaded).encode("utf-8"),
    }
    for name, data in spellings.items():
        copy = tmp_path / name
        copy.write_bytes(data)
        fresh = Laptop(dyz, office.folder, name.split(".")[0])
        said = fresh("import", str(copy)).stderr
        assert "新增 29 条修改" in said, (name, said)
        assert [r["name"] for r in fresh.residents("2-2-302")] == ["李秀兰", "王建国"]
    # damage is still damage
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("13900001111", "13900001112"), encoding="utf-8")
    assert "编号与内容不符" in one_line_error(office("import", str(broken), code=1))


# -- exports that fit the round trip ---------------------------------------------------------


def test_after_the_offices_notebook_a_plain_export_carries_only_what_is_new(
    dyz: Runner, office: Laptop, roll: Path
) -> None:
    office("household", "import", str(roll))
    unit = laptop(dyz, office, "周玉梅的电脑")
    office.send(unit, "--all", "--plain")
    # nothing new here, but the office should hear that its notebook arrived: a receipt
    assert "回执" in unit("export", "--plain", "-o", str(office.folder / "x.yaml")).stderr
    office("import", str(office.folder / "x.yaml"))
    assert (
        "没有新的修改要导出"
        in unit("export", "--plain", "-o", str(office.folder / "y.yaml")).stderr
    )
    assert "没有新的修改要导出" in office("export", "--for", "周玉梅的电脑").stderr
    who = unit.residents("2-2-301")[0]["id"][:8]
    unit("resident", "edit", who, "--phone", "13800001111")
    path = office.folder / "one.yaml"
    said = unit("export", "--plain", "-o", str(path)).stderr
    assert "已导出 1 条新修改" in said  # with the rest of the record and its household
    header = yaml.safe_load(path.read_text(encoding="utf-8"))
    # the header names only the laptop whose change it carries
    assert list(header["seen"]) == [header["sender"]["id"]]


@pytest.mark.parametrize("found_through", ["the log", "the scope's records"])
def test_a_scoped_export_carries_one_unit_and_a_wider_one_the_rest(
    dyz: Runner, office: Laptop, roll: Path, found_through: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scoped delta is found through the log's device index when it is small, through the
    scope's records when the receiver lacks much (here forced for every size): the same."""
    from danyuanzhang.sync import exporting

    monkeypatch.setattr(exporting, "SCOPE_BEFORE_LOG", 0 if found_through != "the log" else 10**9)
    office("household", "import", str(roll))
    office(*ZHOU_AS_UNIT_HEAD)
    unit = laptop(dyz, office, "周玉梅的电脑")
    unit("household", "add", "2-2-601", "--estate", "新芙蓉之都")
    unit.send(office)  # the office has now heard from this laptop
    said = office("peers", "scope", "周玉梅的电脑", "unit:2-2").stderr
    assert "2-2单元" in said
    office.send(unit)
    unit.send(office)  # nothing new there: a receipt, so the office sends only what is new
    assert [h["ref"] for h in unit.json("household", "list")] == ["2-2-301", "2-2-302", "2-2-601"]
    assert [m["name"] for m in unit.json("roster", "list")] == ["周玉梅"]  # community-wide
    # a change in 2-3 does not go to the unit head; one in 2-2 does
    office("resident", "edit", office.residents("2-3-101")[0]["id"][:8], "--phone", "13700002222")
    assert office.send(unit) is None
    office("resident", "edit", office.residents("2-2-301")[0]["id"][:8], "--phone", "13700003333")
    office.send(unit)
    assert unit.residents("2-2-301")[0]["phone"] == "13700003333"
    # the scoped bundles did not make the laptop believe it has seen 2-3: the whole comes
    office("peers", "scope", "周玉梅的电脑", "community")
    office.send(unit)
    assert [r["phone"] for r in unit.residents("2-3-101")] == ["13700002222"]


def test_a_unit_handed_to_a_new_unit_head_is_all_of_that_unit(
    dyz: Runner, office: Laptop, roll: Path
) -> None:
    """`--scope` alone: the office gives a new unit head their stairwell, even when the office
    has nothing new of its own."""
    office("household", "import", str(roll))
    office.send(
        laptop(dyz, office, "周玉梅的电脑"), "--all", "--plain"
    )  # the office has exported before
    path = office.folder / "2-3单元.yaml"
    said = office("export", "--plain", "--scope", "unit:2-3", "-o", str(path)).stderr
    assert "2-3单元" in said
    new = laptop(dyz, office, "新单元长")
    new("import", str(path))
    assert [h["ref"] for h in new.json("household", "list")] == ["2-3-101"]
    assert [r["name"] for r in new.residents("2-3-101")] == ["赵磊"]


def test_an_export_for_a_laptop_never_heard_of_is_refused_and_everything_goes_with_all(
    dyz: Runner, office: Laptop, roll: Path
) -> None:
    """A name never heard of is no laptop to encrypt to: refused, not written for anyone."""
    office("household", "import", str(roll))
    said = office("export", "--for", "新电脑", "-o", str(office.folder / "n.yaml"), code=1).stderr
    assert "没有听说过“新电脑”" in said and not (office.folder / "n.yaml").exists()
    said = office("export", "--all", "--plain", "-o", str(office.folder / "n.yaml")).stderr
    assert "已导出 29 条修改" in said


def test_a_bundle_from_the_version_before_is_still_read(dyz: Runner, office: Laptop) -> None:
    """Format 1, written by dyz before this version (its checksum over the body's bytes)."""
    old = Path(__file__).parent / "data" / "format1-bundle.yaml"
    assert 'format_version: "1"' in old.read_text(encoding="utf-8")
    assert "新增 48 条修改" in office("import", str(old)).stderr
    assert [h["ref"] for h in office.json("household", "list")] == ["2-2-301", "2-2-302"]
    damaged = office.folder / "damaged.yaml"
    damaged.write_text(
        old.read_text(encoding="utf-8").replace('"1950"', '"1951"'), encoding="utf-8"
    )
    fresh = laptop(dyz, office, "新电脑")
    assert "数据未作任何改动" in one_line_error(fresh("import", str(damaged), code=1))


def test_a_conflict_on_any_record_is_named_in_words(dyz: Runner, office: Laptop) -> None:
    """A kind of hazard defined on two laptops with two Chinese names: the screen says what it
    is, in either language, never a raw id or field name."""
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("hazard", "kind-add", "gas", "--zh", "燃气泄漏")
    unit("hazard", "kind-add", "gas", "--zh", "煤气泄漏")
    office.send(unit)
    [item] = unit.json("conflicts")
    assert item["what"] == "隐患种类“gas”" and item["field_label"] == "中文名称"
    listing = dyz("--lang", "en", *unit.db, "conflicts").stdout
    assert "hazard kind “gas”" in listing and "Chinese name" in listing
    assert "label_zh" not in listing and "hazard_k" not in listing


def test_two_corrections_to_one_address_are_shown_not_picked_quietly(
    dyz: Runner, office: Laptop
) -> None:
    unit = laptop(dyz, office, "周玉梅的电脑")
    office("household", "add", "2-2-320", "--estate", "新芙蓉之都")
    unit("household", "add", "2-2-203", "--estate", "新芙蓉之都")
    office("household", "edit", "2-2-320", "--ref", "2-2-302")  # both meant 2-2-302
    unit("household", "edit", "2-2-203", "--ref", "2-2-302")
    everyone_exchanges(office, unit)
    line = one_line_error(office("household", "show", "2-2-302", code=1))
    assert "登记了两户" in line and "dyz household merge" in line
    [found] = office.json("duplicates")
    assert found["kind"] == "same_address"
    office(*found["command"].split()[1:])
    everyone_exchanges(office, unit)
    assert [h["ref"] for h in unit.json("household", "list")] == ["2-2-302"]
