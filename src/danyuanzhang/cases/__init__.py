"""What a visit or a patrol turns up and follows to its end: hazards and patrols, needs and the
council's items, needs handed to volunteers, mediation, the volunteer team."""

# the modules other capability packages may import; the rest are this package's own
FACE = (
    "assignments",
    "council",
    "hazards",
    "mediation",
    "patrol_due",
    "patrols",
    "petitions",
    "volunteers",
)
