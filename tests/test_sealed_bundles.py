"""Encrypted bundles: `dyz export --for PEER` seals the bundle to PEER's key; only PEER opens
it, and a damaged, cut or misdirected file is refused in one line that never suggests
starting over."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.sealing import CHUNK, is_sealed, read_envelope, seal, unseal
from tests.conftest import Runner, refused_unchanged, snapshot


@pytest.fixture
def paired(dyz: Runner, tmp_path: Path) -> tuple[list[str], list[str], list[str]]:
    """A unit head's laptop and the office, each holding the other's key; and a third laptop."""
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    third = ["--db", str(tmp_path / "third.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*third, "init", "--device-name", "罗淑珍的电脑")
    dyz(*office, "household", "add", "1-1-101", "--estate", "新芙蓉之都")
    dyz(*office, "export", "-o", str(tmp_path / "hello.yaml"))
    dyz(*unit, "import", str(tmp_path / "hello.yaml"))
    dyz(*unit, "resident", "add", "1-1-101", "--name", "刘桂英", "--phone", "13812345678")
    return unit, office, third


def sealed_for_office(dyz: Runner, unit: list[str], path: Path) -> Path:
    said = dyz(*unit, "export", "--for", "社区办公室", "-o", str(path)).stderr
    assert "已加密" in said and "社区办公室" in said
    return path


def test_a_bundle_for_a_peer_is_sealed_and_only_it_opens_it(
    dyz: Runner, dyz_json, paired: tuple[list[str], list[str], list[str]], tmp_path: Path
) -> None:
    unit, office, third = paired
    bundle = sealed_for_office(dyz, unit, tmp_path / "for-office.yaml")
    data = bundle.read_bytes()
    assert is_sealed(bundle)
    for secret in ("刘桂英", "13812345678", "dyz-bundle"):
        assert secret.encode() not in data
    assert "新增" in dyz(*office, "import", str(bundle)).stderr
    [resident] = dyz_json(*office, "household", "show", "1-1-101")["residents"]
    assert resident["name"] == "刘桂英"
    line = refused_unchanged(dyz, third, bundle, "是发给“社区办公室”的，本机打不开")
    assert "重新导出" in line


def test_no_opened_copy_is_left_beside_the_notebook(
    dyz: Runner, paired: tuple[list[str], list[str], list[str]], tmp_path: Path
) -> None:
    unit, office, _ = paired
    dyz(*office, "import", str(sealed_for_office(dyz, unit, tmp_path / "b.yaml")))
    assert not list(tmp_path.glob(".dyz-opened-*"))
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda text: text[: text.rindex("\n  ", 0, len(text) - 2) + 1], ("不完整",)),
        (lambda text: text[:-40] + ("A" if text[-40] != "A" else "B") + text[-39:], ("损坏",)),
        (lambda text: text.replace('name: "周玉梅的电脑"}', 'name: "社区办公室"}', 1), ("损坏",)),
        (lambda text: text.replace("file_key: ", "file_key: x", 1), ("损坏",)),
    ],
    ids=["cut short", "a byte changed", "the sender's name changed", "a broken line"],
)
def test_a_damaged_or_cut_encrypted_bundle_is_refused_without_advice_to_start_over(
    dyz: Runner, paired: tuple[list[str], list[str], list[str]], tmp_path: Path, damage, words
) -> None:
    unit, office, _ = paired
    bundle = sealed_for_office(dyz, unit, tmp_path / "b.yaml")
    bundle.write_text(damage(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    line = refused_unchanged(dyz, office, bundle, *words, "重新发送", "不要删除或重建")
    assert "初始化" not in line and "init" not in line


def test_an_encrypted_bundle_saved_through_notepad_still_opens(
    dyz: Runner, dyz_json, paired: tuple[list[str], list[str], list[str]], tmp_path: Path
) -> None:
    unit, office, _ = paired
    bundle = sealed_for_office(dyz, unit, tmp_path / "b.yaml")
    text = bundle.read_text(encoding="utf-8").replace("\n", "\r\n")
    bundle.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    dyz(*office, "import", str(bundle))
    residents = dyz_json(*office, "household", "show", "1-1-101")["residents"]
    assert [r["name"] for r in residents] == ["刘桂英"]


def test_plain_is_readable_and_warns_about_personal_data(
    dyz: Runner, paired: tuple[list[str], list[str], list[str]], tmp_path: Path
) -> None:
    unit, office, _ = paired
    plain = tmp_path / "plain.yaml"
    said = dyz(*unit, "export", "--for", "社区办公室", "--plain", "-o", str(plain)).stderr
    assert "没有加密" in said and "不要发到群里" in said
    assert "刘桂英" in plain.read_text(encoding="utf-8")
    before = snapshot(Path(office[1]))
    dyz(*office, "import", str(plain))
    assert snapshot(Path(office[1])) != before


def test_a_peer_whose_key_is_not_known_gets_a_plain_file_only_with_plain(
    dyz: Runner, dyz_json, paired: tuple[list[str], list[str], list[str]], tmp_path: Path
) -> None:
    unit, office, _ = paired
    # the office heard from the unit head before it had a key: no key pinned for it
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "u.yaml"))
    dyz(*office, "import", str(tmp_path / "u.yaml"))
    import sqlite3

    conn = sqlite3.connect(office[1])
    with conn:
        conn.execute("DELETE FROM device_keys")
    conn.close()
    dyz(*office, "resident", "add", "1-1-101", "--name", "王建国", "--phone", "13900001111")
    out = tmp_path / "o.yaml"
    said = dyz(*office, "export", "--for", "周玉梅的电脑", "-o", str(out), code=1).stderr
    assert "不知道它的密钥" in said and "--plain" in said and not out.exists()
    said = dyz(*office, "export", "--for", "周玉梅的电脑", "--plain", "-o", str(out)).stderr
    assert "没有加密" in said and not is_sealed(out)


class _Keys:
    def __init__(self) -> None:
        import base64

        from nacl.signing import SigningKey

        self.seed = bytes(SigningKey(b"\x05" * 32))
        self.public = base64.b64encode(bytes(SigningKey(self.seed).verify_key)).decode()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 12345])
def test_sealing_round_trips_any_size_and_a_missing_last_chunk_is_told(
    tmp_path: Path, size: int
) -> None:
    keys = _Keys()
    plain = tmp_path / "plain.yaml"
    plain.write_bytes(os.urandom(size))
    sealed = tmp_path / "sealed.yaml"
    seal(plain, sealed, ("a" * 32, "社区办公室", keys.public), ("b" * 32, "周玉梅的电脑"))
    envelope = read_envelope(sealed)
    opened = io.BytesIO()
    unseal(sealed, envelope, keys.seed, opened)
    assert opened.getvalue() == plain.read_bytes()
    if size > CHUNK:  # drop the whole last encrypted piece: what is left is still well formed
        text = sealed.read_bytes()
        lines = text.split(b"\n")
        data_from = next(i for i, line in enumerate(lines) if line == b"data: |") + 1
        keep = data_from + (CHUNK + 17) * 2 // 57  # whole lines of the first two pieces
        cut = tmp_path / "cut.yaml"
        cut.write_bytes(b"\n".join(lines[:keep]) + b"\n")
        with pytest.raises(BundleError) as refused:
            unseal(cut, read_envelope(cut), keys.seed, io.BytesIO())
        assert refused.value.problem == "bundle_sealed_truncated"


def test_a_file_that_would_inflate_to_fill_the_disk_is_refused_part_way(tmp_path: Path) -> None:
    from danyuanzhang.sync.bundle.sealing import INFLATION_LIMIT

    keys = _Keys()
    plain = tmp_path / "zeros.yaml"
    plain.write_bytes(bytes(20 << 20))  # anyone can seal a file to any laptop's key
    sealed = tmp_path / "bomb.yaml"
    seal(plain, sealed, ("a" * 32, "社区办公室", keys.public), ("b" * 32, "别人"))
    envelope = read_envelope(sealed)
    written = io.BytesIO()
    with pytest.raises(BundleError) as refused:
        unseal(sealed, envelope, keys.seed, written)
    assert refused.value.problem == "bundle_sealed_damaged"
    assert len(written.getvalue()) <= envelope.size * INFLATION_LIMIT + CHUNK


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace('name: "周玉梅的电脑"}', 'name: "\\ud800"}', 1),
        lambda text: text.replace("\n  ", "\n  *", 1),
        lambda text: text.replace('file_key: "', 'file_key: "AAAA', 1),
    ],
    ids=["a lone surrogate in a name", "a character base64 has not", "a short file key"],
)
def test_a_crafted_envelope_is_refused_as_damaged_not_an_internal_error(
    dyz: Runner, paired: tuple[list[str], list[str], list[str]], tmp_path: Path, edit
) -> None:
    unit, office, _ = paired
    bundle = sealed_for_office(dyz, unit, tmp_path / "b.yaml")
    bundle.write_text(edit(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    refused_unchanged(dyz, office, bundle, "损坏", "不要删除或重建")
