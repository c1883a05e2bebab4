"""Flats and the people in them: the registry, rolls (花名册) read and written, duplicates,
flags, parts of the community (scopes), the 三长一户 roster, finding a flat from what is typed."""
