"""Cooperation and participation: forums, organisations, consultations, initiatives."""
