"""Bundles that must be refused: each says what is wrong (and where) and changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from danyuanzhang.core.changes import Change
from danyuanzhang.store import Store
from danyuanzhang.sync.bundle.errors import BundleError
from tests.conftest import Runner, one_line_error, snapshot

HEADER_END = "\nbody:"


@pytest.fixture
def office(dyz: Runner, db: Path) -> Path:
    """The office's database, with data, checkpointed so its file alone holds everything."""
    dyz("init", "--device-name", "社区办公室")
    dyz("household", "add", "1-1-101", "--estate", "新芙蓉之都")
    store = Store.open(db)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return db


@pytest.fixture
def bundle(dyz: Runner, tmp_path: Path) -> Path:
    """A good bundle from a unit head's laptop."""
    unit = tmp_path / "unit.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(
        "--db",
        str(unit),
        "resident",
        "add",
        "2-2-301",
        "--name",
        "刘桂英",
        "--phone",
        "13812345678",
        "--moved-in",
        "2001-05-01",
        "--flag",
        "elderly_alone",
    )
    path = tmp_path / "good.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    return path


def reseal(text: str) -> str:
    """Recompute the checksum of the content and sign it, as a careful forger would: with a
    key of their own, since the sender's is on the sender's laptop."""
    import base64

    from nacl.signing import SigningKey

    from danyuanzhang.sync.bundle.reader import content_checksum, source_from_bytes

    forger = SigningKey(b"\x07" * 32)
    key = base64.b64encode(bytes(forger.verify_key)).decode()
    # the spans are signed by the laptops that made the changes: a forger leaves them out
    text = re.sub(r"^spans:.*\n(?:- \[.*\]\n)*", "spans: []\n", text, count=1, flags=re.M)
    text = re.sub(r'^key: "[^"]*"', f'key: "{key}"', text, count=1, flags=re.M)
    try:
        checksum = f"sha256:{content_checksum(source_from_bytes(text.encode('utf-8')))}"
    except BundleError:  # YAML the walk refuses: the checksum as it stands, signed
        found = re.search(r'checksum: "(sha256:[0-9a-f]+)"', text)
        if found is None:
            return text
        checksum = found.group(1)
    signature = base64.b64encode(forger.sign(checksum.encode()).signature).decode()
    text = re.sub(r'checksum: "sha256:[0-9a-f]+"', f'checksum: "{checksum}"', text, count=1)
    return re.sub(r'^signature: "[^"]*"', f'signature: "{signature}"', text, count=1, flags=re.M)


def rehash(text: str, change_line_contains: str, entity: str, record: str) -> str:
    """Give the change on the line holding `change_line_contains` the id its content implies."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if change_line_contains in line)
    line = lines[index]
    hlc = re.search(r'hlc: "([^"]+)"', line).group(1)  # type: ignore[union-attr]
    field = re.search(r'set: "([^"]+)"', line).group(1)  # type: ignore[union-attr]
    raw = re.search(r'to: "([^"]*)"', line).group(1)  # type: ignore[union-attr]
    value = f'"{raw}"'
    new_id = Change.content_id(
        hlc, hlc[27:], "周玉梅的电脑", entity, record, "set", field, value, "[]"
    )
    lines[index] = re.sub(r'id: "[0-9a-f]{32}"', f'id: "{new_id}"', line, count=1)
    return "\n".join(lines)


def refused(dyz: Runner, office: Path, path: Path, *words: str) -> str:
    before = office.read_bytes()
    line = one_line_error(dyz("import", str(path), code=1))
    assert "数据未作任何改动" in line
    for word in words:
        assert word in line, line
    assert office.read_bytes() == before
    return line


def write(tmp_path: Path, text: str | bytes, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_good_bundle_imports(dyz: Runner, dyz_json, office: Path, bundle: Path) -> None:
    assert "新增 9 条修改" in dyz("import", str(bundle)).stderr
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["name"] == "刘桂英"


def test_truncated(dyz: Runner, office: Path, bundle: Path, tmp_path: Path) -> None:
    data = bundle.read_bytes()
    refused(dyz, office, write(tmp_path, data[: len(data) * 2 // 3]))


def test_one_byte_flipped(dyz: Runner, office: Path, bundle: Path, tmp_path: Path) -> None:
    """Damage in a change is caught by its id, with the line; in the header, by the checksum."""
    data = bytearray(bundle.read_bytes())
    position = data.index(b"13812345678") + 3
    data[position] ^= 0x01
    line = data[:position].count(b"\n") + 1
    refused(dyz, office, write(tmp_path, bytes(data)), "编号与内容不符", f"第 {line} 行")
    header = bytearray(bundle.read_bytes())
    position = header.index(b'created: "') + 12
    header[position] ^= 0x01
    refused(dyz, office, write(tmp_path, bytes(header), "h.yaml"), "校验和不符")


@pytest.mark.parametrize("key", ["format_version", "schema_version"])
def test_a_newer_format_asks_to_upgrade(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path, key: str
) -> None:
    text = re.sub(rf'{key}: "\d+"', f'{key}: "99"', bundle.read_text(encoding="utf-8"))
    refused(dyz, office, write(tmp_path, text), "升级 dyz")
    english = dyz("--lang", "en", "import", str(tmp_path / "bad.yaml"), code=1).stderr
    assert "upgrade dyz" in english


def test_not_yaml(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(dyz, office, write(tmp_path, "format: [unclosed\n  : : ]]\n"), "不是有效的 YAML", "行")
    refused(dyz, office, write(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256))), "UTF-8")


def test_several_documents(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(
        dyz, office, write(tmp_path, "format: a\n---\nformat: b\n"), "多个 YAML 文档", "第 2 行"
    )


def test_top_level_not_a_mapping(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(dyz, office, write(tmp_path, "- format\n- dyz-bundle\n"), "最外层不是")


@pytest.mark.parametrize(
    "text",
    [
        "format: !!python/object:os.system 'echo owned'\n",
        "format: !!python/object/apply:os.system ['echo owned']\n",
        "format: !!binary aGVsbG8=\n",
        "format: !custom x\n",
    ],
)
def test_tags(dyz: Runner, office: Path, tmp_path: Path, text: str) -> None:
    refused(dyz, office, write(tmp_path, text), "标签", "第 1 行")


def test_anchors_aliases_and_an_alias_bomb(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(
        dyz, office, write(tmp_path, "format: &a dyz-bundle\nsender: *a\n"), "锚点或别名", "第 1 行"
    )
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    refused(dyz, office, write(tmp_path, "\n".join(bomb) + "\n"), "锚点或别名")


def test_nesting_100000_levels(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(dyz, office, write(tmp_path, "format: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    deep_block = "".join(" " * i + "a:\n" for i in range(0, 2000, 1))
    refused(dyz, office, write(tmp_path, deep_block, "deep.yaml"))


def test_duplicate_keys(dyz: Runner, office: Path, bundle: Path, tmp_path: Path) -> None:
    text = bundle.read_text(encoding="utf-8")
    doubled = text.replace('format: "dyz-bundle"', 'format: "dyz-bundle"\nformat: "dyz-bundle"', 1)
    refused(dyz, office, write(tmp_path, doubled), "“format”出现了两次", "第 4 行")
    one_and_true = re.sub(r"counts: \{", 'counts: {1: "1", true: "1", ', text, count=1)
    refused(dyz, office, write(tmp_path, one_and_true, "b.yaml"), "不认识的项“counts.1”")
    inside = text.replace('by: "周玉梅的电脑", ', 'by: "周玉梅的电脑", by: "周玉梅的电脑", ', 1)
    refused(dyz, office, write(tmp_path, reseal(inside), "c.yaml"), "“by”出现了两次")


def test_retypable_scalars_stay_text(dyz: Runner, dyz_json, office: Path, tmp_path: Path) -> None:
    unit = tmp_path / "unit2.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz(
        "--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都", "--note", "1:20"
    )
    dyz("--db", str(unit), "resident", "add", "2-2-301", "--name", "no", "--phone", "07318555123")
    path = tmp_path / "plain.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    # written plain, as a person or another tool might: YAML 1.1 would make no False, 1:20 4800…
    text = path.read_text(encoding="utf-8")
    for value in ("no", "07318555123", "1:20"):
        text = text.replace(f'to: "{value}"', f"to: {value}")
    path.write_text(text, encoding="utf-8")
    dyz("import", str(path))  # the same content: the same checksum, however it is spelt
    shown = dyz_json("household", "show", "2-2-301")
    assert shown["note"] == "1:20"
    assert (shown["residents"][0]["name"], shown["residents"][0]["phone"]) == ("no", "07318555123")


def test_an_impossible_date_is_a_validation_error(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    text = bundle.read_text(encoding="utf-8").replace('to: "2001-05-01"', 'to: "2026-02-30"')
    record = re.search(r'table: "resident"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    text = reseal(rehash(text, 'to: "2026-02-30"', "resident", record))
    line = refused(dyz, office, write(tmp_path, text), "moved_in", "2026-02-30")
    assert re.search(r"第 \d+ 行", line)


def test_unknown_fields_and_tables(dyz: Runner, office: Path, bundle: Path, tmp_path: Path) -> None:
    text = bundle.read_text(encoding="utf-8")
    refused(
        dyz,
        office,
        write(tmp_path, text.replace('redacted: "no"', 'redacted: "no"\nextra: "x"')),
        "extra",
    )
    tables = reseal(text.replace('table: "household"', 'table: "bank_accounts"', 1))
    refused(dyz, office, write(tmp_path, tables, "t.yaml"), "bank_accounts")
    field = reseal(text.replace('set: "room"', 'set: "id_card"', 1))
    refused(dyz, office, write(tmp_path, field, "f.yaml"), "id_card")


def test_a_change_whose_id_does_not_match(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    text = reseal(bundle.read_text(encoding="utf-8").replace("13812345678", "13900000000"))
    refused(dyz, office, write(tmp_path, text), "编号与内容不符", "行")


def test_a_reference_to_a_record_neither_side_has(
    dyz: Runner, dyz_json, office: Path, tmp_path: Path
) -> None:
    unit = tmp_path / "unit3.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("--db", str(unit), "resident", "add", "2-2-301", "--name", "刘桂英")
    path = tmp_path / "full.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    start = text.index('- table: "household"')
    end = text.index('- table: "resident"')
    without_household = text[:start] + text[end:]
    without_household = re.sub(r'household: "\d+", ', "", without_household)
    refused(
        dyz, office, write(tmp_path, reseal(without_household)), "住户", "在本机和数据包里都没有"
    )


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (b"\xff\xfe", "UTF-8"),
        (b"\x00", "空字符"),
    ],
)
def test_bytes_that_are_not_text(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path, bad: bytes, words: str
) -> None:
    data = bundle.read_bytes().replace("刘桂英".encode(), "刘".encode() + bad + "英".encode())
    refused(dyz, office, write(tmp_path, data), words, "行")


def test_right_to_left_override_in_a_name(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    text = bundle.read_text(encoding="utf-8").replace('to: "刘桂英"', 'to: "刘\u202e英桂"')
    record = re.search(r'table: "resident"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    text = reseal(rehash(text, "刘\u202e英桂", "resident", record))
    refused(dyz, office, write(tmp_path, text), "name")


def test_files_that_cannot_be_bundles_are_refused_at_once(
    dyz: Runner, office: Path, tmp_path: Path
) -> None:
    """No size wall for bundles dyz writes; what cannot be one is refused from its first
    bytes, in bounded memory: a device, a huge file of zeros, a huge file of other text."""
    import resource
    import time

    started = time.perf_counter()
    zeros = tmp_path / "zeros.yaml"
    with zeros.open("wb") as f:
        f.truncate(4 << 30)  # sparse: 4 GiB that cost no disk
    refused(dyz, office, zeros, "空字符")
    text = tmp_path / "notes.yaml"
    with text.open("wb") as f:
        f.write(b"just some notes\n" * 1000)
        f.truncate(200 << 20)
    refused(dyz, office, text, "不是 dyz 数据包")
    if Path("/dev/zero").exists():
        refused(dyz, office, Path("/dev/zero"), "不是一个普通文件")
    refused(dyz, office, tmp_path, "不是一个普通文件")
    assert time.perf_counter() - started < 20
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1 << 20  # KiB: under 1 GiB


def test_a_missing_file(dyz: Runner, office: Path, tmp_path: Path) -> None:
    refused(dyz, office, tmp_path / "nope.yaml", "读不到")


def test_new_records_are_checked_like_the_rest(dyz: Runner, office: Path, tmp_path: Path) -> None:
    """Hazards, steps and petitions join the same checks: a bad value, a step whose hazard
    neither side has."""
    unit = tmp_path / "unit4.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    said = dyz(
        "--db",
        str(unit),
        "hazard",
        "add",
        "--kind",
        "flying_wire",
        "--where",
        "2-2",
        "--severity",
        "high",
    ).stderr
    dyz("--db", str(unit), "hazard", "notify", said.split("编号 ")[1][:8])
    dyz("--db", str(unit), "petition", "add", "2-2-301", "--category", "停车", "--text", "乱停车")
    path = tmp_path / "all.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    record = re.search(r'table: "hazard"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    severe = reseal(
        rehash(text.replace('to: "high"', 'to: "extreme"'), 'to: "extreme"', "hazard", record)
    )
    refused(dyz, office, write(tmp_path, severe, "severe.yaml"), "severity", "extreme")
    start = text.index('- table: "hazard"\n')
    end = text.index('- table: "hazard_event"')
    orphan_step = text[:start] + text[end:]
    orphan_step = re.sub(r'hazard: "\d+", ', "", orphan_step)
    refused(
        dyz,
        office,
        write(tmp_path, reseal(orphan_step), "orphan.yaml"),
        "隐患",
        "在本机和数据包里都没有",
    )


def test_visits_are_checked_like_the_rest(dyz: Runner, office: Path, tmp_path: Path) -> None:
    """A visit with an outcome dyz does not know, and a visit to a household neither side has."""
    unit = tmp_path / "unit5.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("--db", str(unit), "visit", "add", "2-2-301", "--on", "2026-11-20", "--briefed")
    path = tmp_path / "visit.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    record = re.search(r'table: "visit"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    odd = text.replace('set: "outcome", to: "met"', 'set: "outcome", to: "maybe"')
    assert odd != text
    odd = reseal(rehash(odd, 'to: "maybe"', "visit", record))
    refused(dyz, office, write(tmp_path, odd, "odd.yaml"), "outcome", "maybe")
    start = text.index('- table: "household"\n')
    end = text.index('- table: "visit"')
    orphan = re.sub(r'household: "\d+", ', "", text[:start] + text[end:])
    refused(
        dyz,
        office,
        write(tmp_path, reseal(orphan), "orphan-visit.yaml"),
        "住户",
        "在本机和数据包里都没有",
    )


def unit_head_with_a_flat(dyz: Runner, tmp_path: Path) -> list[str]:
    """周玉梅's laptop with 新芙蓉之都 2-2-301 on it: its --db arguments."""
    unit = ["--db", str(tmp_path / "unit.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    return unit


def without_lines(text: str, *holding: str) -> str:
    """The bundle with the change lines holding any of `holding` left out, counts mended."""
    kept = [line for line in text.split("\n") if not any(h in line for h in holding)]
    mended = "\n".join(kept)
    counts: dict[str, int] = {}
    for table, changes in re.findall(
        r'table: "(\w+)"\n  id: "[0-9a-f]+"\n  changes:\n((?:  - .*\n?)*)', mended
    ):
        counts[table] = counts.get(table, 0) + changes.count("  - {")
    listed = ", ".join(f'{table}: "{n}"' for table, n in sorted(counts.items()))
    return re.sub(r"counts: \{[^}]*\}", f"counts: {{{listed}}}", mended, count=1)


def test_a_resident_with_no_name_is_refused(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    nameless = reseal(without_lines(bundle.read_text(encoding="utf-8"), 'set: "name"'))
    line = refused(dyz, office, write(tmp_path, nameless, "nameless.yaml"), "居民", "姓名")
    assert "第 " in line


def test_a_redacted_bundle_still_brings_residents_without_names(
    dyz: Runner, dyz_json, office: Path, tmp_path: Path
) -> None:
    unit = unit_head_with_a_flat(dyz, tmp_path)
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--flag", "独居老人")
    redacted = tmp_path / "redacted.yaml"
    dyz(*unit, "export", "--all", "--redact", "-o", str(redacted))
    assert "刘桂英" not in redacted.read_text(encoding="utf-8")
    dyz("import", str(redacted))
    due = dyz_json("visit", "due", "--not-due")
    flat = next(item for item in due if item["household"] == "2-2-301")
    assert flat["residents"] == [] and flat["flags"] == ["elderly_alone"]


def test_a_birth_year_in_the_future_is_refused(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    from datetime import date

    text = bundle.read_text(encoding="utf-8")
    record = re.search(r'table: "resident"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    line = next(line for line in text.split("\n") if 'set: "moved_in"' in line)
    next_year = str(date.today().year + 1)
    born = line.replace('set: "moved_in", to: "2001-05-01"', f'set: "born", to: "{next_year}"')
    forged = rehash(text.replace(line, born), f'to: "{next_year}"', "resident", record)
    refused(dyz, office, write(tmp_path, reseal(forged), "born.yaml"), next_year)


def test_a_new_resident_of_a_household_erased_here_goes_with_it(
    dyz: Runner, dyz_json, office: Path, tmp_path: Path
) -> None:
    unit = unit_head_with_a_flat(dyz, tmp_path)
    first = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(first))
    dyz("import", str(first))
    dyz("household", "remove", "2-2-301", "--yes")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "王建国", "--phone", "13900001111")
    later = tmp_path / "later.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(later))
    text = later.read_text(encoding="utf-8")
    start = text.index('- table: "household"\n')
    end = text.index('- table: "resident"\n')
    relayed = re.sub(  # relayed by a laptop the office has not heard from: its key is its own
        r'sender: \{id: "[0-9a-f]{32}", name: "[^"]*"',
        'sender: {id: "0123456789abcdef0123456789abcdef", name: "罗淑珍的电脑"',
        text[:start] + text[end:],
        count=1,
    )
    residents_only = reseal(without_lines(relayed))
    said = dyz("import", str(write(tmp_path, residents_only, "residents-only.yaml"))).stderr
    assert "已忽略" in said
    assert [h["ref"] for h in dyz_json("household", "list")] == ["1-1-101"]
    store = Store.open(office)
    try:
        found = store.conn.execute("SELECT count(*) FROM changes WHERE value LIKE '%王建国%'")
        assert found.fetchone()[0] == 0
    finally:
        store.close()


def test_a_forged_seen_mark_cannot_stop_a_laptop_relaying_the_office_s_news(
    dyz: Runner, tmp_path: Path
) -> None:
    """A bundle claiming its sender holds all of the office's changes up to an hour from now,
    without carrying them: the claim is not believed, and the unit head still relays the
    office's next changes to that laptop."""
    office = ["--db", str(tmp_path / "office.db")]
    unit = ["--db", str(tmp_path / "unit.db")]
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*other, "init", "--device-name", "罗淑珍的电脑")
    dyz(*office, "household", "add", "1-1-101", "--estate", "新芙蓉之都")
    dyz(*office, "export", "--plain", "--all", "-o", str(tmp_path / "office1.yaml"))
    dyz(*unit, "import", str(tmp_path / "office1.yaml"))
    dyz(*other, "household", "add", "3-1-101", "--estate", "新芙蓉之都")
    theirs = tmp_path / "theirs.yaml"
    dyz(*other, "export", "--plain", "-o", str(theirs))
    store = Store.open(tmp_path / "office.db")
    office_id, latest = store.device()[0], store.setting("clock") or ""
    store.close()
    ahead = f"{int(latest[:15]) + 3_600_000:015d}-0000000000-{office_id}"
    text = theirs.read_text(encoding="utf-8")
    forged = text.replace("seen: {", f'seen: {{"{office_id}": "{ahead}", ', 1)
    assert forged != text
    dyz(*unit, "import", str(write(tmp_path, reseal(forged), "forged.yaml")))
    dyz(*office, "household", "add", "1-1-102")
    dyz(*office, "export", "--all", "--plain", "-o", str(tmp_path / "office2.yaml"))
    dyz(*unit, "import", str(tmp_path / "office2.yaml"))
    relayed = tmp_path / "relayed.yaml"
    said = dyz(*unit, "export", "--for", "罗淑珍的电脑", "--plain", "-o", str(relayed)).stderr
    assert "已导出" in said
    assert 'to: "102"' in relayed.read_text(encoding="utf-8")


def test_many_erasures_at_once_are_held_until_a_person_accepts_them(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    rooms = [f"2-2-{floor}0{n}" for floor in range(1, 5) for n in (1, 2)]
    for room in rooms:
        dyz(*unit, "household", "add", room, "--estate", "新芙蓉之都")
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "first.yaml"))
    dyz(*office, "import", str(tmp_path / "first.yaml"))
    for room in rooms[:5]:  # five: an ordinary week
        dyz(*unit, "household", "remove", room, "--yes")
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "five.yaml"))
    dyz(*office, "import", str(tmp_path / "five.yaml"))
    assert len(dyz_json(*office, "household", "list")) == 3
    for room in rooms[5:]:
        dyz(*unit, "household", "add", room.replace("2-2-", "3-1-"), "--estate", "新芙蓉之都")
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "more.yaml"))
    dyz(*office, "import", str(tmp_path / "more.yaml"))
    for room in [*rooms[5:], *(r.replace("2-2-", "3-1-") for r in rooms[5:])]:
        dyz(*unit, "household", "remove", room, "--yes")
    wiped = tmp_path / "wiped.yaml"
    dyz(*unit, "export", "--plain", "-o", str(wiped))
    before = snapshot(tmp_path / "office.db")
    checked = dyz(*office, "import", "--dry-run", str(wiped)).stderr
    assert "下面 6 户会暂缓执行" in checked and "新芙蓉之都 3-1-402" in checked
    assert snapshot(tmp_path / "office.db") == before
    # the five of the week before count: all six are held, the flats and their data stay
    held = dyz(*office, "import", str(wiped)).stderr
    assert "下面 6 户的删除暂缓执行" in held and "--accept-erasures" in held
    assert "周玉梅的电脑" in held and "Traceback" not in held
    assert "新芙蓉之都 2-2-402" in held and "新芙蓉之都 3-1-302" in held
    assert len(dyz_json(*office, "household", "list")) == 6
    dyz(*office, "import", "--accept-erasures", str(wiped))
    assert dyz_json(*office, "household", "list") == []


def test_a_change_passing_for_this_laptop_is_refused(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    """A phone change stamped with this laptop's own device and name, in a bundle from another:
    refused, naming this laptop, and the phone stays."""
    unit = unit_head_with_a_flat(dyz, tmp_path)
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    own = tmp_path / "own.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(own))
    text = own.read_text(encoding="utf-8")
    record = re.search(r'table: "resident"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    text = re.sub(
        r'sender: \{id: "[0-9a-f]{32}", name: "[^"]*"',
        'sender: {id: "0123456789abcdef0123456789abcdef", name: "陌生的电脑"',
        text,
        count=1,
    )
    line = next(line for line in text.split("\n") if 'to: "13812345678"' in line)
    stamp = re.search(r'hlc: "([^"]+)"', line).group(1)  # type: ignore[union-attr]
    later = f"{int(stamp[:15]) + 1000:015d}-0000000000-{stamp[27:]}"
    swapped = line.replace("13812345678", "13999999999").replace(stamp, later)
    forged = rehash(text.replace(line, swapped), 'to: "13999999999"', "resident", record)
    before = snapshot(tmp_path / "unit.db")
    said = one_line_error(
        dyz(*unit, "import", str(write(tmp_path, reseal(forged), "forged.yaml")), code=1)
    )
    assert "自称是本机（周玉梅的电脑）" in said and "数据未作任何改动" in said
    assert snapshot(tmp_path / "unit.db") == before


def test_patrols_are_checked_like_the_rest(dyz: Runner, office: Path, tmp_path: Path) -> None:
    """A patrol whose checklist holds a word dyz does not know, one at a time of day that is
    none, and one that leaves out who patrolled: each refused, nothing changed."""
    unit = tmp_path / "unit6.db"
    dyz("--db", str(unit), "init", "--device-name", "周玉梅的电脑")
    dyz("--db", str(unit), "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("--db", str(unit), "patrol", "--unit", "2-2", "--all-clear", "--at", "9:30")
    path = tmp_path / "patrol.yaml"
    dyz("--db", str(unit), "export", "--all", "--plain", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    record = re.search(r'table: "patrol"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    odd = text.replace('set: "passage", to: "ok"', 'set: "passage", to: "maybe"')
    assert odd != text
    odd = reseal(rehash(odd, 'to: "maybe"', "patrol", record))
    refused(dyz, office, write(tmp_path, odd, "odd.yaml"), "checklist item", "maybe")
    late = text.replace('set: "at", to: "09:30"', 'set: "at", to: "25:61"')
    assert late != text
    late = reseal(rehash(late, 'to: "25:61"', "patrol", record))
    refused(dyz, office, write(tmp_path, late, "late.yaml"), "time of day", "25:61")
    nobody = reseal(without_lines(text, 'set: "patroller"'))
    refused(dyz, office, write(tmp_path, nobody, "nobody.yaml"), "巡查", "巡查人")


def test_volunteers_and_services_are_checked_like_the_rest(
    dyz: Runner, office: Path, tmp_path: Path
) -> None:
    """Hours that are no hours, a service dyz cannot read, and a volunteer living in a flat
    neither side has."""
    unit = unit_head_with_a_flat(dyz, tmp_path)
    dyz(
        *unit, "volunteer", "add", "--name", "左师傅", "--service", "维修", "--household", "2-2-301"
    )
    dyz(*unit, "service", "add", "左师傅", "--for", "2-2-301", "--kind", "维修", "--hours", "1.5")
    path = tmp_path / "team.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    service = re.search(r'table: "service"\n  id: "([0-9a-f]+)"', text).group(1)  # type: ignore[union-attr]
    for line, bad, words in (
        ('set: "hours", to: "1.5"', 'set: "hours", to: "-3"', ("hours", "-3")),
        ('set: "hours", to: "1.5"', 'set: "hours", to: "1.50"', ("hours", "1.50")),
        ('set: "kind", to: "repair"', 'set: "kind", to: "Repair!"', ("service kind",)),
    ):
        odd = text.replace(line, bad)
        assert odd != text
        odd = reseal(rehash(odd, bad.split(", ")[1], "service", service))
        refused(dyz, office, write(tmp_path, odd, "odd-service.yaml"), *words)
    start = text.index('- table: "household"\n')
    end = text.index('- table: "volunteer"')
    orphan = text[:start] + text[end:]
    orphan = re.sub(r'- table: "service"\n(?:  .*\n)*', "", orphan)
    refused(
        dyz,
        office,
        write(tmp_path, reseal(without_lines(orphan)), "orphan-volunteer.yaml"),
        "在本机和数据包里都没有",
    )


def test_a_table_name_of_escapes_and_line_breaks_is_quoted_on_one_visible_line(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    text = bundle.read_text(encoding="utf-8")
    forged = reseal(text.replace('table: "household"', 'table: "bank\\e[2J\\n数据已导入"', 1))
    line = refused(dyz, office, write(tmp_path, forged), "bank␛[2J␊数据已导入")
    assert "\x1b" not in line
