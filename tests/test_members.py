"""Laptops that belong to the community: the office admits them, and once a laptop trusts the
office it takes bundles and changes only from laptops the office admitted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, refused_unchanged, snapshot
from tests.test_hostile_bundles import reseal

FINGERPRINT = r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}"


class Community:
    """An office and unit heads' laptops, each its own notebook in a folder."""

    def __init__(self, dyz: Runner, folder: Path) -> None:
        self.dyz = dyz
        self.folder = folder
        self.fingerprints: dict[str, str] = {}
        self.office = self.laptop("社区办公室", "--office")

    def laptop(self, name: str, *options: str) -> list[str]:
        db = ["--db", str(self.folder / f"{name}.db")]
        said = self.dyz(
            *db, "init", "--community", "芙蓉南路", "--device-name", name, *options
        ).stderr
        found = re.search(f"本机密钥指纹：({FINGERPRINT})", said)
        assert found is not None, said
        self.fingerprints[name] = found.group(1)
        return db

    def admit(self, name: str) -> str:
        """The office admits `name` with the fingerprint its owner read over the phone."""
        fingerprint = self.fingerprints[name]
        return str(
            self.dyz(*self.office, "members", "admit", name, "--fingerprint", fingerprint).stderr
        )

    def export(self, db: list[str], name: str, *options: str) -> Path:
        path = self.folder / f"{name}.yaml"
        self.dyz(*db, "export", "-o", str(path), *options)
        return path

    def join(self, name: str, flat: str) -> list[str]:
        """A unit head who registers a flat, asks to join, is admitted and gets the office's
        bundle (so trusts the office)."""
        db = self.laptop(name)
        self.dyz(*db, "household", "add", flat, "--estate", "新芙蓉之都")
        request = self.export(db, f"{name}-request")
        self.dyz(*self.office, "import", str(request))
        self.admit(name)
        self.dyz(*self.office, "import", str(request))
        welcome = self.export(self.office, f"to-{name}", "--all", "--plain")
        self.dyz(*db, "import", str(welcome))
        return db


@pytest.fixture
def community(dyz: Runner, tmp_path: Path) -> Community:
    return Community(dyz, tmp_path)


def test_a_first_bundle_to_the_office_is_a_request_that_applies_nothing(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.laptop("2-2单元长")
    dyz(*unit, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    request = community.export(unit, "request")
    before = snapshot(Path(community.office[1]))
    said = dyz(*community.office, "import", str(request)).stderr
    fingerprint = community.fingerprints["2-2单元长"]
    assert "请求加入" in said and fingerprint in said
    assert "dyz members admit 2-2单元长" in said
    assert dyz_json(*community.office, "household", "list") == []
    [waiting] = dyz_json(*community.office, "members")["members"]
    assert waiting["state"] == "requested" and waiting["fingerprint"] == fingerprint
    # only the request is new: no change, no peer, no key pinned
    after = snapshot(Path(community.office[1]))
    assert {t for t in after if after[t] != before[t]} == {"join_requests"}

    without = dyz(*community.office, "members", "admit", "2-2单元长", code=1).stderr
    assert "--fingerprint" in without  # no terminal to ask in: the fingerprint is required
    said = community.admit("2-2单元长")
    assert fingerprint in said and "再导入一次" in said
    assert "新增 4 条修改" in dyz(*community.office, "import", str(request)).stderr
    [flat] = dyz_json(*community.office, "household", "list")
    assert flat["ref"] == "2-2-601"
    [member] = dyz_json(*community.office, "members")["members"]
    assert member["state"] == "admitted" and member["name"] == "2-2单元长"


def test_a_laptop_trusts_the_office_on_its_first_office_bundle_then_only_its_members(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.laptop("2-2单元长")
    welcome = community.export(community.office, "welcome", "--all")
    said = dyz(*unit, "import", str(welcome)).stderr
    assert "认定“社区办公室”为社区办公室" in said
    assert community.fingerprints["社区办公室"] in said
    listing = dyz_json(*unit, "members")
    assert listing["office"]["fingerprint"] == community.fingerprints["社区办公室"]

    stranger = community.laptop("路人的电脑")
    dyz(*stranger, "household", "add", "9-9-999", "--estate", "新芙蓉之都")
    from_stranger = community.export(stranger, "stranger")
    refused_unchanged(dyz, unit, from_stranger, "路人的电脑", "不在", "接纳")


def test_a_laptop_that_trusts_no_office_keeps_working_with_others(
    dyz: Runner, dyz_json, community: Community
) -> None:
    one = community.laptop("甲")
    two = community.laptop("乙")
    dyz(*one, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    dyz(*two, "import", str(community.export(one, "from-one")))
    assert [h["ref"] for h in dyz_json(*two, "household", "list")] == ["2-2-601"]
    one_line_error(dyz(*two, "members", code=1))


def test_members_admitted_later_are_learned_from_the_office_list_a_peer_relays(
    dyz: Runner, dyz_json, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    second = community.join("3-1单元长", "3-1-101")
    # the first unit head has an older list, without the second; the second's bundle carries
    # the office's newer list, signed by the office, and is taken
    dyz(*second, "household", "add", "3-1-102")
    relayed = community.export(second, "second", "--for", "2-2单元长")
    from danyuanzhang.sync.bundle.sealing import is_sealed

    assert is_sealed(relayed)  # never heard from, but its key is on the office's list
    said = dyz(*first, "import", str(relayed)).stderr
    assert "新增" in said
    names = {m["name"] for m in dyz_json(*first, "members")["members"]}
    assert names == {"2-2单元长", "3-1单元长"}


def test_changes_relayed_from_a_laptop_not_admitted_are_refused(
    dyz: Runner, community: Community
) -> None:
    first = community.join("2-2单元长", "2-2-601")
    # a laptop the office never admitted, and an older laptop that trusts no office, relays
    stranger = community.laptop("路人的电脑")
    dyz(*stranger, "household", "add", "9-9-999", "--estate", "新芙蓉之都")
    relay = community.laptop("转交的电脑")
    dyz(*relay, "import", str(community.export(stranger, "stranger")))
    # the relay is admitted, and relays the stranger's flat with its own
    request = community.export(relay, "relay-request", "--all")
    dyz(*community.office, "import", str(request))
    community.admit("转交的电脑")
    line = refused_unchanged(dyz, community.office, request, "路人的电脑", "不是社区办公室接纳")
    assert "第" in line  # names the line of the stranger's record
    del first


def test_a_revoked_laptop_is_refused_and_its_later_changes_too(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    other = community.join("3-1单元长", "3-1-101")
    dyz(*unit, "household", "add", "2-2-602")
    late = community.export(unit, "late", "--all")
    dyz(*other, "import", str(late))  # 3-1 still holds the office's older list
    said = dyz(*community.office, "members", "revoke", "2-2单元长", "--yes").stderr
    assert "已撤销" in said
    refused_unchanged(dyz, community.office, late, "2-2单元长", "撤销")
    # a relay of the revoked laptop's changes made after it was revoked: refused; those made
    # before it reach the office as before
    dyz(*other, "import", str(community.export(community.office, "revocation", "--all")))
    [row] = [m for m in dyz_json(*other, "members")["members"] if m["name"] == "2-2单元长"]
    assert row["state"] == "revoked"
    dyz(*unit, "household", "add", "2-2-603")
    dyz(*other, "import", str(community.export(unit, "after-revoke")), code=1)
    assert "2-2-603" not in {h["ref"] for h in dyz_json(*other, "household", "list")}


def test_a_bundle_carrying_a_forged_office_list_is_refused(
    dyz: Runner, community: Community
) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    other = community.join("3-1单元长", "3-1-101")
    bundle = community.export(other, "other", "--for", "2-2单元长", "--plain")
    text = bundle.read_text(encoding="utf-8")
    # the forger adds a laptop of their own to the office's list and reseals the bundle
    forged_row = (
        '  - {id: "'
        + "e" * 32
        + '", name: "冒充的电脑", key: "", admitted: "'
        + "001800000000000-0000000000-"
        + "e" * 32
        + '", revoked: ""}\n'
    )
    text = text.replace("  members:\n", "  members:\n" + forged_row, 1)
    forged = community.folder / "forged.yaml"
    forged.write_text(reseal(text), encoding="utf-8")
    refused_unchanged(dyz, unit, forged, "接纳名单", "签名对不上")


def test_another_office_is_refused_once_one_is_trusted(dyz: Runner, community: Community) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    rival = community.laptop("另一个办公室", "--office")
    refused_unchanged(
        dyz, unit, community.export(rival, "rival", "--all"), "另一个社区办公室", "只认"
    )


def test_admit_known_lists_the_laptops_heard_from_and_asks_first(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    office = ["--db", str(tmp_path / "office.db")]
    unit = ["--db", str(tmp_path / "unit.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "init", "--device-name", "2-2单元长")
    dyz(*unit, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    dyz(*unit, "export", "-o", str(tmp_path / "u.yaml"))
    dyz(*office, "import", str(tmp_path / "u.yaml"))  # before there was any office
    said = dyz(*office, "init", "--office").stderr
    assert "dyz members admit --known" in said
    listed = dyz(*office, "members", "admit", "--known", code=1)
    assert "2-2单元长" in listed.stderr and "--yes" in listed.stderr
    assert dyz_json(*office, "members")["members"] == []
    dyz(*office, "members", "admit", "--known", "--yes")
    [member] = dyz_json(*office, "members")["members"]
    assert member["name"] == "2-2单元长" and member["fingerprint"]
    # its next bundle is taken as a member's
    dyz(*unit, "household", "add", "2-2-602")
    dyz(*unit, "export", "-o", str(tmp_path / "u2.yaml"))
    assert "新增" in dyz(*office, "import", str(tmp_path / "u2.yaml")).stderr


def test_only_the_office_admits(dyz: Runner, community: Community) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    line = one_line_error(dyz(*unit, "members", "admit", "谁", code=1))
    assert "只有社区办公室" in line


def test_the_list_travels_in_full_only_to_a_laptop_without_it(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    dyz(*unit, "household", "add", "2-2-602")
    news = community.export(unit, "news", "--plain")  # which list it holds, not the list
    assert "office: {issued: " in news.read_text(encoding="utf-8")
    dyz(*community.office, "import", str(news))
    dyz(*unit, "household", "add", "2-2-605")
    sealed = community.export(unit, "sealed-news")  # its own news: for its office alone
    from danyuanzhang.sync.bundle.sealing import is_sealed, read_envelope

    assert is_sealed(sealed) and read_envelope(sealed).for_name == "社区办公室"
    assert "新增" in dyz(*community.office, "import", str(sealed)).stderr
    dyz(*community.office, "household", "add", "2-2-603", "--estate", "新芙蓉之都")
    plain = ("--for", "2-2单元长", "--plain")
    short = community.export(community.office, "short", *plain).read_text(encoding="utf-8")
    assert "office: {issued: " in short and "  members:" not in short
    community.join("3-1单元长", "3-1-101")  # the list changes
    dyz(*community.office, "household", "add", "2-2-604", "--estate", "新芙蓉之都")
    full = community.export(community.office, "full", *plain)
    assert "  members:" in full.read_text(encoding="utf-8")
    dyz(*unit, "import", str(full))
    names = {m["name"] for m in dyz_json(*unit, "members")["members"]}
    assert names == {"2-2单元长", "3-1单元长"}


def test_admit_checks_the_fingerprint_read_over_the_phone(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.laptop("2-2单元长")
    dyz(*unit, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    dyz(*community.office, "import", str(community.export(unit, "request")))
    line = one_line_error(
        dyz(
            *community.office,
            "members",
            "admit",
            "2-2单元长",
            "--fingerprint",
            "0000-1111-2222-3333",
            code=1,
        )
    )
    assert "对不上" in line and community.fingerprints["2-2单元长"] in line
    [waiting] = dyz_json(*community.office, "members")["members"]
    assert waiting["state"] == "requested"
    spoken = community.fingerprints["2-2单元长"].lower().replace("-", " ")
    dyz(*community.office, "members", "admit", "2-2单元长", "--fingerprint", spoken)
    [member] = dyz_json(*community.office, "members")["members"]
    assert member["state"] == "admitted"


def test_the_office_s_own_erasures_are_not_held_but_a_member_s_are(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    rooms = [f"3-3-{n}01" for n in range(1, 8)]
    for room in rooms:
        dyz(*community.office, "household", "add", room, "--estate", "新芙蓉之都")
    dyz(*unit, "import", str(community.export(community.office, "rooms", "--for", "2-2单元长")))
    # the office erases seven households (a building pulled down): applied at once
    for room in rooms:
        dyz(*community.office, "household", "remove", room, "--yes")
    erasures = community.export(community.office, "erasures", "--for", "2-2单元长")
    said = dyz(*unit, "import", str(erasures)).stderr
    assert "新增" in said and "--accept-erasures" not in said
    assert [h["ref"] for h in dyz_json(*unit, "household", "list")] == ["2-2-601"]
    # the same number from a unit head is held for a person to read
    for room in rooms:
        dyz(*unit, "household", "add", room.replace("3-3", "4-4"), "--estate", "新芙蓉之都")
    dyz(*community.office, "import", str(community.export(unit, "more")))
    for room in rooms:
        dyz(*unit, "household", "remove", room.replace("3-3", "4-4"), "--yes")
    held = dyz(*community.office, "import", str(community.export(unit, "wiped")))
    assert "下面 2 户的删除暂缓执行" in held.stderr and "--accept-erasures" in held.stderr


def test_a_second_request_with_another_key_keeps_the_first_and_is_refused(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.laptop("2-2单元长")
    dyz(*unit, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    request = community.export(unit, "request")
    dyz(*community.office, "import", str(request))
    # a forger's request for the same laptop, signed with the forger's own key
    forged = community.folder / "forged-request.yaml"
    forged.write_text(reseal(request.read_text(encoding="utf-8")), encoding="utf-8")
    line = refused_unchanged(dyz, community.office, forged, "2-2单元长", "冒充", "--fingerprint")
    assert community.fingerprints["2-2单元长"] in line
    [waiting] = dyz_json(*community.office, "members")["members"]
    assert waiting["fingerprint"] == community.fingerprints["2-2单元长"]


def test_a_laptop_admitted_before_it_had_a_key_is_checked_when_it_signs(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    import sqlite3

    office = ["--db", str(tmp_path / "office.db")]
    unit = ["--db", str(tmp_path / "unit.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    said = dyz(*unit, "init", "--device-name", "2-2单元长").stderr
    dyz(*unit, "household", "add", "2-2-601", "--estate", "新芙蓉之都")
    dyz(*unit, "export", "-o", str(tmp_path / "u.yaml"))
    dyz(*office, "import", str(tmp_path / "u.yaml"))
    conn = sqlite3.connect(tmp_path / "office.db")  # as if it had come from an earlier version
    with conn:
        conn.execute("DELETE FROM device_keys")
    conn.close()
    dyz(*office, "init", "--office")
    dyz(*office, "members", "admit", "--known", "--yes")
    [member] = dyz_json(*office, "members")["members"]
    assert member["fingerprint"] is None
    # its next (signed) bundle waits, like a newcomer's, for a person to check the key
    dyz(*unit, "household", "add", "2-2-602")
    dyz(*unit, "export", "-o", str(tmp_path / "u2.yaml"))
    assert "请求加入" in dyz(*office, "import", str(tmp_path / "u2.yaml")).stderr
    assert len(dyz_json(*office, "household", "list")) == 1
    fingerprint = re.search(f"本机密钥指纹：({FINGERPRINT})", said).group(1)  # type: ignore[union-attr]
    dyz(*office, "members", "admit", "2-2单元长", "--fingerprint", fingerprint)
    dyz(*office, "import", str(tmp_path / "u2.yaml"))
    assert len(dyz_json(*office, "household", "list")) == 2


def test_a_revoked_laptop_gets_nothing_more_and_its_later_changes_leave_a_relay(
    dyz: Runner, dyz_json, community: Community
) -> None:
    unit = community.join("2-2单元长", "2-2-601")
    other = community.join("3-1单元长", "3-1-101")
    dyz(*community.office, "import", str(community.export(unit, "its-last")))
    dyz(*community.office, "members", "revoke", "2-2单元长", "--yes")
    line = one_line_error(
        dyz(*community.office, "export", "--for", "2-2单元长", "-o", "x.yaml", code=1)
    )
    assert "已被社区办公室撤销" in line
    # after it was revoked it made a change, and a relay took it before hearing of it
    dyz(*unit, "household", "add", "2-2-699")
    dyz(*other, "import", str(community.export(unit, "after", "--all", "--plain")))
    assert "2-2-699" in {h["ref"] for h in dyz_json(*other, "household", "list")}
    news = community.export(community.office, "news", "--for", "3-1单元长")
    said = dyz(*other, "import", str(news)).stderr
    assert "撤销了：2-2单元长" in said
    # the change no longer counts there, and the relay's next bundle is taken by the office
    assert "2-2-699" not in {h["ref"] for h in dyz_json(*other, "household", "list")}
    dyz(*other, "household", "add", "3-1-102")
    assert "新增" in dyz(*community.office, "import", str(community.export(other, "o2"))).stderr
    # the revoked laptop is told when the office's list reaches it
    line = one_line_error(dyz(*other, "export", "--for", "2-2单元长", "-o", "y.yaml", code=1))
    assert "已被社区办公室撤销" in line  # nor from a laptop that knows the list
    everything = community.export(community.office, "everything", "--all", "--plain")
    assert "撤销了本机" in dyz(*unit, "import", str(everything)).stderr


def test_notices_issued_on_laptops_apart_never_share_a_number(
    dyz: Runner, dyz_json, community: Community
) -> None:
    """Each laptop numbers its notices under its place in the office's list: two unit heads
    issuing their first notice the same day, apart, give two numbers, and the office a third."""
    laptops = [community.join("2-2单元长", "2-2-301"), community.join("3-1单元长", "3-1-101")]
    numbers = []
    for db, unit in zip((*laptops, community.office), ("2-2", "3-1", "2-1"), strict=True):
        dyz(*db, "config", "set", "notice.code", "芙南")
        said = dyz(*db, "hazard", "add", "--kind", "楼道堵塞", "--where", f"{unit} 1楼",
                   "--estate", "新芙蓉之都", "--on", "2026-11-20").stderr  # fmt: skip
        hazard = said.split("编号 ")[1][:8]
        text = dyz(*db, "hazard", "notice", hazard, "--on", "2026-11-20").stdout
        numbers.append(text.splitlines()[2].strip())
    assert numbers == ["芙南〔2026〕第1-1号", "芙南〔2026〕第2-1号", "芙南〔2026〕第0-1号"]
    for db, name in zip(laptops, ("a", "b"), strict=True):
        dyz(*community.office, "import", str(community.export(db, f"notice-{name}")))
    kept = sorted(h["notice_no"] for h in dyz_json(*community.office, "hazard", "list"))
    assert kept == sorted(numbers)
