"""What is printed or sent: the weekly report, WeChat text, today's list, the rectification
notice, the service card, the agenda and walk sheet, and the ledgers (台账) the office files."""

# other capability packages import none of this package: it sits at the top, under cli/
FACE: tuple[str, ...] = ()
