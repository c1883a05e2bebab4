"""The messages of what is printed: the unit's card, the hazard notice, the council's agenda, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- roster and card ------------------------------------------------------------------------
    "photo_unreadable": (
        "读不到照片文件 {path}，请检查路径。",
        "Cannot read the photo {path}; check the path.",
    ),
    "photo_too_big": (
        "照片 {path} 太大（最多 {limit_mb} MB），不像一张照片。请换一张照片。",
        "The photo {path} is too big ({limit_mb} MB at most) to be a photo; choose another.",
    ),
    "photo_heic": (
        "{path} 是苹果手机的 HEIC 照片，dyz 读不了。请在手机上用“设置→相机→格式→兼容性最佳”"
        "拍照，或把照片发到微信再保存，就是 JPG。",
        "{path} is an iPhone HEIC photo, which dyz cannot read. Set Settings > Camera > Formats"
        " > Most Compatible on the phone, or send the photo through WeChat and save it: it is"
        " then a JPG.",
    ),
    "photo_not_image": (
        "{path} 不是 JPG、PNG、GIF 或 WebP 图片。",
        "{path} is not a JPG, PNG, GIF or WebP picture.",
    ),
    # -- the database ------------------------------------------------------------------------
    "card_need_unit": (
        "印哪个单元的服务牌？请加 --unit 2-2（或用 dyz init --unit 2-2 记下本机负责的单元）。",
        "Which unit's card? Add --unit 2-2 (or set this laptop's unit: dyz init --unit 2-2).",
    ),
    # -- roster and card ------------------------------------------------------------------------
    "card_unit": ("{building}栋{unit}单元", "Building {building}, Unit {unit}"),
    "card_title": ("单元长服务牌", "Service Card"),
    "card_vacant": ("待定", "to be appointed"),
    "card_phone": ("电话", "Phone"),
    "card_duties": ("职责", "Duties"),
    "card_numbers": ("常用电话", "Useful numbers"),
    "card_footer": (
        "有困难、有诉求、发现隐患，请随时联系我们！",
        "Need help, have a request or see a hazard? Call us any time.",
    ),
    "duties_area_head": (
        "统筹片区事务，协调解决居民诉求",
        "Runs the area; takes residents' needs further",
    ),
    "duties_building_head": (
        "联系本栋各单元，收集上报居民诉求",
        "Links the units of the building; carries needs up",
    ),
    "duties_unit_head": (
        "入户走访、收集诉求、排查隐患、反诈宣传",
        "Door-knocking, collecting needs, fire-safety patrols, anti-fraud advice",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "notice_title": ("消防安全隐患整改通知书", "Fire Hazard Notice"),
    "notice_number": ("{number}", "No. {number}"),
    "notice_to": ("{household}住户：", "To the household of {household}:"),
    "notice_to_unit": ("{unit}全体住户：", "To all households of {unit}:"),
    "notice_found": (
        "{on}，我们在{where}发现{kind}{note}。",
        "On {on} we found {kind} at {where}{note}.",
    ),
    "notice_note": ("：{note}", ": {note}"),
    "notice_due_what": (
        "请于{due}（{weekday}）前整改完毕：{what}。",
        "Please put it right by {weekday} {due}: {what}.",
    ),
    "notice_soon_what": (
        "请尽快整改完毕：{what}。",
        "Please put it right as soon as you can: {what}.",
    ),
    "notice_unnumbered": ("（预览，打印时编号）", "(preview: numbered when printed)"),
    "notice_past_due": (
        "注意：整改期限 {due} 已经过了。要给新期限：dyz hazard edit {id} --due 日期，再打印。",
        "Note: the deadline {due} has passed. To give a new one: dyz hazard edit {id} --due DATE,"
        " then print again.",
    ),
    "notice_preview": (
        "这是预览，没有占用编号；打印时加 -o 通知.html（或 -f html -o 文件）才编号。",
        "This is a preview and uses no number; print with -o notice.html to number it.",
    ),
    "notice_danger": ("为什么危险：{why}", "Why it is dangerous: {why}"),
    "notice_due": (
        "请于{due}（{weekday}）前整改完毕。",
        "Please put it right by {weekday} {due}.",
    ),
    "notice_soon": ("请尽快整改完毕。", "Please put it right as soon as you can."),
    "notice_recheck": (
        "{day}起，单元长将上门复查整改情况。",
        "From {day} your unit head will come back to check.",
    ),
    "notice_recheck_soon": (
        "单元长将上门复查整改情况。",
        "Your unit head will come back to check.",
    ),
    "notice_contact": (
        "整改中有困难，请找单元长{name}，电话{phone}。",
        "If you need help, call your unit head {name} on {phone}.",
    ),
    "notice_contact_vacant": (
        "整改中有困难，请联系社区居委会。",
        "If you need help, call the community office.",
    ),
    "notice_signed_head": ("单元长（签字）：", "Unit head (signature):"),
    "notice_stamp": ("{community}（盖章）", "{community} (stamp)"),
    "notice_cut": (
        "✂ 沿此线剪下，请签字后交回单元长",
        "✂ Cut here, sign and return to your unit head",
    ),
    "notice_receipt": ("回执", "Receipt"),
    "notice_receipt_number": ("通知书编号：{number}", "Notice: {number}"),
    "notice_receipt_text": (
        "本户已收到{on}的《消防安全隐患整改通知书》（{kind}），将于{due}前整改完毕。",
        "We have received the notice of {on} ({kind}) and will put it right by {due}.",
    ),
    "notice_receipt_text_soon": (
        "本户已收到{on}的《消防安全隐患整改通知书》（{kind}），将尽快整改完毕。",
        "We have received the notice of {on} ({kind}) and will put it right soon.",
    ),
    "notice_resident_sign": ("住户签字：", "Signed for the household:"),
    "notice_date_blank": ("日期：　　年　　月　　日", "Date:"),
    # -- petitions -----------------------------------------------------------------------------
    "agenda_kept_elsewhere": (
        "另有 {count} 条在别的单元长那里（原话不外传）",
        "{count} more kept by other units' heads (their words stay there)",
    ),
    "agenda_title": ("“小巷回声”议事会议程（{date}）", "Residents' council agenda ({date})"),
    "agenda_matters": ("待议事项", "Matters to discuss"),
    "agenda_proposals": ("待社区答复的建议", "Proposals awaiting the office's answer"),
    "agenda_none": ("（无）", "(none)"),
}
