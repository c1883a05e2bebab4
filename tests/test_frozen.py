"""The one-folder build (packaging/build.py) runs the same code with its own Python: its
`--version` says which build it is, and dyz.exe double-clicked keeps its window open on an
error. The build itself is run end to end by packaging/smoke.py (.ci/run)."""

from __future__ import annotations

import io
import sys

import pytest

from danyuanzhang.system import frozen
from tests.conftest import Runner


def test_the_one_folder_build_names_itself(dyz: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    python = "{}.{}.{}".format(*sys.version_info[:3])
    assert dyz("--version").stdout.endswith(f"(Windows one-folder build, Python {python})\n")


def test_a_double_clicked_window_stays_open_on_its_last_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(frozen, "alone_in_its_console", lambda: True)
    keys = io.StringIO("\n")
    monkeypatch.setattr(sys, "stdin", keys)
    frozen.hold_the_window("按回车键关闭窗口。")
    assert capsys.readouterr().out == "\n按回车键关闭窗口。"
    assert keys.read() == ""  # Enter was waited for


def test_a_window_shared_with_a_shell_is_not_held(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = io.StringIO("\n")
    monkeypatch.setattr(sys, "stdin", keys)
    frozen.hold_the_window("按回车键关闭窗口。")  # on Linux, or typed into cmd.exe
    assert capsys.readouterr().out == "" and keys.read() == "\n"


def test_a_closed_keyboard_does_not_keep_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frozen, "alone_in_its_console", lambda: True)
    monkeypatch.setattr(sys, "stdin", None)  # pythonw, or a console gone
    frozen.hold_the_window("按回车键关闭窗口。")
