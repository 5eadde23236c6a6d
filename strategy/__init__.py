"""The county's strategy: goals, programmes, indicators and status reports."""
