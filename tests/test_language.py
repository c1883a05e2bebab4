"""Chinese by default: a laptop whose locale names no language (`C`, `C.UTF-8`: a Linux without
a Chinese locale, Git Bash) speaks Chinese, as its user does; `dyz config set language en|zh`
is kept in the notebook and wins over the locale; `--lang` and `DYZ_LANG` win over both."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot

HEADINGS = {"zh": "房号", "en": "household"}


@pytest.fixture
def no_chosen_language(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for var in ("DYZ_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def spoken(dyz: Runner, *args: str) -> str:
    listing = dyz(*args, "household", "list").stdout
    said = [lang for lang, heading in HEADINGS.items() if listing.startswith(heading)]
    assert len(said) == 1, listing
    return said[0]


@pytest.mark.parametrize("locale", ["C", "C.UTF-8", "POSIX"])
def test_a_locale_that_names_no_language_gives_chinese(
    dyz: Runner, estate: str, no_chosen_language: pytest.MonkeyPatch, locale: str
) -> None:
    no_chosen_language.setenv("LANG", locale)
    assert spoken(dyz) == "zh"
    assert dyz("hazard", "--help").stdout.startswith("用法：dyz hazard")


def test_a_saved_language_wins_over_the_locale_and_gives_way_to_lang_and_dyz_lang(
    dyz: Runner, estate: str, no_chosen_language: pytest.MonkeyPatch
) -> None:
    no_chosen_language.setenv("LANG", "zh_CN.UTF-8")
    dyz("config", "set", "language", "en")
    assert spoken(dyz) == "en"
    assert dyz("hazard", "--help").stdout.startswith("Usage: dyz hazard")
    assert dyz("--help").stdout.startswith("Usage: dyz")
    assert dyz("--lang", "zh", "--help").stdout.startswith("用法：dyz")
    assert dyz("config", "get", "language").stdout.strip() == "en"
    assert spoken(dyz, "--lang", "zh") == "zh"
    no_chosen_language.setenv("DYZ_LANG", "zh")
    assert spoken(dyz) == "zh"
    no_chosen_language.delenv("DYZ_LANG")
    no_chosen_language.setenv("LANG", "en_US.UTF-8")
    dyz("config", "set", "language", "中文")
    assert spoken(dyz) == "zh"
    dyz("config", "unset", "language")
    assert spoken(dyz) == "en"  # back to the locale, which names English


def test_another_notebook_keeps_its_own_language(
    dyz: Runner, estate: str, no_chosen_language: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_chosen_language.setenv("LANG", "C.UTF-8")
    other = tmp_path / "other.db"
    dyz("--db", str(other), "init", "--community", "东塘社区", "--device-name", "另一台")
    dyz("--db", str(other), "household", "add", "1-1-101", "--estate", "东塘小区")
    dyz("--db", str(other), "config", "set", "language", "english")
    assert spoken(dyz, "--db", str(other)) == "en"
    assert spoken(dyz) == "zh"


def test_a_language_that_is_not_ours_is_refused_in_one_line(
    dyz: Runner, estate: str, db: Path
) -> None:
    before = snapshot(db)
    line = one_line_error(dyz("config", "set", "language", "fr", code=1))
    assert "zh" in line and "en" in line and "fr" in line
    assert snapshot(db) == before


def test_a_notebook_that_cannot_be_read_leaves_the_locale_to_decide(
    dyz: Runner, no_chosen_language: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_chosen_language.setenv("LANG", "C")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a notebook at all" * 100)
    result = dyz("--db", str(broken), "household", "list", code=None)
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stderr), result.stderr
