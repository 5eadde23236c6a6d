"""The clerks' views: preparing, recording and publishing meetings, one module per stage."""
