"""The README's tour is run command by command, so its examples never rot."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from danyuanzhang.upkeep.demo import examples_dir
from tests.conftest import Runner

README = Path(__file__).parents[1] / "README.md"
FINGERPRINT = r"\b[0-9A-F]{4}(?:-[0-9A-F]{4}){3}\b"


def normalise(text: str) -> str:
    text = re.sub(r"\S*dyz\.db", "DB", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?", "TIME", text)
    text = re.sub(r"\b[0-9a-f]{32}\b", "ID", text)
    text = re.sub(FINGERPRINT, "FINGERPRINT", text)
    # a laptop that joined no office numbers its notices under its id's first four digits
    text = re.sub(r"第[0-9A-F]{4}-(\d+)号", r"第LAPTOP-\1号", text)
    # an encrypted bundle is compressed: its size moves by a few bytes with its random ids
    text = re.sub(r"（\d+ KB）", "（N KB）", text)
    # a revocation is dated the day the tour runs
    text = re.sub(r"已于\d{4}年\d{1,2}月\d{1,2}日撤销", "已于DATE撤销", text)
    return re.sub(r"\b[0-9a-f]{8}\b", "ID", text).strip()


def same(expected: str, actual: str) -> bool:
    try:
        return bool(json.loads(normalise(expected)) == json.loads(normalise(actual)))
    except ValueError:
        return normalise(expected) == normalise(actual)


def tour() -> list[tuple[str, str]]:
    steps: list[tuple[str, str]] = []
    for block in re.findall(
        r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S
    ):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            steps.append((command, output))
    return steps


def test_the_tour_gives_the_output_it_shows(dyz: Runner, tmp_path: Path) -> None:
    shutil.copy(examples_dir() / "households.csv", tmp_path / "花名册.csv")
    shutil.copy(examples_dir() / "花名册.xlsx", tmp_path / "花名册.xlsx")
    shutil.copy(examples_dir() / "roster.csv", tmp_path / "名册.csv")
    steps = tour()
    assert len(steps) >= 25
    # Ids and fingerprints are random: one the README shows stands for the one this run printed
    # in its place.
    stand_ins: dict[str, str] = {}
    ids = r"\b[0-9a-f]{8}\b"
    for command, expected in steps:
        args = [stand_ins.get(arg, arg) for arg in shlex.split(command)]
        assert args[0] == "dyz"
        result = dyz(*args[1:], code=None)
        assert result.exit_code in (0, 1), command
        assert same(expected, result.output), (
            f"{command}\n--- README\n{expected}\n--- actual\n{result.output}"
        )
        for shown in (ids, FINGERPRINT):
            stand_ins.update(
                zip(re.findall(shown, expected), re.findall(shown, result.output), strict=False)
            )
