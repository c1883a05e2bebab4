"""The messages of the roster of heads, the volunteers and their services, matching them to needs, and mediation, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- what people type ---------------------------------------------------------------------
    "service_kind_to_add": (
        "社区自己的服务请先添加：dyz volunteer kind-add 英文代号 --zh {text}",
        " A service of the community's own is added first: dyz volunteer kind-add CODE --zh {text}.",
    ),
    # -- roster and card ------------------------------------------------------------------------
    "member_exists": (
        "{name} 已在名册中负责 {scope}。",
        "{name} is already on the roster for {scope}.",
    ),
    "member_not_found": (
        "名册里找不到编号以 {id} 开头的人，编号见 dyz roster list。",
        "No roster entry id starts with {id}; see dyz roster list.",
    ),
    "member_added": (
        "已登记{role} {name}（{scope}，编号 {id}）",
        "Added {role} {name} for {scope} (id {id})",
    ),
    "member_updated": ("已修改 {name} 的名册信息", "Updated {name} on the roster"),
    "member_removed": (
        "已将 {name} 从名册删除，其信息已抹去。",
        "Removed {name} from the roster; their details are erased.",
    ),
    "roster_imported": (
        "名册导入完成：新增 {added} 人，已有 {present} 人。",
        "Roster imported: {added} added, {present} already there.",
    ),
    # -- volunteers -------------------------------------------------------------------------------
    "volunteer_added": (
        "已登记志愿者 {name}：{services}，在 {area} 帮忙（编号 {id}）",
        "Added the volunteer {name}: {services}, helping in {area} (id {id})",
    ),
    "volunteer_updated": ("已修改志愿者 {name}", "Updated the volunteer {name}"),
    "volunteer_removed": (
        "已删除志愿者 {name} 并抹去其个人信息，无法恢复；做过的服务留在台账里，不再写名字。",
        "Erased the volunteer {name}; this cannot be undone. The services they gave stay in"
        " the ledger, unnamed.",
    ),
    "volunteers_none": (
        "还没有登记志愿者。登记：dyz volunteer add --name 姓名 --phone 电话 --service 义务维修",
        "No volunteers yet. Add one: dyz volunteer add --name NAME --phone PHONE --service repair",
    ),
    "volunteer_needs_service": (
        "请写出至少一项服务，如 --service 义务维修（可选：送学上门、帮扶老人、矛盾调解、义务维修）。",
        "Give at least one service, e.g. --service repair (tutoring, elder_help, mediation,"
        " repair).",
    ),
    "volunteer_not_found": (
        "没有叫“{text}”的志愿者。看看有谁：dyz volunteer list",
        "No volunteer is called “{text}”. See who there is: dyz volunteer list",
    ),
    "volunteer_ambiguous": (
        "“{text}”对得上几位志愿者：{matches}。请写全名或编号。",
        "“{text}” matches several volunteers: {matches}. Give the full name or the id.",
    ),
    "volunteer_erased": ("（已删除的志愿者）", "(an erased volunteer)"),
    # -- mediation --------------------------------------------------------------------------------
    "mediation_set": (
        "已记下纠纷 {id}：{dispute}，当事人 {parties}",
        "Recorded dispute {id}: {dispute}, between {parties}",
    ),
    "mediation_step_done": ("已记下调解经过：{step}（编号 {id}）", "Recorded: {step} (id {id})"),
    "mediation_follow_up": (
        "{on} 前后去回访一次，看看有没有再闹起来；到时 dyz today 会提醒。",
        "Go back around {on} to see that it holds; dyz today will remind you.",
    ),
    "mediation_agreed": ("调解成功", "settled by mediation"),
    "mediation_agreed_as": ("调解成功：{note}", "settled by mediation: {note}"),
    "mediation_settled": (
        "诉求 {id} 记为就地解决（调解成功），不再列在待议事项里。",
        "The need {id} is marked resolved (settled by mediation) and leaves the council's agenda.",
    ),
    "mediation_open": ("调解中", "in progress"),
    "volunteer_no_services": ("还没有记过服务。", "No services recorded yet."),
    "volunteer_hours": (
        "做过 {count} 次服务，共 {total} 小时（{by_kind}）",
        "{count} services, {total} hours in all ({by_kind})",
    ),
    "service_kind_exists": ("服务项目 {code} 已经有了。", "The service {code} already exists."),
    "service_kind_added": ("已添加服务项目 {code}", "Added the service {code}"),
    "service_not_offered": (
        "提醒：{name} 登记的服务里没有“{kind}”，照样记下了。要加上：dyz volunteer edit {name} --service …",
        "Note: {name} did not sign up for “{kind}”; recorded all the same. To add it: dyz"
        " volunteer edit {name} --service …",
    ),
    "service_added": (
        "已记下 {name} 为 {served} 的{kind}（{on}，{hours} 小时，编号 {id}）",
        "Recorded {name}'s {kind} for {served} ({on}, {hours} h, id {id})",
    ),
    # -- petitions -----------------------------------------------------------------------------
    "assign_taken_from": (
        "这件事原来交给了 {name}，现在改交别人；请告诉 {name} 不用去了。",
        "This need was with {name}; it now goes to someone else: let {name} know.",
    ),
    "assign_not_offered": (
        "提醒：{name} 登记的服务里没有能办“{category}”的，照样交给了 {name}。",
        "Note: {name} did not sign up for a service that answers “{category}”; handed over all"
        " the same.",
    ),
    "match_no_service": (
        "“{category}”类的诉求没有对应的志愿服务（有：送学上门、助老、矛盾调解、维修）。",
        "No volunteer service answers a need of “{category}” (tutoring, elderly care, mediation"
        " and repairs do).",
    ),
    "match_none": (
        "还没有能办“{category}”的志愿者。登记：dyz volunteer add --name 姓名 --service …",
        "No volunteer offers help with “{category}” yet. Add one: dyz volunteer add --name NAME"
        " --service …",
    ),
    "match_next": (
        "交给 {name}：dyz petition assign {id} {name}",
        "To hand it to {name}: dyz petition assign {id} {name}",
    ),
    # -- sync --------------------------------------------------------------------------------------
    "member_unknown_none_waiting": (
        "没有“{peer}”的入网请求，目前也没有等待接纳的电脑：请先导入它交来的数据包",
        "No request to join from “{peer}”, and none waiting: import the bundle it gave first.",
    ),
    "member_unknown": (
        "没有“{peer}”的入网请求。等待接纳的：{known}。请先导入它交来的数据包",
        "No request to join from “{peer}”. Waiting: {known}. Import the bundle it gave first.",
    ),
    "member_is_office": ("这就是社区办公室本机。", "That is this office laptop itself."),
    "member_fingerprint_differs": (
        "没有接纳：“{name}”的指纹是 {own}，和电话里念的 {heard} 对不上。请再核对一次；"
        "如果确实不同，可能有人冒充它，不要接纳",
        "Not admitted: the fingerprint of “{name}” is {own}, not {heard} as read over the"
        " phone. Check again; if it really differs, someone may be passing for it: do not"
        " admit it.",
    ),
    "member_no_fingerprint_yet": (
        "“{name}”还没有发来过签名的数据包，没有指纹可核对：请它先用新版 dyz 导出一次交来",
        "“{name}” has not sent a signed bundle yet, so there is no fingerprint to check: ask it"
        " to export once with this dyz first.",
    ),
    "member_already": ("“{name}”已经接纳过了。", "“{name}” is already admitted."),
    "member_not_listed": (
        "名单上没有“{peer}”：dyz members list 可查看",
        "“{peer}” is not on the list: see dyz members list.",
    ),
    "member_already_revoked": ("“{name}”已经撤销过了。", "“{name}” was already revoked."),
    "member_admitted": (
        "已接纳“{name}”（指纹 {fingerprint}）。如果它的数据包刚才只是入网请求，请再导入一次；"
        "导出给它：dyz export --for {name}",
        "Admitted “{name}” (fingerprint {fingerprint}). If its bundle was only a request to"
        " join, import it again; to send it the notebook: dyz export --for {name}",
    ),
    "member_admitted_nokey": (
        "已接纳“{name}”（它用的是旧版 dyz，还没有指纹；它第一个签名的数据包会定下它的密钥）",
        "Admitted “{name}” (it runs an earlier dyz and has no fingerprint yet: its first signed"
        " bundle sets its key)",
    ),
    "member_revoked": (
        "已撤销“{name}”：本办公室收到过的它的修改照常有效，此后它做的修改在所有电脑上都不被接受。"
        "请导出一次数据包，把这个消息带给各单元长",
        "Revoked “{name}”: the changes of it this office holds stand; any it makes after them"
        " is accepted by no laptop. Export a bundle so that the others learn it.",
    ),
    "member_state_admitted": ("已接纳", "admitted"),
    "member_state_revoked": ("已撤销", "revoked"),
    "member_state_requested": ("等待接纳", "waiting"),
}
