"""What a visit or a patrol turns up and follows to its end: hazards and patrols, needs and the
council's items, needs handed to volunteers, mediation, the volunteer team."""
