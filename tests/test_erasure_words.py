"""An erased household takes the words typed beside it (a hazard's place, a need's text) out of
every record that stays for the figures: the table, the log, backups, bundles and pages."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

from danyuanzhang.core.records import DECLARED
from danyuanzhang.upkeep.backup import decrypt, read_header
from tests.conftest import Runner, one_line_error, snapshot
from tests.test_erasure import every_byte

NAME, PHONE = "隐私丙", "13912340006"
WHERE = f"6-6 6楼 {NAME} {PHONE}"
# the phone as typed, in the spellings people use, and as a page masks it
PHONE_SPELLED = re.compile(r"139\D{0,3}1234\D{0,3}0006|139\*{4}0006")
PASSPHRASE = "芙蓉南路二栋二单元"


def assert_gone(what: str, data: bytes | str) -> None:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    assert NAME not in text, what
    assert PHONE_SPELLED.search(text) is None, what


def unit_with_a_hazard_at(dyz: Runner, dyz_json, where: str = WHERE) -> str:
    dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    dyz("household", "add", "6-6-606", "--estate", "新芙蓉之都")
    dyz("household", "add", "6-6-605")  # the unit keeps a flat: its lists stay
    dyz("hazard", "add", "--kind", "飞线充电", "--where", where, "--household", "6-6-606",
        "--on", "2026-12-01")  # fmt: skip
    [hazard] = dyz_json("hazard", "list")
    return str(hazard["id"])


def test_the_place_of_a_hazard_goes_with_the_household_from_everything_kept(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path
) -> None:
    hazard_id = unit_with_a_hazard_at(dyz, dyz_json)
    # corrections, so that the log holds older words too
    dyz("hazard", "edit", hazard_id[:8], "--where", f"6-6 6楼窗外 {NAME}")
    dyz("hazard", "edit", hazard_id[:8], "--requirement", f"{NAME}三天内拆线，电话{PHONE}")
    dyz("hazard", "notify", hazard_id[:8], "--days", "3")
    week = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:6-6")
    assert NAME.encode() in every_byte(db)

    dyz("household", "remove", "6-6-606", "--yes")

    # the record stays for the counts: its kind, dates, status and unit; its words are gone
    [hazard] = dyz_json("hazard", "list")
    assert (hazard["kind"], hazard["unit"], hazard["found_on"], hazard["status"]) == (
        "flying_wire",
        "6-6",
        "2026-12-01",
        "notified",
    )
    assert hazard["place"] is None and hazard["requirement"] is None
    after = dyz_json("report", "--week", "2026-12-01", "--scope", "unit:6-6")
    assert after["hazards"] == week["hazards"]
    # the file and its write-ahead log, read as they lie on the disk
    assert_gone("database", every_byte(db))
    conn = sqlite3.connect(db)
    fields = {
        r[0] for r in conn.execute("SELECT field FROM changes WHERE record = ?", (hazard_id,))
    }
    assert fields.isdisjoint({"place", "requirement"}) and {"kind", "found_on"} <= fields
    conn.close()
    # a later backup
    secret = tmp_path / "口令.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    backup = tmp_path / "b.dyzbak"
    dyz("backup", "-o", str(backup), "--passphrase-file", str(secret))
    inside = io.BytesIO()
    decrypt(backup, read_header(backup), PASSPHRASE, inside)
    assert_gone("backup", inside.getvalue())
    # bundles, plain and redacted
    for how in ("--plain", "--redact"):
        bundle = tmp_path / f"all{how}.yaml"
        dyz("export", "--all", how, "-o", str(bundle))
        assert_gone(how, bundle.read_bytes())
    # the screens and pages: the history, the hazard, the ledger
    shown = dyz("log").stdout + dyz("log", "--record", hazard_id[:8], "-f", "json").stdout
    shown += dyz("hazard", "show", hazard_id[:8]).stdout
    shown += dyz("hazard", "list").stdout
    ledger = dyz("ledger", "hazards", "--all", "--from", "2026-12-01", "-f", "csv").stdout
    assert_gone("screens", shown + ledger)
    [row] = dyz_json("ledger", "hazards", "--all", "--from", "2026-12-01")["rows"]
    assert row["place"] == "6-6" and not row["requirement"]


def test_a_place_arriving_after_the_erasure_never_comes_back(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    a = ["--db", str(tmp_path / "a.db")]
    b = ["--db", str(tmp_path / "b.db")]
    dyz(*a, "init", "--device-name", "甲")
    dyz(*b, "init", "--device-name", "乙")
    dyz(*a, "household", "add", "6-6-606", "--estate", "新芙蓉之都")
    dyz(*a, "household", "add", "6-6-605")
    shared = tmp_path / "shared.yaml"
    dyz(*a, "export", "--plain", "-o", str(shared))
    dyz(*b, "import", str(shared))
    # laptop A writes the hazard down; laptop B erases the household before it hears of it
    dyz(*a, "hazard", "add", "--kind", "飞线充电", "--where", WHERE, "--household", "6-6-606")
    [hazard_id] = [h["id"] for h in dyz_json(*a, "hazard", "list")]
    dyz(*a, "hazard", "fix", hazard_id[:8], "--note", f"{NAME}已拆")
    late = tmp_path / "late.yaml"
    dyz(*a, "export", "--plain", "-o", str(late))
    dyz(*b, "household", "remove", "6-6-606", "--yes")
    dyz(*b, "import", str(late))
    [hazard] = dyz_json(*b, "hazard", "list")
    assert hazard["kind"] == "flying_wire" and hazard["unit"] == "6-6"
    assert hazard["place"] is None and hazard["status"] == "rectified"
    assert_gone("laptop B", every_byte(tmp_path / "b.db"))
    # and B's erasure reaches A, which loses the words it typed
    erasure = tmp_path / "erasure.yaml"
    dyz(*b, "export", "--plain", "-o", str(erasure))
    dyz(*a, "import", str(erasure), "--accept-erasures")
    [hazard] = dyz_json(*a, "hazard", "list")
    assert hazard["place"] is None and hazard["status"] == "rectified"
    assert_gone("laptop A", every_byte(tmp_path / "a.db"))


def test_a_redacted_bundle_without_a_place_that_held_a_phone_still_imports(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    """The place is what a hazard is always written with; a redacted bundle leaves it out when
    a phone was typed into it (a change travels as made or not at all): the hazard arrives
    without it rather than the bundle being refused."""
    unit_with_a_hazard_at(dyz, dyz_json, where="6-6 3楼 找王师傅 139 1234 0006")
    dyz("hazard", "add", "--kind", "楼道堵塞", "--where", "6-6 3楼 纸箱", "--on", "2026-12-01")
    bundle = tmp_path / "district.yaml"
    dyz("export", "--all", "--redact", "-o", str(bundle))
    assert_gone("redacted", bundle.read_text(encoding="utf-8"))
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*office, "import", str(bundle))
    places = {h["kind"]: h["place"] for h in dyz_json(*office, "hazard", "list")}
    assert places == {"flying_wire": None, "blocked_exit": "3楼 纸箱"}


# numbers of the paper file, given by the office, not words about the household
FILE_NUMBERS = {("hazard", "notice_no"), ("petition", "case_no"), ("petition", "agreement_no")}


def test_every_field_typed_beside_a_household_goes_with_it() -> None:
    """A record type that names a household (a step: through its need or hazard) and stays
    when it is erased declares each free-text field as the household's words."""
    for spec in DECLARED:
        names_one = spec.belongs_through or any(f.refers_to == "household" for f in spec.fields)
        if not names_one or spec.erased_with_household:
            continue
        for field in spec.fields:
            if field.kind in ("text", "photo") and (spec.name, field.name) not in FILE_NUMBERS:
                assert field.household_words, (spec.name, field.name)


def test_a_notebook_erased_under_the_old_rule_loses_the_place_when_opened(
    dyz: Runner, dyz_json, db: Path
) -> None:
    hazard_id = unit_with_a_hazard_at(dyz, dyz_json)
    conn = sqlite3.connect(db)
    columns = "record, field, id, hlc, author, entity, op, value, parents"
    [place] = conn.execute(
        f"SELECT {columns} FROM changes WHERE record = ? AND field = 'place'", (hazard_id,)
    ).fetchall()
    conn.close()
    dyz("household", "remove", "6-6-606", "--yes")
    # as schema 18 left it: the place kept in the log and the table
    conn = sqlite3.connect(db)
    conn.execute(f"INSERT INTO changes ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", place)
    conn.execute("UPDATE hazards SET place = ? WHERE id = ?", (WHERE, hazard_id))
    conn.execute("PRAGMA user_version = 18")
    conn.commit()
    conn.close()
    [hazard] = dyz_json("hazard", "list")
    assert hazard["place"] is None and hazard["kind"] == "flying_wire"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM changes WHERE field = 'place'").fetchone()[0] == 0
    conn.close()
    assert_gone("migrated", every_byte(db))


def test_a_mediation_keeps_its_file_numbers_and_result_without_the_household_s_words(
    dyz: Runner, dyz_json, db: Path, stairwell: str
) -> None:
    dyz("petition", "add", "2-2-301", "-c", "矛盾调解", "-t", "楼上漏水到我家",
        "--on", "2026-11-01")  # fmt: skip
    dispute = str(dyz_json("petition", "list")[0]["id"][:8])
    dyz("mediation", "set", dispute, "--kind", "漏水", "--party", "2-2-401",
        "--case-no", "芙南调〔2026〕3号", "--source", f"{NAME}来电{PHONE}")  # fmt: skip
    dyz("mediation", "step", dispute, "移交", "--to", f"{NAME}的女儿所在单位", "--on", "2026-11-02")
    dyz("household", "remove", "2-2-301", "--yes")
    item = dyz_json("mediation", "show", dispute)
    assert (item["result"], item["case_no"], item["dispute"]) == (
        "referred",
        "芙南调〔2026〕3号",
        "leak",
    )
    assert item["source"] is None and item["steps"][-1]["to"] is None
    ledger = dyz("ledger", "mediation", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "csv")
    assert "芙南调〔2026〕3号" in ledger.stdout
    assert_gone("mediation", ledger.stdout + dyz("mediation", "show", dispute).stdout)
    assert_gone("database", every_byte(db))


def test_an_erasure_arriving_while_another_window_is_open_leaves_no_copy(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    a = ["--db", str(tmp_path / "a.db")]
    b = ["--db", str(tmp_path / "b.db")]
    dyz(*a, "init", "--device-name", "甲")
    dyz(*b, "init", "--device-name", "乙")
    dyz(*a, "household", "add", "6-6-606", "--estate", "新芙蓉之都")
    dyz(*a, "household", "add", "6-6-605")
    dyz(*a, "hazard", "add", "--kind", "飞线充电", "--where", WHERE, "--household", "6-6-606")
    shared = tmp_path / "shared.yaml"
    dyz(*a, "export", "--plain", "-o", str(shared))
    dyz(*b, "import", str(shared))
    dyz(*b, "household", "remove", "6-6-606", "--yes")
    erasure = tmp_path / "erasure.yaml"
    dyz(*b, "export", "--plain", "-o", str(erasure))
    # another window on A's notebook, idle: closing the import does not end the log for it
    window = sqlite3.connect(tmp_path / "a.db")
    try:
        window.execute("SELECT count(*) FROM hazards").fetchone()
        dyz(*a, "import", str(erasure), "--accept-erasures")
        assert_gone("laptop A", every_byte(tmp_path / "a.db"))
    finally:
        window.close()


def test_a_correction_of_the_words_of_an_erased_household_s_hazard_is_refused(
    dyz: Runner, dyz_json, db: Path
) -> None:
    hazard_id = unit_with_a_hazard_at(dyz, dyz_json)[:8]
    dyz("household", "remove", "6-6-606", "--yes")
    before = snapshot(db)
    for words in (
        ("--where", "6-6 7楼 隐私丙家"),
        ("--note", "隐私丙说会拆"),
        ("--requirement", "拆"),
    ):
        line = one_line_error(dyz("hazard", "edit", hazard_id, *words, code=1))
        assert "已随住户抹去" in line and "--due" in line
    assert snapshot(db) == before
    dyz("hazard", "edit", hazard_id, "--due", "2026-12-20")
    assert dyz_json("hazard", "show", hazard_id)["due"] == "2026-12-20"
