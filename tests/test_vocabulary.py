"""Every option that takes a code takes every word the interface prints for that code: the
Chinese label of the zh screens, the English label of the en screens, and the code of the
JSON. The walk over the command tree makes sure no such option is left out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer.main

from danyuanzhang.cases.patrols import check_vocabulary
from danyuanzhang.cli import app
from danyuanzhang.errors import DyzError
from danyuanzhang.paperwork.ledgers import kinds as ledger_kinds
from danyuanzhang.text import vocab, words
from tests.conftest import Runner

# what each code option reads, by (command, parameter)
CODE_OPTIONS: dict[tuple[str, str], words.Vocabulary] = {
    ("hazard add", "kind"): words.hazard_kind(vocab.HAZARD_KINDS),
    ("hazard add", "severity"): words.SEVERITY,
    ("hazard list", "kind"): words.hazard_kind(vocab.HAZARD_KINDS),
    ("patrol record", "severity"): words.SEVERITY,
    ("patrol record", "problem"): check_vocabulary(),
    ("visit add", "kind"): words.VISIT_KIND,
    ("visit add", "outcome"): words.VISIT_OUTCOME,
    ("visit add", "wellbeing"): words.WELLBEING,
    ("visit add", "need"): words.PETITION_CATEGORY,
    ("visit add", "check"): words.CARE_AREA,
    ("visit add", "resolved_need"): words.PETITION_CATEGORY,
    ("visit add", "hazard"): words.hazard_kind(vocab.HAZARD_KINDS),
    ("visit add", "common_hazard"): words.hazard_kind(vocab.HAZARD_KINDS),
    ("visit add", "flag"): words.flag(vocab.BUILTIN_FLAGS),
    ("hazard edit", "severity"): words.SEVERITY,
    ("visit add", "help_category"): words.PETITION_CATEGORY,
    ("petition add", "category"): words.PETITION_CATEGORY,
    ("petition list", "category"): words.PETITION_CATEGORY,
    ("petition list", "status"): words.PETITION_STATUS,
    ("petition escalate", "to"): words.ESCALATION,
    ("petition close", "satisfaction"): words.SATISFACTION,
    ("council decide", "decision"): words.DECISION,
    ("roster add", "role"): words.ROLE,
    ("roster edit", "role"): words.ROLE,
    ("roster list", "role"): words.ROLE,
    ("resident add", "flag"): words.flag(vocab.BUILTIN_FLAGS),
    ("resident edit", "flag"): words.flag(vocab.BUILTIN_FLAGS),
    ("resident edit", "unflag"): words.flag(vocab.BUILTIN_FLAGS),
    ("resident edit", "risk"): words.RISK,
    ("household list", "flag"): words.flag(vocab.BUILTIN_FLAGS),
    ("volunteer add", "service"): words.service_kind(vocab.SERVICE_KINDS),
    ("volunteer edit", "service"): words.service_kind(vocab.SERVICE_KINDS),
    ("volunteer list", "service"): words.service_kind(vocab.SERVICE_KINDS),
    ("service add", "kind"): words.service_kind(vocab.SERVICE_KINDS),
    ("mediation set", "kind"): words.DISPUTE,
    ("mediation step", "step"): words.MEDIATION_STEP,
    ("ledger", "kind"): words.Vocabulary(
        ("台账", "ledger"), {name: kind.title for name, kind in ledger_kinds().items()}
    ),
}

# parameters that take names, places, dates, numbers, texts, files, ids or switches
NOT_CODES = {
    "accept_erasures", "all_clear", "anti_fraud_app", "at", "born", "briefed", "building",
    "building_level", "buildings", "by", "code", "community", "confirmed", "conflict", "days",
    "db", "device_name", "discard", "dry_run", "due", "duties", "en", "end", "estate",
    "everyone", "everything", "everywhere", "requirement", "place", "host", "case_no", "agreement_no", "source", "recorder", "expected",
    "present", "votes_for", "votes_against", "votes_abstain", "file", "files", "first", "fmt", "hazard", "household",
    "install_completion", "introduced", "keep", "key", "known", "lang", "list_all", "member",
    "moved_in", "moved_out", "name", "new_estate", "new_household", "new_ref", "note", "office",
    "older_than", "on", "open_only", "other", "output", "overdue", "overwrite", "paper",
    "passphrase_file", "peer", "petition", "reason", "limit", "since", "record", "into",
    "to_office", "volunteer", "served", "hours", "area", "available", "party", "mediator",
    "petitions", "phone", "photo", "plain", "proposal", "read_out", "redact", "ref", "repair",
    "resident", "resume", "scope", "second", "sheet", "show_completion", "start", "template",
    "text", "to", "unit", "value", "version", "visit", "visitor", "week", "where", "yes", "zh",
    "help_needed", "met", "emergency_contact", "referral", "as_that_laptop",
}  # fmt: skip


def _parameters() -> Iterator[tuple[str, str]]:
    root = typer.main.get_command(app)

    def walk(command: Any, path: list[str], ctx: Any) -> Iterator[tuple[str, str]]:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                yield from walk(sub, [*path, name], type(ctx)(sub, parent=ctx))
        else:
            for param in command.params:
                yield " ".join(path), str(param.name)

    from typer._click.core import Context  # noqa: PLC2701 typer vendors click

    yield from walk(root, [], Context(root))


def test_every_parameter_is_known_to_take_a_code_or_not() -> None:
    unclassified = [
        (command, name)
        for command, name in _parameters()
        if (command, name) not in CODE_OPTIONS and name not in NOT_CODES
    ]
    assert unclassified == []
    missing = set(CODE_OPTIONS) - set(_parameters())
    assert missing == set()


def printed_words(vocabulary: words.Vocabulary) -> Iterator[tuple[str, str]]:
    """(code, word) for what the screens show: the zh label, the en label, the code."""
    for code, (zh, en) in vocabulary.choices.items():
        for word in dict.fromkeys((zh, en, code)):
            yield code, word


def test_each_vocabulary_reads_back_every_word_it_prints() -> None:
    for vocabulary in CODE_OPTIONS.values():
        for code, word in printed_words(vocabulary):
            assert vocabulary.read(word) == code, (vocabulary.what, word)
            assert vocabulary.read(f" {word.upper()} ") == code, (vocabulary.what, word)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (words.SEVERITY, {"严重": "high", "高": "high", "一般": "low", "中": "medium"}),
        (words.ESCALATION, {"议事会": "council", "楼栋长": "building_head", "片长": "area_head"}),
        (words.DECISION, {"采纳": "adopted", "未采纳": "declined", "不采纳": "declined"}),
        (words.PETITION_STATUS, {"已上报": "escalated", "上报": "escalated"}),
        (words.hazard_kind(vocab.HAZARD_KINDS), {"楼道堵塞": "blocked_exit"}),
        (
            words.hazard_kind(vocab.HAZARD_KINDS),
            {"电动车入户": "ebike_indoor", "飞线": "flying_wire"},
        ),
        (words.VISIT_OUTCOME, {"没人": "not_home", "不在家": "not_home", "见到": "met"}),
    ],
)
def test_the_words_of_the_issue_are_read(text: words.Vocabulary, code: dict[str, str]) -> None:
    for word, expected in code.items():
        assert text.read(word) == expected


def test_an_unknown_word_is_refused_with_the_nearest_ones() -> None:
    with pytest.raises(DyzError) as refused:
        words.hazard_kind(vocab.HAZARD_KINDS).parse("楼道里堵塞了")
    message = refused.value.message()
    assert "是不是想写" in message and "楼道/安全通道堵塞" in message
    with pytest.raises(DyzError) as refused:
        words.SEVERITY.parse("特别特别急")
    assert "一般、较重、严重" in refused.value.message()


# -- through the commands ------------------------------------------------------------------------


def _last(dyz: Runner, *args: str) -> dict[str, Any]:
    items = json.loads(dyz(*args, "--format", "json").stdout)
    return dict(items[-1] if isinstance(items, list) else items)


def _ids(dyz: Runner, *args: str) -> list[str]:
    return [item["id"] for item in json.loads(dyz(*args, "--format", "json").stdout)]


def _added(dyz: Runner, listed: tuple[str, ...], *command: str) -> dict[str, Any]:
    """Run `command`; the one item it added to the list `listed`."""
    before = set(_ids(dyz, *listed))
    dyz(*command)
    items = json.loads(dyz(*listed, "--format", "json").stdout)
    (new,) = [item for item in items if item["id"] not in before]
    return dict(new)


HAZARDS = ("hazard", "list")
PHONE = "13807310001"
PETITIONS = ("petition", "list")


Stored = Callable[[Runner, str], str]


def _hazard_kind(dyz: Runner, word: str) -> str:
    return str(_added(dyz, HAZARDS, "hazard", "add", "--where", "2-2 3楼", "--kind", word)["kind"])


def _hazard_severity(dyz: Runner, word: str) -> str:
    added = _added(
        dyz, HAZARDS, "hazard", "add", "--where", "2-2", "-k", "other", "--severity", word
    )
    return str(added["severity"])


def _hazard_edit_severity(dyz: Runner, word: str) -> str:
    added = _added(dyz, HAZARDS, "hazard", "add", "--where", "2-2", "-k", "other")
    dyz("hazard", "edit", added["id"][:8], "--severity", word)
    return str(json.loads(dyz("hazard", "show", added["id"][:8], "-f", "json").stdout)["severity"])


def _hazard_list_kind(dyz: Runner, word: str) -> str:
    code = CODE_OPTIONS[("hazard list", "kind")].parse(word)
    dyz("hazard", "add", "--where", "2-2 3楼", "--kind", code)
    dyz(
        "hazard",
        "add",
        "--where",
        "2-2 3楼",
        "--kind",
        "other" if code != "other" else "flammables",
    )
    found = json.loads(dyz("hazard", "list", "--kind", word, "--format", "json").stdout)
    return _only({item["kind"] for item in found})


def _patrol_severity(dyz: Runner, word: str) -> str:
    added = _added(dyz, HAZARDS, "patrol", "--unit", "2-2", "-p", "通道:纸箱", "--severity", word)
    return str(added["severity"])


def _patrol_item(dyz: Runner, word: str) -> str:
    patrol = _added(dyz, ("patrol", "list"), "patrol", "--unit", "2-2", "-p", f"{word}:看到的情况")
    return next(code for code, result in patrol["checks"].items() if result == "problem")


def _visit(option: str, key: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        return str(_added(dyz, ("visit", "list"), "visit", "add", "2-2-301", option, word)[key])

    return stored


def _visit_wellbeing(dyz: Runner, word: str) -> str:
    needing = words.WELLBEING.parse(word) == "needs_help"
    helped = ("--help-needed", "想要助餐送上门") if needing else ()
    added = _added(dyz, ("visit", "list"), "visit", "add", "2-2-301", "--wellbeing", word, *helped)
    return str(added["wellbeing"])


def _visit_help_category(dyz: Runner, word: str) -> str:
    added = _added(dyz, PETITIONS, "visit", "add", "2-2-301", "--wellbeing", "needs_help",
                   "--help-needed", "灯坏了", "--help-category", word)  # fmt: skip
    return str(added["category"])


def _visit_need(option: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        text = f"{word}:楼道灯坏了" + ("=>换了灯泡" if option == "--resolved-need" else "")
        return str(_added(dyz, PETITIONS, "visit", "add", "2-2-301", option, text)["category"])

    return stored


def _visit_check(dyz: Runner, word: str) -> str:
    added = _added(dyz, ("visit", "list"), "visit", "add", "2-2-301", "--check", f"{word}=正常")
    return _only(set(added["checks"]))


def _visit_hazard(option: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        return str(_added(dyz, HAZARDS, "visit", "add", "2-2-301", option, f"{word}:三楼")["kind"])

    return stored


def _flags_of(dyz: Runner) -> set[str]:
    home = _last(dyz, "household", "show", "2-2-302")
    return {flag for resident in home["residents"] for flag in resident["flags"]}


def _resident_302(dyz: Runner) -> str:
    home = _last(dyz, "household", "show", "2-2-302")
    return str(next(r["id"] for r in home["residents"] if r["name"] == "王建国"))[:8]


def _flagged_then_cleared(dyz: Runner, word: str) -> str:
    """The one flag 2-2-302 now has, which is then taken off again for the next word."""
    flags = _flags_of(dyz)
    for code in flags:
        dyz("resident", "edit", _resident_302(dyz), "--unflag", code)
    return _only(flags)


def _visit_flag(dyz: Runner, word: str) -> str:
    dyz("visit", "add", "2-2-302", "--flag", f"王建国:{word}")
    return _flagged_then_cleared(dyz, word)


def _only(codes: set[str]) -> str:
    return codes.pop() if len(codes) == 1 else repr(codes)


def _resident_flag(command: str, option: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        if command == "add":
            dyz("resident", "add", "2-2-302", "--name", "王小明", option, word)
            home = _last(dyz, "household", "show", "2-2-302")
            person = next(r for r in home["residents"] if r["name"] == "王小明")
            dyz("resident", "remove", person["id"][:8], "--yes")
            return _only(set(person["flags"]))
        if option == "--unflag":
            code = CODE_OPTIONS[("resident edit", "unflag")].parse(word)
            dyz("resident", "edit", _resident_302(dyz), "--flag", code)
            dyz("resident", "edit", _resident_302(dyz), "--unflag", word)
            return code if _flags_of(dyz) == set() else repr(_flags_of(dyz))
        dyz("resident", "edit", _resident_302(dyz), "--flag", word)
        return _flagged_then_cleared(dyz, word)

    return stored


def _resident_risk(dyz: Runner, word: str) -> str:
    dyz("resident", "edit", _resident_302(dyz), "--risk", word)
    home = _last(dyz, "household", "show", "2-2-302")
    return str(next(r["risk"] for r in home["residents"] if r["name"] == "王建国"))


def _household_list_flag(dyz: Runner, word: str) -> str:
    dyz("household", "list", "--flag", word, "--format", "json")
    return CODE_OPTIONS[("household list", "flag")].parse(word)


def _petition_add(dyz: Runner, word: str) -> str:
    added = _added(dyz, PETITIONS, "petition", "add", "2-2-301", "-c", word, "--text", "灯坏了")
    return str(added["category"])


def _petition_list(option: str, key: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        if not _ids(dyz, "petition", "list"):
            dyz("petition", "add", "2-2-301", "--category", "repair", "--text", "灯坏了")
        found = json.loads(dyz("petition", "list", option, word, "--format", "json").stdout)
        if found:
            return _only({item[key] for item in found})
        # nothing with that status yet: the filter still read the word
        return CODE_OPTIONS[("petition list", key)].parse(word)

    return stored


def _escalate(dyz: Runner, word: str) -> str:
    added = _added(dyz, PETITIONS, "petition", "add", "2-2-301", "-c", "repair", "--text", "灯坏了")
    petition = added["id"][:8]
    dyz("petition", "escalate", petition, "--to", word)
    return str(_last(dyz, "petition", "show", petition)["escalated_to"])


def _satisfaction(dyz: Runner, word: str) -> str:
    added = _added(dyz, PETITIONS, "petition", "add", "2-2-301", "-c", "repair", "--text", "灯坏了")
    petition = added["id"][:8]
    dyz("petition", "resolve", petition, "--note", "换了灯泡")
    dyz("petition", "close", petition, "--satisfaction", word)
    return str(_last(dyz, "petition", "show", petition)["timeline"][-1]["satisfaction"])


def _decide(dyz: Runner, word: str) -> str:
    added = _added(dyz, PETITIONS, "petition", "add", "2-2-301", "-c", "repair", "--text", "灯坏了")
    petition = added["id"][:8]
    dyz("petition", "escalate", petition)
    dyz("council", "propose", petition, "--text", "请物业修灯")
    proposal = json.loads(dyz("council", "agenda", "--format", "json").stdout)["proposals"][-1]
    dyz("council", "decide", proposal["id"][:8], word)
    return str(_last(dyz, "petition", "show", petition)["status"])


def _roster(command: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        code = words.ROLE.parse(word)
        scope = {"area_head": "南片", "building_head": "2"}.get(code, "2-2")
        if command == "list":
            found = json.loads(dyz("roster", "list", "--role", word, "--format", "json").stdout)
            return str(found[0]["role"]) if found else code
        dyz(
            "roster",
            "add",
            "--role",
            "unit_head",
            "--name",
            "龙欣怡",
            "--phone",
            PHONE,
            "--scope",
            "2-2",
        )
        member = _last(dyz, "roster", "list")["id"][:8]
        if command == "add":
            dyz("roster", "remove", member, "--yes")
            dyz(
                "roster",
                "add",
                "--role",
                word,
                "--name",
                "龙欣怡",
                "--phone",
                PHONE,
                "--scope",
                scope,
            )
        else:
            dyz("roster", "edit", member, "--role", word, "--scope", scope)
        role = str(_last(dyz, "roster", "list")["role"])
        dyz("roster", "remove", _last(dyz, "roster", "list")["id"][:8], "--yes")
        return role

    return stored


def _volunteer(command: str) -> Stored:
    def stored(dyz: Runner, word: str) -> str:
        if command == "list":
            code = CODE_OPTIONS[("volunteer list", "service")].parse(word)
            dyz("volunteer", "add", "--name", f"志愿者{code}", "--service", code)
            found = _ids(dyz, "volunteer", "list", "--service", word)
            shown = {s for v in json.loads(dyz("volunteer", "list", "-f", "json").stdout)
                     if v["id"] in found for s in v["services"]}  # fmt: skip
            return code if code in shown and len(found) >= 1 else repr(shown)
        if command == "add":
            added = _added(dyz, ("volunteer", "list"), "volunteer", "add", "--name", "左师傅",
                           "--service", word)  # fmt: skip
            dyz("volunteer", "remove", added["id"][:8], "--yes")
            return _only(set(added["services"]))
        if not _ids(dyz, "volunteer", "list"):
            dyz("volunteer", "add", "--name", "左师傅", "--service", "repair")
        dyz("volunteer", "edit", "左师傅", "--service", word)
        return _only(set(_last(dyz, "volunteer", "list")["services"]))

    return stored


def _service_add(dyz: Runner, word: str) -> str:
    if not _ids(dyz, "volunteer", "list"):
        dyz("volunteer", "add", "--name", "左师傅", "--service", "repair")
    added = _added(dyz, ("service", "list"), "service", "add", "左师傅", "--for", "2-2-301",
                   "--kind", word, "--hours", "1")  # fmt: skip
    return str(added["kind"])


def _dispute(dyz: Runner) -> str:
    found = [p for p in json.loads(dyz("petition", "list", "-f", "json").stdout)
             if p["category"] == "mediation"]  # fmt: skip
    if not found:
        dyz("petition", "add", "2-2-301", "-c", "mediation", "-t", "楼上漏水")
        return _dispute(dyz)
    return str(found[0]["id"][:8])


def _mediation_kind(dyz: Runner, word: str) -> str:
    dispute = _dispute(dyz)
    dyz("mediation", "set", dispute, "--kind", word)
    return str(_last(dyz, "mediation", "show", dispute)["dispute"])


def _mediation_step(dyz: Runner, word: str) -> str:
    dispute = _dispute(dyz)
    extra = ("--to", "人民调解委员会") if words.MEDIATION_STEP.parse(word) == "referred" else ()
    dyz("mediation", "step", dispute, word, *extra)
    return str(_last(dyz, "mediation", "show", dispute)["steps"][-1]["step"])


def _ledger(dyz: Runner, word: str) -> str:
    return str(json.loads(dyz("ledger", word, "--format", "json").stdout)["kind"])


THROUGH: dict[tuple[str, str], Stored] = {
    ("hazard add", "kind"): _hazard_kind,
    ("hazard add", "severity"): _hazard_severity,
    ("hazard edit", "severity"): _hazard_edit_severity,
    ("hazard list", "kind"): _hazard_list_kind,
    ("patrol record", "severity"): _patrol_severity,
    ("patrol record", "problem"): _patrol_item,
    ("visit add", "kind"): _visit("--kind", "kind"),
    ("visit add", "outcome"): _visit("--outcome", "outcome"),
    ("visit add", "wellbeing"): _visit_wellbeing,
    ("visit add", "help_category"): _visit_help_category,
    ("visit add", "need"): _visit_need("--need"),
    ("visit add", "check"): _visit_check,
    ("visit add", "resolved_need"): _visit_need("--resolved-need"),
    ("visit add", "hazard"): _visit_hazard("--hazard"),
    ("visit add", "common_hazard"): _visit_hazard("--common-hazard"),
    ("visit add", "flag"): _visit_flag,
    ("petition add", "category"): _petition_add,
    ("petition list", "category"): _petition_list("--category", "category"),
    ("petition list", "status"): _petition_list("--status", "status"),
    ("petition escalate", "to"): _escalate,
    ("petition close", "satisfaction"): _satisfaction,
    ("council decide", "decision"): _decide,
    ("roster add", "role"): _roster("add"),
    ("roster edit", "role"): _roster("edit"),
    ("roster list", "role"): _roster("list"),
    ("resident add", "flag"): _resident_flag("add", "--flag"),
    ("resident edit", "flag"): _resident_flag("edit", "--flag"),
    ("resident edit", "unflag"): _resident_flag("edit", "--unflag"),
    ("resident edit", "risk"): _resident_risk,
    ("household list", "flag"): _household_list_flag,
    ("ledger", "kind"): _ledger,
    ("volunteer add", "service"): _volunteer("add"),
    ("volunteer edit", "service"): _volunteer("edit"),
    ("volunteer list", "service"): _volunteer("list"),
    ("service add", "kind"): _service_add,
    ("mediation set", "kind"): _mediation_kind,
    ("mediation step", "step"): _mediation_step,
}


def test_every_code_option_is_tried_through_its_command() -> None:
    assert set(THROUGH) == set(CODE_OPTIONS)


@pytest.mark.parametrize("option", sorted(CODE_OPTIONS), ids=" ".join)
def test_every_code_option_takes_every_word_the_interface_prints(
    dyz: Runner, stairwell: str, option: tuple[str, str]
) -> None:
    stored = THROUGH[option]
    for code, word in printed_words(CODE_OPTIONS[option]):
        assert stored(dyz, word) == code, (option, word)
