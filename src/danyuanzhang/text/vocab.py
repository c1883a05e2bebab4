"""The words of the practice: resident flags and roster roles, with their Chinese names."""

from __future__ import annotations

BUILTIN_FLAGS: dict[str, tuple[str, str]] = {
    "elderly_alone": ("独居老人", "elderly, lives alone"),
    "children_away": ("子女不在身边", "children away"),
    "disabled": ("残疾", "disabled"),
    "new_arrival": ("新迁入", "new arrival"),
    "tenant": ("租户", "tenant"),
    "needs_help": ("需帮扶", "needs help"),
}

# The words rolls and people use for the built-in flags, besides their labels
FLAG_WORDS: dict[str, str] = {
    "独居": "elderly_alone",
    "独居老年人": "elderly_alone",
    "孤寡老人": "elderly_alone",
    "空巢": "children_away",
    "空巢老人": "children_away",
    "残疾人": "disabled",
    "残障": "disabled",
    "租住": "tenant",
    "租房": "tenant",
    "出租户": "tenant",
    "新搬入": "new_arrival",
    "新搬来": "new_arrival",
    "帮扶": "needs_help",
    "帮扶对象": "needs_help",
}

ROLES: dict[str, tuple[str, str]] = {
    "area_head": ("片长", "area head"),
    "building_head": ("楼栋长", "building head"),
    "unit_head": ("单元长", "unit head"),
    "household_rep": ("户代表", "household representative"),
}

# What scope each role is given: an area by name, a building ("2") or a unit ("2-2").
ROLE_SCOPES = {
    "area_head": "area",
    "building_head": "building",
    "unit_head": "unit",
    "household_rep": "unit",
}


HAZARD_KINDS: dict[str, tuple[str, str]] = {
    "extinguisher": ("灭火器缺失/过期", "fire extinguisher missing or expired"),
    "emergency_light": ("应急灯损坏", "emergency light broken"),
    "exit_sign": ("安全出口指示牌", "exit sign missing or broken"),
    "blocked_exit": ("楼道/安全通道堵塞", "stairwell or escape route blocked"),
    "flammables": ("易燃可燃物堆放", "flammables piled up"),
    "ebike_indoor": ("电动车入户停放", "e-bike parked indoors"),
    "flying_wire": ("飞线充电", "flying-wire charging"),
    "other": ("其他", "other"),
}

# What a notice asks of each kind of hazard (整改要求) and in how many days by default: a
# cable from a window or a bike charging indoors can burn tonight; a missing sign can wait a week.
HAZARD_REQUIREMENTS: dict[str, tuple[int, str, str]] = {
    "extinguisher": (7, "配齐有效的灭火器", "put a working extinguisher in place"),
    "emergency_light": (7, "修好应急灯", "repair the emergency light"),
    "exit_sign": (7, "修好安全出口指示牌", "repair the exit sign"),
    "blocked_exit": (3, "清走堆放物，保持通道畅通", "clear the way and keep it clear"),
    "flammables": (3, "清走易燃可燃物", "remove the flammables"),
    "ebike_indoor": (
        1,
        "电动车移出楼道，到集中点充电",
        "move the e-bike out; charge it at the point",
    ),
    "flying_wire": (1, "停止飞线充电，拆除私拉电线", "stop charging by cable; remove the cable"),
    "other": (7, "按单元长告知的要求整改", "put it right as the unit head explained"),
}

# Why each hazard is dangerous, for the rectification notice a household receives.
HAZARD_DANGERS: dict[str, tuple[str, str]] = {
    "extinguisher": (
        "起火后的头几分钟最关键，灭火器缺失或过期，小火就可能变成大火。",
        "The first minutes of a fire decide everything; without a working extinguisher a small fire grows.",
    ),
    "emergency_light": (
        "停电或起火时楼道一片漆黑，应急灯不亮，老人和孩子难以逃生。",
        "In a blackout or fire the stairwell goes dark; without emergency lights the elderly and children cannot find the way out.",
    ),
    "exit_sign": (
        "浓烟中看不清方向，安全出口指示牌是逃生的路标。",
        "In smoke nobody can see the way; exit signs are the signposts out.",
    ),
    "blocked_exit": (
        "楼道和安全通道是唯一的逃生路线，堆放杂物会挡住逃生和消防救援。",
        "The stairwell is the only way out; anything left in it blocks escape and the firefighters.",
    ),
    "flammables": (
        "纸箱、泡沫等易燃物一点就着，火势会顺着楼道迅速蔓延。",
        "Cardboard and foam catch at once, and fire runs up the stairwell along them.",
    ),
    "ebike_indoor": (
        "电动车电池起火温度高、烟毒性大，在室内或楼道起火极易造成伤亡。",
        "E-bike batteries burn very hot with toxic smoke; a fire indoors or in the stairwell kills.",
    ),
    "flying_wire": (
        "从窗口拉线给电动车充电，电线易被磨损、淋雨短路，引发火灾和触电。",
        "A cable hung from a window to charge an e-bike chafes and gets wet; it shorts, starts fires and can electrocute.",
    ),
    "other": (
        "这一隐患可能引发火灾或伤害，请尽快整改。",
        "This hazard may cause a fire or injury; please fix it soon.",
    ),
}

SEVERITIES: dict[str, tuple[str, str]] = {
    "low": ("一般", "low"),
    "medium": ("较重", "medium"),
    "high": ("严重", "high"),
}

HAZARD_STATUSES: dict[str, tuple[str, str]] = {
    "found": ("已发现", "found"),
    "notified": ("已告知整改", "notified"),
    "rectified": ("已整改", "rectified"),
    "verified": ("已复查", "verified"),
    "withdrawn": ("已撤回", "withdrawn"),
}


PETITION_CATEGORIES: dict[str, tuple[str, str]] = {
    "parking": ("停车", "parking"),
    "safety": ("安全", "safety"),
    "repair": ("维修", "repairs"),
    "elderly_care": ("助老", "elderly care"),
    "mediation": ("矛盾调解", "mediation"),
    "tutoring": ("送学上门", "tutoring at home"),
    "fraud": ("反诈", "anti-fraud"),
    "environment": ("环境卫生", "environment and sanitation"),
    "other": ("其他", "other"),
}

# what the volunteer team (志愿服务队伍) does, as the article names it; a community adds its own
SERVICE_KINDS: dict[str, tuple[str, str]] = {
    "tutoring": ("送学上门", "tutoring at home"),
    "elder_help": ("帮扶老人", "helping the elderly"),
    "mediation": ("矛盾调解", "mediating disputes"),
    "repair": ("义务维修", "free repairs"),
}
# the service that answers a need of each category (dyz petition match)
SERVICE_FOR_CATEGORY = {
    "tutoring": "tutoring",
    "elderly_care": "elder_help",
    "mediation": "mediation",
    "repair": "repair",
}

# disputes a unit head mediates (矛盾调解), and the steps of a mediation
DISPUTE_KINDS: dict[str, tuple[str, str]] = {
    "noise": ("噪音扰民", "noise"),
    "leak": ("楼上漏水", "water through the ceiling"),
    "parking": ("停车", "parking"),
    "shared_space": ("占用公共空间", "shared space"),
    "pets": ("宠物", "pets"),
    "neighbours": ("邻里纠纷", "between neighbours"),
    "family": ("家庭矛盾", "within a family"),
}
MEDIATION_STEPS: dict[str, tuple[str, str]] = {
    "talked": ("分别谈过", "talked to one side"),
    "met": ("当面调解", "brought together"),
    "agreed": ("达成协议", "agreement reached"),
    "not_agreed": ("未达成协议", "no agreement"),
    "followed_up": ("回访", "follow-up visit"),
    "referred": ("移交", "referred on"),
}
# how a mediation ended, by its last deciding step
MEDIATION_RESULTS: dict[str, tuple[str, str]] = {
    "agreed": ("调解成功", "settled"),
    "not_agreed": ("调解未成功", "not settled"),
    "referred": ("已移交", "referred on"),
}

PETITION_STATUSES: dict[str, tuple[str, str]] = {
    "collected": ("已收集", "collected"),
    "resolved": ("就地解决", "resolved on the spot"),
    "escalated": ("已上报", "escalated"),
    "assigned": ("已交给志愿者", "with a volunteer"),
    "proposed": ("已形成建议", "proposed"),
    "adopted": ("已采纳", "adopted"),
    "declined": ("未采纳", "declined"),
    "done": ("已落实", "done"),
    "closed": ("已办结", "closed"),
    "withdrawn": ("已撤回", "withdrawn"),
}

ESCALATION_TARGETS: dict[str, tuple[str, str]] = {
    "building_head": ("楼栋长", "building head"),
    "area_head": ("片长", "area head"),
    "council": ("“小巷回声”议事会", "the residents' council"),
}


# how the resident found the way their need was handled, asked when it is closed (回访)
SATISFACTION: dict[str, tuple[str, str]] = {
    "satisfied": ("满意", "satisfied"),
    "fairly": ("基本满意", "fairly satisfied"),
    "unsatisfied": ("不满意", "not satisfied"),
}

DECISIONS: dict[str, tuple[str, str]] = {
    "adopted": ("采纳", "adopted"),
    "declined": ("未采纳", "declined"),
}

GROUPINGS: dict[str, tuple[str, str]] = {
    "unit": ("单元", "unit"),
    "building": ("楼栋", "building"),
}


VISIT_KINDS: dict[str, tuple[str, str]] = {
    "door": ("上门", "at the door"),
    "phone": ("电话", "by phone"),
    "wechat": ("微信", "by WeChat"),
}

VISIT_OUTCOMES: dict[str, tuple[str, str]] = {
    "met": ("见到了", "met"),
    "not_home": ("家中无人", "nobody home"),
    "declined": ("不愿交谈", "declined"),
}

WELLBEING: dict[str, tuple[str, str]] = {
    "well": ("一切安好", "well"),
    "needs_help": ("需要帮助", "needs help"),
}

# -- issue 33, care: the 2022 care policy's risk levels, and what a care visit checks ---------

# whom the care ledger follows besides those of 60 and over, and whose wellbeing a visit asks
CARE_FLAGS = ("elderly_alone", "children_away", "disabled", "needs_help")

# a cared-for resident's 风险等级, set by the community; it sets how often they are visited
RISK_LEVELS: dict[str, tuple[str, str]] = {
    "high": ("高", "high"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
}
# days between visits by risk level: weekly, monthly, quarterly (a flag's shorter cadence wins)
RISK_CADENCE = {"high": 7, "medium": 30, "low": 90}

# the areas a care visit checks, each found 正常 (`ok`) or in a short note of what was found;
# the fifth, 转介, is whom the visit referred them to (a visit's `referral`)
CARE_AREAS: dict[str, tuple[str, str]] = {
    "health": ("健康", "health"),
    "mind": ("精神", "state of mind"),
    "home_safety": ("居家安全", "home safety"),
    "support": ("赡养/照料", "family support"),
}
CARE_OK = "ok"
