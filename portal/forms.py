from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from portal.models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        labels = {
            "message": _("What did you find difficult to use?"),
            "page": _("Which page or document does it concern? (optional)"),
            "name": _("Your name (optional)"),
            "email": _("E-mail address for the reply (optional)"),
        }
        help_texts = {
            "message": _("At most 5,000 characters."),
            "email": _("Without an e-mail address we cannot reply to you."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


class LoginForm(AuthenticationForm):
    """Django's sign-in form with its length limits enforced before authentication.

    Django sets the username's maximum length on the widget only; without a validator
    an overlong name reaches django-axes, whose attempt log cannot store it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(150))
        self.fields["password"].validators.append(MaxLengthValidator(1024))


class SubscriptionForm(forms.Form):
    """Follow something by e-mail. What is followed comes from the page's address."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address; the alert starts when you open it."),
    )
    # A honeypot: hidden from people (and from assistive technology), filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
