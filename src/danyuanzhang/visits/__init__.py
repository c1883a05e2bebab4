"""Door-knocking (敲门行动): a visit to one flat with all it turns up, and the interview asked
at the door."""

# the modules other capability packages may import; the rest are this package's own
FACE = ("antifraud", "doorstep", "due", "plan")
