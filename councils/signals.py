"""Signals of decision making, sent after the transaction that caused them commits."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with meeting=<Meeting> when its minutes are published or a decision is corrected;
# the documents pipeline renders the minutes and extracts in response.
minutes_published = Signal()

# Sent with meeting=<Meeting> when its agenda is published.
agenda_published = Signal()

# Sent with meeting=<Meeting> when a meeting whose notice is out changes: it was moved,
# or an item was added to its supplementary agenda. A published agenda is rendered anew.
meeting_changed = Signal()
