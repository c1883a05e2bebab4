"""What every laptop agrees on: a change, the hybrid clock that orders changes, the record
declarations, the merge as pure functions, lifecycles of steps, and the settings a unit head may
change. Knows no household and no SQL."""
