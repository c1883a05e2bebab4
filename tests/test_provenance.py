"""A relayed change is accepted only if the laptop it claims made it: that laptop's signature
over a span of its changes covers it, however it travelled (store/spans.py)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from danyuanzhang.core.changes import Change, encode
from tests.conftest import Runner, refused_unchanged
from tests.test_members import Community


@pytest.fixture
def community(dyz: Runner, tmp_path: Path) -> Community:
    return Community(dyz, tmp_path)


def forge_in_log(
    db: str, claiming: str, record: str, field: str, value: str, at_ms: int | None = None
) -> Change:
    """A laptop running a changed dyz puts a change in its own log that claims `claiming`
    made it (stamped after its last change, or at `at_ms`): what it then exports it signs with
    its own key."""
    conn = sqlite3.connect(db)
    with conn:
        stamp = conn.execute("SELECT max(hlc) FROM changes").fetchone()[0]
        ms = int(stamp[:15]) + 1 if at_ms is None else at_ms
        forged_stamp = f"{ms:015d}-0000000000-{claiming}"
        change = Change.make(
            forged_stamp, "冒充的", "household", record, "set", field, encode(value)
        )
        conn.execute(
            "INSERT INTO changes (id, hlc, author, entity, record, op, field, value, parents)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (change.id, change.hlc, change.author, change.entity, change.record, change.op,
             change.field, change.value, change.parents),
        )  # fmt: skip
    conn.close()
    return change


def device_of(db: list[str]) -> str:
    conn = sqlite3.connect(db[1])
    try:
        return str(conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()[0])
    finally:
        conn.close()


def test_changes_relayed_through_the_office_and_on_again_are_proved(
    dyz: Runner, dyz_json, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    second = community.join("3-1单元长", "3-1-101")
    third = community.join("1-1单元长", "1-1-101")
    dyz(*first, "resident", "add", "2-2-601", "--name", "刘桂英", "--phone", "13812345678")
    dyz(*community.office, "import", str(community.export(first, "news")))
    # the office relays the first unit head's changes: the second takes them, proved
    relayed = community.export(community.office, "relayed", "--for", "3-1单元长")
    text_spans = community.folder / "relayed-plain.yaml"
    dyz(*community.office, "export", "--for", "3-1单元长", "--plain", "-o", str(text_spans))
    header = text_spans.read_text(encoding="utf-8").split("\nbody:")[0]
    assert re.search(f'^- \\["[^"]*{device_of(first)}"', header, re.M)
    dyz(*second, "import", str(relayed))
    [resident] = dyz_json(*second, "household", "show", "2-2-601")["residents"]
    assert resident["name"] == "刘桂英"
    # and the second relays them on (part of what it holds), proved again
    dyz(*third, "import", str(community.export(second, "on", "--for", "1-1单元长")))
    [resident] = dyz_json(*third, "household", "show", "2-2-601")["residents"]
    assert resident["phone"] == "13812345678"


def test_a_change_passing_for_another_laptop_is_refused_even_from_a_member(
    dyz: Runner, dyz_json, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    second = community.join("3-1单元长", "3-1-101")
    dyz(*community.office, "import", str(community.export(first, "news")))
    dyz(*second, "import", str(community.export(community.office, "o", "--for", "3-1单元长")))
    record = dyz_json(*second, "household", "show", "2-2-601")["id"]
    # the second unit head, a member, forges a note "made by" the first and sends it on
    forge_in_log(second[1], device_of(first), record, "note", "已搬走，可以删除")
    bundle = community.export(second, "forged", "--for", "社区办公室", "--plain")
    line = refused_unchanged(dyz, community.office, bundle, "2-2单元长", "没有“2-2单元长”的签名")
    assert "冒充" in line


def test_a_relay_that_leaves_a_change_out_of_a_span_is_refused(dyz: Runner, tmp_path: Path) -> None:
    """A laptop that knows the maker's key checks the maker's span, whoever relays it."""
    from tests.test_hostile_bundles import reseal

    maker = ["--db", str(tmp_path / "maker.db")]
    relay = ["--db", str(tmp_path / "relay.db")]
    receiver = ["--db", str(tmp_path / "receiver.db")]
    dyz(*maker, "init", "--device-name", "2-2单元长")
    dyz(*relay, "init", "--device-name", "转交的电脑")
    dyz(*receiver, "init", "--device-name", "收的电脑")
    for room in ("2-2-601", "2-2-602"):
        dyz(*maker, "household", "add", room, "--estate", "新芙蓉之都")
    made = tmp_path / "made.yaml"
    dyz(*maker, "export", "--plain", "--all", "-o", str(made))
    dyz(*receiver, "import", str(made))  # it knows the maker's key now
    dyz(*relay, "import", str(made))
    relayed = tmp_path / "relayed.yaml"
    dyz(*relay, "export", "--all", "--plain", "-o", str(relayed))
    text = relayed.read_text(encoding="utf-8")
    maker_id = device_of(maker)
    assert re.search(f'^- \\["[^"]*{maker_id}"', text.split("\nbody:")[0], re.M)
    # the relay drops the room of 2-2-602 (the maker's change) and re-signs as itself
    lines = text.split("\n")
    cut = max(i for i, ln in enumerate(lines) if f'{maker_id}", by:' in ln and '"room"' in ln)
    del lines[cut]
    text = "\n".join(lines)
    count = int(re.search(r'household: "(\d+)"', text).group(1))  # type: ignore[union-attr]
    text = text.replace(f'household: "{count}"', f'household: "{count - 1}"', 1)
    spans = re.search(r"^spans:.*\n(?:- \[.*\]\n)*", text, flags=re.M)
    assert spans is not None
    forged = reseal(text.replace(spans.group(0), "spans: []\n", 1))
    forged = forged.replace("spans: []\n", spans.group(0), 1)
    edited = tmp_path / "edited.yaml"
    edited.write_text(reseal_keeping_spans(forged), encoding="utf-8")
    refused_unchanged(dyz, receiver, edited, "“2-2单元长”签过名的修改清单对不上它的签名")


def reseal_keeping_spans(text: str) -> str:
    """Recompute the checksum over the spans as they stand and sign it with the forger's key
    (as `reseal` does, which leaves spans out)."""
    import base64

    from nacl.signing import SigningKey

    from danyuanzhang.sync.bundle.reader import content_checksum, source_from_bytes

    forger = SigningKey(b"\x07" * 32)
    checksum = f"sha256:{content_checksum(source_from_bytes(text.encode('utf-8')))}"
    signature = base64.b64encode(forger.sign(checksum.encode()).signature).decode()
    text = re.sub(r'checksum: "sha256:[0-9a-f]+"', f'checksum: "{checksum}"', text, count=1)
    return re.sub(r'^signature: "[^"]*"', f'signature: "{signature}"', text, count=1, flags=re.M)


def test_after_an_erasure_the_rest_of_a_span_is_still_proved(
    dyz: Runner, dyz_json, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    for room in ("2-2-602", "2-2-603"):
        dyz(*first, "household", "add", room)
    dyz(*first, "resident", "add", "2-2-602", "--name", "王建国", "--phone", "13900001111")
    dyz(*community.office, "import", str(community.export(first, "news")))
    dyz(*community.office, "household", "remove", "2-2-602", "--yes")
    newcomer = community.join("1-1单元长", "1-1-101")
    rooms = {h["ref"] for h in dyz_json(*newcomer, "household", "list")}
    assert {"2-2-601", "2-2-603"} <= rooms and "2-2-602" not in rooms


def stamps_of(db: str, device: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT hlc FROM changes WHERE device = ? ORDER BY hlc", (device,))
        return [r[0] for r in rows]
    finally:
        conn.close()


def test_a_change_slipped_in_among_a_laptop_s_signed_ones_is_refused(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """Stamped between two changes the maker signed together: the span's root gives it away."""
    first = community.join("2-2单元长", "2-2-601")
    second = community.join("3-1单元长", "3-1-101")
    dyz(*first, "resident", "add", "2-2-601", "--name", "刘桂英", "--phone", "13812345678")
    dyz(*community.office, "import", str(community.export(first, "news")))
    dyz(*second, "import", str(community.export(community.office, "o", "--for", "3-1单元长")))
    record = dyz_json(*second, "household", "show", "2-2-601")["id"]
    maker = device_of(first)
    stamps = stamps_of(second[1], maker)
    gap = next(a for a, b in zip(stamps, stamps[1:], strict=False) if a[:15] != b[:15])
    inside = f"{gap[:15]}-{int(gap[16:26]) + 1000:010d}-{maker}"
    conn = sqlite3.connect(second[1])
    with conn:
        change = Change.make(
            inside, "2-2单元长", "household", record, "set", "note", encode("空房")
        )
        conn.execute(
            "INSERT INTO changes (id, hlc, author, entity, record, op, field, value, parents)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (change.id, change.hlc, change.author, change.entity, change.record, change.op,
             change.field, change.value, change.parents),
        )  # fmt: skip
    conn.close()
    bundle = community.export(second, "slipped", "--all", "--plain")
    # the relay cannot place it in the span: it sends the span's changes unproven, and the
    # office, which knows the maker signs, refuses them
    refused_unchanged(dyz, community.office, bundle, "没有“2-2单元长”的签名")


def signed_as(text: str, db: str) -> str:
    """The bundle's checksum recomputed and signed with the key of the laptop of `db`: what a
    changed dyz on that laptop would write."""
    import base64

    from nacl.signing import SigningKey

    from danyuanzhang.sync.bundle.reader import content_checksum, source_from_bytes

    conn = sqlite3.connect(db)
    seed = conn.execute("SELECT value FROM settings WHERE key = 'signing_key'").fetchone()[0]
    conn.close()
    key = SigningKey(base64.b64decode(seed))
    checksum = f"sha256:{content_checksum(source_from_bytes(text.encode('utf-8')))}"
    signature = base64.b64encode(key.sign(checksum.encode()).signature).decode()
    text = re.sub(r'checksum: "sha256:[0-9a-f]+"', f'checksum: "{checksum}"', text, count=1)
    return re.sub(r'^signature: "[^"]*"', f'signature: "{signature}"', text, count=1, flags=re.M)


def test_a_bundle_of_the_format_before_spans_cannot_relay_a_signing_laptop_s_changes(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """Written as format 4 (no spans) by a member: a laptop that has seen the maker sign its
    changes refuses them relayed without its signature."""
    first = community.join("2-2单元长", "2-2-601")
    second = community.join("3-1单元长", "3-1-101")
    third = community.join("1-1单元长", "1-1-101")  # holds a span of the first's from its start
    dyz(*first, "resident", "add", "2-2-601", "--name", "刘桂英")
    dyz(*community.office, "import", str(community.export(first, "news")))
    dyz(*second, "import", str(community.export(community.office, "o", "--for", "3-1单元长")))
    relayed = community.export(second, "on", "--for", "1-1单元长", "--plain").read_text("utf-8")
    old = re.sub(r"^spans:.*\n(?:- \[.*\]\n)*", "", relayed, count=1, flags=re.M)
    old = old.replace('format_version: "5"', 'format_version: "4"', 1)
    bundle = community.folder / "old.yaml"
    bundle.write_text(signed_as(old, second[1]), encoding="utf-8")
    refused_unchanged(dyz, third, bundle, "2-2单元长", "没有“2-2单元长”的签名")
    # as written, with its spans, it goes in
    dyz(*third, "import", str(community.export(second, "on2", "--for", "1-1单元长")))
    [resident] = dyz_json(*third, "household", "show", "2-2-601")["residents"]
    assert resident["name"] == "刘桂英"


def test_changes_made_before_a_laptop_had_its_key_are_relayed_as_before(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """A notebook of an earlier version gets its key on first open; what it made before is in
    no span, and goes on through the office as it did."""
    from danyuanzhang.sync.keys import fingerprint

    old = community.laptop("2-2单元长")
    dyz(*old, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    conn = sqlite3.connect(old[1])
    with conn:  # as an earlier version left it: no key
        conn.execute("DELETE FROM settings WHERE key = 'signing_key'")
    conn.close()
    request = community.export(old, "request")
    key = re.search(r'^key: "([^"]+)"', request.read_text("utf-8"), re.M).group(1)  # type: ignore[union-attr]
    dyz(*community.office, "import", str(request))
    dyz(*community.office, "members", "admit", "2-2单元长", "--fingerprint", fingerprint(key))
    dyz(*community.office, "import", str(request))
    dyz(*old, "import", str(community.export(community.office, "welcome", "--all")))
    dyz(*old, "household", "add", "2-2-602")  # made with its key: in a span
    dyz(*community.office, "import", str(community.export(old, "news")))
    newcomer = community.join("1-1单元长", "1-1-101")
    rooms = {h["ref"] for h in dyz_json(*newcomer, "household", "list")}
    assert {"2-2-601", "2-2-602"} <= rooms


def opened_header(bundle: Path, receiver: list[str]) -> str:
    """The header of a bundle encrypted to `receiver`, opened with its key."""
    import base64
    import io

    from danyuanzhang.sync.bundle.sealing import is_sealed, read_envelope, unseal
    from danyuanzhang.sync.keys import PRIVATE

    assert is_sealed(bundle)
    conn = sqlite3.connect(receiver[1])
    try:
        seed = conn.execute("SELECT value FROM settings WHERE key = ?", (PRIVATE,)).fetchone()[0]
    finally:
        conn.close()
    plain = io.BytesIO()
    unseal(bundle, read_envelope(bundle), base64.b64decode(seed), plain)
    return plain.getvalue().decode("utf-8").split("\nbody:")[0]


def test_a_bundle_only_its_receiver_opens_leaves_out_the_spans_of_its_own_changes(
    dyz: Runner, dyz_json, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    dyz(*first, "resident", "add", "2-2-601", "--name", "刘桂英", "--phone", "13812345678")
    dyz(*community.office, "import", str(community.export(first, "news")))
    dyz(*community.office, "household", "edit", "2-2-601", "--note", "楼下有电动车")
    # the office's bundle carries the whole household, the unit head's own changes with it
    plain = community.export(community.office, "plain", "--for", "2-2单元长", "--plain")
    plain_header = plain.read_text(encoding="utf-8").split("\nbody:")[0]
    office_id, unit_id = device_of(community.office), device_of(first)
    assert re.search(f'^- \\["[^"]*{unit_id}"', plain_header, re.M)  # anyone may read it
    sealed = community.export(community.office, "sealed", "--for", "2-2单元长")
    header = opened_header(sealed, first)
    assert re.search(f'^- \\["[^"]*{office_id}"', header, re.M)
    assert unit_id not in header.split("\nspans:")[1]  # only it opens it: it made them
    dyz(*first, "import", str(sealed))
    assert dyz_json(*first, "household", "show", "2-2-601")["note"] == "楼下有电动车"


def test_a_made_up_span_cannot_hide_that_a_laptop_signs(dyz: Runner, tmp_path: Path) -> None:
    """A relay passes on a change "made by" a laptop the receiver does not know yet, with a span
    it made up, stamped before all that laptop's own: once the receiver knows the laptop, the
    made-up span does not make the laptop look like one that never signs."""
    from danyuanzhang.store.spans import Span, Tree, full_root, keep

    maker = ["--db", str(tmp_path / "maker.db")]
    relay = ["--db", str(tmp_path / "relay.db")]
    receiver = ["--db", str(tmp_path / "receiver.db")]
    dyz(*maker, "init", "--device-name", "2-2单元长")
    dyz(*relay, "init", "--device-name", "转交的电脑")
    dyz(*receiver, "init", "--device-name", "收的电脑")
    dyz(*maker, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    made = tmp_path / "made.yaml"
    dyz(*maker, "export", "--plain", "--all", "-o", str(made))
    dyz(*relay, "import", str(made))
    conn = sqlite3.connect(relay[1])
    record = conn.execute("SELECT id FROM households").fetchone()[0]
    conn.close()
    early = forge_in_log(relay[1], device_of(maker), record, "note", "楼道堆物", at_ms=1)
    conn = sqlite3.connect(relay[1])
    with conn:
        leaf = bytes.fromhex(early.id)
        made_up = Span(early.hlc, early.hlc, 1, full_root([leaf]).hex(), "", "A" * 86 + "==")
        keep(conn, made_up, Tree(1, {0: leaf}, {}), checked=False)
    conn.close()
    first = tmp_path / "first.yaml"
    dyz(*relay, "export", "--plain", "--all", "-o", str(first))
    dyz(*receiver, "import", str(first))  # the maker's key is not known here: the relay's word
    dyz(*receiver, "import", str(made))  # now it is, with the maker's own spans
    forge_in_log(relay[1], device_of(maker), record, "note", "已搬走，可以删除")
    conn = sqlite3.connect(relay[1])
    with conn:  # and leaves out every span of the maker: the receiver judges by what it kept
        conn.execute("DELETE FROM spans WHERE device = ?", (device_of(maker),))
    conn.close()
    forged = tmp_path / "forged.yaml"
    dyz(*relay, "export", "--plain", "--all", "-o", str(forged))
    refused_unchanged(dyz, receiver, forged, "没有“2-2单元长”的签名")
