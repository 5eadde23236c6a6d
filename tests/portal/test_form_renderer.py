"""The form renderer writes the markup of Django's form templates, byte for byte."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from councils.models import Body
from portal.lib.form_renderer import INPUT_TEMPLATES, QuickRenderer
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

NASTY = 'Nuorisovaltuusto "<script>alert(1)</script>" & muut'


class EveryKindForm(forms.Form):
    """One field of each kind the project's forms use, labels and choices to escape."""

    required_css_class = "required"

    q = forms.CharField(
        label=NASTY,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    email = forms.EmailField(required=False, help_text=mark_safe("<b>bold</b> help"))
    number = forms.IntegerField(required=False, label="Määrä?")
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.DateTimeField(required=False)
    yes = forms.BooleanField(required=False, help_text="Tick it.")
    outcome = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Kaikki"),
            ("<x>", NASTY),
            ("Ryhmä", [("a", "Yksi"), ("b", "Kaksi")]),
        ],
    )
    many = forms.MultipleChoiceField(required=False, choices=[("1", "Yksi"), ("2", "Kaksi")])
    body = forms.ModelChoiceField(
        queryset=Body.objects.order_by("name"), to_field_name="slug", required=False
    )
    kind = forms.ChoiceField(
        required=False, choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    text = forms.CharField(required=False, widget=forms.Textarea)
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    disabled = forms.CharField(required=False, disabled=True, initial="<kiinteä>")


DATA = [
    None,  # unbound
    {"q": "strategia", "yes": "on", "outcome": "b", "many": ["1", "2"], "kind": "a"},
    {
        "q": "<script>" * 5,
        "email": "ei osoite",
        "number": "x",
        "start": "2024-13-45",
        "at": "huomenna",
        "outcome": "<x>",
        "many": ["3"],
        "body": "olematon",
        "kind": "c",
        "text": "<p>teksti</p>",
        "secret": '"salainen"',
        "token": "a&b",
    },
]


def _both(data: dict[str, object] | None) -> Iterator[tuple[forms.Form, forms.Form]]:
    yield (
        EveryKindForm(data, renderer=QuickRenderer()),
        EveryKindForm(data, renderer=DjangoTemplates()),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("data", DATA, ids=["unbound", "valid", "invalid"])
def test_every_kind_of_field_is_written_as_djangos_templates_write_it(data):  # type: ignore[no-untyped-def]
    BodyFactory(name=NASTY, slug="nuoret")
    BodyFactory(name="Aluehallitus", slug="aluehallitus")
    for ours, theirs in _both(data):
        assert str(ours) == str(theirs)
        assert ours.as_p() == theirs.as_p()
        for name in ours.fields:
            assert ours[name].as_field_group() == theirs[name].as_field_group(), name
            assert ours[name].label_tag() == theirs[name].label_tag(), name
            assert str(ours[name].errors) == str(theirs[name].errors), name
    html = str(EveryKindForm(DATA[2], renderer=QuickRenderer()))
    # What a visitor typed or a label holds comes out escaped, never as markup.
    assert "<script>" not in html
    assert 'value="&lt;script&gt;&lt;script&gt;' in html
    assert '<option value="&lt;x&gt;" selected>' in html
    assert '<optgroup label="Ryhmä">' in html


def test_the_input_templates_it_writes_are_djangos_include_of_input_html() -> None:
    for name in INPUT_TEMPLATES:
        source = DjangoTemplates().get_template(name).template.source
        assert source.strip() == '{% include "django/forms/widgets/input.html" %}', name


@pytest.fixture
def django_renderer(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The pages as Django's own templates would render their forms."""
    settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
    get_default_renderer.cache_clear()  # type: ignore[attr-defined]
    yield
    get_default_renderer.cache_clear()  # type: ignore[attr-defined]


def _pages(client: Client, urls: list[str]) -> list[bytes]:
    # The per-request tokens differ between any two renders.
    tokens = re.compile(rb'(csrfmiddlewaretoken" value=|X-CSRFToken": |form_once" value=)"[^"]+"')
    return [tokens.sub(rb"\1", client.get(url).content) for url in urls]


@pytest.mark.django_db
def test_the_filter_pages_and_an_item_editor_read_the_same_as_with_djangos_templates(  # type: ignore[no-untyped-def]
    request,
):
    body = BodyFactory(name="Aluehallitus", slug="aluehallitus")
    BodyFactory(name=NASTY, slug="nuoret")
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    meeting = MeetingFactory(body=body, start=timezone.now() + timedelta(days=7))
    item = AgendaItemFactory(meeting=meeting, section=1)
    public = [
        "/haku/?q=strategia",
        "/haku/?q=x&toimielin=aluehallitus&alkaen=2024-01-01&laji=paatokset&jarjestys=uusin",
        "/haku/?q=x&alkaen=2024-13-45&toimielin=olematon&laji=zz",
        "/paatokset/?toimielin=nuoret&muodolliset=on",
        "/paatokset/?alkaen=huono&asti=2020-01-01",
    ]
    staff = Client()
    staff.force_login(clerk)
    editor = [reverse("staff:item_edit", args=[item.pk]), reverse("staff:meeting_new")]
    get_default_renderer.cache_clear()
    ours = _pages(Client(), public) + _pages(staff, editor)
    request.getfixturevalue("django_renderer")
    theirs = _pages(Client(), public) + _pages(staff, editor)
    assert b"<select" in ours[0] and b"<textarea" in ours[-2]
    assert ours == theirs
