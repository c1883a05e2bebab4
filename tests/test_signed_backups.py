"""A backup sealed to the office needs only the office's public key, which every laptop holds:
the office restores one only when the laptop that made it signed it, that laptop is on its
list and not revoked, and not a byte has changed. Anything else is refused in one line, with
nothing written and no decrypted copy left."""

from __future__ import annotations

from pathlib import Path

import pytest

from danyuanzhang.upkeep.backup import read_header
from tests.conftest import Runner, one_line_error, snapshot
from tests.hostile_backups import ABSENT, copy_of, laptop_of, laptop_seed, office_key, seal
from tests.test_hostile_backups import HOSTILE_SQL, hostile, leftovers
from tests.test_members import Community

UNIT = "周玉梅的电脑"


@pytest.fixture
def community(dyz: Runner, tmp_path: Path) -> Community:
    community = Community(dyz, tmp_path)
    community.join(UNIT, "2-2-301")
    return community


def unit_db(community: Community) -> Path:
    return community.folder / f"{UNIT}.db"


def sealed_by_the_unit(dyz: Runner, community: Community) -> Path:
    backup = community.folder / "给办公室.dyzbak"
    dyz("--db", str(unit_db(community)), "backup", "--to-office", "-o", str(backup))
    return backup


def refused_at_office(dyz: Runner, community: Community, backup: Path) -> str:
    """The office's one line refusing `backup`, having written nothing anywhere."""
    office_db = Path(community.office[1])
    before = snapshot(office_db)
    into = community.folder / "还给单元长.db"
    line = one_line_error(
        dyz(*community.office, "restore", str(backup), "--into", str(into), code=1)
    )
    assert "什么也没有改动" in line, line
    assert not into.exists()
    assert leftovers(community.folder) == []
    assert snapshot(office_db) == before
    return line


def test_a_member_s_backup_is_signed_and_restored_at_the_office(
    dyz: Runner, dyz_json, community: Community
) -> None:
    backup = sealed_by_the_unit(dyz, community)
    assert read_header(backup).signed
    assert backup.read_bytes()[-105:].startswith(b"dyz-signature 1 ")
    back = community.folder / "还给周玉梅.db"
    dyz(*community.office, "restore", str(backup), "--into", str(back))
    assert [h["ref"] for h in dyz_json("--db", str(back), "household", "list")] == ["2-2-301"]


def test_the_office_s_own_backup_sealed_to_itself_is_restored(
    dyz: Runner, dyz_json, community: Community
) -> None:
    backup = community.folder / "办公室.dyzbak"
    dyz(*community.office, "backup", "--to-office", "-o", str(backup))
    back = community.folder / "办公室副本.db"
    dyz(*community.office, "restore", str(backup), "--into", str(back))
    assert laptop_of(back) == laptop_of(Path(community.office[1]))


FORGERIES = {
    # the forger's own notebook, of the right shape, passed off as the member's
    "signed by another laptop's key": ("签名不是“周玉梅的电脑”的", {}),
    "with no signature after the chunks": ("签名不是“周玉梅的电脑”的", {}),
    # as `dyz backup --to-office` wrote them before backups were signed
    "as an older dyz wrote it": ("没有做备份的电脑的签名", {"signed": ABSENT}),
    "claiming a laptop the office never listed": (
        "自称来自“冒充者”，这台电脑不在办公室的成员名单上",
        {"laptop_name": "冒充者"},
    ),
}


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_a_forged_backup_sealed_to_the_office_is_refused(
    dyz: Runner, community: Community, forgery: str
) -> None:
    forger = Path(community.laptop("冒充者")[1])
    words, fields = FORGERIES[forgery]
    claimed = laptop_of(forger if "never listed" in forgery else unit_db(community))
    unsigned = "no signature" in forgery or "older" in forgery
    backup = seal(
        copy_of(forger, community.folder / "plain.db"),
        community.folder / "伪造.dyzbak",
        passphrase=None,
        office=office_key(Path(community.office[1])),
        signed_by=None if unsigned else laptop_seed(forger),
        **({"laptop": claimed[0], "laptop_name": claimed[1]} | fields),
    )
    (community.folder / "plain.db").unlink()
    line = refused_at_office(dyz, community, backup)
    assert words in line, line
    if "older" in forgery:
        assert "dyz backup --to-office" in line and "Traceback" not in line


def test_a_member_s_key_does_not_make_a_hostile_notebook_welcome(
    dyz: Runner, community: Community
) -> None:
    """Whoever holds a member's key (a stolen laptop) still gets only dyz's own shape in."""
    member = unit_db(community)
    device, name = laptop_of(member)
    backup = seal(
        hostile(member, community.folder, HOSTILE_SQL["stash trigger"]),
        community.folder / "给办公室.dyzbak",
        passphrase=None,
        office=office_key(Path(community.office[1])),
        signed_by=laptop_seed(member),
        laptop=device,
        laptop_name=name,
    )
    (community.folder / "hostile.db").unlink()
    line = refused_at_office(dyz, community, backup)
    assert "dyz 自己不会建的东西" in line and "触发器 zz_keep" in line


def test_a_revoked_laptop_s_backup_is_refused(dyz: Runner, community: Community) -> None:
    backup = sealed_by_the_unit(dyz, community)
    dyz(*community.office, "members", "revoke", UNIT, "--yes")  # the laptop was stolen
    line = refused_at_office(dyz, community, backup)
    assert "已撤销的电脑“周玉梅的电脑”" in line


@pytest.mark.parametrize("where", ["a chunk", "the signature", "cut", "appended"])
def test_a_tampered_backup_sealed_to_the_office_is_refused(
    dyz: Runner, community: Community, where: str
) -> None:
    backup = sealed_by_the_unit(dyz, community)
    data = bytearray(backup.read_bytes())
    if where == "a chunk":
        data[len(data) // 2] ^= 1
    elif where == "the signature":
        data[-30] = ord("A") if data[-30] != ord("A") else ord("B")
    elif where == "cut":
        del data[-105:]
    else:
        data += b"\n"
    backup.write_bytes(bytes(data))
    line = refused_at_office(dyz, community, backup)
    assert "签名不是“周玉梅的电脑”的" in line, line


def test_a_backup_changed_after_its_signature_was_checked_is_refused(
    community: Community, dyz: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chunks are hashed again as they are decrypted: a file swapped on the stick between
    the check and the reading (here, while the sealed key is opened) is refused all the same."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.upkeep import backup as module
    from tests.hostile_backups import office_key

    backup = sealed_by_the_unit(dyz, community)
    office_db = Path(community.office[1])
    member = office_key(unit_db(community))
    opened = module._unsealed_key

    def swapped_meanwhile(*args: object) -> bytes:
        key = opened(*args)  # type: ignore[arg-type]
        data = bytearray(backup.read_bytes())
        data[len(data) // 2] ^= 1
        backup.write_bytes(bytes(data))
        return key

    monkeypatch.setattr(module, "_unsealed_key", swapped_meanwhile)
    into = community.folder / "还给单元长.db"
    with pytest.raises(DyzError) as refused:
        module.restore(
            into, backup, None, signing_seed=laptop_seed(office_db), signer=(UNIT, member[2])
        )
    assert refused.value.key in {"backup_signature_bad", "backup_damaged"}
    assert not into.exists()
    assert leftovers(community.folder) == []
