"""Every command speaks English on request: no Chinese leaks into messages or headers."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Runner

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_a_whole_session_in_english_has_no_chinese(dyz: Runner, dyz_json, tmp_path: Path) -> None:
    def en(*args: str, code: int = 0) -> str:
        result = dyz("--lang", "en", *args, code=code)
        assert not CJK.search(result.output), f"{args}: {result.output}"
        return result.output

    en("init", "--community", "Furong South Road", "--device-name", "Zhou laptop")
    en("init")
    en("household", "add", "2-2-301", "--estate", "Sunny Estate")
    en("household", "add", "2-2-302", "--note", "bell broken")
    en(
        "resident",
        "add",
        "2-2-301",
        "--name",
        "Liu Guiying",
        "--phone",
        "13812345678",
        "--flag",
        "elderly_alone",
        "--born",
        "1941",
    )
    en("household", "list")
    en("household", "list", "--unit", "2-2", "--flag", "elderly_alone")
    en("household", "show", "2-2-301")
    en("household", "edit", "2-2-302", "--note", "")
    resident_id = dyz_json("household", "show", "2-2-301")["residents"][0]["id"]
    en("resident", "edit", resident_id[:8], "--flag", "needs_help")
    en("resident", "move-out", resident_id[:8], "--on", "2026-11-01")
    en("flag", "add", "low_income", "--zh", "低保户", "--en", "low income")
    en(
        "roster",
        "add",
        "--role",
        "unit_head",
        "--name",
        "Zhou Yumei",
        "--phone",
        "13907310202",
        "--scope",
        "2-2",
    )
    en("roster", "list")
    member = dyz_json("roster", "list")[0]["id"]
    en("roster", "edit", member[:8], "--duties", "door knocking")
    en("card", "--unit", "2-2")
    en("card", "--unit", "2-2", "--format", "md")
    en("household", "import", "--template")
    roll = tmp_path / "roll.csv"
    roll.write_text(
        "estate,building,unit,room,name\nSunny Estate,3,1,101,Wang Jianguo\n", encoding="utf-8"
    )
    en("household", "import", str(roll), "--dry-run")
    en("household", "import", str(roll))
    en("resident", "remove", resident_id[:8], "--yes")
    en("roster", "remove", member[:8], "--yes")
    en("household", "remove", "2-2-301", "--yes")
    # and the mistakes
    en("household", "add", "2-x-1", code=1)
    en("household", "show", "9-9-9", code=1)
    en("resident", "add", "2-2-302", "--name", " ", code=1)
    en("resident", "add", "2-2-302", "--name", "A", "--phone", "abc", code=1)
    en("resident", "add", "2-2-302", "--name", "A", "--moved-in", "2026-02-30", code=1)
    en("resident", "add", "2-2-302", "--name", "A", "--flag", "nope", code=1)
    en("household", "remove", "2-2-302", code=1)
