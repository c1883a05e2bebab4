"""The messages of `dyz today`, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- erase (issue 34): erasure limits that cannot be split ------------------------------------
    "td_erasures_held": (
        "有 {count} 户的删除暂缓执行，请先向删除的电脑核实：",
        "{count} households' erasures are held: check with the laptop that erased them first:",
    ),
    "td_erasure_held": ("“{laptop}”要删除：{flats}", "“{laptop}” erases: {flats}"),
    "td_erasures_held_next": (
        "dyz import {file} --accept-erasures",
        "dyz import {file} --accept-erasures",
    ),
    # -- today -------------------------------------------------------------------------------
    "td_title": ("今天该做的（{day}）", "To do today ({day})"),
    "td_visits": ("一、入户走访：{count} 户该去了", "1. Visits: {count} households due"),
    "td_visits_none": ("一、入户走访：今天没有该去的户。", "1. Visits: nobody is due today."),
    "td_visits_more": (
        "还有 {count} 户，全部见 dyz visit due",
        "{count} more: dyz visit due lists them all",
    ),
    "td_visits_next": ("去走访：dyz visit", "To visit: dyz visit"),
    "td_hazards": ("二、安全隐患：{count} 处要跟进", "2. Hazards: {count} to follow up"),
    "td_hazards_none": ("二、安全隐患：没有到期的。", "2. Hazards: no deadline reached."),
    "td_hazard_overdue": (
        "{what}，已逾期 {days} 天，请催促整改",
        "{what}: {days} days past its deadline",
    ),
    "td_hazard_due_today": ("{what}，今天到期", "{what}: due today"),
    "td_hazard_reinspect": ("{what}，已整改，待复查", "{what}: fixed, to be re-inspected"),
    "td_hazard_fix": ("改好后：dyz hazard fix {id}", "Once fixed: dyz hazard fix {id}"),
    "td_hazard_verify": (
        "复查合格：dyz hazard verify {id}",
        "Once checked: dyz hazard verify {id}",
    ),
    "td_needs": ("三、诉求：{count} 条等着您", "3. Needs: {count} waiting on you"),
    "td_needs_none": ("三、诉求：没有等着您的。", "3. Needs: none waiting on you."),
    "td_need_collected": (
        "{household}【{category}】“{text}”，已 {days} 天：能办就办，办不了就上报",
        "{household} [{category}] “{text}”, {days} days: settle it or carry it on",
    ),
    "td_need_collected_next": (
        "dyz petition resolve {id} 或 dyz petition escalate {id}",
        "dyz petition resolve {id} or dyz petition escalate {id}",
    ),
    "td_need_done": (
        "{household}【{category}】“{text}”：社区已落实，问过居民后办结",
        "{household} [{category}] “{text}”: done by the office; ask the resident, then close it",
    ),
    "td_need_done_next": (
        "dyz petition close {id} --confirmed-by-resident --satisfaction 满意",
        "dyz petition close {id} --confirmed-by-resident --satisfaction satisfied",
    ),
    "td_follow_ups": (
        "五、调解回访：{count} 件达成协议的纠纷该回访了",
        "5. Disputes to revisit: {count} settled by agreement",
    ),
    "td_follow_up": ("{parties}：{on} 该回访，看看有没有再闹", "{parties}: revisit from {on}"),
    "td_follow_up_next": (
        "回访后：dyz mediation step {id} 回访 --note 情况",
        "After the visit: dyz mediation step {id} followed_up --note WHAT",
    ),
    "td_need_assigned": (
        "{household}【{category}】“{text}”：交给了志愿者 {volunteer}，已 {days} 天：问问办好没有",
        "{household} [{category}] “{text}”: with the volunteer {volunteer} for {days} days;"
        " ask whether it is done",
    ),
    "td_need_assigned_next": (
        "办好后：dyz petition done {id} --hours 小时数",
        "Once done: dyz petition done {id} --hours HOURS",
    ),
    "td_patrols": ("四、防火巡查：{count} 个单元该巡查了", "4. Fire patrols due: {count}"),
    "td_patrols_none": ("四、防火巡查：都按时巡查了。", "4. Fire patrols: all on time."),
    "td_patrol_since": (
        "{unit}：上次 {last}，已 {days} 天",
        "{unit}: last patrolled {last}, {days} days ago",
    ),
    "td_patrol_never": ("{unit}：还没有巡查记录", "{unit}: never patrolled"),
    "td_patrols_next": (
        "巡查后记一笔：dyz patrol --unit {unit}",
        "After a patrol: dyz patrol --unit {unit}",
    ),
    # -- issue 33, visits: who was met, the help someone needs, a retry, the questions ------
    "td_retries": ("先去：{count} 户上次家中无人，再去一次", "First: {count} to try again"),
    "td_retry": (
        "再去一次：{household} 上次{day}家中无人（{flags}），{by}前",
        "Try again: {household}, nobody home on {day} ({flags}), by {by}",
    ),
    "td_retries_next": ("再去时：dyz visit", "When you go again: dyz visit"),
    # -- h-text: today on an empty notebook ----------------------------------------------------
    "td_visits_nobody": (
        "一、入户走访：工作本里还没有住户。先导入花名册：dyz household import 花名册.xlsx",
        "1. Visits: no household in the notebook yet. Import the roll first:"
        " dyz household import roll.xlsx",
    ),
    "td_patrols_nobody": (
        "四、防火巡查：还没有登记住户，也就没有要巡查的单元。",
        "4. Fire patrols: no household registered, so no unit to patrol yet.",
    ),
}
