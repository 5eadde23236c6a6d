"""A list's meeting rows (`meeting_items`) write dates as Django's formats would."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

from councils.templatetags.councils import meeting_items
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_row_has_the_weekday_date_and_time_as_the_languages_format_writes_them(language):
    body = BodyFactory(name='Hallitus & "jaosto" <b>')
    # Every weekday, both sides of a DST change, midnight and single-digit days and months.
    starts = [
        datetime(2026, 3, 23, 0, 5, tzinfo=HELSINKI) + timedelta(days=n, hours=n) for n in range(9)
    ]
    starts.append(datetime(2026, 10, 25, 23, 59, tzinfo=HELSINKI))
    meetings = [
        MeetingFactory(body=body, start=start, year=start.year, number=700 + n)
        for n, start in enumerate(starts)
    ]
    with translation.override(language):
        html = meeting_items(meetings, show_body=True)
        for meeting in meetings:
            start = timezone.localtime(meeting.start)
            written = (
                f'<time datetime="{start.isoformat()}">{date_format(start, "l j.n.Y")}'
                f" {translation.gettext('at')} {time_format(start, 'H.i')}</time>"
            )
            assert written in html
            assert f'<a href="{meeting.get_absolute_url()}">' in html
            assert f"{meeting.number}/{meeting.year}</a>" in html
    assert html.count("Hallitus &amp; &quot;jaosto&quot; &lt;b&gt; ") == len(meetings)
    assert "<b>" not in html
