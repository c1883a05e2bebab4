"""The notebook's care: doctor and its health checks, backups and restore, undo, the change log in
words, the sample community, a laptop's first setup, and the reminders to back up."""

# other capability packages import none of this package: it sits at the top, under cli/
FACE: tuple[str, ...] = ()
