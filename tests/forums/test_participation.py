"""The primitives of public participation (forums/participation.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django import forms
from django.conf import settings
from django.core import signing
from django.test import RequestFactory
from django.utils import translation

from forums import participation
from forums.participation import (
    HONEYPOT_FIELD,
    HoneypotMixin,
    RateLimit,
    opt_in_read,
    opt_in_token,
    rate_limited,
)
from forums.tasks import remove_personal_data

# --- Double opt-in -----------------------------------------------------------------------------


def test_it_reads_back_the_row_and_matches_the_address_it_was_sent_to():
    token = opt_in_token(purpose="comment", pk=42, email="Aino.Asukas@example.fi")
    opt_in = opt_in_read(token, purpose="comment")
    assert opt_in is not None
    assert opt_in.pk == 42
    assert opt_in.matches("aino.asukas@example.fi ")  # case and spaces do not matter
    assert not opt_in.matches("someone.else@example.fi")
    assert not opt_in.matches("")  # the address was removed: the link confirms nothing


def test_it_refuses_a_token_for_another_purpose():
    token = opt_in_token(purpose="comment", pk=1, email="a@example.fi")
    assert opt_in_read(token, purpose="support") is None


def test_it_refuses_a_forged_or_mangled_token():
    token = opt_in_token(purpose="comment", pk=1, email="a@example.fi")
    value, _sep, signature = token.rpartition(":")
    forged = signing.TimestampSigner(salt="something else").sign_object({"pk": 2, "e": "x"})
    assert opt_in_read(f"{value}:{signature[::-1]}", purpose="comment") is None
    assert opt_in_read(forged, purpose="comment") is None
    assert opt_in_read("", purpose="comment") is None
    assert opt_in_read("x" * 500, purpose="comment") is None
    assert opt_in_read("ä:ö:å", purpose="comment") is None


def test_it_expires_after_seven_days_but_not_before():
    sent = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    with mock.patch("time.time", return_value=sent.timestamp()):
        token = opt_in_token(purpose="comment", pk=7, email="a@example.fi")
    day_six = sent + timedelta(days=6, hours=23)
    day_eight = sent + timedelta(days=7, minutes=1)
    with mock.patch("time.time", return_value=day_six.timestamp()):
        assert opt_in_read(token, purpose="comment") is not None
    with mock.patch("time.time", return_value=day_eight.timestamp()):
        assert opt_in_read(token, purpose="comment") is None


# --- Honeypot ----------------------------------------------------------------------------------


class CommentForm(HoneypotMixin, forms.Form):
    text = forms.CharField(max_length=100)


def test_a_person_who_leaves_the_hidden_field_empty_gets_through():
    form = CommentForm(data={"text": "Hyvä esitys", HONEYPOT_FIELD: ""})
    assert form.is_valid(), form.errors
    assert not form.caught_in_honeypot


def test_a_bot_that_fills_every_field_is_stopped_with_a_message_a_person_could_act_on():
    with translation.override("fi"):
        form = CommentForm(data={"text": "Buy now", HONEYPOT_FIELD: "http://spam.example"})
        assert not form.is_valid()
        assert form.caught_in_honeypot
        assert "tyhjä" in " ".join(form.non_field_errors()).lower()


def test_the_hidden_field_has_a_label_and_stays_out_of_the_tab_order():
    html = str(CommentForm().honeypot)
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html
    assert CommentForm().honeypot.label


def test_the_honeypot_partial_is_hidden_from_people_by_the_stylesheet():
    from django.template.loader import render_to_string

    html = render_to_string("forums/partials/honeypot.html", {"form": CommentForm()})
    assert 'class="hp"' in html and "<label" in html
    css = (settings.BASE_DIR / "static" / "css" / "raati.css").read_text(encoding="utf-8")
    assert ".hp { display: none" in css


# --- Rate limits -------------------------------------------------------------------------------


def _request(address: str = "192.0.2.1"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_it_lets_an_address_send_up_to_its_limit_per_target_then_asks_it_to_wait():
    limit = RateLimit(bucket="comment", per_address=3, window=3600)
    answers = [rate_limited(_request(), limit, target="consultation:1") for _ in range(4)]
    assert answers[:3] == [0, 0, 0]
    assert 0 < answers[3] <= 3600
    # Another target and another address have their own counters.
    assert rate_limited(_request(), limit, target="consultation:2") == 0
    assert rate_limited(_request("198.51.100.7"), limit, target="consultation:1") == 0


def test_it_limits_a_target_from_all_addresses_together():
    limit = RateLimit(bucket="support", per_address=10, window=60, per_target=3)
    waits = [
        rate_limited(_request(f"192.0.2.{n}"), limit, target="initiative:5") for n in range(1, 5)
    ]
    assert waits[:3] == [0, 0, 0]
    assert waits[3] > 0
    assert rate_limited(_request("192.0.2.9"), limit, target="initiative:6") == 0


def test_nobody_is_limited_when_the_cache_is_away():
    limit = RateLimit(bucket="comment", per_address=1, window=60)
    with mock.patch("portal.lib.ratelimit.cache.add", side_effect=ConnectionError):
        assert [rate_limited(_request(), limit, target="x") for _ in range(3)] == [0, 0, 0]


def test_the_open_data_api_still_counts_with_the_shared_limit(client, settings):
    settings.OPARL_RATE_LIMIT = 2
    statuses = [client.get("/oparl/v1/system").status_code for _ in range(3)]
    assert statuses[-1] == 429


# --- Consent texts -----------------------------------------------------------------------------


def test_the_consent_texts_say_what_is_public_and_for_how_long_data_is_kept():
    with translation.override("fi"):
        comment = str(participation.CONSENT_COMMENT)
        support = str(participation.CONSENT_SUPPORT)
        statement = str(participation.CONSENT_STATEMENT)
    assert str(participation.PERSONAL_DATA_KEPT_DAYS) in comment
    assert str(participation.PERSONAL_DATA_KEPT_DAYS) in support
    assert "sähköposti" in comment.lower() and "sähköposti" in support.lower()
    assert "lausun" in statement.lower()


# --- Removal of personal data on a schedule ----------------------------------------------------


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(participation, "_REGISTRY", {})
    return participation._REGISTRY


def test_it_runs_each_registered_removal_with_its_own_cutoff(registry):
    seen: dict[str, datetime] = {}
    now = datetime(2026, 6, 1, 3, 45, tzinfo=UTC)

    @participation.personal_data_removal("test-comments", what="comments", days=90)
    def remove_comments(cutoff: datetime) -> int:
        seen["comments"] = cutoff
        return 2

    @participation.personal_data_removal("test-supporters", what="supporters", days=30)
    def remove_supporters(cutoff: datetime) -> int:
        seen["supporters"] = cutoff
        return 5

    assert participation.personal_data_remove_due(now) == {
        "test-comments": 2,
        "test-supporters": 5,
    }
    assert seen == {"comments": now - timedelta(days=90), "supporters": now - timedelta(days=30)}


def test_one_failing_removal_does_not_stop_the_others(registry):
    @participation.personal_data_removal("a-broken", what="broken")
    def broken(cutoff: datetime) -> int:
        raise RuntimeError("disk full")

    @participation.personal_data_removal("b-working", what="working")
    def working(cutoff: datetime) -> int:
        return 1

    assert participation.personal_data_remove_due() == {"a-broken": -1, "b-working": 1}


def test_the_daily_beat_task_runs_the_removals(registry):
    @participation.personal_data_removal("test", what="test")
    def remove(cutoff: datetime) -> int:
        return 3

    assert remove_personal_data.delay().get() == {"test": 3}
    entry = settings.CELERY_BEAT_SCHEDULE["remove-participants-personal-data"]
    assert entry["task"] == "forums.tasks.remove_personal_data"
    assert entry["schedule"].hour == {3}


def test_a_registering_module_that_does_not_exist_yet_is_skipped_but_a_broken_one_is_not(
    monkeypatch,
):
    monkeypatch.setattr(participation, "REMOVAL_MODULES", ("forums.no_such_module",))
    participation.registered_removals()  # no error
    monkeypatch.setattr(participation, "REMOVAL_MODULES", ("forums.tests_broken_import",))

    def broken_import(name: str):
        raise ModuleNotFoundError("No module named 'nonexistent'", name="nonexistent")

    monkeypatch.setattr(participation, "import_module", broken_import)
    with pytest.raises(ModuleNotFoundError):
        participation.registered_removals()
