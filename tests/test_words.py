"""The reader of codes (text/words.py) on its own: the words it takes for each code, how it
folds what is typed, and what it says of a word it does not know."""

from __future__ import annotations

import pytest

from danyuanzhang.errors import DyzError
from danyuanzhang.text import vocab, words
from danyuanzhang.text.i18n import set_lang


def test_what_is_typed_is_folded_to_what_two_spellings_share() -> None:
    assert words.fold("  Elder-Help。") == "elder_help"
    assert words.fold("“义务 维修”！") == "义务_维修"
    assert words.fold("ＨＩＧＨ") == "high"
    assert words.fold("a - b.") == "a_b"


def test_a_label_with_a_slash_is_read_by_either_side() -> None:
    """A new vocabulary, so its words are gathered here (a vocabulary's index is kept)."""
    kinds = words.Vocabulary(("隐患类别", "hazard kind"), vocab.HAZARD_KINDS)
    assert kinds.read("楼道") == kinds.read("安全通道堵塞") == "blocked_exit"
    assert kinds.read("楼道/安全通道堵塞") == "blocked_exit"


def test_a_code_is_read_from_its_code_its_two_names_and_the_other_words_for_it() -> None:
    status = words.PETITION_STATUS
    assert [status.read(w) for w in ("escalated", "已上报", "上报", "Escalated")] == [
        "escalated"
    ] * 4
    assert status.read("办结") == "closed"  # a synonym
    assert words.ESCALATION.read("议事会") == "council"  # “小巷回声”议事会 without its quotes
    assert words.ESCALATION.read("the residents' council") == "council"
    repair = words.service_kind(vocab.SERVICE_KINDS)
    assert repair.read("维修") == repair.read("义务维修") == "repair"  # 义务维修 is said 维修
    hazard = words.hazard_kind(vocab.HAZARD_KINDS)
    assert hazard.read("楼道") == hazard.read("安全通道堵塞") == "blocked_exit"  # either side of /
    assert words.SEVERITY.read("不知道") is None


def test_the_words_for_a_code_are_every_word_the_interface_prints_for_it() -> None:
    said = list(words.PETITION_STATUS.words_for("escalated"))
    assert said[:3] == ["escalated", "已上报", "escalated"] and "上报" in said
    assert "理发" in list(
        words.Vocabulary(("服务", "service"), {"haircut": ("义务理发", "haircuts")}).words_for(
            "haircut"
        )
    )
    # 义务 alone is no service: the word is cut only when something is left after it
    assert "" not in list(
        words.Vocabulary(("服务", "service"), {"x": ("义务", "free")}).words_for("x")
    )
    # 义务 and one character: too short to be said without 义务
    assert "修" not in list(
        words.Vocabulary(("服务", "service"), {"x": ("义务修", "free")}).words_for("x")
    )
    quoted = words.Vocabulary(("上报对象", "to"), {"council": ("“小巷回声”议事会", "council")})
    assert quoted.read("议事会") == quoted.read("“小巷回声”议事会") == "council"
    assert quoted.read("小巷回声") is None
    council = list(words.ESCALATION.words_for("council"))
    assert "议事会" in council and "小巷回声" in council  # a synonym of the same code
    assert "楼长" not in council


def test_a_word_it_does_not_know_is_refused_with_the_nearest_words_and_every_choice() -> None:
    set_lang("zh")
    with pytest.raises(DyzError) as refused:
        words.SEVERITY.parse(" 严重严重 ")
    error = refused.value
    assert error.key == "unknown_word"
    assert error.params == {
        "what": "严重程度",
        "text": "严重严重",
        "near": "是不是想写“严重”？",
        "known": "一般、较重、严重",
        "more": "",
    }
    with pytest.raises(DyzError) as refused:
        words.hazard_kind(vocab.HAZARD_KINDS).parse("高空抛物")
    assert refused.value.params["more"] == (
        "社区自己的隐患类别请先添加：dyz hazard kind-add 英文代号 --zh 高空抛物"
    )
    with pytest.raises(DyzError) as refused:
        words.SEVERITY.parse("xyz")
    assert refused.value.params["near"] == ""  # nothing near: nothing offered
    set_lang("en")
    with pytest.raises(DyzError) as refused:
        words.SEVERITY.parse("hihg")
    assert refused.value.params["what"] == "severity"
    assert refused.value.params["known"] == "low, medium, high"
    assert refused.value.params["near"] == "Did you mean “high”? "
    set_lang(None)


def test_the_nearest_words_are_at_most_three_labels_close_or_holding_what_was_typed() -> None:
    set_lang("zh")
    hazard = words.hazard_kind(vocab.HAZARD_KINDS)
    # no word is close to the sentence, but it holds 楼道
    assert hazard.near("楼道里堆满了纸箱子") == ["楼道/安全通道堵塞"]
    assert hazard.near("电动车停车棚") == ["电动车入户停放"]
    many = "楼道电动车飞线灭火器"
    assert hazard.near(many) == ["灭火器缺失/过期", "楼道/安全通道堵塞", "飞线充电"]
    assert hazard.near(many, most=1) == ["灭火器缺失/过期"]
    assert hazard.near("。") == [] and hazard.near("") == []
    # 停放 is too short beside 电动车入户停放 to be close, but held in it
    assert hazard.near("停放") == ["电动车入户停放"]
    # one character held in many words names only what is close to it
    assert hazard.near("楼") == ["楼道/安全通道堵塞"]
    # the close words looked at are three for each label asked for
    assert hazard.near("电动车易燃") == ["电动车入户停放", "易燃可燃物堆放"]
    assert hazard.near("楼道电动车飞线灭火器应急灯") == [
        "灭火器缺失/过期",
        "应急灯损坏",
        "楼道/安全通道堵塞",
    ]
    assert words.SEVERITY.near("严") == ["严重"] and words.SEVERITY.near("较重的") == [
        "较重",
        "严重",
    ]
    set_lang(None)


def test_a_code_is_labelled_in_the_interface_language_and_the_help_names_both() -> None:
    set_lang("zh")
    assert words.SEVERITY.label("high") == "严重"
    set_lang("en")
    assert words.SEVERITY.label("high") == "high"
    set_lang(None)
    assert words.SEVERITY.help == "严重程度：一般 | 较重 | 严重 · severity: low | medium | high"
