"""Importing the household roll (花名册) from the CSV files that Excel writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, snapshot

HEADER_ZH = "小区,楼栋,单元,房号,姓名,电话,出生年份,标记,迁入日期,备注"
HEADER_EN = "estate,building,unit,room,name,phone,birth_year,flags,moved_in,note"
ROWS = [
    "新芙蓉之都,2,2,301,刘桂英,13812345678,1941,独居老人、子女不在身边,",
    "新芙蓉之都,2,2,302,陈志明,13900001111,1988,新迁入;tenant,2026-11-10",
    "新芙蓉之都,2,2,302,黄晓燕,,1990,,2026-11-10",
    "新芙蓉之都,2,2,401,,,,,",
]


def write(path: Path, lines: list[str], encoding: str) -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_rolls_in_every_encoding_excel_writes(
    dyz: Runner, dyz_json, tmp_path: Path, encoding: str
) -> None:
    roll = write(tmp_path / "花名册.csv", [HEADER_ZH, *ROWS], encoding)
    result = dyz("household", "import", str(roll))
    assert "新登记 3 户" in result.stderr and "新增居民 3 人" in result.stderr
    listed = dyz_json("household", "list")
    assert [h["ref"] for h in listed] == ["2-2-301", "2-2-302", "2-2-401"]
    shown = dyz_json("household", "show", "2-2-302")
    chen = next(r for r in shown["residents"] if r["name"] == "陈志明")
    assert chen["flags"] == ["new_arrival", "tenant"] and chen["moved_in"] == "2026-11-10"
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["flags"] == [
        "children_away",
        "elderly_alone",
    ]


def test_english_headers(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    roll = write(tmp_path / "roll.csv", [HEADER_EN, *ROWS], "utf-8")
    dyz("household", "import", str(roll))
    assert len(dyz_json("household", "list")) == 3


def test_importing_the_same_roll_twice_changes_nothing(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    roll = write(tmp_path / "roll.csv", [HEADER_ZH, *ROWS], "utf-8")
    dyz("household", "import", str(roll))
    before = snapshot(db)
    result = dyz("household", "import", str(roll))
    assert "新登记 0 户" in result.stderr and "无变化 3 人" in result.stderr
    assert snapshot(db) == before


def test_a_changed_row_updates_the_resident(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    dyz("household", "import", str(write(tmp_path / "a.csv", [HEADER_ZH, *ROWS], "utf-8")))
    changed = [ROWS[0].replace("13812345678", "13812340000")]
    result = dyz(
        "household", "import", str(write(tmp_path / "b.csv", [HEADER_ZH, *changed], "utf-8"))
    )
    assert "更新 1 人" in result.stderr
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["phone"] == "13812340000"


def test_bad_rows_are_all_reported_and_nothing_is_written(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    dyz("init")
    before = snapshot(db)
    bad = [
        HEADER_ZH,
        ROWS[0],
        "新芙蓉之都,2,x,301,王五,,,,",
        "新芙蓉之都,2,2,303,赵六,1381234abcd,,,",
        "新芙蓉之都,2,2,304,钱七,,1990,,2026-02-30",
        "新芙蓉之都,2,2,305,孙八,,,低保户,",
    ]
    result = dyz("household", "import", str(write(tmp_path / "bad.csv", bad, "gbk")), code=1)
    lines = result.stderr.splitlines()
    assert [line.split("：")[0] for line in lines[:4]] == [
        "第 3 行",
        "第 4 行",
        "第 5 行",
        "第 6 行",
    ]
    assert "1381234abcd" in lines[1] and "2026-02-30" in lines[2] and "低保户" in lines[3]
    assert "迁入 的日期" in lines[2] and "moved_in" not in lines[2]  # the column as it is read
    assert "什么都没有写入" in lines[-1]
    assert "Traceback" not in result.output
    assert snapshot(db) == before


def test_a_missing_column_is_named(dyz: Runner, db: Path, tmp_path: Path) -> None:
    dyz("init")
    before = snapshot(db)
    roll = write(tmp_path / "r.csv", ["小区,楼栋,单元,姓名", "新芙蓉之都,2,2,刘桂英"], "utf-8")
    result = dyz("household", "import", str(roll), code=1)
    assert "缺少这些列：房号" in result.stderr and "--template" in result.stderr  # in its language
    assert snapshot(db) == before


def test_an_unused_column_is_listed_an_id_card_never_kept_and_a_missing_file_told(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    roll = write(
        tmp_path / "r.csv",
        [
            "小区,楼栋,单元,房号,姓名,性别,身份证号",
            "新芙蓉之都,2,2,301,刘桂英,女,430102194803021234",
        ],
        "utf-8",
    )
    said = dyz("household", "import", str(roll)).stderr
    assert "身份证号不保存" in said and "身份证号" in said
    assert "用不上，已略过：性别" in said
    assert b"430102194803021234" not in db.read_bytes()
    assert "读不到文件" in dyz("household", "import", str(tmp_path / "nope.csv"), code=1).stderr


def test_dry_run_checks_and_writes_nothing(dyz: Runner, db: Path, tmp_path: Path) -> None:
    dyz("init")
    before = snapshot(db)
    roll = write(tmp_path / "roll.csv", [HEADER_ZH, *ROWS], "utf-8")
    result = dyz("household", "import", str(roll), "--dry-run")
    assert "未写入" in result.stderr and "将新登记 3 户" in result.stderr
    assert snapshot(db) == before


def test_the_template_is_an_empty_roll_that_imports(dyz: Runner, tmp_path: Path) -> None:
    assert dyz("household", "import", "--template").stdout.strip() == HEADER_ZH
    assert dyz("--lang", "en", "household", "import", "--template").stdout.strip() == HEADER_EN
    target = tmp_path / "空白花名册.csv"
    dyz("household", "import", "--template", "-o", str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with target.open("a", encoding="utf-8", newline="") as f:
        f.write(ROWS[0] + "\r\n")
    dyz("household", "import", str(target))


def test_the_estate_option_fills_a_roll_without_an_estate_column(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    roll = write(tmp_path / "r.csv", ["楼栋,单元,房号,姓名", "2,2,301,刘桂英"], "utf-8")
    assert "--estate" in dyz("household", "import", str(roll), code=1).stderr
    dyz("household", "import", str(roll), "--estate", "新芙蓉之都")
    assert dyz_json("household", "list")[0]["estate"] == "新芙蓉之都"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

names = st.text(alphabet="王李张刘陈杨黄赵周吴桂英秀兰建国志明", min_size=2, max_size=4)
rows = st.lists(
    st.tuples(
        st.integers(1, 3),
        st.integers(1, 2),
        st.sampled_from(["101", "102", "201", "301"]),
        names,
        st.one_of(st.just(""), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)),
        st.sampled_from(["", "独居老人", "tenant;new_arrival", "需帮扶、残疾"]),
    ),
    max_size=12,
    unique_by=lambda row: row[:4],  # one line per person: a person twice is tested above
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows)
def test_any_valid_roll_imported_twice_equals_imported_once(tmp_path_factory, rows) -> None:  # type: ignore[no-untyped-def]
    from danyuanzhang.households.rollcall import import_roll
    from danyuanzhang.store import Store

    folder = tmp_path_factory.mktemp("roll")
    roll = folder / "roll.csv"
    lines = [HEADER_EN] + [f"E,{b},{u},{r},{n},{p},,{f}," for b, u, r, n, p, f in rows]
    roll.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store.open(folder / "d.db")
    store.ensure_device("test")
    try:
        import_roll(store, roll)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        once = snapshot(folder / "d.db")
        second = import_roll(store, roll)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert snapshot(folder / "d.db") == once
        assert second.households_added == second.residents_added == second.residents_updated == 0
    finally:
        store.close()


def test_one_person_twice_with_different_details_is_a_bad_row(
    dyz: Runner, db: Path, tmp_path: Path
) -> None:
    dyz("init")
    before = snapshot(db)
    lines = [HEADER_ZH, ROWS[0], ROWS[0], ROWS[0].replace("13812345678", "13812340000")]
    result = dyz("household", "import", str(write(tmp_path / "dup.csv", lines, "utf-8")), code=1)
    assert "第 4 行：刘桂英 在第 3 行已出现过" in result.stderr
    assert snapshot(db) == before


def test_a_newer_roll_shows_per_flat_what_it_changes_and_who_left(
    dyz: Runner, dyz_json, db: Path, tmp_path: Path
) -> None:
    dyz("household", "import", str(write(tmp_path / "old.csv", [HEADER_ZH, *ROWS], "utf-8")))
    newer = [
        "新芙蓉之都,2,2,301,刘桂英,13999998888,1941,独居老人、子女不在身边,",  # a new phone
        "新芙蓉之都,2,2,302,陈志明,13900001111,1988,新迁入;tenant,2026-11-10",  # 黄晓燕 left
        "新芙蓉之都,2,2,401,张秀英,,1950,,",  # someone in the empty flat
    ]
    roll = write(tmp_path / "new.csv", [HEADER_ZH, *newer], "utf-8")
    before = snapshot(db)
    said = dyz("household", "import", str(roll), "--dry-run").stderr
    assert "2-2-301：刘桂英 的电话有变化" in said
    assert "2-2-401：新增居民 张秀英" in said
    assert "2-2-302：黄晓燕 不在这份名册里" in said and "--moved-out" in said
    assert snapshot(db) == before
    said = dyz("household", "import", str(roll)).stderr
    assert "有 1 位居民不在这份名册里（黄晓燕）" in said
    huang = next(r for r in dyz_json("household", "show", "2-2-302")["residents"]
                 if r["name"] == "黄晓燕")  # fmt: skip
    assert huang["moved_out"] is None  # only a person's word moves someone out
    said = dyz("household", "import", str(roll), "--moved-out").stderr
    assert "记为迁出 1 人" in said and "黄晓燕" in said
    huang = next(r for r in dyz_json("household", "show", "2-2-302")["residents"]
                 if r["name"] == "黄晓燕")  # fmt: skip
    assert huang["moved_out"] is not None
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["phone"] == "13999998888"


def test_unicode_text_from_excel_is_read_as_tabs(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    """Excel's "Unicode text": UTF-16 with its mark, the cells apart by tabs."""
    roll = tmp_path / "花名册.txt"
    roll.write_bytes(
        "".join(f"{line}\r\n" for line in [HEADER_ZH, *ROWS]).replace(",", "\t").encode("utf-16")
    )
    dyz("household", "import", str(roll))
    assert len(dyz_json("household", "list")) == 3


def test_the_encoding_is_told_by_the_first_bytes_beyond_ascii(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is decoded as it is read, not held whole: ASCII reads alike in UTF-8 and GBK,
    so the first bytes beyond it decide, however far down they are."""
    from danyuanzhang.households import rollfile

    monkeypatch.setattr(rollfile, "_SNIFF", 64)
    ascii_rows = [f"Estate,{n},1,101,Li {n},,,,," for n in range(40)]
    roll = write(tmp_path / "roll.csv", [HEADER_EN, *ascii_rows, ROWS[0]], "gbk")
    (sheet,) = rollfile.read_roll_file(roll)
    rows = list(sheet.rows)
    assert len(rows) == 42 and rows[-1][1][4] == "刘桂英" and rows[1][1][4] == "Li 0"


def test_a_fault_far_into_the_file_is_its_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """UTF-8 at the start, a byte no UTF-8 has further on: the same one line as before."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.households import rollfile

    monkeypatch.setattr(rollfile, "_SNIFF", 64)
    roll = tmp_path / "roll.csv"
    roll.write_bytes(("\r\n".join([HEADER_ZH, *ROWS * 20]) + "\r\n").encode() + b"\xff\xfe,x\r\n")
    with pytest.raises(DyzError) as raised:
        rollfile.read_roll_file(roll)
    assert raised.value.key == "file_encoding"


def test_a_csv_that_is_no_csv_is_one_line(dyz: Runner, db: Path, tmp_path: Path) -> None:
    """A cell longer than any roll's (an unclosed quote swallowing the file): one line."""
    roll = tmp_path / "花名册.csv"
    roll.write_text(HEADER_ZH + '\r\n"' + "x" * 200_000 + "\r\n", encoding="utf-8")
    dyz("init")
    before = snapshot(db)
    result = dyz("household", "import", str(roll), code=1)
    assert "另存为“CSV UTF-8”" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(db) == before


def test_a_roll_written_as_it_is_read_makes_the_same_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A district's roll is written every so many flats and residents, to be read in bounded
    memory: a person met again after their record was written still adds what the row adds,
    and a second row saying otherwise is still a bad row."""
    from danyuanzhang.households import rollcall
    from danyuanzhang.households.rollcall import RollRejected, import_roll
    from danyuanzhang.store import Store

    again = "新芙蓉之都,2,2,301,刘桂英,,,残疾,2020-01-01,"  # adds a flag and a date
    lines = [HEADER_ZH, *ROWS, again, ROWS[0]]
    roll = write(tmp_path / "roll.csv", lines, "utf-8")
    tables = "SELECT estate, building, unit, room, r.name, r.phone, born, moved_in, r.note, flag"
    tables += " FROM households h LEFT JOIN residents r ON r.household_id = h.id"
    tables += " LEFT JOIN resident_flags f ON f.resident_id = r.id ORDER BY 1, 2, 3, 4, 5, 10"
    made = []
    for pending in (1000, 1):
        monkeypatch.setattr(rollcall, "_PENDING", pending)
        store = Store.open(tmp_path / f"{pending}.db")
        store.ensure_device("test")
        try:
            first = import_roll(store, roll)
            rows = [tuple(row) for row in store.conn.execute(tables)]
            made.append((rows, first.residents_updated))
            assert import_roll(store, roll).unchanged == len(lines) - 2  # all but the empty flat
        finally:
            store.close()
        store = Store.open(tmp_path / f"bad-{pending}.db")
        store.ensure_device("test")
        bad = [HEADER_ZH, *ROWS, ROWS[0].replace("1941", "1942")]
        try:
            with pytest.raises(RollRejected) as rejected:
                import_roll(store, write(tmp_path / "bad.csv", bad, "utf-8"))
            assert rejected.value.problems[0][1] == 6
            assert store.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
        finally:
            store.close()
    assert made[0] == made[1] and made[0][1] == 1
    assert ("新芙蓉之都", "2", "2", "301", "刘桂英") + (
        "13812345678",
        1941,
        "2020-01-01",
        None,
        "disabled",
    ) in made[0][0], [r[5:] for r in made[0][0]]
