"""Signed bundles: each laptop signs with its own key; a receiver pins a sender's key the first
time and refuses a later bundle claiming that laptop with another key, or none."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from danyuanzhang.sync.bundle.reader import content_checksum, source_from_bytes
from tests.conftest import Runner, refused_unchanged
from tests.test_hostile_bundles import reseal

FINGERPRINT = r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}"


@pytest.fixture
def two(dyz: Runner, tmp_path: Path) -> tuple[list[str], list[str], str]:
    """A unit head's laptop with a flat, and the office; the unit head's fingerprint."""
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    said = dyz(*unit, "init", "--device-name", "周玉梅的电脑").stderr
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    found = re.search(f"本机密钥指纹：({FINGERPRINT})", said)
    assert found is not None, said
    return unit, office, found.group(1)


def a_later_bundle(dyz: Runner, unit: list[str], office: list[str], tmp_path: Path) -> Path:
    """The unit head's second bundle, after the office imported (and pinned) the first."""
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "first.yaml"))
    dyz(*office, "import", str(tmp_path / "first.yaml"))
    dyz(*unit, "household", "add", "2-2-302")
    later = tmp_path / "later.yaml"
    dyz(*unit, "export", "--plain", "-o", str(later))
    return later


def as_format_2(text: str) -> str:
    """The same bundle as an earlier dyz wrote it: no key, no signature, checksum of format 2."""
    text = re.sub(r'^(key|signature): "[^"]*"\n', "", text, flags=re.M)
    text = re.sub(r"^office: \{\}\n", "", text, flags=re.M)
    text = re.sub(r"^spans:.*\n(?:- \[.*\]\n)*", "", text, count=1, flags=re.M)
    text = text.replace('format_version: "5"', 'format_version: "2"', 1)
    digest = content_checksum(source_from_bytes(text.encode("utf-8")))
    return re.sub(r'checksum: "sha256:[0-9a-f]+"', f'checksum: "sha256:{digest}"', text, count=1)


def test_the_first_bundle_pins_the_sender_s_key_and_peers_shows_it(
    dyz: Runner, dyz_json, two: tuple[list[str], list[str], str], tmp_path: Path
) -> None:
    unit, office, fingerprint = two
    bundle = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    assert 'format_version: "5"' in text and re.search(r'^signature: "', text, re.M)
    dyz(*office, "import", str(bundle))
    [peer] = dyz_json(*office, "peers")
    assert peer["name"] == "周玉梅的电脑" and peer["fingerprint"] == fingerprint
    assert fingerprint in dyz(*office, "peers").stdout
    # the next bundle, signed with the same key, is taken
    dyz(*unit, "household", "add", "2-2-302")
    dyz(*unit, "export", "--plain", "-o", str(tmp_path / "second.yaml"))
    assert "新增" in dyz(*office, "import", str(tmp_path / "second.yaml")).stderr


def test_a_bundle_claiming_a_known_laptop_with_another_key_is_refused(
    dyz: Runner, two: tuple[list[str], list[str], str], tmp_path: Path
) -> None:
    unit, office, fingerprint = two
    later = a_later_bundle(dyz, unit, office, tmp_path)
    forged = tmp_path / "forged.yaml"
    forged.write_text(reseal(later.read_text(encoding="utf-8")), encoding="utf-8")
    line = refused_unchanged(dyz, office, forged, "周玉梅的电脑", "冒充", fingerprint)
    assert len(re.findall(FINGERPRINT, line)) == 2


def test_an_unsigned_bundle_claiming_a_laptop_that_signs_is_refused(
    dyz: Runner, two: tuple[list[str], list[str], str], tmp_path: Path
) -> None:
    unit, office, _ = two
    later = a_later_bundle(dyz, unit, office, tmp_path)
    unsigned = tmp_path / "unsigned.yaml"
    unsigned.write_text(as_format_2(later.read_text(encoding="utf-8")), encoding="utf-8")
    refused_unchanged(dyz, office, unsigned, "周玉梅的电脑", "没有签名")


def test_an_unsigned_bundle_of_an_earlier_version_from_a_new_laptop_still_imports(
    dyz: Runner, dyz_json, two: tuple[list[str], list[str], str], tmp_path: Path
) -> None:
    unit, office, _ = two
    bundle = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    old = tmp_path / "old.yaml"
    old.write_text(as_format_2(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    assert "新增" in dyz(*office, "import", str(old)).stderr
    assert [h["ref"] for h in dyz_json(*office, "household", "list")] == ["2-2-301"]
    assert dyz_json(*office, "peers")[0]["fingerprint"] is None


def test_a_signature_that_does_not_match_is_refused(
    dyz: Runner, two: tuple[list[str], list[str], str], tmp_path: Path
) -> None:
    unit, office, _ = two
    bundle = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    signature = re.search(r'^signature: "([^"]+)"', text, re.M).group(1)  # type: ignore[union-attr]
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(signature, flipped), encoding="utf-8")
    refused_unchanged(dyz, office, bad, "签名却对不上")


def test_a_notebook_of_an_earlier_version_gets_its_key_on_first_open(
    dyz: Runner, two: tuple[list[str], list[str], str]
) -> None:
    unit, _, fingerprint = two
    conn = sqlite3.connect(unit[1])
    conn.execute("DELETE FROM settings WHERE key = 'signing_key'")
    conn.commit()
    conn.close()
    dyz(*unit, "household", "list")
    conn = sqlite3.connect(unit[1])
    row = conn.execute("SELECT value FROM settings WHERE key = 'signing_key'").fetchone()
    conn.close()
    assert row is not None
    again = dyz(*unit, "init").stderr
    shown = re.search(f"本机密钥指纹：({FINGERPRINT})", again)
    assert shown is not None and shown.group(1) != fingerprint  # a new pair: the old one was gone
