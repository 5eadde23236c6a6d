"""Formal decision making: bodies, people, cases, meetings, agendas, decisions, minutes."""
