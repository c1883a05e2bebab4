"""Door-knocking (敲门行动): a visit to one flat with all it turns up, and the interview asked
at the door."""
