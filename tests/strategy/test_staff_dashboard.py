"""The chairs' and the board's dashboard and its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import Status
from tests.factories import AgendaItemFactory, GoalLinkFactory, MeetingFactory, StatusUpdateFactory
from tests.strategy.staff_helpers import arrange, badge, chair, outsider, strategist

pytestmark = pytest.mark.django_db

URL = "/hallinta/strategia/"
CSV_URL = "/hallinta/strategia/tilannekuva.csv"


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_it_sends_an_anonymous_visitor_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/kirjaudu/?next=")


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_it_refuses_a_user_without_the_permission(client, url):
    client.force_login(outsider())
    response = client.get(url)
    assert response.status_code == 403
    assert "<h1>" in response.content.decode()  # the site's 403 page, not a bare error


def test_it_shows_a_chair_the_goals_with_off_track_first(client):
    arranged = arrange()
    StatusUpdateFactory(period=arranged.previous, goal=arranged.off_track, status=Status.AT_RISK)
    StatusUpdateFactory(
        period=arranged.period,
        goal=arranged.off_track,
        status=Status.OFF_TRACK,
        suggested_status=Status.OFF_TRACK,
    )
    client.force_login(chair())
    html = client.get(URL).content.decode()
    assert html.index("Tasapainoinen talous") < html.index("Hyvät palvelut")
    assert "T9/2099" in html and "T8/2099" in html
    # A status is a symbol and a word, never a colour only.
    assert badge(Status.OFF_TRACK) in html
    assert "↓" in html  # at risk → off track is worse


def test_it_lists_overdue_indicators_and_goals_without_a_decision_this_year(client):
    arranged = arrange()
    arranged.indicator.next_due = arranged.today - timedelta(days=1)
    arranged.indicator.save(update_fields=["next_due"])
    meeting = MeetingFactory(start=MeetingFactory.start.replace(year=arranged.today.year))
    item = AgendaItemFactory(meeting=meeting)
    GoalLinkFactory(goal=arranged.off_track, agenda_item=item)
    client.force_login(chair())
    html = client.get(URL).content.decode()
    on_track_row = html[html.index('data-goal-code="1"') :].split("</tr>")[0]
    off_track_row = html[html.index('data-goal-code="2"') :].split("</tr>")[0]
    assert "Asiakastyytyväisyys" in on_track_row  # its values are overdue
    assert "⚑" in on_track_row  # no linked decision this year
    assert "⚑" not in off_track_row


def test_the_csv_has_the_same_rows_for_excel(client):
    arranged = arrange()
    arranged.off_track.title = '=HYPERLINK("http://evil")'
    arranged.off_track.save(update_fields=["title"])
    client.force_login(strategist())
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="strategia-tilannekuva-t9-2099.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads UTF-8 (ä, ö) only with the BOM
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["tyyppi", "koodi", "nimi"]
    assert [row[1] for row in rows[1:]] == ["2", "1"]  # off track first, like the page
    assert rows[1][2].startswith("'=")  # a formula is not run by the spreadsheet


def test_the_dashboard_queries_do_not_grow_with_goals(client):
    from strategy.models import Goal, Strategy

    client.force_login(chair())
    arrange()
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    Strategy.objects.all().delete()
    arrange(goals=30)
    assert Goal.objects.count() == 32
    with CaptureQueriesContext(connection) as many:
        html = client.get(URL).content.decode()
    assert html.count("data-goal-code=") == 32
    sql = "\n".join(q["sql"][:150] for q in many.captured_queries)
    assert len(few) == len(many), f"{len(few)} queries with 2 goals, {len(many)} with 32:\n{sql}"
    assert len(many) <= 20
