"""One reader for every option that takes a code: the Chinese word the screen shows, the words
people say for it, or the English code. A word it does not know is refused with the nearest
words it does know.

>>> SEVERITY.parse("严重")
'high'
>>> SEVERITY.parse("高")
'high'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from danyuanzhang.errors import DyzError
from danyuanzhang.text import vocab
from danyuanzhang.text.normal import nfkc

_QUOTES = "“”‘’\"'「」《》"


def fold(text: str) -> str:
    """What two spellings of one word share: full-width folded, no spaces or quotes, lower
    case, `-` and ` ` as `_`."""
    folded = nfkc(text).strip().lower()
    folded = "".join(ch for ch in folded if ch not in _QUOTES).rstrip("。.!！")
    return re.sub(r"[\s\-]+", "_", folded)


class Vocabulary:
    """The codes of one option (`--severity`), their two names, and the other words for them.
    A plain class, not a dataclass: building one (and importing dataclasses) cost every
    command that reads a word about a millisecond of start-up."""

    def __init__(
        self,
        what: tuple[str, str],
        choices: Mapping[str, tuple[str, str]],
        synonyms: Mapping[str, str] | None = None,
        to_add: str | None = None,
    ) -> None:
        self.what = what  # what the option names, for the message: 严重程度 / severity
        self.choices = choices
        self.synonyms: Mapping[str, str] = {} if synonyms is None else synonyms
        self.to_add = to_add  # the message that says how the community adds one of its own

    def __repr__(self) -> str:
        return f"Vocabulary({self.what!r})"

    def words_for(self, code: str) -> Iterator[str]:
        """Every word the interface prints for `code`, and the other words people use."""
        zh, en = self.choices[code]
        yield code
        yield zh
        yield en
        yield from re.split(r"[/／]", zh)
        if zh.startswith("已"):  # a status: 已上报 is also said 上报
            yield zh[1:]
        if zh.startswith("义务") and len(zh) > 3:  # a service: 义务理发 is also said 理发
            yield zh[2:]
        unquoted = re.sub(r"[“\"].*?[”\"]", "", zh)  # “小巷回声”议事会: 议事会
        if unquoted != zh:
            yield unquoted
        for word, named in self.synonyms.items():
            if named == code:
                yield word

    @functools.cached_property
    def _index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for code in self.choices:
            for word in self.words_for(code):
                index.setdefault(fold(word), code)
        return index

    def read(self, text: str) -> str | None:
        return self._index.get(fold(text))

    def parse(self, text: str) -> str:
        code = self.read(text)
        if code is None:
            raise self.refusal(text)
        return code

    def refusal(self, text: str) -> DyzError:
        from danyuanzhang.text.i18n import join, pick, t

        near = self.near(text)
        return DyzError(
            "unknown_word",
            what=pick(*self.what),
            text=text.strip(),
            near=t("did_you_mean", words=join(f"“{w}”" for w in near)) if near else "",
            known=join(self.label(code) for code in self.choices),
            more=t(self.to_add, text=text.strip()) if self.to_add else "",
        )

    @property
    def help(self) -> str:
        """For an option's help: 严重程度：一般 | 较重 | 严重 · severity: low | medium | high."""
        zh = " | ".join(zh for zh, _ in self.choices.values())
        return f"{self.what[0]}：{zh} · {self.what[1]}: {' | '.join(self.choices)}"

    def label(self, code: str) -> str:
        from danyuanzhang.text.i18n import pick

        zh, _ = self.choices[code]
        return pick(zh, code)

    def near(self, text: str, most: int = 3) -> list[str]:
        """The labels of the codes whose words are closest to `text`."""
        import difflib

        wanted = fold(text)
        if not wanted:
            return []
        index = self._index
        codes: list[str] = []
        for word in difflib.get_close_matches(wanted, list(index), n=most * 3, cutoff=0.5):
            codes.append(index[word])
        for word, code in index.items():  # 楼道 for 楼道/安全通道堵塞, 电动车停楼道 for 电动车
            if len(word) >= 2 and len(wanted) >= 2 and (word in wanted or wanted in word):
                codes.append(code)
        unique = list(dict.fromkeys(codes))[:most]
        return [self.label(code) for code in unique]


SEVERITY = Vocabulary(
    ("严重程度", "severity"),
    vocab.SEVERITIES,
    {"低": "low", "轻": "low", "轻微": "low", "一般隐患": "low", "中": "medium", "中等": "medium"}
    | {"高": "high", "重": "high", "重大": "high", "特别严重": "high", "重大隐患": "high"},
)

PETITION_CATEGORY = Vocabulary(
    ("诉求类别", "category"),
    vocab.PETITION_CATEGORIES,
    {"停车难": "parking", "车位": "parking", "报修": "repair", "修理": "repair"}
    | {"维修维护": "repair", "养老": "elderly_care", "为老服务": "elderly_care"}
    | {"帮扶老人": "elderly_care", "调解": "mediation", "纠纷": "mediation"}
    | {"邻里纠纷": "mediation", "辅导": "tutoring", "学习辅导": "tutoring", "诈骗": "fraud"}
    | {"防诈骗": "fraud", "卫生": "environment", "环境": "environment", "垃圾": "environment"}
    | {"治安": "safety", "消防": "safety", "其它": "other"},
)

PETITION_STATUS = Vocabulary(
    ("诉求状态", "status"),
    vocab.PETITION_STATUSES,
    {"办结": "closed", "已解决": "resolved", "落实": "done", "建议": "proposed"},
)

ESCALATION = Vocabulary(
    ("上报对象", "escalation"),
    vocab.ESCALATION_TARGETS,
    {"议事会": "council", "居民议事会": "council", "小巷回声": "council", "楼长": "building_head"}
    | {"网格长": "area_head", "片区长": "area_head"},
)

SATISFACTION = Vocabulary(
    ("满意度", "satisfaction"),
    vocab.SATISFACTION,
    {"很满意": "satisfied", "非常满意": "satisfied", "一般": "fairly", "还行": "fairly"}
    | {"较满意": "fairly", "不太满意": "unsatisfied"},
)

DECISION = Vocabulary(
    ("议事会的决定", "decision"),
    vocab.DECISIONS,
    {"采纳": "adopted", "同意": "adopted", "通过": "adopted", "已采纳": "adopted"}
    | {"不采纳": "declined", "不同意": "declined", "否决": "declined", "没采纳": "declined"},
)

VISIT_KIND = Vocabulary(
    ("走访方式", "visit kind"),
    vocab.VISIT_KINDS,
    {"入户": "door", "上门走访": "door", "打电话": "phone", "电话联系": "phone", "视频": "wechat"},
)

VISIT_OUTCOME = Vocabulary(
    ("走访结果", "outcome"),
    vocab.VISIT_OUTCOMES,
    {"见到": "met", "见面": "met", "在家": "met", "见到本人": "met", "没人": "not_home"}
    | {"无人": "not_home", "不在家": "not_home", "没人在家": "not_home", "拒访": "declined"}
    | {"拒绝": "declined", "不愿意": "declined", "不开门": "declined"},
)

DISPUTE = Vocabulary(
    ("纠纷类型", "dispute"),
    vocab.DISPUTE_KINDS,
    {"噪音": "noise", "吵": "noise", "扰民": "noise", "漏水": "leak", "渗水": "leak"}
    | {"车位": "parking", "占道": "shared_space", "楼道堆物": "shared_space", "狗": "pets"}
    | {"猫": "pets", "邻里": "neighbours", "邻居": "neighbours", "家庭": "family"}
    | {"婆媳": "family", "赡养": "family"},
)
MEDIATION_STEP = Vocabulary(
    ("调解步骤", "mediation step"),
    vocab.MEDIATION_STEPS,
    {"谈话": "talked", "谈过": "talked", "约谈": "talked", "见面": "met", "调解": "met"}
    | {"面对面": "met", "成功": "agreed", "达成": "agreed", "协议": "agreed", "签了协议": "agreed"}
    | {
        "没谈拢": "not_agreed",
        "未成功": "not_agreed",
        "失败": "not_agreed",
        "回访过": "followed_up",
    }
    | {"上交": "referred", "转交": "referred", "转人民调解": "referred"},
)
WELLBEING = Vocabulary(
    ("状况", "wellbeing"),
    vocab.WELLBEING,
    {"安好": "well", "挺好": "well", "很好": "well", "好": "well", "正常": "well"}
    | {"需帮助": "needs_help", "要帮助": "needs_help", "需帮扶": "needs_help"},
)

# -- issue 33, care ---------------------------------------------------------------------------
RISK = Vocabulary(
    ("风险等级", "risk level"),
    vocab.RISK_LEVELS,
    {"高风险": "high", "中风险": "medium", "低风险": "low", "较高": "high", "一般": "medium"},
)
CARE_AREA = Vocabulary(
    ("探访内容", "area checked"),
    vocab.CARE_AREAS,
    {"身体": "health", "身体状况": "health", "精神状况": "mind", "心理": "mind"}
    | {"安全": "home_safety", "居家": "home_safety", "赡养": "support", "照料": "support"},
)

ROLE = Vocabulary(
    ("角色", "role"),
    vocab.ROLES,
    {
        "楼长": "building_head",
        "网格长": "area_head",
        "片区长": "area_head",
        "户长": "household_rep",
    },
)

GROUP_BY = Vocabulary(
    ("汇总方式", "grouping"), vocab.GROUPINGS, {"楼": "building", "栋": "building"}
)

HAZARD_WORDS = {
    "楼道堵塞": "blocked_exit",
    "通道堵塞": "blocked_exit",
    "楼道堆物": "blocked_exit",
    "堵塞": "blocked_exit",
    "占用通道": "blocked_exit",
    "电动车入户": "ebike_indoor",
    "电动车进楼": "ebike_indoor",
    "电动车上楼": "ebike_indoor",
    "电瓶车入户": "ebike_indoor",
    "电动车停楼道": "ebike_indoor",
    "飞线": "flying_wire",
    "私拉电线": "flying_wire",
    "拉线充电": "flying_wire",
    "私拉乱接": "flying_wire",
    "灭火器": "extinguisher",
    "应急灯": "emergency_light",
    "应急照明": "emergency_light",
    "指示牌": "exit_sign",
    "出口指示": "exit_sign",
    "疏散指示": "exit_sign",
    "易燃物": "flammables",
    "可燃物": "flammables",
    "杂物堆放": "flammables",
    "其它": "other",
}


SERVICE_WORDS = {
    "辅导": "tutoring",
    "家教": "tutoring",
    "补课": "tutoring",
    "送学": "tutoring",
    "助老": "elder_help",
    "帮扶": "elder_help",
    "帮老人": "elder_help",
    "代购": "elder_help",
    "买菜": "elder_help",
    "陪诊": "elder_help",
    "调解": "mediation",
    "劝架": "mediation",
    "维修": "repair",
    "修理": "repair",
    "修东西": "repair",
    "义修": "repair",
}


def service_kind(choices: Mapping[str, tuple[str, str]]) -> Vocabulary:
    """The four services of the article and those the community added."""
    return _service_kind(tuple(choices.items()))


@functools.lru_cache(maxsize=8)
def _service_kind(choices: tuple[tuple[str, tuple[str, str]], ...]) -> Vocabulary:
    return Vocabulary(("服务类别", "service"), dict(choices), SERVICE_WORDS, "service_kind_to_add")


def hazard_kind(choices: Mapping[str, tuple[str, str]]) -> Vocabulary:
    """The eight kinds and those the community added."""
    return _hazard_kind(tuple(choices.items()))


def flag(choices: Mapping[str, tuple[str, str]]) -> Vocabulary:
    """The built-in flags and those the community added, with the words rolls use."""
    return _flag(tuple(choices.items()))


# A roll asks for a flag's code on every row: the vocabulary and its index are made once
@functools.lru_cache(maxsize=8)
def _hazard_kind(choices: tuple[tuple[str, tuple[str, str]], ...]) -> Vocabulary:
    return Vocabulary(
        ("隐患类别", "hazard kind"), dict(choices), HAZARD_WORDS, "hazard_kind_to_add"
    )


@functools.lru_cache(maxsize=8)
def _flag(choices: tuple[tuple[str, tuple[str, str]], ...]) -> Vocabulary:
    return Vocabulary(("标记", "flag"), dict(choices), vocab.FLAG_WORDS)


HAZARD_KIND_HELP = hazard_kind(vocab.HAZARD_KINDS).help
