"""The messages of the residents' council: its proposals and meetings, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- petitions -----------------------------------------------------------------------------
    "meeting_bad_count": (
        "人数 {value} 不对：请写 0 到 9999 之间的数。",
        "{value} is not a number of people: write 0 to 9999.",
    ),
    "meeting_more_present": (
        "实到 {present} 人比应到 {expected} 人还多：请核对 --present 和 --expected。",
        "{present} present but only {expected} members: check --present and --expected.",
    ),
    "meeting_more_votes": (
        "赞成、反对、弃权一共 {votes} 票，比实到的 {present} 人还多：请核对票数。",
        "{votes} votes but only {present} present: check the votes.",
    ),
    "proposal_not_found": (
        "找不到编号以 {id} 开头的建议，见 dyz council agenda。",
        "No proposal id starts with {id}; see dyz council agenda.",
    ),
    "proposal_made": (
        "已形成建议（编号 {id}），涉及 {petitions}。",
        "Proposal {id} made from {petitions}.",
    ),
    "proposal_decided": (
        "已登记社区的决定：{decision}（建议 {id}）。",
        "Recorded the office's decision: {decision} (proposal {id}).",
    ),
}
