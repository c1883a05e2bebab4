"""`dyz export`, `dyz import`, `dyz conflicts` and `dyz peers`, used as two laptops would."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot


@pytest.fixture
def laptops(dyz: Runner, tmp_path: Path) -> tuple[list[str], list[str]]:
    """A unit head's laptop with a household and a resident, and the office's, both set up."""
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(
        *unit,
        "resident",
        "add",
        "2-2-301",
        "--name",
        "刘桂英",
        "--phone",
        "13812345678",
        "--flag",
        "独居老人",
    )
    return unit, office


def resident(dyz_json, db: list[str]) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return dyz_json(*db, "household", "show", "2-2-301")["residents"][0]


def test_the_unit_head_and_the_office_exchange_notebooks(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    to_office = tmp_path / "to-office.yaml"
    said = dyz(*unit, "export", "--plain", "-o", str(to_office)).stderr
    assert "已导出 8 条修改" in said and "dyz import" in said
    assert "新增 8 条修改，已有 0 条" in dyz(*office, "import", str(to_office)).stderr
    assert resident(dyz_json, office)["name"] == "刘桂英"
    # the office corrects the phone and sends back only what the unit head lacks
    dyz(*office, "resident", "edit", resident(dyz_json, office)["id"][:8], "--phone", "13900001111")
    back = tmp_path / "back.yaml"
    assert (
        "已导出 1 条新修改"
        in dyz(*office, "export", "--for", "周玉梅的电脑", "-o", str(back)).stderr
    )
    assert "新增 1 条修改" in dyz(*unit, "import", str(back)).stderr
    assert resident(dyz_json, unit)["phone"] == "13900001111"
    peers = dyz_json(*unit, "peers")
    assert [p["name"] for p in peers] == ["社区办公室"]
    assert set(peers[0]) >= {"id", "name", "last_heard", "seen", "latest_seen"}
    assert "周玉梅的电脑" in dyz(*office, "peers").stdout


def test_importing_again_changes_nothing_and_says_so(
    dyz: Runner, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    before = snapshot(tmp_path / "office.db")
    assert "以前导入过了" in dyz(*office, "import", str(bundle)).stderr
    assert snapshot(tmp_path / "office.db") == before


def test_a_default_export_holds_only_what_was_not_exported_yet(
    dyz: Runner, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, _ = laptops
    assert "已导出 8 条" in dyz(*unit, "export", "--plain", "-o", str(tmp_path / "1.yaml")).stderr
    said = one_line_error(dyz(*unit, "export", "--plain", "-o", str(tmp_path / "2.yaml")))
    assert "没有新的修改要导出" in said and "--all" in said
    assert not (tmp_path / "2.yaml").exists()
    dyz(*unit, "household", "add", "2-2-302")
    assert "已导出 4 条" in dyz(*unit, "export", "--plain", "-o", str(tmp_path / "3.yaml")).stderr
    assert (
        "已导出 12 条"
        in dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "4.yaml")).stderr
    )


def test_dry_run_checks_and_writes_nothing(
    dyz: Runner, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    before = snapshot(tmp_path / "office.db")
    assert "检查通过（未写入）" in dyz(*office, "import", "--dry-run", str(bundle)).stderr
    assert snapshot(tmp_path / "office.db") == before
    assert "新增 8 条" in dyz(*office, "import", str(bundle)).stderr


def test_several_bundles_at_once(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "胡德胜的电脑")
    dyz(*other, "household", "add", "2-1-101", "--estate", "新芙蓉之都")
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "a.yaml"))
    dyz(*other, "export", "--plain", "-o", str(tmp_path / "b.yaml"))
    said = dyz(*office, "import", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")).stderr
    assert said.count("已导入") == 2
    assert [h["ref"] for h in dyz_json(*office, "household", "list")] == ["2-1-101", "2-2-301"]
    # a bundle refused among several: the others are imported, and the exit says so
    dyz(*other, "household", "add", "2-1-102")
    dyz(*other, "export", "--plain", "-o", str(tmp_path / "c.yaml"))
    (tmp_path / "bad.yaml").write_text("format: nonsense\n", encoding="utf-8")
    said = dyz(*office, "import", str(tmp_path / "bad.yaml"), str(tmp_path / "c.yaml"), code=1)
    assert (
        "不能导入" in said.stderr
        and "新增" in said.stderr
        and "2 个数据包中有 1 个没有导入" in said.stderr
    )
    assert "2-1-102" in [h["ref"] for h in dyz_json(*office, "household", "list")]


def test_a_redacted_bundle_leaves_residents_personal_data_out(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    bundle = tmp_path / "district.yaml"
    dyz(*unit, "export", "--all", "--redact", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    assert "刘桂英" not in text and "13812345678" not in text
    assert 'redacted: "yes"' in text and "flag.elderly_alone" in text
    dyz(*office, "import", str(bundle))
    kept = resident(dyz_json, office)
    assert kept["name"] is None and kept["phone"] is None and kept["flags"] == ["elderly_alone"]


def test_a_redacted_bundle_leaves_out_a_note_someone_typed_a_phone_into(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    dyz(*unit, "hazard", "add", "--kind", "飞线充电", "--where", "2-2 6楼窗外",
        "--note", "找王师傅 138 1234 5678", "--on", "2026-11-20")  # fmt: skip
    dyz(*unit, "hazard", "add", "--kind", "楼道堵塞", "--where", "2-2 3楼",
        "--note", "纸箱三个", "--on", "2026-11-20")  # fmt: skip
    bundle = tmp_path / "district.yaml"
    dyz(*unit, "export", "--all", "--redact", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    # the phone in no spelling (a random id may hold "1234" by chance: that is no phone)
    assert re.search(r"138\D?1234\D?5678", text) is None
    assert "王师傅" not in text and "纸箱三个" in text
    dyz(*office, "import", str(bundle))
    notes = {h["kind"]: h["note"] for h in dyz_json(*office, "hazard", "list")}
    assert notes == {"flying_wire": None, "blocked_exit": "纸箱三个"}


def test_the_bundle_file_is_private_and_never_half_written(
    dyz: Runner, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, _ = laptops
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    if os.name == "posix":
        assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*.part"))
    assert bundle.read_text(encoding="utf-8").startswith("# dyz 数据包")


def test_export_refusals(dyz: Runner, laptops: tuple[list[str], list[str]], tmp_path: Path) -> None:
    unit, _ = laptops
    first = tmp_path / "first.yaml"
    said = one_line_error(dyz(*unit, "export", "--for", "区政府", "-o", str(first), code=1))
    assert "没有听说过“区政府”" in said and not first.exists()
    assert "只能选一个" in one_line_error(dyz(*unit, "export", "--for", "x", "--all", code=1))
    assert "无法写入" in one_line_error(
        dyz(*unit, "export", "--plain", "-o", str(tmp_path / "no-such-folder" / "b.yaml"), code=1)
    )


def make_conflict(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> list[str]:  # type: ignore[no-untyped-def]
    """Both laptops change the same phone while apart; the office gets both."""
    unit, office = laptops
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "罗淑珍的电脑")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "start.yaml"))
    dyz(*other, "import", str(tmp_path / "start.yaml"))
    who = resident(dyz_json, unit)["id"][:8]
    dyz(*unit, "resident", "edit", who, "--phone", "13811112222")
    dyz(*other, "resident", "edit", who, "--phone", "13933334444")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "unit.yaml"))
    dyz(*other, "export", "--plain", "--all", "-o", str(tmp_path / "other.yaml"))
    return other


def test_a_true_conflict_is_shown_and_settled_by_a_person(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    make_conflict(dyz, dyz_json, laptops, tmp_path)
    dyz(*office, "import", str(tmp_path / "unit.yaml"))
    said = dyz(*office, "import", str(tmp_path / "other.yaml")).stderr
    assert "发现 1 处冲突" in said and "dyz conflicts" in said
    [item] = dyz_json(*office, "conflicts", "list")
    assert item["what"] == "刘桂英（2-2-301）" and item["field"] == "phone"
    values = sorted((v["value"], v["by"]) for v in item["values"])
    assert values == [("13811112222", "周玉梅的电脑"), ("13933334444", "罗淑珍的电脑")]
    table = dyz(*office, "conflicts").stdout
    assert (
        "刘桂英（2-2-301）" in table
        and "13811112222 | 13933334444" in table
        or "13933334444 | 13811112222" in table
    )
    shown = dyz(*office, "conflicts", "show", item["id"][:6])
    assert "周玉梅的电脑" in shown.stdout and "--keep mine" in shown.stderr
    # neither value is the office's own: "mine" means nothing here, a value is needed
    assert "--keep 值" in one_line_error(
        dyz(*office, "conflicts", "resolve", item["id"][:6], "--keep", "mine", code=1)
    )
    assert "电话" in one_line_error(
        dyz(*office, "conflicts", "resolve", item["id"][:6], "--keep", "12ab", code=1)
    )
    said = dyz(*office, "conflicts", "resolve", item["id"][:6], "--keep", "13933334444").stderr
    assert "已决定" in said and "13933334444" in said
    assert dyz_json(*office, "conflicts", "list") == []
    assert resident(dyz_json, office)["phone"] == "13933334444"
    # the decision travels: the unit head gets it, and no conflict, from the office
    dyz(*office, "export", "--for", "周玉梅的电脑", "-o", str(tmp_path / "decision.yaml"))
    dyz(*unit, "import", str(tmp_path / "decision.yaml"))
    assert resident(dyz_json, unit)["phone"] == "13933334444"
    assert dyz_json(*unit, "conflicts", "list") == []


def test_keep_mine_or_theirs_on_a_laptop_that_made_one_side(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, _ = laptops
    make_conflict(dyz, dyz_json, laptops, tmp_path)
    dyz(*unit, "import", str(tmp_path / "other.yaml"))
    [item] = dyz_json(*unit, "conflicts")
    assert sorted(v["mine"] for v in item["values"]) == [False, True]
    dyz(*unit, "conflicts", "resolve", item["id"][:8], "--keep", "mine")
    assert resident(dyz_json, unit)["phone"] == "13811112222"
    assert dyz_json(*unit, "conflicts") == []


def test_a_laptop_is_asked_to_settle_only_the_conflicts_of_its_own_part(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    """A conflict over a resident of 2-2 is 2-2's to settle: a laptop that looks after 3-1
    does not list it unless asked for everything."""
    unit, _ = laptops
    make_conflict(dyz, dyz_json, laptops, tmp_path)
    dyz(*unit, "import", str(tmp_path / "other.yaml"))
    dyz(*unit, "init", "--unit", "3-1")
    assert dyz_json(*unit, "conflicts") == []
    assert len(dyz_json(*unit, "conflicts", "--all")) == 1
    dyz(*unit, "init", "--unit", "2-2")
    assert len(dyz_json(*unit, "conflicts")) == 1


def test_equal_values_are_no_conflict(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "罗淑珍的电脑")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "start.yaml"))
    dyz(*other, "import", str(tmp_path / "start.yaml"))
    who = resident(dyz_json, unit)["id"][:8]
    dyz(*unit, "resident", "edit", who, "--born", "1941")
    dyz(*other, "resident", "edit", who, "--born", "1941")
    dyz(*other, "export", "--plain", "--all", "-o", str(tmp_path / "other.yaml"))
    assert "冲突" not in dyz(*unit, "import", str(tmp_path / "other.yaml")).stderr
    assert dyz_json(*unit, "conflicts") == []


def test_conflicts_in_english(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, _ = laptops
    make_conflict(dyz, dyz_json, laptops, tmp_path)
    said = dyz("--lang", "en", *unit, "import", str(tmp_path / "other.yaml")).stderr
    assert "Found 1 conflict (" in said and "1 change added" in said
    listing = dyz("--lang", "en", *unit, "conflicts").stdout
    assert listing.split()[:3] == ["record", "field", "values"]
    [item] = json.loads(dyz(*unit, "conflicts", "list", "--format", "json").stdout)
    assert (
        "Settled"
        in dyz(
            "--lang", "en", *unit, "conflicts", "resolve", item["id"][:8], "--keep", "theirs"
        ).stderr
    )


def test_import_reports_its_progress(
    dyz: Runner,
    laptops: tuple[list[str], list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from danyuanzhang.store import Store
    from danyuanzhang.sync.importing import import_bundle

    unit, _ = laptops
    for room in range(101, 161):
        dyz(*unit, "household", "add", f"3-1-{room}")
    bundle = tmp_path / "b.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(bundle))
    monkeypatch.setattr("danyuanzhang.sync.bundle.reader.PROGRESS_EVERY", 50)
    heard: list[tuple[str, float]] = []
    store = Store.open(tmp_path / "office.db")
    try:
        import_bundle(store, bundle, progress=lambda phase, done: heard.append((phase, done)))
    finally:
        store.close()
    assert heard[-1] == ("write", 1.0) and ("write", 0.0) in heard
    reading = [done for phase, done in heard if phase == "read"]
    assert len(reading) >= 4 and reading == sorted(reading) and all(0 < d <= 1 for d in reading)


def test_a_flood_of_conflicts_is_summed_up_and_shows_no_phone_in_full(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, office = laptops
    for n in range(12):
        dyz(
            *unit,
            "resident",
            "add",
            "2-2-301",
            "--name",
            f"居民{n:02d}",
            "--phone",
            f"138000000{n:02d}",
        )
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "罗淑珍的电脑")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "start.yaml"))
    dyz(*other, "import", str(tmp_path / "start.yaml"))
    people = dyz_json(*unit, "household", "show", "2-2-301")["residents"]
    for n, person in enumerate(people):
        dyz(*unit, "resident", "edit", person["id"][:8], "--phone", f"139111111{n:02d}")
        dyz(*other, "resident", "edit", person["id"][:8], "--phone", f"137222222{n:02d}")
        dyz(*other, "resident", "edit", person["id"][:8], "--born", "1950")
        dyz(*unit, "resident", "edit", person["id"][:8], "--born", "1951")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "unit.yaml"))
    said = dyz(*other, "import", str(tmp_path / "unit.yaml")).stderr
    lines = [line for line in said.splitlines() if line.strip()]
    assert f"发现 {2 * len(people)} 处冲突" in said
    assert f"居民电话 {len(people)} 处" in said and f"居民出生年份 {len(people)} 处" in said
    assert "dyz conflicts list" in said and len(lines) <= 10
    assert not re.search(r"1[3-9]\d{9}", said), said  # masked: 139****1100
    assert "****" in said
