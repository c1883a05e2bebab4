"""Flats and the people in them: the registry, rolls (花名册) read and written, duplicates,
flags, parts of the community (scopes), the 三长一户 roster, finding a flat from what is typed."""

# the modules other capability packages may import; the rest are this package's own
FACE = (
    "community_kinds",
    "flags",
    "matching",
    "registry",
    "rollcall",
    "rollfile",
    "roster",
    "scopes",
)
