"""On a Chinese Windows, a redirected stream is GBK (cp936): dyz writes GB 18030 there, so that a
rare character in a name (王𠮷喆) is kept, and its own symbols that GBK lacks become words
(✂ → 剪下). Checked on the bytes a real `dyz` process writes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from danyuanzhang.text.consoles import as_gbk_shows, fit_streams, is_gbk, symbol_words
from tests.conftest import Runner

RARE = "王𠮷喆"  # 𠮷 (U+20BB7) is in GB 18030, not in GBK


def dyz_bytes(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    """`dyz ARGS` as its script runs, its output a pipe in `encoding` as Windows gives one."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "danyuanzhang", *args],
        capture_output=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.fixture
def rare_name(dyz: Runner, estate: str) -> None:
    dyz("resident", "add", "2-2-301", "--name", RARE, "--phone", "13812345678")


@pytest.mark.parametrize("encoding", ["cp936", "gbk"])
def test_a_rare_character_comes_out_whole_on_a_gbk_stream(rare_name: None, encoding: str) -> None:
    done = dyz_bytes("household", "show", "2-2-301", encoding=encoding)
    assert done.returncode == 0, done.stderr.decode("gb18030", "replace")
    assert RARE.encode("gb18030") in done.stdout
    assert b"?" not in done.stdout
    # GB 18030 writes what GBK can write byte for byte the same
    assert "新芙蓉之都".encode("gbk") in done.stdout


def test_an_error_naming_a_rare_character_comes_out_whole_too(rare_name: None) -> None:
    done = dyz_bytes("resident", "edit", RARE, "--name", "王吉", encoding="cp936")
    assert done.returncode != 0
    assert RARE.encode("gb18030") in done.stderr and b"?" not in done.stderr
    assert "Traceback" not in done.stderr.decode("gb18030")


def test_the_notices_scissors_become_a_word_on_a_gbk_stream(dyz: Runner, estate: str) -> None:
    said = dyz("hazard", "add", "--kind", "flying_wire", "--where", "2-2 3楼窗外",
               "--household", "2-2-301").stderr  # fmt: skip
    hazard = said.split("编号 ")[1][:8]
    gbk = dyz_bytes("hazard", "notice", hazard, encoding="cp936")
    assert gbk.returncode == 0
    notice = gbk.stdout.decode("gb18030")
    cut = next(line for line in notice.splitlines() if "沿此线剪下" in line)
    assert cut.startswith("-") and "剪下 沿此线剪下" in cut and "✂" not in notice
    assert "?" not in notice
    utf8 = dyz_bytes("hazard", "notice", hazard, encoding="utf-8").stdout.decode("utf-8")
    assert "✂ 沿此线剪下" in utf8  # elsewhere the notice is as it was


def test_a_stream_that_is_not_gbk_is_left_in_its_encoding() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    fit_streams(stream)
    assert stream.encoding == "latin-1" and stream.errors == "replace"
    stream.write("王✂")  # replaced, not a traceback
    stream.flush()
    assert stream.buffer.getvalue() == b"??"  # type: ignore[attr-defined]
    for name in ("cp936", "GBK", "ms936", "gb2312", "EUC-CN"):
        assert is_gbk(name), name
    for name in ("utf-8", "gb18030", "big5", None):
        assert not is_gbk(name), name


def test_every_symbol_dyz_prints_that_gbk_lacks_has_a_word() -> None:
    """A new symbol in the messages or the pages must say what a GBK reader is to see (a rare
    ideograph is a name's, and is written as GB 18030 holds it)."""
    source = Path(__file__).parents[1] / "src" / "danyuanzhang"
    lacking = set()
    for path in source.rglob("*.py"):
        for character in set(path.read_text(encoding="utf-8")):
            try:
                character.encode("gbk")
            except UnicodeEncodeError:
                if not unicodedata.name(character, "").startswith("CJK UNIFIED IDEOGRAPH"):
                    lacking.add(character)
    assert lacking, "the scan found nothing: it no longer reads the sources"
    for character in sorted(lacking):
        shown = as_gbk_shows(character)
        assert shown != character, f"{character!r} ({unicodedata.name(character, '?')})"
        shown.encode("gbk")
    for word in symbol_words().values():
        word.encode("gbk")
